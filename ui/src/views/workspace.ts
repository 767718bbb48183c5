// The Workspace section: connect this app to the workspace server that
// issues session tokens (server address + account token), see whether it
// is reachable, and disconnect. The account token goes to Rust once, when
// connecting, and is kept in the keychain; the field is emptied right away.

import type { PendingRevocation, WorkspaceView } from "../bindings";
import { confirmDialog } from "../dialog";
import { h, whileBusy } from "../dom";
import { fieldWithError } from "../field";
import { api, asCommandError } from "../ipc";
import { intlLocale, t } from "../i18n";
import { showError, showToast } from "../toast";

export interface WorkspaceHandlers {
  /** The workspace changed (connected, disconnected, re-checked). */
  onChange(view: WorkspaceView): void;
  /** Ask the server again. */
  retry(): void;
}

/**
 * The connect form. The app makes it once and reuses it across re-renders,
 * so what a person has typed survives other updates of the screen.
 */
export function connectForm(handlers: WorkspaceHandlers): HTMLElement {
  const urlField = fieldWithError("server-url", {
    type: "url",
    name: "server-url",
    placeholder: "https://embed.example.com",
    required: true,
  });
  const tokenField = fieldWithError("account-token", {
    type: "password",
    name: "account-token",
    placeholder: "tka_…",
    required: true,
  });
  const formError = h("div", { class: "form-error", role: "alert", hidden: true });
  const submit = h("button", { type: "submit", class: "button primary", id: "connect-workspace" }, t("connect"));
  const form = h(
    "form",
    { class: "workspace-form", novalidate: true, "aria-label": t("connect-form") },
    h("label", { for: urlField.input.id, class: "label" }, t("server-address")),
    urlField.input,
    urlField.error,
    h("label", { for: tokenField.input.id, class: "label" }, t("account-token")),
    tokenField.input,
    tokenField.error,
    h("p", { class: "help" }, t("account-token-help")),
    formError,
    h("div", { class: "form-actions" }, submit),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    urlField.clearError();
    tokenField.clearError();
    formError.hidden = true;
    await whileBusy(submit, t("connect-busy"), async () => {
      try {
        const view = await api.connectWorkspace(urlField.input.value, tokenField.input.value);
        tokenField.input.value = "";
        showToast(t("connected-toast"));
        handlers.onChange(view);
      } catch (caught) {
        const error = asCommandError(caught);
        if (error.field === "serverUrl") urlField.showError(error.message);
        else if (error.field === "accountToken") tokenField.showError(error.message);
        else {
          formError.textContent = error.message;
          formError.hidden = false;
        }
      }
    });
  });
  return form;
}

/** The names of `pending` keys, as a readable list ("A", "A and B", "A, B and C"), in the window's language. */
function keyNames(pending: PendingRevocation[]): string {
  const names = pending.map((p) => t("quoted-name", { name: p.keyName }));
  return new Intl.ListFormat(intlLocale(), { type: "conjunction" }).format(names);
}

/**
 * Revocations a server hasn't confirmed, by server: those keys still work
 * there. Empty when there are none.
 */
function pendingNotice(view: WorkspaceView): HTMLElement | null {
  if (view.pendingRevocations.length === 0) return null;
  const servers = [...new Set(view.pendingRevocations.map((p) => p.serverUrl))];
  return h(
    "div",
    { class: "banner", role: "status", id: "workspace-pending" },
    h(
      "span",
      {},
      ...servers.map((server) => {
        const pending = view.pendingRevocations.filter((p) => p.serverUrl === server);
        const current = server === view.serverUrl;
        return h(
          "span",
          { class: "pending-line" },
          t(current ? "pending-line-current" : "pending-line-other", { server, names: keyNames(pending), count: pending.length }),
          " ",
        );
      }),
    ),
  );
}

function connectedPanel(view: WorkspaceView, synced: boolean, handlers: WorkspaceHandlers): HTMLElement {
  const disconnect = async () => {
    const waiting = view.pendingRevocations.filter((p) => p.serverUrl === view.serverUrl);
    const sure = await confirmDialog({
      title: t("disconnect-title"),
      message:
        waiting.length > 0
          ? t("disconnect-waiting", { names: keyNames(waiting), count: waiting.length, server: view.serverUrl ?? "" })
          : t("disconnect-message"),
      confirmLabel: t("disconnect"),
      danger: waiting.length > 0,
    });
    if (!sure) return;
    try {
      await api.disconnectWorkspace();
      handlers.onChange(await api.getWorkspace());
    } catch (caught) {
      showError(asCommandError(caught).message);
    }
  };
  return h(
    "div",
    { class: "workspace-connected" },
    h(
      "p",
      { class: "workspace-server" },
      h("span", { class: view.problem ? "dot dot-offline" : "dot dot-online", "aria-hidden": "true" }),
      t(view.problem ? "workspace-unreachable" : synced ? "workspace-connected" : "workspace-checking"),
      " ",
      h("code", { id: "workspace-url" }, view.serverUrl ?? ""),
    ),
    view.problem
      ? h(
          "div",
          { class: "banner", role: "alert", id: "workspace-problem" },
          h("span", {}, view.problem.message),
          h("button", { type: "button", class: "button small", onclick: () => handlers.retry() }, t("try-again")),
        )
      : null,
    pendingNotice(view),
    h("div", { class: "form-actions" }, h("button", { type: "button", class: "button", id: "disconnect-workspace", onclick: disconnect }, t("disconnect"))),
  );
}

/**
 * The Workspace card for `view` (null before anything is known); `synced`
 * says whether the server has answered since start-up.
 */
export function workspaceSection(
  view: WorkspaceView | null,
  synced: boolean,
  form: HTMLElement,
  handlers: WorkspaceHandlers,
): HTMLElement {
  const connected = view?.serverUrl != null;
  return h(
    "section",
    { class: "card", "aria-labelledby": "workspace-title", id: "workspace" },
    h("h2", { id: "workspace-title" }, t("workspace-title")),
    h("p", { class: "muted" }, t(connected ? "workspace-intro-connected" : "workspace-intro")),
    view === null ? h("p", { class: "muted" }, t("checking")) : connected ? connectedPanel(view, synced, handlers) : form,
    view !== null && !connected ? pendingNotice(view) : null,
  );
}
