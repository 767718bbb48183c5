//! The binary's command line. Toucan Keys is a window, so it has only the two
//! options every program should answer; anything else is ignored (macOS and
//! desktop launchers may pass arguments of their own) and the window opens.
//! The manual page (`linux/toucan-keys.1`) documents the same.

/// What to do, from the command line.
#[derive(Debug, PartialEq, Eq)]
pub enum Launch {
    /// Open the window (or bring the open one forward).
    Window,
    /// Print [`help`] and exit.
    Help,
    /// Print [`version`] and exit.
    Version,
}

/// Reads the arguments after the program's name.
pub fn parse<I: IntoIterator<Item = std::ffi::OsString>>(args: I) -> Launch {
    for arg in args {
        match arg.to_str() {
            Some("--help" | "-h") => return Launch::Help,
            Some("--version" | "-V") => return Launch::Version,
            _ => {}
        }
    }
    Launch::Window
}

/// Why the window can't open here, if it can't: on Linux and the BSDs, a
/// process with neither `DISPLAY` nor `WAYLAND_DISPLAY` (over SSH, in a
/// service) has no desktop to draw on, and the toolkit would only panic.
/// `None` where a window can open (macOS and Windows always have a session).
pub fn no_desktop_session(display: Option<&std::ffi::OsStr>, wayland: Option<&std::ffi::OsStr>) -> Option<String> {
    if cfg!(any(target_os = "macos", target_os = "windows")) {
        return None;
    }
    let set = |value: Option<&std::ffi::OsStr>| value.is_some_and(|value| !value.is_empty());
    (!set(display) && !set(wayland)).then(|| {
        "toucan-keys: the window needs a desktop session (neither DISPLAY nor WAYLAND_DISPLAY is set). \
         In a terminal, use toucan-keys-cli instead (toucan-keys-cli --help)."
            .to_owned()
    })
}

/// `toucan-keys 0.1.0`
pub fn version() -> String {
    format!("toucan-keys {}", env!("CARGO_PKG_VERSION"))
}

/// The short usage text.
pub fn help() -> String {
    format!(
        "{}\nCreate, copy and revoke Toucan API keys, kept in your computer's keychain.\n\n\
         Usage: toucan-keys [--help | --version]\n\n\
         Run without options to open the window; if it is already open, it is brought forward.\n\
         Keys are kept in the keychain under the service {}; the key list (no secrets) is in\n\
         the app's data folder. See the toucan-keys(1) manual page.",
        version(),
        toucan_keys_core::APP_IDENTIFIER
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<std::ffi::OsString> {
        list.iter().map(Into::into).collect()
    }

    #[test]
    fn help_and_version_are_answered_and_anything_else_opens_the_window() {
        assert_eq!(parse(args(&[])), Launch::Window);
        assert_eq!(parse(args(&["--help"])), Launch::Help);
        assert_eq!(parse(args(&["-V"])), Launch::Version);
        assert_eq!(parse(args(&["-psn_0_12345"])), Launch::Window);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn with_no_display_the_window_says_so_instead_of_panicking() {
        let some = |text: &str| Some(std::ffi::OsString::from(text));
        assert!(no_desktop_session(None, None).is_some());
        assert!(no_desktop_session(some("").as_deref(), None).is_some());
        assert!(no_desktop_session(some(":0").as_deref(), None).is_none());
        assert!(no_desktop_session(None, some("wayland-0").as_deref()).is_none());
    }
}
