// The profile button on the rail and its menu.

import type { Settings } from "../bindings";
import { h } from "../dom";
import { menuButton } from "../menu";
import { avatarContent, initials } from "../state";
import { t } from "../i18n";

export interface ProfileMenuHandlers {
  editDisplayName(): void;
  checkForUpdate(): void;
}

/** The button with the person's initials, and the menu it opens. */
export function profileMenu(settings: Settings, updateFeed: boolean, handlers: ProfileMenuHandlers): HTMLElement {
  const shown = initials(settings.displayName);
  const profile = menuButton({
    id: "profile-menu",
    content: avatarContent(settings.displayName),
    // The visible initials come first, so voice control finds the button by what it shows (WCAG 2.5.3).
    ariaLabel: shown ? t("profile-button", { initials: shown, name: settings.displayName ?? "" }) : t("profile-button-no-name"),
    buttonClass: shown ? "profile-button" : "profile-button anonymous",
    menuLabel: t("profile-title"),
    menuClass: "profile-menu",
    header: h("p", { class: "menu-name" }, settings.displayName ?? ""),
    items: [
      { label: t("page-title"), run: () => document.getElementById("page-title")?.focus() },
      { label: t("edit-display-name"), run: () => handlers.editDisplayName() },
      ...(updateFeed ? [{ label: t("check-for-updates"), run: () => handlers.checkForUpdate() }] : []),
    ],
  });
  profile.classList.add("profile");
  return profile;
}
