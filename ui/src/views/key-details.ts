// A key's detail view: its fingerprint (copyable: it names the key without
// revealing it), dates, the server's view, what it replaced or what replaces
// it, and its history, newest first.

import type { Activity, KeyDetails, ServerKeyState } from "../bindings";
import { focusFirst, openDialog } from "../dialog";
import { h } from "../dom";
import { exactTime, relativeTime, STATUS_LABELS } from "../format";
import { api, asCommandError } from "../ipc";
import { showError, showToast } from "../toast";
import { openSnippetsDialog } from "./snippets-dialog";

/** One event in words. */
export function activityLabel(activity: Activity): string {
  switch (activity.kind) {
    case "created":
      return "Created";
    case "copied":
      return "Copied to the clipboard";
    case "tokenGenerated":
      return `Session token generated for ${activity.user}`;
    case "renamed":
      return `Renamed from “${activity.from}” to “${activity.to}”`;
    case "rolledInto":
      return "Rolled: a new key replaces it";
    case "rolledFrom":
      return "Made by rolling an older key";
    case "revoked":
      return "Revoked";
    case "registered":
      return `Registered with ${activity.server}`;
  }
}

function when(iso: string | null, empty: string): HTMLElement | string {
  return iso ? h("time", { datetime: iso, title: exactTime(iso) }, relativeTime(iso)) : empty;
}

/** Opens the details of key `id`; `server` is the server's view of it when connected. */
export async function openKeyDetails(id: string, server: ServerKeyState | null | undefined, connected: boolean): Promise<void> {
  let details: KeyDetails;
  try {
    details = await api.keyDetails(id);
  } catch (caught) {
    showError(asCommandError(caught).message);
    return;
  }
  const { key } = details;
  const dialog = openDialog({ title: key.name, className: "details-dialog", onEscape: () => dialog.close() });
  const copyFingerprint = h("button", { type: "button", class: "button small", "aria-label": "Copy fingerprint" }, "Copy");
  copyFingerprint.addEventListener("click", async () => {
    try {
      await api.copyFingerprint(key.id);
      showToast("Copied the fingerprint.");
    } catch (caught) {
      showError(asCommandError(caught).message);
    }
  });
  const row = (term: string, ...value: (HTMLElement | string)[]) => [h("dt", {}, term), h("dd", {}, ...value)];
  const facts = h(
    "dl",
    { class: "facts" },
    ...row("Status", STATUS_LABELS[key.status]),
    ...row("Key", h("code", {}, key.hint)),
    ...row("Fingerprint", h("code", { class: "fingerprint" }, key.fingerprint), " ", copyFingerprint),
    ...row("Created", when(key.createdAt, "")),
    ...row("Expires", when(key.expiresAt, "Never")),
    ...(key.revokedAt ? row("Revoked", when(key.revokedAt, "")) : []),
    ...row("Last copied", when(key.lastCopiedAt, "Never")),
    ...(connected ? row("Last used", server ? when(server.lastUsedAt, "Never") : "Not registered with the server yet") : []),
    ...(details.replaces ? row("Replaces", details.replaces) : []),
    ...(details.replacedBy ? row("Replaced by", details.replacedBy) : []),
  );
  const history = details.activityProblem
    ? h("p", { class: "hint warning" }, details.activityProblem)
    : details.activity.length === 0
      ? h("p", { class: "muted" }, "Nothing recorded yet.")
      : h(
          "ol",
          { class: "activity", "aria-label": "Activity, newest first" },
          ...details.activity.map((event) => h("li", {}, when(event.at, ""), " ", activityLabel(event.activity))),
        );
  const close = h("button", { type: "button", class: "button", onclick: () => dialog.close() }, "Close");
  dialog.body.append(
    facts,
    h("h3", { class: "label" }, "Activity"),
    history,
    h(
      "div",
      { class: "dialog-actions" },
      key.status !== "revoked" && h("button", { type: "button", class: "button", onclick: () => void openSnippetsDialog() }, "Use this key in code"),
      close,
    ),
  );
  focusFirst(dialog, close);
}
