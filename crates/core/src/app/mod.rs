//! [`ToucanApp`]: every use case of Toucan Keys, in one place. The desktop
//! shell (and any other front end) calls one method per command and adds
//! nothing: what a change does, the local-first policy and every message a
//! person reads are decided here.
//!
//! **Local first.** A change to a key is made on this computer first, then
//! sent to the workspace server if one is connected. When the server can't
//! be reached the change still stands and the reply carries a warning; the
//! next sync sends it.

mod details;
mod identify;
mod keys;
mod replies;
mod workspace;

use std::path::Path;
use std::sync::{Arc, Mutex};

pub use details::{ActivityLine, KeyDetails};
pub use identify::{Identified, PastedKey};
pub use replies::{
    CopyReply, CopyTokenReply, CreatedKeyReply, DeleteReply, OriginsReply, RevokeReply, RolledKeyReply, WorkspaceView,
};

use crate::activity::{Activity, ActivityLog};
use crate::clipboard::{Clipboard, ClipboardGuard};
use crate::error::CoreError;
use crate::i18n::{Language, WindowLanguages};
use crate::manager::KeyManager;
use crate::record::KeyId;
use crate::registry::FileRegistry;
use crate::reminders::{Reminder, ReminderLog};
use crate::secret::ExposeSecret;
use crate::settings::{SettingChange, Settings, SettingsFile};
use crate::vault::Vault;
use crate::workspace::{Confirm, GeneratedToken, Workspace};

/// Every use case answers this: the reply, or an error with a code and a
/// message for people.
pub type Reply<T> = Result<T, CoreError>;

/// Logs a use case's outcome: done at debug, a failure at warn with its code.
/// Only ids and codes are logged, never a key, a token or what was typed.
fn logged<T>(use_case: &'static str, reply: Reply<T>) -> Reply<T> {
    match &reply {
        Ok(_) => tracing::debug!(use_case, "done"),
        Err(error) => tracing::warn!(use_case, code = %error.code(), "failed"),
    }
    reply
}

/// The warning beside a change that stood here but didn't reach the server:
/// the message `what_happened` and why, in the window's language.
fn not_on_server_yet(use_case: &'static str, result: Reply<()>, what_happened: &str) -> Option<String> {
    let error = result.err()?;
    tracing::warn!(use_case, code = %error.code(), "the server step failed; the change stands here");
    Some(format!(
        "{} {}",
        crate::i18n::message(what_happened, &[]),
        error.message()
    ))
}

/// The application: keys (keychain + registry), the workspace server, the
/// person's settings, the clipboard and the last session token.
pub struct ToucanApp {
    keys: KeyManager,
    activity: ActivityLog,
    reminders: ReminderLog,
    workspace: Workspace,
    settings: SettingsFile,
    clipboard: ClipboardGuard<Box<dyn Clipboard>>,
    last_token: Mutex<Option<GeneratedToken>>,
    confirm: Box<dyn Confirm>,
}

/// What the app needs from the computer it runs on, beyond files.
pub struct Host {
    /// Where key secrets and the account token live (the OS keychain).
    pub vault: Arc<dyn Vault>,
    /// The system clipboard.
    pub clipboard: Box<dyn Clipboard>,
    /// Questions only the person can answer, asked outside any web page.
    pub confirm: Box<dyn Confirm>,
}

impl ToucanApp {
    /// The app with its registry in `data_dir`, its settings and workspace in
    /// `config_dir`, over the `host`'s keychain, clipboard and dialogs.
    pub fn new(host: Host, data_dir: &Path, config_dir: &Path) -> Self {
        Self::from_parts(
            KeyManager::new(host.vault.clone(), FileRegistry::in_dir(data_dir)),
            data_dir,
            Workspace::new(config_dir, host.vault),
            SettingsFile::in_dir(config_dir),
            host.clipboard,
            host.confirm,
        )
    }

