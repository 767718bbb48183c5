//! The key manager over an in-memory vault that fails on demand and a real
//! registry file that can be made to fail: after a failure at any step, the
//! keychain and the registry still agree.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::{DateTime, Utc};
use toucan_keys_core::registry::RecordStore;
use toucan_keys_core::vault::VaultOp;
use toucan_keys_core::{
    CoreError, Expiry, FileRegistry, KeyManager, KeyRecord, KeyStatus, MemoryVault, Vault, VaultError, key_format,
};

/// A registry file whose writes fail while `failing` is set.
#[derive(Clone)]
struct FlakyRegistry {
    inner: FileRegistry,
    failing: Arc<AtomicBool>,
}

impl RecordStore for FlakyRegistry {
    fn load(&self) -> Result<Vec<KeyRecord>, CoreError> {
        self.inner.load()
    }
    fn update(&self, change: &mut dyn FnMut(&mut Vec<KeyRecord>) -> Result<(), CoreError>) -> Result<(), CoreError> {
        if self.failing.load(Ordering::SeqCst) {
            return Err(CoreError::DiskFull);
        }
        self.inner.update(change)
    }
}

struct Fixture {
    _dir: tempfile::TempDir,
    vault: Arc<MemoryVault>,
    registry: FlakyRegistry,
    manager: KeyManager,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let vault = Arc::new(MemoryVault::new());
    let registry = FlakyRegistry {
        inner: FileRegistry::in_dir(dir.path()),
        failing: Arc::default(),
    };
    let manager = KeyManager::new(vault.clone(), registry.clone());
    Fixture {
        _dir: dir,
        vault,
        registry,
        manager,
    }
}

impl Fixture {
    fn records(&self) -> Vec<KeyRecord> {
        self.registry.load().unwrap()
    }
}

#[test]
fn create_stores_the_secret_in_the_vault_and_only_metadata_in_the_registry() {
    let f = fixture();
    let created = f.manager.create("  Production backend ", Expiry::Days90).unwrap();
    let secret = created.secret.expose_secret().to_owned();
    assert!(key_format::parse(&secret).is_ok());
    assert_eq!(created.record.name, "Production backend");
    assert_eq!(created.record.hint, format!("tck_…{}", &secret[36..]));
    assert_eq!(created.record.fingerprint, created.secret.fingerprint());
    assert_eq!(f.vault.read(&created.record.id).unwrap().expose_secret(), secret);
    assert_eq!(f.records(), vec![created.record.clone()]);
    let file = std::fs::read_to_string(f.registry.inner.path()).unwrap();
    assert!(!file.contains(&secret[4..]), "the registry holds the secret");
}

#[test]
fn a_keychain_failure_on_create_records_nothing() {
    let f = fixture();
    f.vault.fail(VaultOp::Store, VaultError::Locked);
    let error = f.manager.create("Production", Expiry::Days90).unwrap_err();
    assert_eq!(error, CoreError::Keychain(VaultError::Locked));
    assert_eq!(error.code(), "keychain_locked");
    assert!(f.records().is_empty());
    assert!(f.vault.is_empty());
    f.vault.heal();
    assert!(
        f.manager.create("Production", Expiry::Days90).is_ok(),
        "creating works again once unlocked"
    );
}

#[test]
fn a_registry_failure_on_create_removes_the_keychain_entry_again() {
    let f = fixture();
    f.registry.failing.store(true, Ordering::SeqCst);
    assert_eq!(
        f.manager.create("Production", Expiry::Days90).unwrap_err(),
        CoreError::DiskFull
    );
    assert!(f.vault.is_empty(), "the keychain entry was not rolled back");
    assert!(f.records().is_empty());
}

