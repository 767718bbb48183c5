// The Profile section: the person's display name.

import type { Settings } from "../bindings";
import { h } from "../dom";
import { avatarContent, initials } from "../state";
import { t } from "../i18n";

export function profileSection(settings: Settings, editDisplayName: () => void): HTMLElement {
  return h(
    "section",
    { class: "card", "aria-labelledby": "profile-title" },
    h("h2", { id: "profile-title" }, t("profile-title")),
    h(
      "div",
      { class: "profile-row" },
      h("span", { class: initials(settings.displayName) ? "avatar" : "avatar anonymous", "aria-hidden": "true" }, avatarContent(settings.displayName)),
      h("span", { class: "display-name" }, settings.displayName ?? t("profile-no-name-yet")),
      h("button", { type: "button", class: "button small", onclick: editDisplayName }, t("edit-display-name")),
    ),
  );
}
