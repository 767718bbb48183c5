// The API Keys section: the Create button, find and sort (for two keys or
// more), the key table, and a banner when the keys or the keychain couldn't
// be read.

import type { FoundKey, KeySummary } from "../bindings";
import { h } from "../dom";
import { t } from "../i18n";
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
  /** Brings a key found in the keychain back into the list. */
  restoreFound(found: FoundKey): void;
  /** Deletes a key found in the keychain (after asking). */
  deleteFound(found: FoundKey): void;
}

/**
 * "Found in your keychain: 3 keys this computer's list doesn't know", each
 * with Restore and Delete; nothing when there are none. They are never
 * removed without the person asking.
 */
function foundKeysPanel(found: FoundKey[], handlers: KeysHandlers): HTMLElement | null {
  if (found.length === 0) return null;
  const rows = found.map((key) => {
    const name = key.name ?? t("found-no-name");
    return h(
      "li",
      { class: "found-key", "data-id": key.id },
      h("span", { class: "found-name" }, name),
      " ",
      h("code", { class: "muted" }, key.hint ?? t("found-not-a-key")),
      h(
        "span",
        { class: "found-actions" },
        h("button", { type: "button", class: "button small", "aria-label": t("found-restore-named", { name }), onclick: () => handlers.restoreFound(key) }, t("found-restore")),
        h("button", { type: "button", class: "button small danger", "aria-label": t("action-delete-named", { name }), onclick: () => handlers.deleteFound(key) }, t("action-delete")),
      ),
    );
  });
  return h(
    "div",
    { class: "banner banner-warning found-keys", id: "found-keys", role: "region", "aria-labelledby": "found-keys-title" },
    h("p", { id: "found-keys-title", class: "found-title" }, t("found-title", { count: found.length })),
    h("p", {}, t("found-intro")),
    h("ul", { class: "found-list" }, ...rows),
  );
}

function banner(message: string, retry?: () => void): HTMLElement {
  return h(
    "div",
    { class: "banner", role: "alert" },
    h("span", {}, message),
    retry ? h("button", { type: "button", class: "button small", onclick: retry }, t("try-again")) : null,
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
    soon > 0 ? t("expiry-soon", { count: soon }) : null,
    expired > 0 ? t("expiry-expired", { count: expired }) : null,
  ].filter((part): part is string => part !== null);
  const what = parts.length === 2 ? t("expiry-both", { soon: parts[0], expired: parts[1] }) : parts[0];
  const text = t("expiry-banner", { what, advice: t("expiry-advice", { count: soon + expired }) });
  const toggle = () => {
    finder.showAttentionOnly(!finder.attentionOnly);
    redraw();
  };
  return h(
    "div",
    { class: "banner banner-warning", id: "expiry-banner", role: "status" },
    h("span", {}, text),
    h("button", { type: "button", class: "button small", id: "expiry-filter", onclick: toggle }, t(finder.attentionOnly ? "expiry-show-all" : "expiry-show-them")),
  );
}

/** The table as the finder asks for it, or a line saying nothing matches. */
function foundKeys(state: ScreenState, actions: RowActions, finder: KeyFinder): HTMLElement {
  const found = finder.apply(state.keys);
  if (state.keys.length > 0 && found.length === 0) {
    return h(
      "div",
      { class: "empty-state", role: "status" },
      h("p", { class: "empty-title" }, t("search-nothing", { query: finder.query.trim() })),
      h("p", {}, t("search-help")),
      h("button", { type: "button", class: "button small", onclick: () => finder.clear() }, t("search-clear")),
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
      h("span", { class: "muted", role: "status" }, t("list-showing", { shown: finder.shown, total: found.length })),
      h("button", { type: "button", class: "button small", id: "show-more", onclick: () => finder.showMore() }, t("list-show-more", { count: more })),
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
        h("h2", { id: "api-keys-title" }, t("keys-title")),
        h("p", { class: "muted" }, t("keys-intro")),
      ),
      h(
        "div",
        { class: "section-actions" },
        h(
          "button",
          { type: "button", class: "button", id: "identify-key", onclick: () => openIdentifyDialog(state.connected) },
          t("identify-title"),
        ),
        h(
          "button",
          { type: "button", class: "button primary", id: "create-key", onclick: () => openCreateKeyDialog(handlers.created) },
          t("create-title"),
        ),
      ),
    ),
    state.keychainWarning ? banner(state.keychainWarning, handlers.retryKeychain) : null,
    foundKeysPanel(state.foundKeys, handlers),
    attention,
    state.loadError ? banner(state.loadError) : null,
    !state.loadError && state.keys.length > 1 ? finder.element : null,
    state.loadError ? null : results,
  );
}