#[test]
fn invalid_names_change_nothing() {
    let f = fixture();
    f.manager.create("Production backend", Expiry::Never).unwrap();
    let cases = [
        ("", "name_empty"),
        ("    ", "name_empty"),
        (&"x".repeat(65) as &str, "name_too_long"),
        ("PRODUCTION BACKEND", "name_taken"),
        ("bad\u{0}name", "name_invalid"),
    ];
    for (name, code) in cases {
        let error = f.manager.create(name, Expiry::Days30).unwrap_err();
        assert_eq!(error.code(), code, "for {name:?}");
        assert_eq!(error.field(), Some(toucan_keys_core::ErrorField::Name));
    }
    assert_eq!(f.records().len(), 1);
    assert_eq!(f.vault.len(), 1);
}

#[test]
fn a_revoked_keys_name_can_be_reused() {
    let f = fixture();
    let first = f.manager.create("Staging", Expiry::Days30).unwrap();
    f.manager.revoke(&first.record.id).unwrap();
    assert!(f.manager.create("staging", Expiry::Days30).is_ok());
}

#[test]
fn list_is_newest_first_with_status() {
    let dir = tempfile::tempdir().unwrap();
    let times = ["2026-01-01T00:00:00Z", "2026-03-01T00:00:00Z", "2026-03-02T00:00:00Z"];
    let tick = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let clock_tick = tick.clone();
    let manager =
        KeyManager::new(MemoryVault::new(), FileRegistry::in_dir(dir.path())).with_clock(Arc::new(move || {
            let i = clock_tick.load(Ordering::SeqCst).min(times.len() - 1);
            times[i].parse::<DateTime<Utc>>().unwrap()
        }));
    manager.create("Oldest", Expiry::Days60).unwrap();
    tick.store(1, Ordering::SeqCst);
    manager.create("Newest", Expiry::Never).unwrap();
    tick.store(2, Ordering::SeqCst);
    let list = manager.list().unwrap();
    let names: Vec<_> = list.iter().map(|k| (k.record.name.as_str(), k.status)).collect();
    assert_eq!(names, [("Newest", KeyStatus::Active), ("Oldest", KeyStatus::Expired)]);
}

#[test]
fn revoke_deletes_the_secret_and_keeps_the_record_with_its_date() {
    let f = fixture();
    let created = f.manager.create("Production", Expiry::Days90).unwrap();
    let revoked = f.manager.revoke(&created.record.id).unwrap();
    assert!(revoked.revoked_at.is_some());
    assert!(f.vault.is_empty());
    assert_eq!(f.manager.list().unwrap()[0].status, KeyStatus::Revoked);
    assert_eq!(
        f.manager.read_secret(&created.record.id).unwrap_err(),
        CoreError::KeyRevoked
    );
    assert_eq!(
        f.manager.revoke(&created.record.id).unwrap(),
        revoked,
        "revoking twice changes nothing"
    );
}

#[test]
fn a_keychain_failure_on_revoke_changes_nothing() {
    let f = fixture();
    let created = f.manager.create("Production", Expiry::Days90).unwrap();
    for op in [VaultOp::Read, VaultOp::Remove] {
        f.vault.fail(op, VaultError::Locked);
        assert_eq!(
            f.manager.revoke(&created.record.id).unwrap_err(),
            CoreError::Keychain(VaultError::Locked)
        );
        f.vault.heal();
        assert!(f.records()[0].revoked_at.is_none());
        assert_eq!(f.vault.len(), 1);
    }
}

#[test]
fn a_registry_failure_on_revoke_puts_the_secret_back() {
    let f = fixture();
    let created = f.manager.create("Production", Expiry::Days90).unwrap();
    f.registry.failing.store(true, Ordering::SeqCst);
    assert_eq!(f.manager.revoke(&created.record.id).unwrap_err(), CoreError::DiskFull);
    f.registry.failing.store(false, Ordering::SeqCst);
    assert!(f.records()[0].revoked_at.is_none());
    assert_eq!(f.manager.read_secret(&created.record.id).unwrap(), created.secret);
}

