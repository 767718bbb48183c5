//! Criterion benchmarks of the core. Run inside the private keychain:
//!   scripts/with-keychain.sh cargo bench -p toucan-keys-core
//! (the keychain benchmark needs it; the others do not).

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use toucan_keys_core::registry::RecordStore;
use toucan_keys_core::{APP_IDENTIFIER, Expiry, FileRegistry, KeyManager, KeyRecord, KeychainVault, key_format};

fn format(c: &mut Criterion) {
    c.bench_function("generate", |b| b.iter(key_format::generate));
    let key = key_format::generate();
    let text = key.expose_secret().to_owned();
    c.bench_function("parse", |b| b.iter(|| key_format::parse(black_box(&text)).unwrap()));
}

fn record(i: usize) -> KeyRecord {
    KeyRecord::new(
        format!("Key number {i}"),
        &key_format::generate(),
        chrono::Utc::now(),
        Some(chrono::Utc::now()),
    )
}

fn registry(c: &mut Criterion) {
    let mut group = c.benchmark_group("registry");
    group.sample_size(20);
    for count in [10usize, 1_000, 10_000] {
        let dir = tempfile::tempdir().unwrap();
        let registry = FileRegistry::in_dir(dir.path());
        let records: Vec<_> = (0..count).map(record).collect();
        registry
            .update(&mut |keys| {
                let _: () = *keys = records.clone();
                Ok(())
            })
            .unwrap();
        group.bench_with_input(BenchmarkId::new("load", count), &registry, |b, r| {
            b.iter(|| r.load().unwrap())
        });
        // A save is a full locked read-modify-write cycle with fsync: what every change costs.
        group.bench_with_input(BenchmarkId::new("save", count), &registry, |b, r| {
            b.iter(|| {
                r.update(&mut |keys| {
                    let _: () = keys[0].last_copied_at = Some(chrono::Utc::now());
                    Ok(())
                })
                .unwrap()
            })
        });
    }
    group.finish();
}

fn keychain(c: &mut Criterion) {
    if std::env::var_os(keychain_testkit::PASSWORD_VARIABLE).is_none() {
        panic!("the keychain benchmark runs inside scripts/with-keychain.sh");
    }
    let dir = tempfile::tempdir().unwrap();
    let manager = KeyManager::new(KeychainVault::new(APP_IDENTIFIER), FileRegistry::in_dir(dir.path()));
    let mut group = c.benchmark_group("keychain");
    group.sample_size(20);
    let mut n = 0u64;
    group.bench_function("create+revoke", |b| {
        b.iter(|| {
            n += 1;
            let created = manager.create(&format!("bench {n}"), Expiry::Days30).unwrap();
            manager.revoke(&created.record.id).unwrap();
        })
    });
    group.finish();
}

criterion_group!(benches, format, registry, keychain);
criterion_main!(benches);
