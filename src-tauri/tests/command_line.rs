//! The installed binary answers `--version` and `--help` on the terminal, as
//! its manual page says, without opening a window.

use std::process::Command;

fn run(option: &str) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_toucan-keys"))
        .arg(option)
        .env_remove("DISPLAY")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{option} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn version_and_help_print_and_exit() {
    assert_eq!(run("--version"), format!("toucan-keys {}\n", env!("CARGO_PKG_VERSION")));
    let help = run("--help");
    assert!(help.contains("Usage: toucan-keys [--help | --version]"));
    assert!(help.contains("cloud.toucanai.keys"));
}

/// Started over SSH (no display): one line that says why and what to use,
/// exit code 1, no panic or backtrace from the window toolkit.
#[cfg(target_os = "linux")]
#[test]
fn without_a_desktop_session_it_says_so_in_one_line() {
    let output = Command::new(env!("CARGO_BIN_EXE_toucan-keys"))
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env("RUST_BACKTRACE", "1")
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{said}");
    assert_eq!(said.lines().count(), 1, "{said}");
    assert!(
        said.contains("needs a desktop session") && said.contains("toucan-keys-cli"),
        "{said}"
    );
    assert!(!said.contains("panicked"), "{said}");
}

#[test]
fn the_manual_page_documents_the_same_options() {
    let page = include_str!("../linux/toucan-keys.1");
    for option in [r"\-\-help", r"\-\-version", "cloud.toucanai.keys"] {
        assert!(page.contains(option), "the manual page lacks {option}");
    }
}
