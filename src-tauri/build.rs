//! Builds the app's permission manifest from the one table of commands in
//! `src/command_table.rs`: only those exist for the capability system. It
//! also writes `capabilities/main.json`, which grants exactly them to the main
//! window, so a new command needs no line there.

/// Here only the names matter: the types are read as tokens, never resolved.
macro_rules! command_table {
    ($($kind:ident $name:ident ($($arg:ident : $ty:ty),*) -> $reply:ty;)*) => {
        const COMMANDS: &[&str] = &[$(stringify!($name)),*];
    };
}

include!("src/command_table.rs");

/// The main window's capability: every command of the table, nothing else.
fn write_capability() {
    let permissions: Vec<String> = COMMANDS
        .iter()
        .map(|command| format!("    \"allow-{}\"", command.replace('_', "-")))
        .collect();
    let text = format!(
        r#"{{
  "$schema": "../gen/schemas/desktop-schema.json",
  "identifier": "main",
  "description": "The main window may call the app's own commands, and nothing else: no shell, file system, HTTP, updater or other plugin (updates go through the app's own two commands). Written by build.rs from src/command_table.rs.",
  "windows": ["main"],
  "permissions": [
{}
  ]
}}
"#,
        permissions.join(",\n")
    );
    let path = std::path::Path::new("capabilities/main.json");
    if std::fs::read_to_string(path).ok().as_deref() != Some(text.as_str()) {
        std::fs::write(path, text).expect("capabilities/main.json can be written");
    }
}

fn main() {
    println!("cargo:rerun-if-changed=src/command_table.rs");
    write_capability();
    tauri_build::try_build(
        tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("failed to run the Tauri build script");
}
