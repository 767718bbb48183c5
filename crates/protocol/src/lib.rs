//! What the Toucan Keys app and the embed server must agree on, and nothing
//! else: no keychain, no HTTP client, no Tauri. A backend developer can use
//! this crate alone, for example to check a key's format offline:
//!
//! ```
//! use toucan_keys_protocol::key_format;
//! assert!(key_format::parse(key_format::TEST_VECTOR).is_ok());
//! assert!(key_format::parse("tck_typo").is_err());
//! ```
//!
//! - [`key_format`]: the `tck_` key format: generate, parse, fingerprint, hint.
//! - [`secret`]: [`SecretKey`], the one type that holds a key's secret.
//! - [`account_token`]: the `tka_` account token that manages a server's keys.
//! - [`vocabulary`]: roles, resources and permission levels of a session token.
//! - [`limits`]: restricted keys: what a key's tokens may carry, and presets.
//! - [`wire`]: the request and reply bodies of the embed and account APIs, and
//!   the error codes a server answers with.
#![warn(missing_docs)]

pub mod account_token;
pub mod key_format;
pub mod key_identity;
pub mod limits;
pub mod origins;
#[cfg(feature = "openapi")]
pub mod schemas;
pub mod secret;
pub mod vocabulary;
pub mod wire;

pub use account_token::{ACCOUNT_TOKEN_PREFIX, AccountToken, InvalidAccountToken};
pub use secret::{ExposeSecret, OneTimeReveal, SecretKey};
