//! The commands the web UI may call. Each is thin: it calls one core
//! operation. Errors cross IPC as `{code, message}` (see `CoreError`).
//!
//! A key's secret crosses IPC exactly once: in `create_key`'s reply, for the
//! one-time reveal. Copying reads the keychain in Rust and writes the
//! clipboard from Rust; so does generating a session token. The workspace
//! account token only ever travels UI → Rust, when connecting.
//!
//! Changes to keys are made here first, then sent to the workspace server if
//! one is connected; when it can't be reached the change still stands and the
//! reply carries a warning (the next sync sends it).

use serde::Serialize;
use tauri::State;
use toucan_keys_core::workspace::{GeneratedToken, PendingRevocation, ServerKeyState, TokenRequest};
use toucan_keys_core::{CoreError, Expiry, KeyId, KeyRecord, KeySummary, OneTimeReveal, Settings};

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
    /// Why the key isn't registered with the workspace server yet, if it isn't.
    pub server_warning: Option<String>,
}

/// A revoked key, and whether the server knows yet.
#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct RevokeReply {
    /// The key, now revoked.
    pub key: KeySummary,
    /// Why the server hasn't revoked it yet, if it hasn't.
    pub server_warning: Option<String>,
}

/// The workspace as the Workspace section shows it. Reaching the server is
/// optional: when it fails, `problem` says why and the rest still works.
#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct WorkspaceView {
    /// The server's address; `None` when not connected.
    pub server_url: Option<String>,
    /// The server's view of this computer's keys (empty when unknown).
    pub keys: Vec<ServerKeyState>,
    /// Why the server couldn't be asked, if it couldn't.
    #[cfg_attr(test, ts(type = "IpcError | null"))]
    pub problem: Option<CoreError>,
    /// Keys revoked here that a server hasn't confirmed yet: they still work there.
    pub pending_revocations: Vec<PendingRevocation>,
}

/// What copying a session token did.
#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CopyTokenReply {
    /// Seconds until the clipboard is cleared, if it will be.
    pub clears_in_seconds: Option<u32>,
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

/// Every key, newest first.
#[tauri::command(async)]
pub fn list_keys(state: State<'_, AppState>) -> Reply<Vec<KeySummary>> {
    state.keys.list()
}

/// Checks the keychain still holds every active key's secret; flags those it
/// doesn't. First finishes what a crash interrupted: creates under way, and
/// secrets no record claims (a keychain that can't be searched skips that).
/// Returns the list afterwards.
#[tauri::command(async)]
pub fn check_keychain(state: State<'_, AppState>) -> Reply<Vec<KeySummary>> {
    crate::ready_signal::key_list_rendered();
    state.keys.reconcile()?;
    let _ = state.keys.remove_unclaimed_secrets();
    state.keys.list()
}

fn records(state: &AppState) -> Reply<Vec<KeyRecord>> {
    Ok(state.keys.list()?.into_iter().map(|k| k.record).collect())
}

/// The message of a failed server step, for a warning beside a change that stood.
fn warning(result: Reply<()>) -> Option<String> {
    result.err().map(|error| error.to_string())
}

/// Creates a key, then registers it with the workspace server if one is
/// connected; the reply holds its secret, once.
#[tauri::command]
pub async fn create_key(state: State<'_, AppState>, name: String, expiry: Expiry) -> Reply<CreatedKeyReply> {
    let created = state.keys.create(&name, expiry)?;
    let server_warning = warning(state.workspace.register(&created.record).await);
    let key = state.keys.summary(&created.record.id)?;
    Ok(CreatedKeyReply {
        key,
        secret: created.secret.into_one_time_reveal(),
        server_warning,
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
        key: state.keys.summary(&id)?,
        clears_in_seconds,
    })
}

/// Renames a key.
#[tauri::command(async)]
pub fn rename_key(state: State<'_, AppState>, id: KeyId, name: String) -> Reply<KeySummary> {
    state.keys.rename(&id, &name)?;
    state.keys.summary(&id)
}

/// Revokes a key: its secret leaves the keychain, its record stays, and the
/// workspace server (if connected) revokes it and every token it issued.
#[tauri::command]
pub async fn revoke_key(state: State<'_, AppState>, id: KeyId) -> Reply<RevokeReply> {
    let record = state.keys.revoke(&id)?;
    let server_warning = warning(state.workspace.revoke(&record).await).map(|reason| {
        format!("Revoked on this computer. The server hasn't been told yet, so the key still works there until Toucan Keys can reach it. {reason}")
    });
    Ok(RevokeReply {
        key: state.keys.summary(&id)?,
        server_warning,
    })
}

