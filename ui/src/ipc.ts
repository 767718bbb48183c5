// The app's commands, typed with the types generated from Rust (bindings.ts).
// Every failure arrives as a CommandError with a stable code and a message
// written for people.

import { invoke } from "@tauri-apps/api/core";
import type {
  CopyReply,
  CopyTokenReply,
  CreatedKeyReply,
  Expiry,
  GeneratedToken,
  IpcError,
  KeyId,
  KeySummary,
  RevokeReply,
  Settings,
  TokenRequest,
  UpdateCheck,
  WorkspaceView,
} from "./bindings";

/** A failed command: `code` for the program, `message` for the person. */
export class CommandError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function isIpcError(value: unknown): value is IpcError {
  return typeof value === "object" && value !== null && "code" in value && "message" in value;
}

async function call<T>(command: string, args: Record<string, unknown> = {}): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    if (isIpcError(error)) throw new CommandError(error.code, error.message);
    throw new CommandError("unexpected", `Something unexpected went wrong (${String(error)}). Try again.`);
  }
}

export const api = {
  listKeys: () => call<KeySummary[]>("list_keys"),
  checkKeychain: () => call<KeySummary[]>("check_keychain"),
  createKey: (name: string, expiry: Expiry) => call<CreatedKeyReply>("create_key", { name, expiry }),
  copyKey: (id: KeyId) => call<CopyReply>("copy_key", { id }),
  renameKey: (id: KeyId, name: string) => call<KeySummary>("rename_key", { id, name }),
  revokeKey: (id: KeyId) => call<RevokeReply>("revoke_key", { id }),
  deleteKey: (id: KeyId) => call<null>("delete_key", { id }),
  getSettings: () => call<Settings>("get_settings"),
  saveSettings: (settings: Settings) => call<Settings>("save_settings", { settings }),
  getWorkspace: () => call<WorkspaceView>("get_workspace"),
  syncWorkspace: () => call<WorkspaceView>("sync_workspace"),
  connectWorkspace: (serverUrl: string, accountToken: string) =>
    call<WorkspaceView>("connect_workspace", { serverUrl, accountToken }),
  disconnectWorkspace: () => call<null>("disconnect_workspace"),
  generateToken: (id: KeyId, request: TokenRequest) => call<GeneratedToken>("generate_token", { id, request }),
  copyToken: () => call<CopyTokenReply>("copy_token"),
  checkForUpdate: () => call<UpdateCheck>("check_for_update"),
  installUpdate: () => call<null>("install_update"),
};

/** A failure as a CommandError, whatever was thrown. */
export function asCommandError(caught: unknown): CommandError {
  return caught instanceof CommandError ? caught : new CommandError("unexpected", String(caught));
}

/** Whether an error belongs to the name field: their codes start with `name_` (CoreError::is_name_error). */
export function isNameError(error: CommandError): boolean {
  return error.code.startsWith("name_");
}