    /// The app over parts built elsewhere (tests: a manager with a clock or a
    /// fault hook, a workspace with short timeouts); key history and
    /// reminders are kept in `data_dir`.
    pub fn from_parts(
        keys: KeyManager,
        data_dir: &Path,
        workspace: Workspace,
        settings: SettingsFile,
        clipboard: Box<dyn Clipboard>,
        confirm: Box<dyn Confirm>,
    ) -> Self {
        Self {
            keys,
            activity: ActivityLog::in_dir(data_dir),
            reminders: ReminderLog::in_dir(data_dir),
            workspace,
            settings,
            clipboard: ClipboardGuard::new(clipboard),
            last_token: Mutex::new(None),
            confirm,
        }
    }

    /// The person's settings.
    pub fn get_settings(&self) -> Reply<Settings> {
        logged("get_settings", self.settings.load())
    }

    /// The language the window speaks (the one chosen in the settings, or
    /// the system's), and the ones it offers. Reads only: it changes nothing.
    pub fn window_language(&self) -> Reply<WindowLanguages> {
        let settings = self.settings.load();
        let follows_system = settings
            .as_ref()
            .map_or(true, |settings| settings.chosen_language.is_none());
        logged(
            "window_language",
            Ok(WindowLanguages::new(self.chosen_language(), follows_system)),
        )
    }

    /// Makes messages made in Rust (errors, warnings, reminders) speak the
    /// window's language from now on, in this process. The shell calls it at
    /// start; a change of the language setting calls it too.
    pub fn speak_chosen_language(&self) -> Language {
        let language = self.chosen_language();
        crate::i18n::set_language(language);
        language
    }

    /// The window's language: the one chosen, or the system's (also when the
    /// settings can't be read: that is reported where they are shown).
    fn chosen_language(&self) -> Language {
        let system = sys_locale::get_locale();
        match self.settings.load() {
            Ok(settings) => settings.language(system.as_deref()),
            Err(_) => Language::for_locale(system.as_deref()),
        }
    }

    /// Changes one setting, keeping the others as saved; returns the settings.
    pub fn change_setting(&self, change: SettingChange) -> Reply<Settings> {
        let language_changed = matches!(change, SettingChange::Language(_));
        let saved = self.settings.change(change);
        if language_changed && saved.is_ok() {
            self.speak_chosen_language();
        }
        logged("change_setting", saved)
    }

    /// The expiry reminders due now (14 days left, 3 days left, expired), each
    /// key and stage once, ever: they are recorded as sent as they are
    /// returned. The desktop shell shows them as notifications.
    pub fn take_due_reminders(&self) -> Reply<Vec<Reminder>> {
        logged(
            "take_due_reminders",
            (|| -> Reply<Vec<Reminder>> {
                let keys: Vec<_> = self.keys.list()?.into_iter().map(|key| key.record).collect();
                self.reminders.take_due(&keys, chrono::Utc::now())
            })(),
        )
    }

    /// Clears the clipboard now if it still holds something the app copied
    /// (the app calls this when it quits). Returns whether it did.
    pub fn clear_clipboard_now(&self) -> bool {
        self.clipboard.clear_now()
    }

    /// Adds to a key's history. History is a convenience: a failure to write
    /// it is logged and never fails the use case.
    fn note(&self, id: &KeyId, activity: Activity) {
        if let Err(error) = self.activity.record(id, chrono::Utc::now(), activity) {
            tracing::warn!(key = %id, code = %error.code(), "the activity history couldn't be written");
        }
    }

    /// Notes a registration with the connected server, if one is connected.
    fn note_registered(&self, id: &KeyId) {
        if let Ok(Some(server)) = self.workspace.server_url() {
            self.note(id, Activity::Registered { server });
        }
    }

    /// Copies `secret` with the person's clear delay; returns the seconds
    /// until it is cleared, if it will be. A damaged settings file is
    /// reported (nothing is copied), not read as the default delay.
    fn copy_to_clipboard(&self, secret: &dyn ExposeSecret) -> Reply<Option<u32>> {
        let clear = self.settings.load()?.clipboard_clear;
        self.clipboard.copy(secret, clear.delay())?;
        Ok(clear.delay().map(|delay| delay.as_secs() as u32))
    }
}
