// The Language section: the system's language, or one chosen here among those
// Rust offers (each named in itself). The choice is saved with the settings;
// the screen is then drawn again in that language.

import type { Settings, WindowLanguages } from "../bindings";
import { h } from "../dom";
import { t } from "../i18n";
import { api, asCommandError } from "../ipc";
import { showError } from "../toast";

/** The option that follows the system (a language tag is never empty). */
const SYSTEM = "";

/** The picker; `changed` gets the saved settings. */
export function languageSection(settings: Settings, languages: WindowLanguages, changed: (settings: Settings) => void | Promise<void>): HTMLElement {
  const chosen = settings.language ?? SYSTEM;
  const select = h("select", { id: "language", class: "field select" });
  select.append(h("option", { value: SYSTEM, selected: chosen === SYSTEM }, t("language-system")));
  for (const offered of languages.offered) {
    select.append(h("option", { value: offered.language, lang: offered.language, selected: chosen === offered.language }, offered.ownName));
  }
  select.addEventListener("change", async () => {
    try {
      await changed(await api.changeSetting({ setting: "language", value: select.value === SYSTEM ? null : select.value }));
    } catch (caught) {
      showError(asCommandError(caught).message);
      select.value = chosen;
    }
  });
  return h(
    "section",
    { class: "card", "aria-labelledby": "language-title" },
    h("h2", { id: "language-title" }, t("language-title")),
    h("label", { for: "language", class: "label" }, t("language-label")),
    select,
  );
}
