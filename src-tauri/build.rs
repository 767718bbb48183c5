//! Builds the app's permission manifest from the one list of commands in
//! `src/command_names.rs`: only those exist for the capability system, and
//! `capabilities/main.json` grants them to the main window.

include!("src/command_names.rs");

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("failed to run the Tauri build script");
}
