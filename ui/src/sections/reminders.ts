// The Expiry reminders section: what the reminders are, and the optional
// start at login that lets them come even when the window isn't opened.

import { h } from "../dom";
import { api, asCommandError } from "../ipc";
import { showError, showToast } from "../toast";
import { t } from "../i18n";

export function remindersSection(): HTMLElement {
  const box = h("input", { type: "checkbox", id: "autostart", disabled: true });
  const problem = h("p", { class: "hint warning", hidden: true });
  api
    .getAutostart()
    .then((enabled) => {
      box.checked = enabled;
      box.disabled = false;
    })
    .catch((caught) => {
      problem.textContent = asCommandError(caught).message;
      problem.hidden = false;
    });
  box.addEventListener("change", async () => {
    const wanted = box.checked;
    box.disabled = true;
    try {
      box.checked = await api.setAutostart(wanted);
      showToast(t(box.checked ? "autostart-on" : "autostart-off"));
    } catch (caught) {
      box.checked = !wanted;
      showError(asCommandError(caught).message);
    } finally {
      box.disabled = false;
    }
  });
  return h(
    "section",
    { class: "card", "aria-labelledby": "reminders-title" },
    h("h2", { id: "reminders-title" }, t("reminders-title")),
    h("p", { class: "muted" }, t("reminders-intro")),
    h("label", { class: "checkbox", for: "autostart" }, box, t("autostart-label")),
    problem,
  );
}
