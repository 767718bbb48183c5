// The profile button on the rail and its menu.

import type { Settings } from "../bindings";
import { h } from "../dom";
import { initials } from "../state";

export interface ProfileMenuHandlers {
  editDisplayName(): void;
  checkForUpdate(): void;
}

/** The button with the person's initials, and the menu it opens. */
export function profileMenu(settings: Settings, updateFeed: boolean, handlers: ProfileMenuHandlers): HTMLElement {
  const menu = h("div", { class: "menu", role: "menu", id: "profile-menu", hidden: true, "aria-label": "Profile" });
  const button = h(
    "button",
    {
      type: "button",
      class: "profile-button",
      "aria-haspopup": "menu",
      "aria-expanded": "false",
      "aria-controls": "profile-menu",
      // The visible initials come first, so voice control finds the button by what it shows (WCAG 2.5.3).
      "aria-label": `${initials(settings.displayName)}: profile of ${settings.displayName ?? "no name yet"}`,
    },
    initials(settings.displayName),
  );
  const close = (refocus: boolean) => {
    menu.hidden = true;
    button.setAttribute("aria-expanded", "false");
    if (refocus) button.focus();
  };
  const item = (label: string, run: () => void) =>
    h("button", { type: "button", role: "menuitem", class: "menu-item", onclick: () => (close(false), run()) }, label);
  const items = [
    item("Account settings", () => document.getElementById("page-title")?.focus()),
    item("Edit display name", () => handlers.editDisplayName()),
    ...(updateFeed ? [item("Check for updates", () => handlers.checkForUpdate())] : []),
  ];
  menu.append(h("p", { class: "menu-name" }, settings.displayName ?? ""), ...items);
  button.addEventListener("click", () => {
    const opening = menu.hidden;
    menu.hidden = !opening;
    button.setAttribute("aria-expanded", String(opening));
    if (opening) items[0].focus();
  });
  menu.addEventListener("keydown", (event: KeyboardEvent) => {
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === "Escape") close(true);
    else if (event.key === "ArrowDown") items[(index + 1) % items.length].focus();
    else if (event.key === "ArrowUp") items[(index - 1 + items.length) % items.length].focus();
    else return;
    event.preventDefault();
  });
  return h("div", { class: "profile" }, menu, button);
}
