// The API Keys section: the Create button, the key table, and a banner when
// the keys or the keychain couldn't be read.

import type { KeySummary } from "../bindings";
import { h } from "../dom";
import type { ScreenState } from "../state";
import { openCreateKeyDialog } from "../views/create-key";
import { keyTable, type RowActions } from "../views/key-table";

export interface KeysHandlers {
  /** A key was created or copied in the create dialog. */
  created(key: KeySummary): void;
  /** Checks the keychain again. */
  retryKeychain(): void;
}

function banner(message: string, retry?: () => void): HTMLElement {
  return h(
    "div",
    { class: "banner", role: "alert" },
    h("span", {}, message),
    retry ? h("button", { type: "button", class: "button small", onclick: retry }, "Try again") : null,
  );
}

export function keysSection(state: ScreenState, actions: RowActions, handlers: KeysHandlers): HTMLElement {
  return h(
    "section",
    { class: "card", "aria-labelledby": "api-keys-title", id: "api-keys" },
    h(
      "div",
      { class: "section-head" },
      h(
        "div",
        {},
        h("h2", { id: "api-keys-title" }, "API Keys"),
        h(
          "p",
          { class: "muted" },
          "Your backend sends an API key to request signed session tokens for embedded dashboards. Each key is shown once and kept in your computer's keychain.",
        ),
      ),
      h(
        "button",
        { type: "button", class: "button primary", id: "create-key", onclick: () => openCreateKeyDialog(handlers.created) },
        "Create API Key",
      ),
    ),
    state.keychainWarning ? banner(state.keychainWarning, handlers.retryKeychain) : null,
    state.loadError ? banner(state.loadError) : keyTable(state.keys, actions, state.serverKeys()),
  );
}
