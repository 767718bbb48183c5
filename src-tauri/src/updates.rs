//! Updates of the installed app, with Tauri's updater plugin (2.10 or newer:
//! it installs .deb and .rpm as well as the Windows and macOS bundles).
//!
//! The app checks only when its build has a feed: `plugins.updater` in the
//! configuration, which the release workflow adds together with the public
//! key of the update signing key. Without it the plugin isn't even loaded and
//! nothing is ever asked of the network. The update on offer is kept here, in
//! Rust, so the page can only ask to install the update that was offered, and
//! only after its signature verified; the page gets no updater permission.

use std::sync::Mutex;

use serde::Serialize;
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_updater::{Error as PluginError, Update, Updater, UpdaterExt};
use toucan_keys_core::updates::{UpdateError, UpdateOffer};

/// What a check found.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct UpdateCheck {
    /// Whether this build checks for updates at all.
    pub feed_configured: bool,
    /// The newer version on offer, if there is one.
    pub offer: Option<UpdateOffer>,
}

/// The update the last check offered.
#[derive(Default)]
pub struct PendingUpdate(Mutex<Option<Update>>);

/// Whether the configuration names an update feed.
pub fn feed_configured(config: &tauri::Config) -> bool {
    config
        .plugins
        .0
        .get("updater")
        .and_then(|updater| updater.get("endpoints"))
        .and_then(|endpoints| endpoints.as_array())
        .is_some_and(|endpoints| !endpoints.is_empty())
}

/// Adds the updater plugin when the configuration has a feed.
pub fn with_updater<R: Runtime>(builder: tauri::Builder<R>, config: &tauri::Config) -> tauri::Builder<R> {
    if feed_configured(config) {
        builder.plugin(tauri_plugin_updater::Builder::new().build())
    } else {
        builder
    }
}

/// Asks the configured feed for a newer version of this build.
pub async fn check<R: Runtime>(app: &AppHandle<R>) -> Result<UpdateCheck, UpdateError> {
    if !feed_configured(app.config()) {
        return Ok(UpdateCheck {
            feed_configured: false,
            offer: None,
        });
    }
    let updater = app.updater().map_err(classify)?;
    check_with(app, &updater).await
}

/// Asks `updater` for a newer version and keeps what it offers for `install`.
pub async fn check_with<R: Runtime>(app: &AppHandle<R>, updater: &Updater) -> Result<UpdateCheck, UpdateError> {
    let update = updater.check().await.map_err(classify)?;
    let offer = update.as_ref().map(|update| UpdateOffer {
        version: update.version.clone(),
        current_version: update.current_version.clone(),
        notes: update.body.clone().filter(|notes| !notes.trim().is_empty()),
        published: update
            .raw_json
            .get("pub_date")
            .and_then(|date| date.as_str())
            .map(str::to_owned),
    });
    *pending(app) = update;
    Ok(UpdateCheck {
        feed_configured: true,
        offer,
    })
}

/// Downloads the offered update and verifies its signature against the
/// public key built into the app. Nothing is installed.
pub async fn download_verified<R: Runtime>(app: &AppHandle<R>) -> Result<(Update, Vec<u8>), UpdateError> {
    let update = pending(app).clone().ok_or(UpdateError::NothingToInstall)?;
    let bytes = update.download(|_, _| {}, || {}).await.map_err(classify)?;
    Ok((update, bytes))
}

/// Downloads, verifies and installs the offered update, then restarts into it.
pub async fn install<R: Runtime>(app: &AppHandle<R>) -> Result<(), UpdateError> {
    let (update, bytes) = download_verified(app).await?;
    update.install(bytes).map_err(classify)?;
    app.restart()
}

fn pending<R: Runtime>(app: &AppHandle<R>) -> std::sync::MutexGuard<'_, Option<Update>> {
    app.state::<PendingUpdate>()
        .inner()
        .0
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// What a plugin failure means for the person.
fn classify(error: PluginError) -> UpdateError {
    match error {
        PluginError::Minisign(_)
        | PluginError::Base64(_)
        | PluginError::SignatureUtf8(_)
        | PluginError::SignedVersionMismatch { .. }
        | PluginError::MissingSignedVersion => UpdateError::SignatureInvalid,
        PluginError::Reqwest(error) if error.is_status() => UpdateError::BadFeed {
            detail: error.to_string(),
        },
        PluginError::Reqwest(error) => UpdateError::Unreachable {
            detail: error.to_string(),
        },
        PluginError::Network(detail) => UpdateError::Unreachable { detail },
        PluginError::AuthenticationFailed => UpdateError::AuthenticationCancelled,
        error @ (PluginError::ReleaseNotFound
        | PluginError::TargetNotFound(_)
        | PluginError::TargetsNotFound(_)
        | PluginError::Serialization(_)
        | PluginError::Semver(_)
        | PluginError::UrlParse(_)
        | PluginError::EmptyEndpoints
        | PluginError::InsecureTransportProtocol) => UpdateError::BadFeed {
            detail: error.to_string(),
        },
        error => UpdateError::InstallFailed {
            detail: error.to_string(),
        },
    }
}
