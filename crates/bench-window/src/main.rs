//! The baseline for the start-up benchmark: a bare Tauri window built in this
//! workspace with the same dependencies, configuration and webview settings
//! (`configure_webview`), showing a blank page. With
//! `TOUCAN_BARE_DEFAULT_WEBVIEW=1` it keeps WebKit's default settings instead,
//! for context. Prints `ready` when the page has loaded, as the app does when its
//! key list is drawn (see `scripts/bench-startup.py`).

use std::io::Write;

use tauri::Manager;
use tauri::webview::PageLoadEvent;

fn main() {
    // The app's engine settings too, unless asked for WebKit's defaults.
    let app_settings = std::env::var_os("TOUCAN_BARE_DEFAULT_WEBVIEW").is_none();
    if app_settings {
        toucan_keys_app::configure_engine();
    }
    let context = tauri::generate_context!();
    tauri::Builder::default()
        .setup(move |app| {
            // The app's webview settings, unless asked for WebKit's defaults.
            if app_settings && let Some(window) = app.get_webview_window("main") {
                toucan_keys_app::configure_webview(&window);
            }
            Ok(())
        })
        .on_page_load(|_, payload| {
            if payload.event() == PageLoadEvent::Finished {
                let mut out = std::io::stdout().lock();
                let _ = writeln!(out, "ready");
                let _ = out.flush();
            }
        })
        .run(context)
        .expect("the bare window could not start");
}
