// The Profile section: the person's display name.

import type { Settings } from "../bindings";
import { h } from "../dom";
import { initials } from "../state";

export function profileSection(settings: Settings, editDisplayName: () => void): HTMLElement {
  return h(
    "section",
    { class: "card", "aria-labelledby": "profile-title" },
    h("h2", { id: "profile-title" }, "Profile"),
    h(
      "div",
      { class: "profile-row" },
      h("span", { class: "avatar", "aria-hidden": "true" }, initials(settings.displayName)),
      h("span", { class: "display-name" }, settings.displayName ?? "No name yet"),
      h("button", { type: "button", class: "button small", onclick: editDisplayName }, "Edit display name"),
    ),
  );
}
