// The Language section: the system's language (French or English), or one
// chosen here. The choice is saved with the settings; the screen is then
// drawn again in that language.

import type { Language, Settings } from "../bindings";
import { h } from "../dom";
import { t } from "../i18n";
import { api, asCommandError } from "../ipc";
import { showError } from "../toast";

const LANGUAGES: Language[] = ["system", "english", "french"];

/** The picker; `changed` gets the saved settings. */
export function languageSection(settings: Settings, changed: (settings: Settings) => void | Promise<void>): HTMLElement {
  const select = h("select", { id: "language", class: "field select" });
  for (const language of LANGUAGES) {
    select.append(h("option", { value: language, selected: language === settings.language }, t(`language-${language}`)));
  }
  select.addEventListener("change", async () => {
    try {
      await changed(await api.changeSetting({ setting: "language", value: select.value as Language }));
    } catch (caught) {
      showError(asCommandError(caught).message);
      select.value = settings.language;
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
