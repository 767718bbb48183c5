//! The Toucan Keys desktop shell: a window, the commands the UI calls, the
//! clipboard and plugins. Everything that matters is decided in
//! `toucan-keys-core`.

mod bindings;
pub mod command_line;
pub mod commands;
mod logging;
pub mod native_confirm;
pub mod ready_signal;
mod reminders;
pub mod updates;

use std::path::Path;
use std::sync::Arc;

use tauri::{Manager, Runtime};
use toucan_keys_core::workspace::Confirm;
use toucan_keys_core::{APP_IDENTIFIER, Host, KeychainVault, ToucanApp};

/// Registers the commands on a builder (shared by the app and its tests). The
/// [`ToucanApp`] is managed by the caller; the offered update's slot is here.
pub fn with_commands<R: Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    builder
        .manage(updates::PendingUpdate::default())
        .invoke_handler(ready_signal::watch(commands::handler()))
}

/// The app on this computer: the OS keychain, the system clipboard, native
/// dialogs, the registry in `data_dir` and the settings in `config_dir`.
pub fn desktop_app(data_dir: &Path, config_dir: &Path, confirm: Box<dyn Confirm>) -> ToucanApp {
    let host = Host {
        vault: Arc::new(KeychainVault::new(APP_IDENTIFIER)),
        clipboard: Box::new(toucan_keys_core::clipboard::SystemClipboard::default()),
        confirm,
    };
    ToucanApp::new(host, data_dir, config_dir)
}

/// Starts the app.
pub fn run() {
    let context = tauri::generate_context!();
    let app = updates::with_updater(with_commands(tauri::Builder::default()), context.config())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_notification::init())
        .plugin(tauri_plugin_autostart::Builder::new().build())
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            focus_main_window(app)
        }))
        .setup(|app| {
            if let Some(window) = app.get_webview_window("main") {
                configure_webview(&window);
            }
            if let Ok(log_dir) = app.path().app_log_dir() {
                logging::start(&log_dir);
            }
            tracing::info!(version = env!("CARGO_PKG_VERSION"), "Toucan Keys started");
            let data_dir = app.path().app_data_dir()?;
            let config_dir = app.path().app_config_dir()?;
            let confirm = Box::new(native_confirm::NativeConfirm::new(app.handle().clone()));
            let toucan = desktop_app(&data_dir, &config_dir, confirm);
            // Messages made in Rust speak the window's language from the start (reminders too).
            toucan.speak_chosen_language();
            app.manage(toucan);
            reminders::start(app.handle().clone());
            Ok(())
        })
        .build(context)
        .expect("Toucan Keys could not start");
    app.run(|app, event| match event {
        // Quitting: give up being "the" instance first, so a launch meanwhile
        // starts a window of its own instead of handing over to this closing
        // one (the plugin only lets go at the very end, and a quick relaunch
        // then showed nothing).
        tauri::RunEvent::ExitRequested { .. }
        | tauri::RunEvent::WindowEvent {
            event: tauri::WindowEvent::Destroyed,
            ..
        } => tauri_plugin_single_instance::destroy(app),
        // Leave nothing of ours on the clipboard after quitting.
        tauri::RunEvent::Exit => {
            if let Some(toucan) = app.try_state::<ToucanApp>() {
                toucan.clear_clipboard_now();
            }
        }
        _ => {}
    });
}

/// The JavaScript engine's settings, for this process and the web process it
/// starts; call first thing in `main`, while the process has one thread. On
/// Linux, WebKit's JavaScript engine runs without its JIT compilers (the
/// `JSC_useJIT` option, read from the environment the web process inherits):
/// a settings screen runs little JavaScript, the interpreter is fast enough
/// for it, and the compilers cost about 10 MiB (see docs/BENCHMARKS.md,
/// "Start-up time and memory"). No writable and executable memory is made for
/// compiled code either, which leaves an attacker's script less to work with.
/// A `JSC_useJIT` already set is kept (to compare, or to debug).
///
/// Also on Linux, glibc's malloc keeps one arena for all threads, in this
/// process (`mallopt`) and in WebKit's (`MALLOC_ARENA_MAX`, which they read
/// as they start): by default each thread that allocates gets an arena of its
/// own, a few hundred KiB each once touched, which a settings screen's few
/// allocations don't need (2.1 MiB for the app, docs/BENCHMARKS.md). A
/// `MALLOC_ARENA_MAX` already set is kept. The start-up benchmark's bare
/// window calls this too.
pub fn configure_engine() {
    #[cfg(target_os = "linux")]
    {
        if std::env::var_os("JSC_useJIT").is_none() {
            // SAFETY: called at the start of `main`, before any other thread exists
            // (nothing else can read or write the environment at the same time).
            unsafe { std::env::set_var("JSC_useJIT", "false") };
        }
        if std::env::var_os("MALLOC_ARENA_MAX").is_none() {
            // SAFETY: as above, one thread; mallopt only sets a limit for arenas made from now on.
            unsafe {
                std::env::set_var("MALLOC_ARENA_MAX", "1");
                #[cfg(target_env = "gnu")]
                libc::mallopt(libc::M_ARENA_MAX, 1);
            }
        }
    }
}

/// The webview settings the app runs with. On Linux, WebKit draws the page
/// without GPU compositing: a settings screen has no animation or 3D to gain
/// from it, and it costs about a quarter of the app's memory (see README,
/// "Start-up time and memory"). The start-up benchmark's bare window calls this
/// too, so the two are compared under the same engine settings.
pub fn configure_webview<R: Runtime>(window: &tauri::WebviewWindow<R>) {
    #[cfg(target_os = "linux")]
    let _ = window.with_webview(|webview| {
        use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt, WebViewExt};
        if let Some(settings) = webview.inner().settings() {
            settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
        }
    });
    #[cfg(not(target_os = "linux"))]
    let _ = window;
}

/// Brings the existing window forward when the app is launched again.
fn focus_main_window<R: Runtime>(app: &tauri::AppHandle<R>) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}
