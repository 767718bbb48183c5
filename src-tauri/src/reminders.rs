//! Expiry reminders and leaked keys as desktop notifications (Tauri's
//! notification plugin), checked at start and every minute while the app runs; which keys and what
//! each says is decided in the core (`ToucanApp::take_due_reminders`). And
//! the optional start at login (Tauri's autostart plugin: an XDG autostart
//! entry on Linux, a launch agent on macOS, the Run key on Windows), so the
//! reminders come even when the window isn't opened.

use std::time::Duration;

use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_autostart::AutoLaunchManager;
use tauri_plugin_notification::NotificationExt;
use toucan_keys_core::{CoreError, Reply, ToucanApp};

/// How often notices are checked while the app runs (the core's schedule).
const EVERY: Duration = Duration::from_secs(toucan_keys_core::choices::SCHEDULE.notices_seconds as u64);

/// Checks for due reminders (expiry, and keys found in public) now, then
/// every minute, on a thread of its own.
pub fn start<R: Runtime>(app: AppHandle<R>) {
    let spawned = std::thread::Builder::new().name("reminders".into()).spawn(move || {
        loop {
            notify_due(&app);
            std::thread::sleep(EVERY);
        }
    });
    if let Err(error) = spawned {
        tracing::warn!(%error, "the reminder thread couldn't start");
    }
}

/// Shows one notification per reminder due now.
pub fn notify_due<R: Runtime>(app: &AppHandle<R>) {
    let Some(toucan) = app.try_state::<ToucanApp>() else {
        return;
    };
    let reminders = match toucan.take_due_reminders() {
        Ok(reminders) => reminders,
        Err(error) => return tracing::warn!(code = %error.code(), "reminders couldn't be checked"),
    };
    for reminder in reminders {
        let shown = app
            .notification()
            .builder()
            .title(&reminder.title)
            .body(&reminder.body)
            .show();
        match shown {
            Ok(()) => tracing::info!(key = %reminder.key_id, stage = ?reminder.stage, "expiry reminder shown"),
            Err(error) => tracing::warn!(key = %reminder.key_id, %error, "an expiry reminder couldn't be shown"),
        }
    }
}

/// The autostart plugin's launcher (absent where the plugin isn't loaded, as
/// in the shell's own tests).
fn launcher<R: Runtime>(app: &AppHandle<R>) -> Reply<tauri::State<'_, AutoLaunchManager>> {
    app.try_state::<AutoLaunchManager>()
        .ok_or_else(|| CoreError::Autostart {
            detail: "the start at login isn't available in this build".into(),
        })
}

/// Whether the app starts when the person logs in.
pub fn autostart_enabled<R: Runtime>(app: &AppHandle<R>) -> Reply<bool> {
    launcher(app)?.is_enabled().map_err(autostart_failed)
}

/// Turns the start at login on or off; returns the setting now.
pub fn set_autostart<R: Runtime>(app: &AppHandle<R>, enabled: bool) -> Reply<bool> {
    let launcher = launcher(app)?;
    if enabled { launcher.enable() } else { launcher.disable() }.map_err(autostart_failed)?;
    tracing::info!(enabled, "start at login changed");
    launcher.is_enabled().map_err(autostart_failed)
}

fn autostart_failed(error: tauri_plugin_autostart::Error) -> CoreError {
    CoreError::Autostart {
        detail: error.to_string(),
    }
}
