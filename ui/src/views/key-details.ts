// A key's detail view: its fingerprint (copyable: it names the key without
// revealing it), dates, the server's view, what it replaced or what replaces
// it, and its history, newest first.

import type { KeyDetails, KeySummary, ServerKeyState } from "../bindings";
import { focusFirst, openDialog } from "../dialog";
import { h } from "../dom";
import { exactTime, longDay, relativeTimeElement, statusLabel } from "../format";
import { t } from "../i18n";
import { api, asCommandError } from "../ipc";
import { showError, showToast, showWarning } from "../toast";
import { originList } from "./create-key";
import { limitsForm } from "./limits-form";
import { openTextDialog } from "./text-dialog";
import { openSnippetsDialog } from "./snippets-dialog";

/** "Found in public at <url> on <date>. The server revoked it." */
export function leakSentence(key: KeySummary): string {
  if (!key.leak) return "";
  const found = t("leak-found", { url: key.leak.url ?? t("leak-unknown-place"), date: longDay(key.leak.foundAt) });
  return `${found} ${t(key.revokedAt ? "leak-revoked" : "leak-not-revoked")}`;
}

function when(iso: string | null, empty: string): HTMLElement | string {
  return iso ? relativeTimeElement(iso) : empty;
}

/** Opens the details of key `id`; `server` is the server's view of it when connected. */
export async function openKeyDetails(
  id: string,
  server: ServerKeyState | null | undefined,
  connected: boolean,
  onChanged?: (key: KeySummary) => void,
): Promise<void> {
  let details: KeyDetails;
  try {
    details = await api.keyDetails(id);
  } catch (caught) {
    showError(asCommandError(caught).message);
    return;
  }
  const { key } = details;
  const dialog = openDialog({ title: key.name, className: "details-dialog", onEscape: () => dialog.close() });
  const copyFingerprint = h("button", { type: "button", class: "button small", "aria-label": t("copy-fingerprint") }, t("action-copy"));
  copyFingerprint.addEventListener("click", async () => {
    try {
      await api.copyFingerprint(key.id);
      showToast(t("copied-fingerprint"));
    } catch (caught) {
      showError(asCommandError(caught).message);
    }
  });
  const row = (term: string, ...value: (HTMLElement | string)[]) => [h("dt", {}, term), h("dd", {}, ...value)];
  const leak = key.leak
    ? h(
        "div",
        { class: "leak-notice", role: "alert" },
        h("p", {}, leakSentence(key)),
        h("p", {}, t("leak-what-to-do")),
      )
    : "";
  const facts = h(
    "dl",
    { class: "facts" },
    ...row(t("column-status"), statusLabel(key.status)),
    ...row(t("details-key"), h("code", {}, key.hint)),
    ...row(t("details-fingerprint"), h("code", { class: "fingerprint" }, key.fingerprint), " ", copyFingerprint),
    ...row(t("details-created"), key.restoredAt ? h("span", {}, t("details-created-unknown", { restored: exactTime(key.restoredAt) })) : when(key.createdAt, "")),
    ...row(t("column-expires"), when(key.expiresAt, t("never"))),
    ...row(
      t("details-origins"),
      key.allowedOrigins.length
        ? key.allowedOrigins.join(", ")
        : t(key.restoredAt ? "details-origins-unknown" : "details-origins-any"),
      " ",
      key.status === "revoked" ? "" : h("button", { type: "button", class: "button small", onclick: () => void changeOrigins() }, t("details-origins-change")),
    ),
    ...row(
      t("details-limits"),
      key.limitsSummary,
      " ",
      key.status === "revoked" ? "" : h("button", { type: "button", class: "button small", onclick: () => changeLimits() }, t("details-limits-change")),
    ),
    ...(key.revokedAt ? row(t("status-revoked"), when(key.revokedAt, "")) : []),
    ...row(t("column-last-copied"), when(key.lastCopiedAt, t("never"))),
    ...(connected ? row(t("column-last-used"), server ? when(server.lastUsedAt, t("never")) : t("details-not-registered")) : []),
    ...(details.replaces ? row(t("details-replaces"), details.replaces) : []),
    ...(details.replacedBy ? row(t("details-replaced-by"), details.replacedBy) : []),
  );
  async function changeOrigins(): Promise<void> {
    await openTextDialog({
      title: t("details-origins-title", { name: key.name }),
      intro: t("create-origins-help"),
      label: t("create-origins"),
      initial: key.allowedOrigins.join(", "),
      submitLabel: t("save"),
      onSubmit: async (value) => {
        const reply = await api.setKeyOrigins(key.id, originList(value));
        dialog.close();
        onChanged?.(reply.key);
        if (reply.serverWarning) showWarning(reply.serverWarning);
        else showToast(t("details-origins-saved"));
      },
    });
  }
  function changeLimits(): void {
    const form = limitsForm(key.limits ?? {});
    const editor = openDialog({ title: t("details-limits-title", { name: key.name }), className: "limits-dialog", onEscape: () => editor.close() });
    const save = h("button", { type: "submit", class: "button primary" }, t("save"));
    const body = h(
      "form",
      { novalidate: true },
      form.element,
      h("div", { class: "dialog-actions" }, h("button", { type: "button", class: "button", onclick: () => editor.close() }, t("cancel")), save),
    );
    body.addEventListener("submit", async (event) => {
      event.preventDefault();
      form.clearError();
      const chosen = form.limits();
      if ("problem" in chosen) {
        form.showError(chosen.problem);
        chosen.field.focus();
        return;
      }
      try {
        const reply = await api.setKeyLimits(key.id, chosen.ok);
        editor.close();
        dialog.close();
        onChanged?.(reply.key);
        if (reply.serverWarning) showWarning(reply.serverWarning);
        else showToast(t("details-limits-saved"));
      } catch (caught) {
        form.showError(asCommandError(caught).message);
      }
    });
    editor.body.append(body);
    focusFirst(editor, form.element.querySelector<HTMLElement>("input:checked") ?? save);
  }
  const history = details.activityProblem
    ? h("p", { class: "hint warning" }, details.activityProblem)
    : details.activity.length === 0
      ? h("p", { class: "muted" }, t("activity-none"))
      : h(
          "ol",
          { class: "activity", "aria-label": t("activity-list") },
          // Each event's words come from Rust, the same as `toucan-keys-cli details`.
          ...details.activity.map((event) => h("li", {}, when(event.at, ""), " ", event.text)),
        );
  const close = h("button", { type: "button", class: "button", onclick: () => dialog.close() }, t("close"));
  dialog.body.append(
    leak,
    facts,
    h("h3", { class: "label" }, t("activity-title")),
    history,
    h(
      "div",
      { class: "dialog-actions" },
      key.status !== "revoked" && h("button", { type: "button", class: "button", onclick: () => void openSnippetsDialog() }, t("use-in-code")),
      close,
    ),
  );
  focusFirst(dialog, close);
}
