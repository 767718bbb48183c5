// The API Keys table, in the order the finder asks for (newest first by
// default). Each row fits a small window: the name (which opens the key's
// details) with its masked hint, when it expires, when it was last copied
// (or, connected, last used on the server), its status (a retiring key
// counts down to its end), and one primary action; the others are in the
// row's "More" menu. The table scrolls inside its card, never the page.

import type { KeySummary, ServerKeyState } from "../bindings";
import { h } from "../dom";
import { exactTime, relativeTime, STATUS_LABELS } from "../format";
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
  return h("time", { datetime: iso, title: exactTime(iso) }, relativeTime(iso));
}

function statusCell(key: KeySummary): HTMLElement {
  const badge = h("span", { class: `badge badge-${key.status}` }, STATUS_LABELS[key.status]);
  if (key.status === "revoked" && key.revokedAt) {
    return h("span", { class: "status" }, badge, " ", time(key.revokedAt, ""));
  }
  if (key.status === "retiring" && key.expiresAt) {
    return h("span", { class: "status" }, badge, " ", h("span", { class: "muted" }, "stops "), time(key.expiresAt, ""));
  }
  return h("span", { class: "status" }, badge);
}

type Action = MenuItem & { key: "copy" | "roll" | "generate" | "rename" | "revoke" | "delete" | "details" };

/** What can be done with `key` now, the primary action first. */
function possibleActions(key: KeySummary, act: RowActions, connected: boolean): Action[] {
  const usable = key.status === "active" || key.status === "expiresSoon";
  const rollable = key.status !== "revoked" && key.status !== "retiring";
  const action = (name: Action["key"], label: string, run: () => void, danger = false): Action => ({
    key: name,
    label,
    ariaLabel: `${label} ${key.name}`,
    run,
    danger,
  });
  const all: (Action | false)[] = [
    usable && action("copy", "Copy", () => act.copy(key)),
    key.status === "revoked" && action("delete", "Delete", () => act.remove(key), true),
    rollable && action("roll", "Roll", () => act.roll(key)),
    usable && connected && action("generate", "Generate token", () => act.generate(key)),
    key.status !== "revoked" && action("rename", "Rename", () => act.rename(key)),
    action("details", "Details", () => act.details(key)),
    key.status !== "revoked" && action("revoke", "Revoke", () => act.revoke(key), true),
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
      content: "More",
      ariaLabel: `More actions for ${key.name}`,
      buttonClass: "button small",
      menuLabel: `Actions for ${key.name}`,
      menuClass: "row-menu",
      floating: true,
      items: rest,
    }),
  );
}

function lastUsedCell(key: KeySummary, server: ServerKeys): HTMLElement {
  const known = server.get(key.id);
  if (!known) return h("span", { class: "muted" }, key.status === "revoked" ? "—" : "Not registered yet");
  return time(known.lastUsedAt, "Never");
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
      h("p", { class: "empty-title" }, "No API keys yet"),
      h(
        "p",
        {},
        "An API key lets your backend request signed session tokens for embedded Toucan dashboards and the AI assistant, with each user's role, permissions and row-level-security attributes. Create one to get started.",
      ),
    );
  }
  const rows = keys.map((key) =>
    h(
      "tr",
      { class: key.status === "revoked" ? "revoked" : "", "data-key-id": key.id },
      h(
        "th",
        { scope: "row", class: "key-name" },
        h("button", { type: "button", class: "link-button", title: "Details and activity", onclick: () => act.details(key) }, key.name),
        h("code", { class: "hint" }, key.hint),
      ),
      h("td", {}, time(key.expiresAt, "Never")),
      server
        ? h("td", { class: "last-used col-last" }, lastUsedCell(key, server))
        : h("td", { class: "col-last" }, time(key.lastCopiedAt, "Never")),
      h("td", {}, statusCell(key)),
      h("td", {}, actionsCell(key, act, server !== null)),
    ),
  );
  return h(
    "div",
    { class: "table-wrap" },
    h(
      "table",
      { class: "keys", "aria-label": "API keys" },
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", { scope: "col" }, "Name"),
          h("th", { scope: "col" }, "Expires"),
          h("th", { scope: "col", class: "col-last" }, server ? "Last used" : "Last copied"),
          h("th", { scope: "col" }, "Status"),
          h("th", { scope: "col" }, h("span", { class: "visually-hidden" }, "Actions")),
        ),
      ),
      h("tbody", {}, ...rows),
    ),
  );
}
