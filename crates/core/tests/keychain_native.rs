//! The vault and the key manager against the real Windows Credential Manager
//! and macOS Keychain: on Windows and macOS themselves (the CI workflow's jobs,
//! macOS with a temporary keychain as the user's default), and under Wine,
//! whose advapi32 implements the same Win32 credential calls
//! (`scripts/test-windows.sh`). Entries are checked from outside the app:
//! `reg query` on Wine's credential store, `cmdkey /list` on Windows, and
//! `security find-generic-password` on macOS. None shows the secret in clear.
//! (Linux's Secret Service has its own tests, in keychain.rs.)

#![cfg(any(target_os = "windows", target_os = "macos"))]

use std::process::Command;

use toucan_keys_core::workspace::AccountToken;
use toucan_keys_core::{
    APP_IDENTIFIER, Expiry, ExposeSecret, FileRegistry, KeyId, KeyManager, KeychainVault, Vault, VaultError, key_format,
};

/// The name under which a tool outside the app lists the entry: on Windows
/// the credential's target name, `<account>.<service>`; on macOS the account.
fn listed_name(service: &str, account: &str) -> String {
    if cfg!(target_os = "windows") {
        format!("{account}.{service}")
    } else {
        account.to_owned()
    }
}

fn running_under_wine() -> bool {
    cfg!(target_os = "windows")
        && Command::new("reg")
            .args(["query", r"HKLM\Software\Wine"])
            .output()
            .is_ok_and(|output| output.status.success())
}

/// What a tool outside the app prints about the entry: Wine's registry copy
/// of its credential store, Windows' own `cmdkey`, or macOS's `security`
/// (which prints the item's attributes, not its password, without `-w`).
fn outside_view(service: &str, account: &str) -> String {
    let output = if running_under_wine() {
        // By its full path: Wine's program search has now and then failed to find
        // it ("program not found") on a busy machine.
        let root = std::env::var("SystemRoot").unwrap_or_else(|_| r"C:\windows".to_owned());
        let reg = format!(r"{root}\system32\reg.exe");
        let query = || {
            Command::new(&reg)
                .args(["query", r"HKCU\Software\Wine\Credential Manager", "/s"])
                .output()
        };
        query().or_else(|_| {
            std::thread::sleep(std::time::Duration::from_millis(500));
            query()
        })
    } else if cfg!(target_os = "windows") {
        Command::new("cmdkey")
            .arg(format!("/list:{}", listed_name(service, account)))
            .output()
    } else {
        Command::new("security")
            .args(["find-generic-password", "-s", service, "-a", account])
            .output()
    }
    .expect("the outside tool runs");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The secret's bytes as the outside tool would print them, in every form
/// it could take: as text, and as hex of its UTF-8 and UTF-16 encodings.
fn clear_forms(secret: &str) -> Vec<String> {
    let utf8: String = secret.bytes().map(|byte| format!("{byte:02X}")).collect();
    let utf16: String = secret
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .map(|byte| format!("{byte:02X}"))
        .collect();
    vec![secret.to_owned(), utf8, utf16]
}

#[test]
fn a_key_is_stored_read_replaced_and_deleted() {
    let vault = KeychainVault::new(APP_IDENTIFIER);
    let id = KeyId::random();
    assert_eq!(vault.read(&id).unwrap_err(), VaultError::SecretMissing);

    let first = key_format::generate();
    vault.store(&id, "Toucan API key: Windows", &first).unwrap();
    assert_eq!(vault.read(&id).unwrap(), first);

    let second = key_format::generate();
    vault.store(&id, "Toucan API key: Windows", &second).unwrap();
    assert_eq!(vault.read(&id).unwrap(), second, "storing again replaces the secret");

    vault.remove(&id).unwrap();
    assert_eq!(vault.read(&id).unwrap_err(), VaultError::SecretMissing);
    vault.remove(&id).expect("removing an entry that is gone succeeds");
}

#[test]
fn the_entry_is_visible_from_outside_without_the_secret_in_clear() {
    let vault = KeychainVault::new(APP_IDENTIFIER);
    let id = KeyId::random();
    let secret = key_format::generate();
    vault.store(&id, "Toucan API key: outside", &secret).unwrap();
    let name = listed_name(APP_IDENTIFIER, id.as_str());
    let listed = outside_view(APP_IDENTIFIER, id.as_str());
    vault.remove(&id).unwrap();

    assert!(listed.contains(&name), "{name} is not listed:\n{listed}");
    for form in clear_forms(secret.expose_secret()) {
        assert!(!listed.contains(&form), "the secret is readable from outside");
    }
    assert!(
        !outside_view(APP_IDENTIFIER, id.as_str()).contains(&name),
        "the entry is gone after removal"
    );
}

#[test]
fn the_account_token_is_stored_read_and_removed() {
    // Its own service, so a developer's real account token is never touched.
    let vault = KeychainVault::new(format!("{APP_IDENTIFIER}.tests"));
    let token = AccountToken::generate();
    vault.store_account_token(&token).unwrap();
    let read = vault.read_account_token().unwrap().expect("the token is there");
    assert_eq!(read.expose_secret(), token.expose_secret());
    vault.remove_account_token().unwrap();
    assert!(vault.read_account_token().unwrap().is_none());
}

#[test]
fn create_read_and_revoke_through_the_key_manager() {
    let dir = tempfile::tempdir().unwrap();
    let manager = KeyManager::new(KeychainVault::new(APP_IDENTIFIER), FileRegistry::in_dir(dir.path()));
    let created = manager.create("Production backend", Expiry::Days90).unwrap();
    let id = created.record.id.clone();
    assert_eq!(manager.read_secret(&id).unwrap(), created.secret);
    assert_eq!(
        KeychainVault::new(APP_IDENTIFIER).read(&id).unwrap(),
        created.secret,
        "another vault (as after a restart) reads the same entry"
    );

    let revoked = manager.revoke(&id).unwrap();
    assert!(revoked.revoked_at.is_some());
    assert_eq!(
        KeychainVault::new(APP_IDENTIFIER).read(&id).unwrap_err(),
        VaultError::SecretMissing,
        "revoking deletes the credential"
    );
    assert!(!outside_view(APP_IDENTIFIER, id.as_str()).contains(id.as_str()));
}

/// The keychain is searched by service: a stored key's id is found, and the
/// account token's entry isn't listed as a key.
#[test]
fn stored_keys_are_found_by_searching_the_service() {
    let service = format!("{APP_IDENTIFIER}.search-test");
    let vault = KeychainVault::new(service.clone());
    let id = KeyId::random();
    vault
        .store(&id, "Toucan API key: found", &key_format::generate())
        .unwrap();
    vault.store_account_token(&AccountToken::generate()).unwrap();
    let found = vault.key_ids().unwrap();
    vault.remove(&id).unwrap();
    vault.remove_account_token().unwrap();
    assert_eq!(found, vec![id.clone()], "only key entries are listed");
    assert_eq!(vault.read(&id).unwrap_err(), VaultError::SecretMissing);
}
