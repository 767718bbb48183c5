//! A crash during Create leaves no secret nobody can see, and no key listed
//! as usable that was never shown. A child process (this test binary) creates
//! a key with the real keychain (the private Secret Service of
//! scripts/with-keychain.sh) and aborts right after one step; the parent then
//! starts as the app would (reconcile) and checks keychain and registry from
//! outside: `secret-tool` and the registry file.

#![cfg(target_os = "linux")]

use std::process::Command;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use keychain_testkit::{require_test_keychain, secret_tool_lookup};
use toucan_keys_core::registry::RecordStore;
use toucan_keys_core::{CreateStep, Expiry, FileRegistry, KeyManager, KeyRecord, KeychainVault};

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
            secret_tool_lookup(SERVICE, id.as_str()).is_some(),
            step == "stored",
            "{step}: the keychain holds the secret only after the keychain step"
        );
        let app = restarted_app(dir.path());
        assert!(app.list().unwrap().is_empty(), "{step}: a pending key is listed");

        app.reconcile().unwrap();
        assert_eq!(
            secret_tool_lookup(SERVICE, id.as_str()),
            None,
            "{step}: a secret nobody saw is left"
        );
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
    assert!(secret_tool_lookup(SERVICE, listed[0].record.id.as_str()).is_some());
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

/// An entry left by an older version (a secret with no record) is found by
/// searching the keychain by service, and removed; the others stay.
#[test]
fn a_secret_no_record_claims_is_found_in_the_keychain_and_removed() {
    require_test_keychain();
    use toucan_keys_core::Vault;
    let dir = tempfile::tempdir().unwrap();
    let service = format!("{SERVICE}.orphans");
    let manager = KeyManager::new(KeychainVault::new(service.clone()), FileRegistry::in_dir(dir.path()));
    let kept = manager.create("Kept", Expiry::Days90).unwrap();
    let orphan = toucan_keys_core::KeyId::random();
    KeychainVault::new(service.clone())
        .store(
            &orphan,
            "Toucan API key: lost",
            &toucan_keys_core::key_format::generate(),
        )
        .unwrap();
    assert!(secret_tool_lookup(&service, orphan.as_str()).is_some());

    assert_eq!(manager.remove_unclaimed_secrets().unwrap(), vec![orphan.clone()]);
    assert_eq!(secret_tool_lookup(&service, orphan.as_str()), None);
    assert!(secret_tool_lookup(&service, kept.record.id.as_str()).is_some());
    manager.revoke(&kept.record.id).unwrap();
}
