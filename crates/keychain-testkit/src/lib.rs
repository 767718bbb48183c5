//! Test support for the real keychain (Linux Secret Service, as run by
//! `scripts/with-keychain.sh`): lock and unlock the default collection, and
//! read entries back from outside the app with `secret-tool`.
//!
//! Also [`processes`]: one test run in several processes at once (all systems).
//!
//! Tests only. Unlocking uses gnome-keyring's own unlock-with-password call,
//! since the standard `Unlock` needs a person to answer a prompt.

pub mod processes;

/// The variable `scripts/with-keychain.sh` sets to the test keychain's password.
pub const PASSWORD_VARIABLE: &str = "TOUCAN_TEST_KEYRING_PASSWORD";

#[cfg(target_os = "linux")]
mod secret_service;
#[cfg(target_os = "linux")]
pub use secret_service::*;
