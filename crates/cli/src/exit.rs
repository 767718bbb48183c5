//! Exit codes scripts can rely on. Documented in the README and in `--help`
//! (`args.rs`).

use std::process::ExitCode;

use toucan_keys_core::{CoreError, ErrorCode};

/// It worked.
pub const OK: u8 = 0;
/// It failed; the message says why.
pub const FAILURE: u8 = 1;
/// The command line was wrong (clap's own code too).
pub const USAGE: u8 = 2;
/// The keychain is locked: unlock it and try again.
pub const KEYCHAIN_LOCKED: u8 = 3;
/// No key has that name or id.
pub const KEY_NOT_FOUND: u8 = 4;
/// The key is revoked or expired, so it can't be used.
pub const KEY_UNUSABLE: u8 = 5;

/// The exit code for a failure of the core.
pub fn for_error(error: &CoreError) -> u8 {
    match error.code() {
        ErrorCode::KeychainLocked => KEYCHAIN_LOCKED,
        ErrorCode::KeyNotFound => KEY_NOT_FOUND,
        ErrorCode::KeyRevoked | ErrorCode::KeyExpired | ErrorCode::KeyLeaked => KEY_UNUSABLE,
        _ => FAILURE,
    }
}

/// As a process exit code.
pub fn code(value: u8) -> ExitCode {
    ExitCode::from(value)
}
