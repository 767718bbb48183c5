//! Races between processes: a test binary starts one of its own tests in
//! several child processes at once, to show that a file shared between
//! processes loses nothing when they write it at the same time.

use std::path::Path;
use std::process::{Command, Stdio};

/// The variable naming the folder the children share.
pub const CHILD_DIR: &str = "TOUCAN_TEST_CHILD_DIR";
/// The variable telling each child which one it is.
pub const CHILD_TAG: &str = "TOUCAN_TEST_CHILD_TAG";

/// Runs the test `name` of the current test binary in one child process per
/// tag, all at once, each with [`CHILD_DIR`] = `dir` and its [`CHILD_TAG`];
/// waits for all of them.
///
/// # Panics
/// If a child can't be started or fails.
pub fn run_at_once(name: &str, dir: &Path, tags: &[&str]) {
    let exe = std::env::current_exe().expect("the test binary's path");
    let children: Vec<_> = tags
        .iter()
        .map(|tag| {
            Command::new(&exe)
                .args([name, "--exact", "--test-threads=1", "--quiet"])
                .env(CHILD_DIR, dir)
                .env(CHILD_TAG, tag)
                .stdout(Stdio::null())
                .spawn()
                .unwrap_or_else(|error| panic!("start the {name} process {tag}: {error}"))
        })
        .collect();
    for (mut child, tag) in children.into_iter().zip(tags) {
        let status = child.wait().expect("wait for a child process");
        assert!(status.success(), "the {name} process {tag} failed");
    }
}

/// In a child started by [`run_at_once`]: the shared folder and this child's tag.
pub fn child_role() -> Option<(std::path::PathBuf, String)> {
    let dir = std::env::var_os(CHILD_DIR)?;
    let tag = std::env::var(CHILD_TAG).ok()?;
    Some((dir.into(), tag))
}
