// The update banner: a newer version is on offer; install it (the app
// downloads it, checks Toucan AI's signature, installs and restarts) or later.
// Nothing is installed unless the person presses "Install and restart".

import type { UpdateOffer } from "../bindings";
import { h } from "../dom";
import { api, asCommandError } from "../ipc";
import { t } from "../i18n";

export interface UpdateHandlers {
  /** The person chose "Later": hide the banner until the next check. */
  dismiss: () => void;
}

/** The banner for `offer`. Install failures are shown in it, and the app keeps running. */
export function updateBanner(offer: UpdateOffer, handlers: UpdateHandlers): HTMLElement {
  const error = h("p", { class: "update-error", role: "alert", hidden: true });
  const install = h("button", { type: "button", class: "button primary small", id: "install-update" }, t("update-install"));
  const later = h("button", { type: "button", class: "button small", onclick: handlers.dismiss }, t("later"));
  install.addEventListener("click", async () => {
    install.disabled = later.disabled = true;
    install.textContent = t("update-installing");
    error.hidden = true;
    try {
      await api.installUpdate();
    } catch (caught) {
      error.textContent = asCommandError(caught).message;
      error.hidden = false;
      install.disabled = later.disabled = false;
      install.textContent = t("update-install");
    }
  });
  return h(
    "section",
    { class: "card update", "aria-labelledby": "update-title", id: "update" },
    h("h2", { id: "update-title" }, t("update-title", { version: offer.version })),
    h("p", { class: "muted" }, t("update-text", { current: offer.currentVersion })),
    offer.notes ? h("p", { class: "update-notes" }, h("strong", {}, t("update-notes-lead"), " "), offer.notes) : null,
    error,
    h("div", { class: "actions" }, later, install),
  );
}
