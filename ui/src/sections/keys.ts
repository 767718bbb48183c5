// The API Keys section: the Create button, find and sort (for two keys or
// more), the key table, and a banner when the keys or the keychain couldn't
// be read.

import type { KeySummary } from "../bindings";
import { h } from "../dom";
import type { ScreenState } from "../state";
import { openCreateKeyDialog } from "../views/create-key";
import { openIdentifyDialog } from "../views/identify-dialog";
import { needsAttention, PAGE_SIZE, type KeyFinder } from "../views/key-finder";
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

/**
 * "2 keys expire soon and 1 has expired", with a button that shows only them
 * (and one that shows every key again); nothing when no key needs attention.
 */
function expiryBanner(keys: KeySummary[], finder: KeyFinder, redraw: () => void): HTMLElement | null {
  const soon = keys.filter((key) => key.status === "expiresSoon").length;
  const expired = keys.filter((key) => key.status === "expired").length;
  if (soon + expired === 0) return null;
  const parts = [
    soon > 0 ? `${soon} ${soon === 1 ? "key expires" : "keys expire"} soon` : null,
    expired > 0 ? `${expired} ${expired === 1 ? "has" : "have"} expired` : null,
  ].filter(Boolean);
  const text = `${parts.join(" and ")}. Roll ${soon + expired === 1 ? "it" : "them"} to keep your backends working.`;
  const toggle = () => {
    finder.showAttentionOnly(!finder.attentionOnly);
    redraw();
  };
  return h(
    "div",
    { class: "banner banner-warning", id: "expiry-banner", role: "status" },
    h("span", {}, text.charAt(0).toUpperCase() + text.slice(1)),
    h("button", { type: "button", class: "button small", id: "expiry-filter", onclick: toggle }, finder.attentionOnly ? "Show all keys" : "Show them"),
  );
}

/** The table as the finder asks for it, or a line saying nothing matches. */
function foundKeys(state: ScreenState, actions: RowActions, finder: KeyFinder): HTMLElement {
  const found = finder.apply(state.keys);
  if (state.keys.length > 0 && found.length === 0) {
    return h(
      "div",
      { class: "empty-state", role: "status" },
      h("p", { class: "empty-title" }, `No key matches “${finder.query.trim()}”`),
      h("p", {}, "Search by a key's name, or by the last characters of the key as the table shows them."),
      h("button", { type: "button", class: "button small", onclick: () => finder.clear() }, "Clear search"),
    );
  }
  const table = keyTable(found.slice(0, finder.shown), actions, state.serverKeys());
  const left = found.length - finder.shown;
  if (left <= 0) return table;
  const more = Math.min(left, PAGE_SIZE);
  return h(
    "div",
    {},
    table,
    h(
      "div",
      { class: "show-more" },
      h("span", { class: "muted", role: "status" }, `Showing ${finder.shown} of ${found.length} keys.`),
      h("button", { type: "button", class: "button small", id: "show-more", onclick: () => finder.showMore() }, `Show ${more} more`),
    ),
  );
}

export function keysSection(state: ScreenState, actions: RowActions, handlers: KeysHandlers, finder: KeyFinder): HTMLElement {
  const results = h("div", { class: "key-results" });
  const attention = h("div", { class: "expiry-slot" });
  const drawResults = () => results.replaceChildren(foundKeys(state, actions, finder));
  const drawBanner = () => attention.replaceChildren(expiryBanner(state.keys, finder, drawBanner) ?? "");
  if (finder.attentionOnly && !state.keys.some(needsAttention)) finder.attentionOnly = false;
  finder.onChange(drawResults);
  if (!state.loadError) {
    drawResults();
    drawBanner();
  }
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
        "div",
        { class: "section-actions" },
        h(
          "button",
          { type: "button", class: "button", id: "identify-key", onclick: () => openIdentifyDialog(state.connected) },
          "Which key is this?",
        ),
        h(
          "button",
          { type: "button", class: "button primary", id: "create-key", onclick: () => openCreateKeyDialog(handlers.created) },
          "Create API Key",
        ),
      ),
    ),
    state.keychainWarning ? banner(state.keychainWarning, handlers.retryKeychain) : null,
    attention,
    state.loadError ? banner(state.loadError) : null,
    !state.loadError && state.keys.length > 1 ? finder.element : null,
    state.loadError ? null : results,
  );
}
