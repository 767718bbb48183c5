// The Clipboard section: when copied keys and tokens are cleared.

import { CHOICES, type ClipboardClear, type Settings } from "../bindings";
import { h } from "../dom";
import { durationLabel } from "../format";
import { api, asCommandError } from "../ipc";
import { showError, showToast } from "../toast";
import { t } from "../i18n";

// The delays come from Rust (CHOICES); only the words are made here.
const clearChoices = () =>
  CHOICES.clipboardClear.map((value) => ({
    value,
    label: value.kind === "never" ? t("never") : t("clear-after", { duration: durationLabel(value.seconds) }),
  }));

function clearValue(choice: ClipboardClear): string {
  return choice.kind === "after" ? String(choice.seconds) : "never";
}

/** The delay picker; `saved` gets the settings once Rust has saved them. */
export function clipboardSection(settings: Settings, saved: (settings: Settings) => void): HTMLElement {
  const CLEAR_CHOICES = clearChoices();
  const select = h("select", { id: "clear-delay", class: "field select" });
  for (const choice of CLEAR_CHOICES) {
    const value = clearValue(choice.value);
    select.append(h("option", { value, selected: value === clearValue(settings.clipboardClear) }, choice.label));
  }
  select.addEventListener("change", async () => {
    const choice = CLEAR_CHOICES.find((c) => clearValue(c.value) === select.value);
    if (!choice) return;
    try {
      saved(await api.changeSetting({ setting: "clipboardClear", value: choice.value }));
      showToast(t("saved"));
    } catch (caught) {
      showError(asCommandError(caught).message);
      select.value = clearValue(settings.clipboardClear);
    }
  });
  return h(
    "section",
    { class: "card", "aria-labelledby": "clipboard-title" },
    h("h2", { id: "clipboard-title" }, t("clipboard-title")),
    h("p", { class: "muted" }, t("clipboard-intro")),
    h("label", { for: "clear-delay", class: "label" }, t("clipboard-clear-label")),
    select,
  );
}
