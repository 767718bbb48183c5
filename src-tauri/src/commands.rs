//! The commands the web UI may call. Each is thin: it calls one core
//! operation. Errors cross IPC as `{code, message}` (see `CoreError`).
//!
//! A key's secret crosses IPC exactly once: in `create_key`'s reply, for the
//! one-time reveal. Copying reads the keychain in Rust and writes the
//! clipboard from Rust.

use serde::Serialize;
use tauri::State;
use toucan_keys_core::{CoreError, Expiry, KeyId, KeySummary, OneTimeReveal, Settings};

use crate::state::AppState;

include!("command_names.rs");

/// A new key and its secret, shown once.
#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CreatedKeyReply {
    /// The key as the list shows it.
    pub key: KeySummary,
    /// The full key. Serialized here and nowhere else.
    #[cfg_attr(test, ts(type = "string"))]
    pub secret: OneTimeReveal,
}

/// What a copy did.
#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CopyReply {
    /// The key, with its new "last copied" time.
    pub key: KeySummary,
    /// Seconds until the clipboard is cleared, if it will be.
    pub clears_in_seconds: Option<u32>,
}

type Reply<T> = Result<T, CoreError>;

fn summary(state: &AppState, id: &KeyId) -> Reply<KeySummary> {
    state
        .keys
        .list()?
        .into_iter()
        .find(|k| &k.record.id == id)
        .ok_or(CoreError::KeyNotFound)
}

/// Every key, newest first.
#[tauri::command(async)]
pub fn list_keys(state: State<'_, AppState>) -> Reply<Vec<KeySummary>> {
    state.keys.list()
}

/// Checks the keychain still holds every active key's secret; flags those it
/// doesn't. Returns the list afterwards.
#[tauri::command(async)]
pub fn check_keychain(state: State<'_, AppState>) -> Reply<Vec<KeySummary>> {
    crate::ready_signal::key_list_rendered();
    state.keys.reconcile()?;
    state.keys.list()
}

/// Creates a key; the reply holds its secret, once.
#[tauri::command(async)]
pub fn create_key(state: State<'_, AppState>, name: String, expiry: Expiry) -> Reply<CreatedKeyReply> {
    let created = state.keys.create(&name, expiry)?;
    let key = summary(&state, &created.record.id)?;
    Ok(CreatedKeyReply {
        key,
        secret: created.secret.into_one_time_reveal(),
    })
}

/// Copies a key to the clipboard from the keychain, and schedules the clear.
#[tauri::command(async)]
pub fn copy_key(state: State<'_, AppState>, id: KeyId) -> Reply<CopyReply> {
    let secret = state.keys.read_secret(&id)?;
    let clear = state.settings.load().unwrap_or_default().clipboard_clear;
    state.clipboard.copy(&secret, clear.delay())?;
    state.keys.mark_copied(&id)?;
    let clears_in_seconds = clear.delay().map(|d| d.as_secs() as u32);
    Ok(CopyReply {
        key: summary(&state, &id)?,
        clears_in_seconds,
    })
}

/// Renames a key.
#[tauri::command(async)]
pub fn rename_key(state: State<'_, AppState>, id: KeyId, name: String) -> Reply<KeySummary> {
    state.keys.rename(&id, &name)?;
    summary(&state, &id)
}

/// Revokes a key: its secret leaves the keychain; its record stays.
#[tauri::command(async)]
pub fn revoke_key(state: State<'_, AppState>, id: KeyId) -> Reply<KeySummary> {
    state.keys.revoke(&id)?;
    summary(&state, &id)
}

/// Deletes a revoked key's record.
#[tauri::command(async)]
pub fn delete_key(state: State<'_, AppState>, id: KeyId) -> Reply<()> {
    state.keys.delete(&id)
}

/// The person's settings.
#[tauri::command(async)]
pub fn get_settings(state: State<'_, AppState>) -> Reply<Settings> {
    state.settings.load()
}

/// Saves the person's settings; returns what was saved.
#[tauri::command(async)]
pub fn save_settings(state: State<'_, AppState>, settings: Settings) -> Reply<Settings> {
    state.settings.save(settings)
}