#[test]
fn delete_only_removes_revoked_records() {
    let f = fixture();
    let created = f.manager.create("Production", Expiry::Days90).unwrap();
    assert_eq!(
        f.manager.delete(&created.record.id).unwrap_err(),
        CoreError::KeyNotRevoked
    );
    f.manager.revoke(&created.record.id).unwrap();
    f.manager.delete(&created.record.id).unwrap();
    assert!(f.records().is_empty());
    assert_eq!(
        f.manager.delete(&created.record.id).unwrap_err(),
        CoreError::KeyNotFound
    );
}

#[test]
fn rename_follows_the_name_rules_and_keeps_the_secret() {
    let f = fixture();
    let a = f.manager.create("Alpha", Expiry::Days90).unwrap();
    f.manager.create("Beta", Expiry::Days90).unwrap();
    assert_eq!(f.manager.rename(&a.record.id, "beta").unwrap_err().code(), "name_taken");
    assert_eq!(f.manager.rename(&a.record.id, " ").unwrap_err().code(), "name_empty");
    assert_eq!(
        f.manager.rename(&a.record.id, "ALPHA").unwrap().name,
        "ALPHA",
        "a key may change its own case"
    );
    assert_eq!(f.manager.rename(&a.record.id, "Gamma").unwrap().name, "Gamma");
    assert_eq!(f.manager.read_secret(&a.record.id).unwrap(), a.secret);
    f.registry.failing.store(true, Ordering::SeqCst);
    assert_eq!(
        f.manager.rename(&a.record.id, "Delta").unwrap_err(),
        CoreError::DiskFull
    );
    assert_eq!(f.records()[0].name, "Gamma");
}

#[test]
fn copying_is_recorded() {
    let f = fixture();
    let created = f.manager.create("Production", Expiry::Days90).unwrap();
    assert!(created.record.last_copied_at.is_none());
    assert!(
        f.manager
            .mark_copied(&created.record.id)
            .unwrap()
            .last_copied_at
            .is_some()
    );
    assert!(f.records()[0].last_copied_at.is_some());
}

#[test]
fn reconcile_flags_missing_secrets_without_dropping_records() {
    let f = fixture();
    let kept = f.manager.create("Kept", Expiry::Days90).unwrap();
    let lost = f.manager.create("Lost", Expiry::Days90).unwrap();
    f.vault.forget(&lost.record.id);
    assert_eq!(f.manager.reconcile().unwrap(), vec![lost.record.id.clone()]);
    let list = f.manager.list().unwrap();
    assert_eq!(list.len(), 2);
    let status = |id| list.iter().find(|k| &k.record.id == id).unwrap().status;
    assert_eq!(status(&lost.record.id), KeyStatus::Missing);
    assert_eq!(status(&kept.record.id), KeyStatus::Active);
    assert_eq!(
        f.manager.read_secret(&lost.record.id).unwrap_err().code(),
        "secret_missing"
    );

    f.vault.store(&lost.record.id, "", &lost.secret).unwrap();
    assert!(f.manager.reconcile().unwrap().is_empty());
    assert_eq!(
        f.manager
            .list()
            .unwrap()
            .iter()
            .filter(|k| k.status == KeyStatus::Missing)
            .count(),
        0
    );
}

#[test]
fn reconcile_with_a_locked_keychain_changes_nothing() {
    let f = fixture();
    f.manager.create("Production", Expiry::Days90).unwrap();
    let before = f.records();
    f.vault.fail(VaultOp::Read, VaultError::Locked);
    assert_eq!(f.manager.reconcile().unwrap_err().code(), "keychain_locked");
    assert_eq!(f.records(), before);
}

#[test]
fn an_unknown_id_is_reported() {
    let f = fixture();
    let id = toucan_keys_core::KeyId::random();
    assert_eq!(f.manager.read_secret(&id).unwrap_err(), CoreError::KeyNotFound);
    assert_eq!(f.manager.revoke(&id).unwrap_err(), CoreError::KeyNotFound);
    assert_eq!(f.manager.rename(&id, "x").unwrap_err(), CoreError::KeyNotFound);
}

