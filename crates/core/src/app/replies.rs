//! What each use case of [`super::ToucanApp`] answers: the shapes the app's
//! window (and any other front end) shows.

use serde::Serialize;

use crate::error::CoreError;
use crate::manager::KeySummary;
use crate::secret::OneTimeReveal;
use crate::workspace::{PendingRevocation, ServerKeyState};

/// A new key and its secret, shown once.
#[derive(Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CreatedKeyReply {
    /// The key as the list shows it.
    pub key: KeySummary,
    /// The full key. Serialized here and nowhere else.
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub secret: OneTimeReveal,
    /// Why the key isn't registered with the workspace server yet, if it isn't.
    pub server_warning: Option<String>,
}

/// A rolled key: its replacement, shown once, and the old key, now retiring.
#[derive(Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct RolledKeyReply {
    /// The replacement as the list shows it.
    pub key: KeySummary,
    /// The replacement's full key. Serialized here and nowhere else.
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub secret: OneTimeReveal,
    /// The old key: retiring until the end of the overlap, or revoked.
    pub old: KeySummary,
    /// What the server doesn't know yet, if anything, and how it will learn it.
    pub server_warning: Option<String>,
}

/// A key changed here (revoked, or deleted), and whether the server knows yet.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct RevokeReply {
    /// The key, now revoked.
    pub key: KeySummary,
    /// Why the server hasn't revoked it yet, if it hasn't.
    pub server_warning: Option<String>,
}

/// A key whose web origins changed here, and whether its server knows yet.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct OriginsReply {
    /// The key, with its new origins.
    pub key: KeySummary,
    /// Why the server doesn't enforce them yet, if it doesn't (the next sync sends them).
    pub server_warning: Option<String>,
}

/// A deleted key, and whether the server has been told it is revoked.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct DeleteReply {
    /// Why the server hasn't confirmed the key's revocation yet, if it hasn't.
    pub server_warning: Option<String>,
}

/// The workspace as the Workspace section shows it. Reaching the server is
/// optional: when it fails, `problem` says why and the rest still works.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct WorkspaceView {
    /// The server's address; `None` when not connected.
    pub server_url: Option<String>,
    /// The server's view of this computer's keys (empty when unknown).
    pub keys: Vec<ServerKeyState>,
    /// Why the server couldn't be asked, if it couldn't.
    #[cfg_attr(feature = "ts", ts(type = "IpcError | null"))]
    pub problem: Option<CoreError>,
    /// Keys revoked here that a server hasn't confirmed yet: they still work there.
    pub pending_revocations: Vec<PendingRevocation>,
}

/// What copying a session token did.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CopyTokenReply {
    /// Seconds until the clipboard is cleared, if it will be.
    pub clears_in_seconds: Option<u32>,
}

/// What a copy did.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CopyReply {
    /// The key, with its new "last copied" time.
    pub key: KeySummary,
    /// Seconds until the clipboard is cleared, if it will be.
    pub clears_in_seconds: Option<u32>,
}
