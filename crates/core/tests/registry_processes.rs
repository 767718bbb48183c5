//! Two processes writing the registry at the same time lose nothing: the
//! exclusive file lock serializes their read-modify-write cycles.
//!
//! The test binary runs itself twice as child processes (`writer` below, with
//! the folder to write in passed through the environment).

use std::collections::HashSet;
use std::process::Command;

use toucan_keys_core::registry::RecordStore;
use toucan_keys_core::{FileRegistry, KeyRecord, key_format};

const CHILD_DIR: &str = "TOUCAN_TEST_WRITER_DIR";
const CHILD_TAG: &str = "TOUCAN_TEST_WRITER_TAG";
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
    if let (Ok(dir), Ok(tag)) = (std::env::var(CHILD_DIR), std::env::var(CHILD_TAG)) {
        write_records(&FileRegistry::in_dir(dir.as_ref()), &tag, WRITES_PER_PROCESS);
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
    let exe = std::env::current_exe().unwrap();
    let children: Vec<_> = ["a", "b"]
        .iter()
        .map(|tag| {
            Command::new(&exe)
                .args(["writer", "--exact", "--test-threads=1", "--quiet"])
                .env(CHILD_DIR, dir.path())
                .env(CHILD_TAG, tag)
                .stdout(std::process::Stdio::null())
                .spawn()
                .expect("start a writer process")
        })
        .collect();
    for mut child in children {
        assert!(child.wait().unwrap().success(), "a writer process failed");
    }
    let keys = FileRegistry::in_dir(dir.path()).load().unwrap();
    let names: HashSet<_> = keys.iter().map(|k| k.name.clone()).collect();
    assert_eq!(keys.len(), 2 * WRITES_PER_PROCESS, "writes were lost");
    assert_eq!(names.len(), 2 * WRITES_PER_PROCESS);
    for tag in ["a", "b"] {
        assert!((0..WRITES_PER_PROCESS).all(|i| names.contains(&format!("{tag}-{i}"))));
    }
}
