//! How the real keychain fails, in one sequential test (it locks the shared
//! test keychain, so nothing else may run beside it): a locked keychain gives
//! the typed "locked" error and changes nothing; unlocked, creating works
//! again; no Secret Service at all gives the typed "unavailable" error.

// The Secret Service and secret-tool are Linux only; Windows and macOS have keychain_native.rs.
#![cfg(target_os = "linux")]

use keychain_testkit::{require_test_keychain, secret_tool_labels};
use toucan_keys_core::registry::RecordStore;
use toucan_keys_core::{APP_IDENTIFIER, CoreError, Expiry, FileRegistry, KeyManager, KeychainVault, VaultError};

#[test]
fn locked_and_missing_keychains_give_typed_errors_and_change_nothing() {
    require_test_keychain();
    let dir = tempfile::tempdir().unwrap();
    let registry = FileRegistry::in_dir(dir.path());
    let manager = KeyManager::new(KeychainVault::new(APP_IDENTIFIER), registry.clone());
    let existing = manager.create("Before locking", Expiry::Days90).unwrap();
    let entries_before = secret_tool_labels(APP_IDENTIFIER).len();

    keychain_testkit::lock().unwrap();
    assert!(keychain_testkit::is_locked().unwrap());
    let error = manager.create("While locked", Expiry::Days90).unwrap_err();
    assert_eq!(error, CoreError::Keychain(VaultError::Locked));
    assert_eq!(error.to_string(), VaultError::Locked.to_string());
    assert!(error.to_string().starts_with("Your keychain is locked."));
    assert_eq!(
        manager.read_secret(&existing.record.id).unwrap_err().code(),
        "keychain_locked"
    );
    assert_eq!(
        manager.revoke(&existing.record.id).unwrap_err().code(),
        "keychain_locked"
    );
    assert_eq!(
        registry.load().unwrap(),
        vec![existing.record.clone()],
        "the registry changed while locked"
    );

    keychain_testkit::unlock().unwrap();
    assert!(!keychain_testkit::is_locked().unwrap());
    assert_eq!(
        secret_tool_labels(APP_IDENTIFIER).len(),
        entries_before,
        "an entry was added while locked"
    );
    let after = manager.create("After unlocking", Expiry::Days90).unwrap();
    assert_eq!(manager.read_secret(&after.record.id).unwrap(), after.secret);

    // No Secret Service reachable: a bus address where nothing listens.
    let real_bus = std::env::var("DBUS_SESSION_BUS_ADDRESS").unwrap();
    // SAFETY: this test binary runs this one test, on this one thread.
    unsafe {
        std::env::set_var(
            "DBUS_SESSION_BUS_ADDRESS",
            format!("unix:path={}/no-bus", dir.path().display()),
        )
    };
    let cut_off = KeyManager::new(
        KeychainVault::new(APP_IDENTIFIER),
        FileRegistry::in_dir(&dir.path().join("other")),
    );
    let error = cut_off.create("No keychain", Expiry::Days90).unwrap_err();
    assert_eq!(error.code(), "keychain_unavailable", "{error:?}");
    assert!(
        error
            .to_string()
            .starts_with("Your computer's keychain isn't available")
    );
    assert!(cut_off.list().unwrap().is_empty());
    unsafe { std::env::set_var("DBUS_SESSION_BUS_ADDRESS", real_bus) };
    assert!(
        cut_off.create("Keychain is back", Expiry::Days90).is_ok(),
        "the vault did not reconnect"
    );
}
