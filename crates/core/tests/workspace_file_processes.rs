//! Two processes queueing revocations in `workspace.json` at the same time
//! lose none: the file's lock serializes their read-modify-write cycles.
//!
//! The test binary runs itself twice as child processes (`queuer` below,
//! with the folder passed through the environment).

use std::collections::HashSet;
use std::sync::Arc;

use keychain_testkit::processes::{child_role, run_at_once};

use toucan_keys_core::workspace::{Workspace, WorkspaceFile};
use toucan_keys_core::{KeyRecord, MemoryVault, key_format};

const QUEUED_PER_PROCESS: usize = 60;
const SERVER: &str = "https://embed.example.com";

fn queue_revocations(dir: &std::path::Path, tag: &str, count: usize) {
    let workspace = Workspace::new(dir, Arc::new(MemoryVault::new()));
    for i in 0..count {
        let record = KeyRecord::new(format!("{tag}-{i}"), &key_format::generate(), chrono::Utc::now(), None);
        workspace.forget_deleted(&record).expect("queue");
    }
}

/// A workspace file connected to SERVER, so revocations are queued for it.
fn connected_file(dir: &std::path::Path) {
    WorkspaceFile::in_dir(dir)
        .update(|config| config.server_url = Some(SERVER.to_owned()))
        .unwrap();
}

/// As a child: queues into the folder the parent names. On its own: queues
/// into a new folder and checks every entry landed.
#[test]
fn queuer() {
    if let Some((dir, tag)) = child_role() {
        queue_revocations(&dir, &tag, QUEUED_PER_PROCESS);
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    connected_file(dir.path());
    queue_revocations(dir.path(), "solo", 10);
    assert_eq!(
        WorkspaceFile::in_dir(dir.path())
            .load()
            .unwrap()
            .pending_for(SERVER)
            .len(),
        10
    );
}

#[test]
fn two_processes_queueing_at_once_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    connected_file(dir.path());
    run_at_once("queuer", dir.path(), &["a", "b"]);
    let pending = WorkspaceFile::in_dir(dir.path()).load().unwrap().pending_for(SERVER);
    let names: HashSet<_> = pending.iter().map(|p| p.key_name.clone()).collect();
    assert_eq!(names.len(), 2 * QUEUED_PER_PROCESS, "revocations were lost in a race");
}
