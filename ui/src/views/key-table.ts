// The API Keys table: name, masked hint, created, expires, last copied,
// status (a retiring key counts down to its end) and the row's actions, in the order the finder asks for (newest first by default).

import type { KeySummary, ServerKeyState } from "../bindings";
import { h } from "../dom";
import { exactTime, relativeTime, STATUS_LABELS } from "../format";

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

function actions(key: KeySummary, act: RowActions, connected: boolean): HTMLElement {
  const button = (label: string, onclick: () => void, extra = "") =>
    h("button", { type: "button", class: `button small ${extra}`, "aria-label": `${label} ${key.name}`, onclick }, label);
  const usable = key.status === "active" || key.status === "expiresSoon";
  return h(
    "div",
    { class: "row-actions" },
    usable && button("Copy", () => act.copy(key)),
    usable && connected && button("Generate token", () => act.generate(key)),
    key.status !== "revoked" && key.status !== "retiring" && button("Roll", () => act.roll(key)),
    key.status !== "revoked" && button("Rename", () => act.rename(key)),
    key.status !== "revoked" && button("Revoke", () => act.revoke(key), "danger-outline"),
    key.status === "revoked" && button("Delete", () => act.remove(key), "danger-outline"),
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
 * copied", and rows offer "Generate token". A key's name opens its details.
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
      ),
      h("td", {}, h("code", { class: "hint" }, key.hint)),
      h("td", {}, time(key.createdAt, "")),
      h("td", {}, time(key.expiresAt, "Never")),
      server ? h("td", { class: "last-used" }, lastUsedCell(key, server)) : h("td", {}, time(key.lastCopiedAt, "Never")),
      h("td", {}, statusCell(key)),
      h("td", {}, actions(key, act, server !== null)),
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
          ...["Name", "Key", "Created", "Expires", server ? "Last used" : "Last copied", "Status"].map((title) =>
            h("th", { scope: "col" }, title),
          ),
          h("th", { scope: "col" }, h("span", { class: "visually-hidden" }, "Actions")),
        ),
      ),
      h("tbody", {}, ...rows),
    ),
  );
}