/// Expiry is enforced by the core: an expired key's secret is never handed
/// out (copy and token generation both read it through `read_secret`).
#[test]
fn an_expired_key_can_be_neither_copied_nor_used() {
    let dir = tempfile::tempdir().unwrap();
    let now = Arc::new(std::sync::Mutex::new(
        "2026-11-01T09:00:00Z".parse::<DateTime<Utc>>().unwrap(),
    ));
    let clock = now.clone();
    let manager = KeyManager::new(MemoryVault::new(), FileRegistry::in_dir(dir.path()))
        .with_clock(Arc::new(move || *clock.lock().unwrap()));
    let created = manager.create("Short lived", Expiry::Days30).unwrap();
    assert_eq!(manager.read_secret(&created.record.id).unwrap(), created.secret);

    *now.lock().unwrap() = "2026-12-02T09:00:00Z".parse().unwrap();
    let error = manager.read_secret(&created.record.id).unwrap_err();
    assert_eq!(error.code(), "key_expired");
    assert_eq!(
        error.to_string(),
        "This key expired on 1 December 2026 and can no longer be used. Create a new key to replace it."
    );
}

/// Secrets no record claims (a list that was moved, replaced or lost) are
/// never removed on their own: they are offered as found keys, restored
/// (usable again, under the keychain label's name) or deleted on request.
#[test]
fn secrets_no_record_claims_are_found_restored_or_deleted_never_removed_on_their_own() {
    let f = fixture();
    let kept = f.manager.create("Kept", Expiry::Days90).unwrap();
    let orphan = toucan_keys_core::KeyId::random();
    let orphan_secret = key_format::generate();
    f.vault.store(&orphan, "Toucan API key: lost", &orphan_secret).unwrap();
    let unlabelled = toucan_keys_core::KeyId::random();
    f.vault
        .store(&unlabelled, "something else", &key_format::generate())
        .unwrap();

    f.manager.reconcile().unwrap();
    assert!(
        f.vault.contains(&orphan).unwrap(),
        "reconcile must not remove a found key"
    );
    let found = f.manager.found_in_keychain().unwrap();
    assert_eq!(found.len(), 2, "{found:?}");
    let lost = found.iter().find(|k| k.id == orphan).unwrap();
    assert_eq!(lost.name.as_deref(), Some("lost"));
    assert_eq!(lost.hint.as_deref(), Some(orphan_secret.hint().as_str()));
    assert_eq!(found.iter().find(|k| k.id == unlabelled).unwrap().name, None);

    let restored = f.manager.restore_found(&orphan).unwrap();
    assert_eq!(restored.name, "lost");
    assert_eq!(restored.fingerprint, orphan_secret.fingerprint());
    assert!(restored.restored_at.is_some());
    assert_eq!(restored.expires_at, None);
    assert_eq!(f.manager.read_secret(&orphan).unwrap(), orphan_secret);
    assert_eq!(
        f.manager.restore_found(&orphan).unwrap_err(),
        toucan_keys_core::CoreError::KeyAlreadyListed
    );
    assert_eq!(
        f.manager.delete_found(&kept.record.id).unwrap_err(),
        toucan_keys_core::CoreError::KeyAlreadyListed,
        "a listed key's secret is never deleted as a found one"
    );
    assert!(f.vault.contains(&kept.record.id).unwrap());

    let other = f.manager.restore_found(&unlabelled).unwrap();
    assert!(other.name.starts_with("Found key "), "{}", other.name);
    f.manager.revoke(&other.id).unwrap();
    f.manager.delete(&other.id).unwrap();
    assert!(f.manager.found_in_keychain().unwrap().is_empty());
}

/// A found key whose name an active key has gets " (restored)".
#[test]
fn a_found_key_keeps_its_label_name_unless_an_active_key_has_it() {
    let f = fixture();
    f.manager.create("Backend", Expiry::Days90).unwrap();
    let orphan = toucan_keys_core::KeyId::random();
    f.vault
        .store(&orphan, "Toucan API key: Backend", &key_format::generate())
        .unwrap();
    assert_eq!(f.manager.restore_found(&orphan).unwrap().name, "Backend (restored)");
    let deleted = toucan_keys_core::KeyId::random();
    f.vault
        .store(&deleted, "Toucan API key: Gone", &key_format::generate())
        .unwrap();
    f.manager.delete_found(&deleted).unwrap();
    assert!(!f.vault.contains(&deleted).unwrap());
}

