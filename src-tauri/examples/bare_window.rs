//! The baseline for the start-up benchmark: a bare Tauri window built in this
//! workspace with the same dependencies and configuration, showing a blank
//! page. Prints `ready` when the page has loaded, as the app does when its
//! key list is drawn (see `scripts/bench-startup.py`).

use std::io::Write;

use tauri::webview::PageLoadEvent;

fn main() {
    let mut context = tauri::generate_context!();
    context.config_mut().app.windows[0].url = tauri::WebviewUrl::App("bare.html".into());
    tauri::Builder::default()
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
