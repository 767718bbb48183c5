//! Two processes writing the registry at the same time lose nothing: the
//! exclusive file lock serializes their read-modify-write cycles.
//!
//! The test binary runs itself twice as child processes (`writer` below, with
//! the folder to write in passed through the environment).

use std::collections::HashSet;

use keychain_testkit::processes::{child_role, run_at_once};

use toucan_keys_core::registry::RecordStore;
use toucan_keys_core::{FileRegistry, KeyRecord, key_format};

const WRITES_PER_PROCESS: usize = 150;

fn write_records(registry: &FileRegistry, tag: &str, count: usize) {
    for i in 0..count {
        let record = KeyRecord::new(format!("{tag}-{i}"), &key_format::generate(), chrono::Utc::now(), None);
        registry
            .update(&mut |keys| {
                let _: () = keys.push(record.clone());
                Ok(())
            })
            .expect("write");
    }
}

/// As a child: writes into the folder the parent names. On its own: writes
/// into a new folder and checks that every write landed.
#[test]
fn writer() {
    if let Some((dir, tag)) = child_role() {
        write_records(&FileRegistry::in_dir(&dir), &tag, WRITES_PER_PROCESS);
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let registry = FileRegistry::in_dir(dir.path());
    write_records(&registry, "solo", 20);
    assert_eq!(registry.load().unwrap().len(), 20);
}

#[test]
fn two_processes_writing_at_once_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    run_at_once("writer", dir.path(), &["a", "b"]);
    let keys = FileRegistry::in_dir(dir.path()).load().unwrap();
    let names: HashSet<_> = keys.iter().map(|k| k.name.clone()).collect();
    assert_eq!(keys.len(), 2 * WRITES_PER_PROCESS, "writes were lost");
    assert_eq!(names.len(), 2 * WRITES_PER_PROCESS);
    for tag in ["a", "b"] {
        assert!((0..WRITES_PER_PROCESS).all(|i| names.contains(&format!("{tag}-{i}"))));
    }
}