// Rolling: each step's failure leaves the old key as it was and no replacement.

/// A manager over `f`'s vault and registry with a clock the test moves.
fn at_time(f: &Fixture, now: &Arc<std::sync::Mutex<DateTime<Utc>>>) -> KeyManager {
    let now = now.clone();
    KeyManager::new(f.vault.clone(), f.registry.clone()).with_clock(Arc::new(move || *now.lock().unwrap()))
}

#[test]
fn rolling_makes_a_replacement_with_the_same_name_and_life_and_retires_the_old_key() {
    let f = fixture();
    let now = Arc::new(std::sync::Mutex::new(
        "2026-11-01T10:00:00Z".parse::<DateTime<Utc>>().unwrap(),
    ));
    let manager = at_time(&f, &now);
    let old = manager.create("Backend", Expiry::Days90).unwrap();
    *now.lock().unwrap() = "2026-11-28T10:00:00Z".parse().unwrap();

    let rolled = manager
        .roll(&old.record.id, toucan_keys_core::RollOverlap::Hours24)
        .unwrap();
    assert_eq!(rolled.new.record.name, "Backend");
    assert_eq!(rolled.new.record.replaces.as_ref(), Some(&old.record.id));
    assert_eq!(
        rolled.new.record.expires_at,
        Some("2027-02-26T10:00:00Z".parse().unwrap()),
        "90 days from the roll, like the old key"
    );
    assert_eq!(rolled.old.name, "Backend (old)");
    assert_eq!(rolled.old.replaced_by.as_ref(), Some(&rolled.new.record.id));
    assert_eq!(rolled.old.expires_at, Some("2026-11-29T10:00:00Z".parse().unwrap()));
    let statuses: Vec<_> = manager
        .list()
        .unwrap()
        .into_iter()
        .map(|k| (k.record.name, k.status))
        .collect();
    assert_eq!(
        statuses,
        [
            ("Backend".to_owned(), KeyStatus::Active),
            ("Backend (old)".to_owned(), KeyStatus::Retiring)
        ]
    );
    // Both secrets are in the keychain, and they differ.
    let new_secret = f.vault.read(&rolled.new.record.id).unwrap();
    assert_eq!(new_secret.expose_secret(), rolled.new.secret.expose_secret());
    assert_ne!(
        f.vault.read(&old.record.id).unwrap().expose_secret(),
        new_secret.expose_secret()
    );

    // Rolling the old key again is refused, naming its replacement.
    let again = manager
        .roll(&old.record.id, toucan_keys_core::RollOverlap::Hour1)
        .unwrap_err();
    assert_eq!(again.code(), "key_already_rolled");
    assert!(again.to_string().contains("“Backend”"), "{again}");

    // Until the overlap ends nothing is retired; after it, the old key is revoked.
    assert!(manager.retire_due().unwrap().is_empty());
    *now.lock().unwrap() = "2026-11-29T10:00:01Z".parse().unwrap();
    let retired = manager.retire_due().unwrap();
    assert_eq!(retired.len(), 1);
    assert!(retired[0].revoked_at.is_some());
    assert!(
        !f.vault.contains(&old.record.id).unwrap(),
        "its secret left the keychain"
    );
    assert!(manager.retire_due().unwrap().is_empty(), "retired once");
}

