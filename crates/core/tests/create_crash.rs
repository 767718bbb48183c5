//! A crash during Create leaves no secret nobody can see, and no key listed
//! as usable that was never shown. A child process (this test binary) creates
//! a key with the real keychain and aborts right after one step; the parent
//! then starts as the app would (reconcile) and checks keychain and registry
//! from outside the child: the registry file, and the keychain through
//! `secret-tool` on Linux (the private Secret Service of
//! scripts/with-keychain.sh) or the system's own keychain calls on Windows
//! (Credential Manager, also under Wine) and macOS.

#![cfg(any(target_os = "linux", target_os = "windows", target_os = "macos"))]

use std::process::Command;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use toucan_keys_core::registry::RecordStore;
use toucan_keys_core::{CreateStep, Expiry, FileRegistry, KeyId, KeyManager, KeyRecord, KeychainVault, Vault};

/// Whether the keychain holds a secret for `id` under `service`, read by this
/// (parent) process: with `secret-tool` on Linux, else through the keychain.
fn stored(service: &str, id: &KeyId) -> bool {
    #[cfg(target_os = "linux")]
    return keychain_testkit::secret_tool_lookup(service, id.as_str()).is_some();
    #[cfg(not(target_os = "linux"))]
    return KeychainVault::new(service).contains(id).expect("the keychain answers");
}

/// On Linux, the private keychain of scripts/with-keychain.sh must be running.
fn require_test_keychain() {
    #[cfg(target_os = "linux")]
    keychain_testkit::require_test_keychain();
}

const CHILD_DIR: &str = "TOUCAN_TEST_CRASH_DIR";
const CHILD_STEP: &str = "TOUCAN_TEST_CRASH_STEP";
/// Its own keychain service, so the entries this test leaves are its own.
const SERVICE: &str = "cloud.toucanai.keys.crash-test";

fn step_named(name: &str) -> CreateStep {
    match name {
        "intent" => CreateStep::IntentRecorded,
        "stored" => CreateStep::SecretStored,
        _ => CreateStep::Completed,
    }
}

/// As a child: creates a key and aborts after the step the parent names.
#[test]
fn child_that_crashes_during_create() {
    let (Ok(dir), Ok(step)) = (std::env::var(CHILD_DIR), std::env::var(CHILD_STEP)) else {
        return; // only meaningful as the parent's child process
    };
    let crash_at = step_named(&step);
    let manager = KeyManager::new(KeychainVault::new(SERVICE), FileRegistry::in_dir(dir.as_ref())).with_create_hook(
        Arc::new(move |step| {
            if step == crash_at {
                std::process::abort();
            }
        }),
    );
    manager.create("Crashed", Expiry::Days90).unwrap();
    unreachable!("the hook aborts the process");
}

/// Runs the child until it aborts at `step`; returns the registry it left.
fn crash_at(step: &str) -> (tempfile::TempDir, Vec<KeyRecord>) {
    let dir = tempfile::tempdir().unwrap();
    let status = Command::new(std::env::current_exe().unwrap())
        .args([
            "child_that_crashes_during_create",
            "--exact",
            "--test-threads=1",
            "--quiet",
        ])
        .env(CHILD_DIR, dir.path())
        .env(CHILD_STEP, step)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(!status.success(), "the child was meant to crash at {step}");
    let left = FileRegistry::in_dir(dir.path()).load().unwrap();
    (dir, left)
}

/// The app starting again, a few minutes later.
fn restarted_app(dir: &std::path::Path) -> KeyManager {
    let later: DateTime<Utc> = Utc::now() + chrono::Duration::minutes(5);
    KeyManager::new(KeychainVault::new(SERVICE), FileRegistry::in_dir(dir)).with_clock(Arc::new(move || later))
}

#[test]
fn a_crash_before_or_after_the_keychain_write_leaves_nothing_behind() {
    require_test_keychain();
    for step in ["intent", "stored"] {
        let (dir, left) = crash_at(step);
        assert_eq!(left.len(), 1, "{step}: the intent was recorded");
        assert!(left[0].pending, "{step}: the record is pending");
        let id = left[0].id.clone();
        assert_eq!(
            stored(SERVICE, &id),
            step == "stored",
            "{step}: the keychain holds the secret only after the keychain step"
        );
        let app = restarted_app(dir.path());
        assert!(app.list().unwrap().is_empty(), "{step}: a pending key is listed");

        app.reconcile().unwrap();
        assert!(!stored(SERVICE, &id), "{step}: a secret nobody saw is left");
        assert!(
            FileRegistry::in_dir(dir.path()).load().unwrap().is_empty(),
            "{step}: the pending record is left"
        );
    }
}

#[test]
fn a_crash_after_the_record_is_completed_keeps_a_working_key() {
    require_test_keychain();
    let (dir, left) = crash_at("completed");
    assert!(!left[0].pending);
    let app = restarted_app(dir.path());
    app.reconcile().unwrap();
    let listed = app.list().unwrap();
    assert_eq!(listed.len(), 1);
    assert!(stored(SERVICE, &listed[0].record.id));
    app.revoke(&listed[0].record.id).unwrap();
}

/// A pending record younger than a minute may be another process's create
/// under way: reconcile leaves it alone.
#[test]
fn a_create_under_way_in_another_process_is_left_alone() {
    require_test_keychain();
    let (dir, left) = crash_at("stored");
    let now = KeyManager::new(KeychainVault::new(SERVICE), FileRegistry::in_dir(dir.path()));
    now.reconcile().unwrap();
    assert_eq!(FileRegistry::in_dir(dir.path()).load().unwrap(), left);
    restarted_app(dir.path()).reconcile().unwrap();
}

/// An entry no record claims (a list moved or lost) is found by searching
/// the real keychain by service, with its label's name, and is never removed
/// by the keychain check; the person deletes it.
#[test]
fn a_secret_no_record_claims_is_found_in_the_keychain_and_kept() {
    require_test_keychain();
    let dir = tempfile::tempdir().unwrap();
    let service = format!("{SERVICE}.orphans");
    let manager = KeyManager::new(KeychainVault::new(service.clone()), FileRegistry::in_dir(dir.path()));
    let kept = manager.create("Kept", Expiry::Days90).unwrap();
    let orphan = KeyId::random();
    KeychainVault::new(service.clone())
        .store(
            &orphan,
            "Toucan API key: lost",
            &toucan_keys_core::key_format::generate(),
        )
        .unwrap();
    assert!(stored(&service, &orphan));

    manager.reconcile().unwrap();
    assert!(stored(&service, &orphan), "the keychain check removed a found key");
    let found = manager.found_in_keychain().unwrap();
    assert_eq!(found.iter().map(|k| &k.id).collect::<Vec<_>>(), vec![&orphan]);
    let expected_name = if cfg!(any(target_os = "macos", windows)) {
        None
    } else {
        Some("lost")
    };
    assert_eq!(found[0].name.as_deref(), expected_name);
    manager.delete_found(&orphan).unwrap();
    assert!(!stored(&service, &orphan));
    assert!(stored(&service, &kept.record.id));
    manager.revoke(&kept.record.id).unwrap();
}
