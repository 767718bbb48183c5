// The Clipboard section: when copied keys and tokens are cleared.

import { CHOICES, type ClipboardClear, type Settings } from "../bindings";
import { h } from "../dom";
import { durationLabel } from "../format";
import { api, asCommandError } from "../ipc";
import { showError, showToast } from "../toast";

// The delays come from Rust (CHOICES); only the words are made here.
const CLEAR_CHOICES = CHOICES.clipboardClear.map((value) => ({
  value,
  label: value.kind === "never" ? "Never" : `After ${durationLabel(value.seconds)}`,
}));

function clearValue(choice: ClipboardClear): string {
  return choice.kind === "after" ? String(choice.seconds) : "never";
}

/** The delay picker; `saved` gets the settings once Rust has saved them. */
export function clipboardSection(settings: Settings, saved: (settings: Settings) => void): HTMLElement {
  const select = h("select", { id: "clear-delay", class: "field select" });
  for (const choice of CLEAR_CHOICES) {
    const value = clearValue(choice.value);
    select.append(h("option", { value, selected: value === clearValue(settings.clipboardClear) }, choice.label));
  }
  select.addEventListener("change", async () => {
    const choice = CLEAR_CHOICES.find((c) => clearValue(c.value) === select.value);
    if (!choice) return;
    try {
      saved(await api.saveSettings({ ...settings, clipboardClear: choice.value }));
      showToast("Saved.");
    } catch (caught) {
      showError(asCommandError(caught).message);
      select.value = clearValue(settings.clipboardClear);
    }
  });
  return h(
    "section",
    { class: "card", "aria-labelledby": "clipboard-title" },
    h("h2", { id: "clipboard-title" }, "Clipboard"),
    h("p", { class: "muted" }, "A copied key is removed from the clipboard after this delay, unless you have copied something else since."),
    h("label", { for: "clear-delay", class: "label" }, "Clear copied keys"),
    select,
  );
}