#[test]
fn an_overlap_never_outlasts_the_old_keys_own_expiry_and_never_expiring_stays_never() {
    let f = fixture();
    let now = Arc::new(std::sync::Mutex::new(
        "2026-11-28T10:00:00Z".parse::<DateTime<Utc>>().unwrap(),
    ));
    let manager = at_time(&f, &now);
    let soon = manager
        .create("Soon", Expiry::OnDate("2026-11-29".parse().unwrap()))
        .unwrap();
    let rolled = manager
        .roll(&soon.record.id, toucan_keys_core::RollOverlap::Days7)
        .unwrap();
    assert_eq!(rolled.old.expires_at, soon.record.expires_at, "never later than it was");

    let forever = manager.create("Forever", Expiry::Never).unwrap();
    let rolled = manager
        .roll(&forever.record.id, toucan_keys_core::RollOverlap::Hour1)
        .unwrap();
    assert_eq!(rolled.new.record.expires_at, None);
    assert_eq!(rolled.old.expires_at, Some("2026-11-28T11:00:00Z".parse().unwrap()));
}

#[test]
fn rolling_now_revokes_the_old_key_at_once() {
    let f = fixture();
    let old = f.manager.create("Leaked", Expiry::Days30).unwrap();
    let rolled = f
        .manager
        .roll(&old.record.id, toucan_keys_core::RollOverlap::Now)
        .unwrap();
    assert!(rolled.old.revoked_at.is_some());
    assert!(!f.vault.contains(&old.record.id).unwrap());
    assert!(f.vault.contains(&rolled.new.record.id).unwrap());
    let revoked = f
        .manager
        .roll(&old.record.id, toucan_keys_core::RollOverlap::Now)
        .unwrap_err();
    assert_eq!(revoked, CoreError::KeyRevoked);
}

#[test]
fn a_keychain_failure_during_a_roll_changes_nothing() {
    let f = fixture();
    let old = f.manager.create("Backend", Expiry::Days90).unwrap();
    let before = f.records();
    f.vault.fail(VaultOp::Store, VaultError::Locked);
    let error = f
        .manager
        .roll(&old.record.id, toucan_keys_core::RollOverlap::Hours24)
        .unwrap_err();
    assert_eq!(error.code(), "keychain_locked");
    assert_eq!(f.records(), before, "the old key is as it was");
    assert_eq!(f.vault.len(), 1);
}

#[test]
fn a_registry_failure_at_the_last_step_of_a_roll_undoes_the_new_key() {
    let dir = tempfile::tempdir().unwrap();
    let vault = Arc::new(MemoryVault::new());
    let registry = FlakyRegistry {
        inner: FileRegistry::in_dir(dir.path()),
        failing: Arc::default(),
    };
    let failing = registry.failing.clone();
    // The disk fills up once the new secret is in the keychain.
    let manager = KeyManager::new(vault.clone(), registry.clone()).with_create_hook(Arc::new(move |step| {
        if step == toucan_keys_core::CreateStep::SecretStored {
            failing.store(true, Ordering::SeqCst);
        }
    }));
    let old = KeyManager::new(vault.clone(), registry.clone())
        .create("Backend", Expiry::Days90)
        .unwrap();
    let before = registry.load().unwrap();
    let error = manager
        .roll(&old.record.id, toucan_keys_core::RollOverlap::Hours24)
        .unwrap_err();
    assert_eq!(error, CoreError::DiskFull);
    assert_eq!(vault.len(), 1, "the new secret left the keychain again");
    registry.failing.store(false, Ordering::SeqCst);
    // The pending record the full disk kept is not listed, and the old key is untouched.
    let listed: Vec<_> = KeyManager::new(vault.clone(), registry.clone()).list().unwrap();
    assert_eq!(listed.into_iter().map(|k| k.record).collect::<Vec<_>>(), before);
}

#[test]
fn a_registry_failure_at_the_first_step_of_a_roll_changes_nothing() {
    let f = fixture();
    let old = f.manager.create("Backend", Expiry::Days90).unwrap();
    let before = f.records();
    f.registry.failing.store(true, Ordering::SeqCst);
    let error = f
        .manager
        .roll(&old.record.id, toucan_keys_core::RollOverlap::Hours24)
        .unwrap_err();
    assert_eq!(error, CoreError::DiskFull);
    f.registry.failing.store(false, Ordering::SeqCst);
    assert_eq!(f.records(), before);
    assert_eq!(f.vault.len(), 1, "no new secret");
}
