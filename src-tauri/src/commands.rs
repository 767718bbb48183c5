//! The commands the page may call, made from the table in `command_table.rs`:
//! each is one call to [`ToucanApp`], where every decision is made. Errors
//! cross IPC as `{code, message, field}` (see `CoreError`).
//!
//! A key's secret crosses IPC exactly once: in `create_key`'s (or
//! `roll_key`'s) reply, for the one-time reveal. A key pasted into "Which key is this?" crosses once the
//! other way (`identify_key`), and is a secret in Rust from then on. Copying reads the keychain in Rust and writes the
//! clipboard from Rust; so does generating a session token. The workspace
//! account token only ever travels page → Rust, when connecting.

use tauri::State;
use toucan_keys_core::app::{
    CopyReply, CopyTokenReply, CreatedKeyReply, DeleteReply, Identified, KeyDetails, OriginsReply, PastedKey,
    RevokeReply, RolledKeyReply, WorkspaceView,
};
use toucan_keys_core::limits::KeyLimits;
use toucan_keys_core::snippets::{CodeSnippet, SnippetLanguage};
use toucan_keys_core::workspace::{DeclaredAttribute, GeneratedToken, TokenRequest};
use toucan_keys_core::{
    Expiry, FoundKey, KeyId, KeySummary, Reply, RollOverlap, SettingChange, Settings, ToucanApp, WindowLanguages,
};

use crate::updates::UpdateCheck;

macro_rules! command_table {
    ($($kind:ident $name:ident ($($arg:ident : $ty:ty),*) -> $reply:ty;)*) => {
        /// Every command the page may call, as named on the wire.
        pub const COMMANDS: &[&str] = &[$(stringify!($name)),*];

        $(command_table!(@command $kind $name ($($arg : $ty),*) -> $reply);)*

        /// The handler of every command, for `tauri::Builder::invoke_handler`.
        pub fn handler<R: tauri::Runtime>() -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$($name),*]
        }

        /// The TypeScript command map: each command's arguments (camelCase,
        /// as Tauri reads them) and reply, for `ui/src/bindings.ts`.
        #[cfg(test)]
        pub(crate) fn typescript_command_map(config: &ts_rs::Config) -> String {
            let mut out = String::from(
                "/** Every command: its arguments (by name, and in order as `parameters`) and its reply. */\nexport type Commands = {\n",
            );
            let mut names = String::from(
                "/** Each command's argument names, in the table's order (`api` in ipc.ts calls with them). */\nexport const COMMAND_PARAMETERS = {\n",
            );
            $(
                let pairs: Vec<(String, String)> = vec![$((
                    crate::bindings::camel_case(stringify!($arg)),
                    <$ty as ts_rs::TS>::name(config),
                )),*];
                let args = if pairs.is_empty() {
                    "{}".to_owned()
                } else {
                    let fields: Vec<String> = pairs.iter().map(|(name, ty)| format!("{name}: {ty}")).collect();
                    format!("{{ {} }}", fields.join("; "))
                };
                let parameters: Vec<String> = pairs.iter().map(|(name, ty)| format!("{name}: {ty}")).collect();
                out.push_str(&format!(
                    "  {}: {{ args: {}; parameters: [{}]; reply: {} }};\n",
                    stringify!($name),
                    args,
                    parameters.join(", "),
                    <$reply as ts_rs::TS>::name(config)
                ));
                let quoted: Vec<String> = pairs.iter().map(|(name, _)| format!("\"{name}\"")).collect();
                names.push_str(&format!("  {}: [{}],\n", stringify!($name), quoted.join(", ")));
            )*
            out.push_str("};\n\n");
            names.push_str("} as const satisfies { [C in keyof Commands]: readonly (keyof Commands[C][\"args\"])[] };\n");
            out + &names
        }
    };
    (@command sync $name:ident ($($arg:ident : $ty:ty),*) -> $reply:ty) => {
        #[doc = concat!("`ToucanApp::", stringify!($name), "`, where it may block (see [`may_block`]).")]
        #[tauri::command]
        pub async fn $name(app: State<'_, ToucanApp>, $($arg: $ty),*) -> Reply<$reply> {
            may_block(|| app.$name($($arg),*))
        }
    };
    (@command async $name:ident ($($arg:ident : $ty:ty),*) -> $reply:ty) => {
        #[doc = concat!("`ToucanApp::", stringify!($name), "`, where it may block (see [`may_block`]).")]
        #[tauri::command]
        pub async fn $name(app: State<'_, ToucanApp>, $($arg: $ty),*) -> Reply<$reply> {
            may_block(|| tokio::runtime::Handle::current().block_on(app.$name($($arg),*)))
        }
    };
    (@command shell $name:ident ($($arg:ident : $ty:ty),*) -> $reply:ty) => {};
}

include!("command_table.rs");

/// Runs a command's work on this thread, first telling the async runtime that
/// the thread may block, so the runtime moves its other tasks to another
/// thread meanwhile. A command can wait a long time: for the keychain (a
/// locked keychain asks for its password), for the native dialog that
/// confirms a connection, or for the disk. It then holds up no other command,
/// and no other part of the app that runs on the runtime.
fn may_block<T>(work: impl FnOnce() -> T) -> T {
    tokio::task::block_in_place(work)
}

/// Shows the notifications due now (each once, ever): the window asks after a
/// sync that found a key in public, rather than waiting for the next check.
#[tauri::command]
pub fn show_due_notices<R: tauri::Runtime>(app: tauri::AppHandle<R>) -> Reply<()> {
    crate::reminders::notify_due(&app);
    Ok(())
}

/// Whether the app starts when the person logs in (to remind them of expiring keys).
#[tauri::command]
pub fn get_autostart<R: tauri::Runtime>(app: tauri::AppHandle<R>) -> Reply<bool> {
    crate::reminders::autostart_enabled(&app)
}

/// Turns the start at login on or off; returns the setting now.
#[tauri::command]
pub fn set_autostart<R: tauri::Runtime>(app: tauri::AppHandle<R>, enabled: bool) -> Reply<bool> {
    crate::reminders::set_autostart(&app, enabled)
}

/// Asks the update feed for a newer version (nothing is asked when this build
/// has no feed). The offer is kept in Rust for `install_update`.
#[tauri::command]
pub async fn check_for_update<R: tauri::Runtime>(app: tauri::AppHandle<R>) -> Reply<UpdateCheck> {
    Ok(crate::updates::check(&app).await?)
}

/// Downloads the offered update, verifies its signature, installs it and
/// restarts. Called only after the person agreed in the update banner.
#[tauri::command]
pub async fn install_update<R: tauri::Runtime>(app: tauri::AppHandle<R>) -> Reply<()> {
    Ok(crate::updates::install(&app).await?)
}
