// The API Keys table, in the order the finder asks for (newest first by
// default). Each row fits a small window: the name (which opens the key's
// details) with its masked hint, when it expires, when it was last copied
// (or, connected, last used on the server), its status (a retiring key
// counts down to its end), and one primary action; the others are in the
// row's "More" menu. The table scrolls inside its card, never the page.

import type { KeySummary, ServerKeyState } from "../bindings";
import { h } from "../dom";
import { relativeTimeElement, statusLabel } from "../format";
import { t } from "../i18n";
import { menuButton, type MenuItem } from "../menu";

export interface RowActions {
  copy(key: KeySummary): void;
  rename(key: KeySummary): void;
  roll(key: KeySummary): void;
  details(key: KeySummary): void;
  revoke(key: KeySummary): void;
  remove(key: KeySummary): void;
  generate(key: KeySummary): void;
}

/** The workspace server's view of the keys, when connected (id → state). */
export type ServerKeys = Map<string, ServerKeyState>;

function time(iso: string | null, empty: string): HTMLElement {
  if (!iso) return h("span", { class: "muted" }, empty);
  return relativeTimeElement(iso);
}

function statusCell(key: KeySummary): HTMLElement {
  const badge = h("span", { class: `badge badge-${key.status}` }, statusLabel(key.status));
  if (key.status === "leaked" && key.leak) {
    return h("span", { class: "status" }, badge, " ", h("span", { class: "muted" }, t("leaked-found"), " "), time(key.leak.foundAt, ""));
  }
  if (key.status === "revoked" && key.revokedAt) {
    return h("span", { class: "status" }, badge, " ", time(key.revokedAt, ""));
  }
  return h("span", { class: "status" }, badge);
}

type Action = MenuItem & { key: "copy" | "roll" | "generate" | "rename" | "revoke" | "delete" | "details" };

/** What can be done with `key` now, the primary action first. */
function possibleActions(key: KeySummary, act: RowActions, connected: boolean): Action[] {
  const allowed = key.actions;
  const action = (name: Action["key"], run: () => void, danger = false): Action => ({
    key: name,
    label: t(`action-${name}`),
    ariaLabel: t(`action-${name}-named`, { name: key.name }),
    run,
    danger,
  });
  // A leaked key's fix is its replacement: Roll comes first. A rolled key's
  // story (which key replaces it, when it stops) is in its details.
  const rollFirst = key.status === "leaked";
  const detailsFirst = key.replacedBy !== null && key.status !== "leaked";
  const all: (Action | false)[] = [
    detailsFirst && action("details", () => act.details(key)),
    allowed.copy && action("copy", () => act.copy(key)),
    rollFirst && allowed.roll && action("roll", () => act.roll(key)),
    allowed.delete && action("delete", () => act.remove(key), true),
    !rollFirst && allowed.roll && action("roll", () => act.roll(key)),
    allowed.copy && connected && action("generate", () => act.generate(key)),
    allowed.rename && action("rename", () => act.rename(key)),
    !detailsFirst && action("details", () => act.details(key)),
    allowed.revoke && action("revoke", () => act.revoke(key), true),
  ];
  return all.filter((a): a is Action => a !== false);
}

function actionsCell(key: KeySummary, act: RowActions, connected: boolean): HTMLElement {
  const [primary, ...rest] = possibleActions(key, act, connected);
  return h(
    "div",
    { class: "row-actions" },
    h(
      "button",
      {
        type: "button",
        class: `button small ${primary.danger ? "danger-outline" : ""}`,
        "aria-label": primary.ariaLabel,
        onclick: primary.run,
      },
      primary.label,
    ),
    menuButton({
      id: `actions-${key.id}`,
      content: t("action-more"),
      ariaLabel: t("action-more-named", { name: key.name }),
      buttonClass: "button small",
      menuLabel: t("actions-menu-named", { name: key.name }),
      menuClass: "row-menu",
      floating: true,
      items: rest,
    }),
  );
}

function lastUsedCell(key: KeySummary, server: ServerKeys): HTMLElement {
  const known = server.get(key.id);
  if (!known) return h("span", { class: "muted" }, key.status === "revoked" ? "—" : t("not-registered-yet"));
  return time(known.lastUsedAt, t("never-used"));
}

/**
 * The table of keys, or the empty state when there are none. With `server`
 * (connected to a workspace) "Last used" (from the server) replaces "Last
 * copied", and the menu offers "Generate token".
 */
export function keyTable(keys: KeySummary[], act: RowActions, server: ServerKeys | null = null): HTMLElement {
  if (keys.length === 0) {
    return h(
      "div",
      { class: "empty-state" },
      h("p", { class: "empty-title" }, t("keys-empty-title")),
      h("p", {}, t("keys-empty-text")),
    );
  }
  const rows = keys.map((key) =>
    h(
      "tr",
      { class: key.status === "revoked" ? "revoked" : "", "data-key-id": key.id },
      h(
        "th",
        { scope: "row", class: "key-name" },
        h("button", { type: "button", class: "link-button", title: t("details-tooltip"), onclick: () => act.details(key) }, key.name),
        h("code", { class: "hint" }, key.hint),
        key.status === "revoked"
          ? ""
          : key.fullAccess
            ? h("span", { class: "limits full-access", title: t("full-access-tooltip") }, t("full-access-hint"))
            : h("span", { class: "limits" }, key.limitsSummary),
      ),
      // A revoked or leaked key's expiry no longer means anything; "Never" alone is said of what it is.
      h("td", {}, key.revokedAt ? h("span", { class: "muted" }, "—") : time(key.expiresAt, t("never-expires"))),
      server
        ? h("td", { class: "last-used col-last" }, lastUsedCell(key, server))
        : h("td", { class: "col-last" }, time(key.lastCopiedAt, t("never-copied"))),
      h("td", {}, statusCell(key)),
      h("td", {}, actionsCell(key, act, server !== null)),
    ),
  );
  return h(
    "div",
    { class: "table-wrap" },
    h(
      "table",
      { class: "keys", "aria-label": t("keys-table") },
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", { scope: "col" }, t("column-name")),
          h("th", { scope: "col" }, t("column-expires")),
          h("th", { scope: "col", class: "col-last" }, t(server ? "column-last-used" : "column-last-copied")),
          h("th", { scope: "col" }, t("column-status")),
          h("th", { scope: "col" }, h("span", { class: "visually-hidden" }, t("column-actions"))),
        ),
      ),
      h("tbody", {}, ...rows),
    ),
  );
}
