// Generated from the Rust types by src-tauri/src/bindings.rs. Do not edit.

export type KeyId = string;

export type KeyRecord = { 
/**
 * Non-secret id; the keychain account name.
 */
id: KeyId, 
/**
 * The name a person gave the key.
 */
name: string, 
/**
 * `tck_…` and the last four characters.
 */
hint: string, 
/**
 * SHA-256 of the whole key, hex.
 */
fingerprint: string, 
/**
 * When the key was created.
 */
createdAt: string, 
/**
 * When the key stops working, if ever.
 */
expiresAt: string | null, 
/**
 * When the key was revoked, if it was.
 */
revokedAt: string | null, 
/**
 * When the key was last copied to the clipboard.
 */
lastCopiedAt: string | null, 
/**
 * Set by `reconcile` when the keychain no longer holds the secret.
 */
secretMissing: boolean, };

export type KeyStatus = "active" | "expiresSoon" | "expired" | "revoked" | "missing";

export type KeySummary = { 
/**
 * Active, expires soon, expired, revoked or missing.
 */
status: KeyStatus, 
/**
 * Non-secret id; the keychain account name.
 */
id: KeyId, 
/**
 * The name a person gave the key.
 */
name: string, 
/**
 * `tck_…` and the last four characters.
 */
hint: string, 
/**
 * SHA-256 of the whole key, hex.
 */
fingerprint: string, 
/**
 * When the key was created.
 */
createdAt: string, 
/**
 * When the key stops working, if ever.
 */
expiresAt: string | null, 
/**
 * When the key was revoked, if it was.
 */
revokedAt: string | null, 
/**
 * When the key was last copied to the clipboard.
 */
lastCopiedAt: string | null, 
/**
 * Set by `reconcile` when the keychain no longer holds the secret.
 */
secretMissing: boolean, };

export type Expiry = { "kind": "days30" } | { "kind": "days60" } | { "kind": "days90" } | { "kind": "onDate", "value": string } | { "kind": "never" };

export type ClipboardClear = { "kind": "after", 
/**
 * Seconds to wait.
 */
seconds: number, } | { "kind": "never" };

export type Settings = { 
/**
 * The name shown in the profile menu; asked for on first run.
 */
displayName: string | null, 
/**
 * When copied keys are cleared from the clipboard.
 */
clipboardClear: ClipboardClear, };

export type CreatedKeyReply = { 
/**
 * The key as the list shows it.
 */
key: KeySummary, 
/**
 * The full key. Serialized here and nowhere else.
 */
secret: string, };

export type CopyReply = { 
/**
 * The key, with its new "last copied" time.
 */
key: KeySummary, 
/**
 * Seconds until the clipboard is cleared, if it will be.
 */
clearsInSeconds: number | null, };

/** How every command error arrives: a stable code and a message for people. */
export type IpcError = { code: string; message: string };
