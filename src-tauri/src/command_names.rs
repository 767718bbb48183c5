/// Every command the UI may call. `build.rs` includes this file to build the
/// app's permission manifest, and `capabilities/main.json` grants exactly
/// these to the main window (a test keeps the three in step).
pub const COMMANDS: &[&str] = &[
    "list_keys",
    "check_keychain",
    "create_key",
    "copy_key",
    "rename_key",
    "revoke_key",
    "delete_key",
    "get_settings",
    "save_settings",
    "get_workspace",
    "sync_workspace",
    "connect_workspace",
    "disconnect_workspace",
    "generate_token",
    "copy_token",
    "check_for_update",
    "install_update",
];
