//! Builds the app's permission manifest from the one table of commands in
//! `src/command_table.rs`: only those exist for the capability system, and
//! `capabilities/main.json` grants them to the main window.

/// Here only the names matter: the types are read as tokens, never resolved.
macro_rules! command_table {
    ($($kind:ident $name:ident ($($arg:ident : $ty:ty),*) -> $reply:ty;)*) => {
        const COMMANDS: &[&str] = &[$(stringify!($name)),*];
    };
}

include!("src/command_table.rs");

fn main() {
    println!("cargo:rerun-if-changed=src/command_table.rs");
    tauri_build::try_build(
        tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("failed to run the Tauri build script");
}
