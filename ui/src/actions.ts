// What the buttons on a key's row do: copy, roll, rename, revoke, generate a
// token, delete. Each asks Rust, then tells the screen what changed.

import type { KeySummary, ServerKeyState } from "./bindings";
import { confirmDialog } from "./dialog";
import { api, asCommandError } from "./ipc";
import { showCopied, showError, showToast, showWarning } from "./toast";
import type { RowActions } from "./views/key-table";
import { openKeyDetails } from "./views/key-details";
import { openRollDialog } from "./views/roll-dialog";
import { openTextDialog } from "./views/text-dialog";
import { openTokenPanel } from "./views/token-panel";
import { t } from "./i18n";

/** What the actions need from the screen. */
export interface KeyActionHost {
  /** Whether a workspace server is connected now. */
  connected(): boolean;
  /** The server's view of a key, when connected and known. */
  serverState(id: string): ServerKeyState | undefined;
  /** A key changed (or was added): show it. */
  keyChanged(key: KeySummary): void;
  /** A key was deleted: remove it. */
  keyDeleted(key: KeySummary): void;
  /** Asks the server for its view again. */
  syncWorkspace(): void;
}

/** The row actions, over `host`. */
export function keyActions(host: KeyActionHost): RowActions {
  return {
    copy: async (key) => {
      try {
        const reply = await api.copyKey(key.id);
        host.keyChanged(reply.key);
        showCopied(reply.clearsInSeconds);
      } catch (caught) {
        showError(asCommandError(caught).message);
      }
    },
    details: (key) => void openKeyDetails(key.id, host.serverState(key.id), host.connected(), host.keyChanged),
    roll: (key) => openRollDialog(key, { keyChanged: host.keyChanged, finishRolling: host.syncWorkspace }),
    rename: (key) =>
      openTextDialog({
        title: t("rename-title"),
        label: t("column-name"),
        initial: key.name,
        submitLabel: t("save"),
        onSubmit: async (value) => host.keyChanged(await api.renameKey(key.id, value)),
      }),
    revoke: async (key) => {
      const sure = await confirmDialog({
        title: t("revoke-title", { name: key.name }),
        message: t(host.connected() ? "revoke-message-connected" : "revoke-message"),
        confirmLabel: t("revoke-confirm"),
        danger: true,
      });
      if (!sure) return;
      try {
        const reply = await api.revokeKey(key.id);
        host.keyChanged(reply.key);
        if (reply.serverWarning) showWarning(reply.serverWarning);
        else showToast(t("revoked-toast", { name: key.name }));
        if (host.connected()) host.syncWorkspace();
      } catch (caught) {
        showError(asCommandError(caught).message);
      }
    },
    generate: (key) => openTokenPanel(key, () => host.syncWorkspace()),
    remove: async (key) => {
      const sure = await confirmDialog({
        title: t("delete-title", { name: key.name }),
        message: t("delete-message"),
        confirmLabel: t("action-delete"),
        danger: true,
      });
      if (!sure) return;
      try {
        const reply = await api.deleteKey(key.id);
        host.keyDeleted(key);
        if (reply.serverWarning) showWarning(reply.serverWarning);
        else showToast(t("deleted", { name: key.name }));
      } catch (caught) {
        showError(asCommandError(caught).message);
      }
    },
  };
}