/// Deletes a revoked key's record. Its revocation is queued for the server
/// first, so the server is still told even after the record is gone.
#[tauri::command(async)]
pub fn delete_key(state: State<'_, AppState>, id: KeyId) -> Reply<()> {
    let record = state.keys.summary(&id)?.record;
    if record.is_active() {
        return Err(CoreError::KeyNotRevoked);
    }
    state.workspace.forget_deleted(&record)?;
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

/// The workspace as saved on this computer, without asking the server (so the
/// first screen never waits for the network).
#[tauri::command(async)]
pub fn get_workspace(state: State<'_, AppState>) -> Reply<WorkspaceView> {
    Ok(WorkspaceView {
        server_url: state.workspace.server_url()?,
        keys: Vec::new(),
        problem: None,
        pending_revocations: state.workspace.pending_revocations()?,
    })
}

/// The workspace: brings the server in step with this computer's keys and
/// returns its view of them. Offline is not an error: `problem` says why.
#[tauri::command]
pub async fn sync_workspace(state: State<'_, AppState>) -> Reply<WorkspaceView> {
    let server_url = state.workspace.server_url()?;
    let records = records(&state)?;
    let synced = state.workspace.sync(&records).await;
    let pending_revocations = state.workspace.pending_revocations()?;
    Ok(match synced {
        Ok(status) => WorkspaceView {
            server_url: status.server_url,
            keys: status.keys,
            problem: None,
            pending_revocations,
        },
        Err(problem) => WorkspaceView {
            server_url,
            keys: Vec::new(),
            problem: Some(problem),
            pending_revocations,
        },
    })
}

/// Connects to a workspace server: checks the account token with it, asks the
/// person in a native dialog (never the page), keeps the token in the keychain,
/// and registers this computer's keys.
#[tauri::command]
pub async fn connect_workspace(
    state: State<'_, AppState>,
    server_url: String,
    account_token: String,
) -> Reply<WorkspaceView> {
    // The token is kept in the keychain by the core; this copy is zeroed when dropped.
    let account_token = zeroize::Zeroizing::new(account_token);
    let records = records(&state)?;
    let status = state
        .workspace
        .connect(&server_url, &account_token, &records, state.confirm.as_ref())
        .await?;
    Ok(WorkspaceView {
        server_url: status.server_url,
        keys: status.keys,
        problem: None,
        pending_revocations: state.workspace.pending_revocations()?,
    })
}

/// Disconnects: the account token leaves the keychain. Keys stay as they are.
#[tauri::command(async)]
pub fn disconnect_workspace(state: State<'_, AppState>) -> Reply<()> {
    state.workspace.disconnect()
}

/// Asks the workspace server for a session token, sending the key from the
/// keychain in Rust. The token is kept (for `copy_token`) until the next one.
#[tauri::command]
pub async fn generate_token(state: State<'_, AppState>, id: KeyId, request: TokenRequest) -> Reply<GeneratedToken> {
    let record = state.keys.summary(&id)?.record;
    let secret = state.keys.read_secret(&id)?;
    let token = state.workspace.generate_token(&record, &secret, &request).await?;
    *state.last_token.lock().unwrap_or_else(|p| p.into_inner()) = Some(token.clone());
    Ok(token)
}

/// Copies the last generated session token, with the same clipboard rules as keys.
#[tauri::command(async)]
pub fn copy_token(state: State<'_, AppState>) -> Reply<CopyTokenReply> {
    let token = state.last_token.lock().unwrap_or_else(|p| p.into_inner()).clone();
    let token = token.ok_or(CoreError::NoTokenToCopy)?;
    let clear = state.settings.load().unwrap_or_default().clipboard_clear;
    state.clipboard.copy(&token, clear.delay())?;
    Ok(CopyTokenReply {
        clears_in_seconds: clear.delay().map(|d| d.as_secs() as u32),
    })
}

/// Asks the update feed for a newer version (nothing is asked when this build
/// has no feed). The offer is kept in Rust for `install_update`.
#[tauri::command]
pub async fn check_for_update<R: tauri::Runtime>(app: tauri::AppHandle<R>) -> Reply<crate::updates::UpdateCheck> {
    Ok(crate::updates::check(&app).await?)
}

/// Downloads the offered update, verifies its signature, installs it and
/// restarts. Called only after the person agreed in the update banner.
#[tauri::command]
pub async fn install_update<R: tauri::Runtime>(app: tauri::AppHandle<R>) -> Reply<()> {
    Ok(crate::updates::install(&app).await?)
}
