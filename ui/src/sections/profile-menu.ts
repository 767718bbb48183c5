// The profile button on the rail and its menu.

import type { Settings } from "../bindings";
import { h } from "../dom";
import { menuButton } from "../menu";
import { initials } from "../state";

export interface ProfileMenuHandlers {
  editDisplayName(): void;
  checkForUpdate(): void;
}

/** The button with the person's initials, and the menu it opens. */
export function profileMenu(settings: Settings, updateFeed: boolean, handlers: ProfileMenuHandlers): HTMLElement {
  const shown = initials(settings.displayName);
  const profile = menuButton({
    id: "profile-menu",
    content: shown,
    // The visible initials come first, so voice control finds the button by what it shows (WCAG 2.5.3).
    ariaLabel: `${shown}: profile of ${settings.displayName ?? "no name yet"}`,
    buttonClass: "profile-button",
    menuLabel: "Profile",
    menuClass: "profile-menu",
    header: h("p", { class: "menu-name" }, settings.displayName ?? ""),
    items: [
      { label: "Account settings", run: () => document.getElementById("page-title")?.focus() },
      { label: "Edit display name", run: () => handlers.editDisplayName() },
      ...(updateFeed ? [{ label: "Check for updates", run: () => handlers.checkForUpdate() }] : []),
    ],
  });
  profile.classList.add("profile");
  return profile;
}
