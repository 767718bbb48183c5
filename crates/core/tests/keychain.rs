//! The key manager against the real OS keychain (the Secret Service, started
//! privately by `scripts/with-keychain.sh`), checked from outside with
//! `secret-tool`. Without that keychain these tests fail; they never skip.

// The Secret Service and secret-tool are Linux only; Windows and macOS have keychain_native.rs.
#![cfg(target_os = "linux")]

use keychain_testkit::{require_test_keychain, secret_tool_clear, secret_tool_labels, secret_tool_lookup};
use toucan_keys_core::{APP_IDENTIFIER, Expiry, FileRegistry, KeyManager, KeyStatus, KeychainVault, Vault, key_format};

fn manager() -> (tempfile::TempDir, KeyManager) {
    require_test_keychain();
    let dir = tempfile::tempdir().unwrap();
    let manager = KeyManager::new(KeychainVault::new(APP_IDENTIFIER), FileRegistry::in_dir(dir.path()));
    (dir, manager)
}

#[test]
fn a_created_key_is_in_the_keychain_under_the_app_and_the_key_id() {
    let (_dir, manager) = manager();
    let created = manager.create("Production backend", Expiry::Days90).unwrap();
    let stored = secret_tool_lookup(APP_IDENTIFIER, created.record.id.as_str());
    assert_eq!(stored.as_deref(), Some(created.secret.expose_secret()));
    assert!(key_format::parse(&stored.unwrap()).is_ok());
    assert!(secret_tool_labels(APP_IDENTIFIER).contains(&"Toucan API key: Production backend".to_owned()));
}

#[test]
fn the_secret_reads_back_for_rust_side_use() {
    let (_dir, manager) = manager();
    let created = manager.create("Copy me", Expiry::Never).unwrap();
    assert_eq!(manager.read_secret(&created.record.id).unwrap(), created.secret);
}

#[test]
fn revoking_deletes_the_keychain_entry() {
    let (_dir, manager) = manager();
    let created = manager.create("Short lived", Expiry::Days30).unwrap();
    assert!(secret_tool_lookup(APP_IDENTIFIER, created.record.id.as_str()).is_some());
    let revoked = manager.revoke(&created.record.id).unwrap();
    assert!(revoked.revoked_at.is_some());
    assert_eq!(secret_tool_lookup(APP_IDENTIFIER, created.record.id.as_str()), None);
}

#[test]
fn an_entry_deleted_outside_the_app_is_flagged_by_reconcile() {
    let (_dir, manager) = manager();
    let created = manager.create("Deleted elsewhere", Expiry::Days90).unwrap();
    secret_tool_clear(APP_IDENTIFIER, created.record.id.as_str());
    assert_eq!(manager.reconcile().unwrap(), vec![created.record.id.clone()]);
    assert_eq!(manager.list().unwrap()[0].status, KeyStatus::Missing);
    assert_eq!(
        manager.read_secret(&created.record.id).unwrap_err().code(),
        "secret_missing"
    );
}

#[test]
fn removing_an_absent_entry_succeeds() {
    require_test_keychain();
    let vault = KeychainVault::new(APP_IDENTIFIER);
    assert!(vault.remove(&toucan_keys_core::KeyId::random()).is_ok());
}

#[test]
fn the_workspace_account_token_lives_in_the_keychain_only() {
    require_test_keychain();
    let service = "cloud.toucanai.keys.test-account-token";
    let vault = KeychainVault::new(service);
    let text = format!("tka_{}", key_format::random_base62(40));
    let token = toucan_keys_core::workspace::AccountToken::parse(&text).unwrap();
    assert_eq!(vault.read_account_token().unwrap(), None);
    vault.store_account_token(&token).unwrap();
    let entry = toucan_keys_core::vault::ACCOUNT_TOKEN_ENTRY;
    assert_eq!(secret_tool_lookup(service, entry).as_deref(), Some(text.as_str()));
    assert!(secret_tool_labels(service).contains(&"Toucan workspace account token".to_owned()));
    assert_eq!(vault.read_account_token().unwrap(), Some(token));
    vault.remove_account_token().unwrap();
    assert_eq!(secret_tool_lookup(service, entry), None);
    assert_eq!(vault.read_account_token().unwrap(), None);
}
