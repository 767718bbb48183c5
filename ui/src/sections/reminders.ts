// The Expiry reminders section: what the reminders are, and the optional
// start at login that lets them come even when the window isn't opened.

import { h } from "../dom";
import { api, asCommandError } from "../ipc";
import { showError, showToast } from "../toast";

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
      showToast(box.checked ? "Toucan Keys will start when you log in." : "Toucan Keys won't start when you log in.");
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
    h("h2", { id: "reminders-title" }, "Expiry reminders"),
    h(
      "p",
      { class: "muted" },
      "Toucan Keys tells you with a desktop notification 14 days and 3 days before a key expires, and when it has expired, once each.",
    ),
    h("label", { class: "checkbox", for: "autostart" }, box, "Start Toucan Keys when I log in, to remind me of expiring keys"),
    problem,
  );
}
