// The app's commands, typed by the command map generated from Rust
// (`Commands` in bindings.ts): a misspelt command, a wrong argument or a
// changed reply fails `tsc`. Every failure arrives as a CommandError with a
// stable code, a message written for people and, when it is about one field,
// that field's name.

import { invoke } from "@tauri-apps/api/core";
import type { Commands, ErrorCode, ErrorField, IpcError } from "./bindings";
import { t } from "./i18n";

/** A command's name. */
export type Command = keyof Commands;
/** A command's arguments. */
export type Args<C extends Command> = Commands[C]["args"];
/** A command's reply. */
export type ReplyOf<C extends Command> = Commands[C]["reply"];

/** A failed command: `code` for the program, `message` for the person, `field` where it belongs. */
export class CommandError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field: ErrorField | null = null,
  ) {
    super(message);
  }
}

function isIpcError(value: unknown): value is IpcError {
  return typeof value === "object" && value !== null && "code" in value && "message" in value;
}

/** Calls `command` with its typed arguments; resolves to its typed reply. */
export async function call<C extends Command>(command: C, args: Args<C>): Promise<ReplyOf<C>> {
  try {
    return await invoke<ReplyOf<C>>(command, args);
  } catch (error) {
    if (isIpcError(error)) throw new CommandError(error.code, error.message, error.field ?? null);
    throw new CommandError("unexpected", t("error-unexpected", { detail: String(error) }));
  }
}

export const api = {
  listKeys: () => call("list_keys", {}),
  checkKeychain: () => call("check_keychain", {}),
  foundKeys: () => call("found_keys", {}),
  restoreFoundKey: (id: Args<"restore_found_key">["id"]) => call("restore_found_key", { id }),
  deleteFoundKey: (id: Args<"delete_found_key">["id"]) => call("delete_found_key", { id }),
  createKey: (name: string, expiry: Args<"create_key">["expiry"], origins: string[] = []) =>
    call("create_key", { name, expiry, origins }),
  setKeyOrigins: (id: Args<"set_key_origins">["id"], origins: string[]) => call("set_key_origins", { id, origins }),
  rollKey: (id: Args<"roll_key">["id"], overlap: Args<"roll_key">["overlap"]) => call("roll_key", { id, overlap }),
  retireDueKeys: () => call("retire_due_keys", {}),
  copyKey: (id: Args<"copy_key">["id"]) => call("copy_key", { id }),
  renameKey: (id: Args<"rename_key">["id"], name: string) => call("rename_key", { id, name }),
  keyDetails: (id: Args<"key_details">["id"]) => call("key_details", { id }),
  copyFingerprint: (id: Args<"copy_fingerprint">["id"]) => call("copy_fingerprint", { id }),
  codeSnippets: () => call("code_snippets", {}),
  copySnippet: (language: Args<"copy_snippet">["language"]) => call("copy_snippet", { language }),
  identifyKey: (pasted: string) => call("identify_key", { pasted }),
  askServerAboutKey: (fingerprint: string) => call("ask_server_about_key", { fingerprint }),
  revokeKey: (id: Args<"revoke_key">["id"]) => call("revoke_key", { id }),
  deleteKey: (id: Args<"delete_key">["id"]) => call("delete_key", { id }),
  getSettings: () => call("get_settings", {}),
  /** Changes one setting; the others stay as saved. */
  changeSetting: (change: Args<"change_setting">["change"]) => call("change_setting", { change }),
  getWorkspace: () => call("get_workspace", {}),
  windowLanguage: () => call("window_language", {}),
  syncWorkspace: () => call("sync_workspace", {}),
  connectWorkspace: (serverUrl: string, accountToken: string) =>
    call("connect_workspace", { serverUrl, accountToken }),
  disconnectWorkspace: () => call("disconnect_workspace", {}),
  declaredAttributes: () => call("declared_attributes", {}),
  generateToken: (id: Args<"generate_token">["id"], request: Args<"generate_token">["request"]) =>
    call("generate_token", { id, request }),
  copyToken: () => call("copy_token", {}),
  getAutostart: () => call("get_autostart", {}),
  setAutostart: (enabled: boolean) => call("set_autostart", { enabled }),
  checkForUpdate: () => call("check_for_update", {}),
  installUpdate: () => call("install_update", {}),
};

/** A failure as a CommandError, whatever was thrown. */
export function asCommandError(caught: unknown): CommandError {
  return caught instanceof CommandError ? caught : new CommandError("unexpected", String(caught));
}
