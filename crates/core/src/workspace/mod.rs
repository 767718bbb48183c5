//! The workspace server: where keys are used. The app registers its keys
//! there (by fingerprint, never the key), revokes them there, and asks it
//! for session tokens.
//!
//! - [`ServerUrl`] and [`AccountToken`]: what a person types to connect.
//! - [`EmbedClient`]: the HTTP client (rustls, timeouts, clear errors).
//! - [`Workspace`]: the connection, kept in step with this computer's keys.
//! - [`ConnectQuestion`]: what the person confirms before a connection.
//! - [`TokenRequest`] and [`GeneratedToken`]: the "Generate token" panel.

pub mod client;
mod config;
mod connect_question;
mod error;
mod server_url;
pub(crate) use server_url::is_this_computer_label;
mod service;
mod token_request;

pub use client::{EmbedClient, Introspection, ServerKey, Timeouts};
pub use config::{PendingOrigins, PendingRevocation, WorkspaceConfig, WorkspaceFile};
pub use connect_question::ConnectQuestion;
pub use error::ServerError;
pub use server_url::ServerUrl;
pub use service::{Confirm, FixedAnswer, ServerKeyState, Workspace, WorkspaceStatus};
pub use token_request::{
    Attribute, AttributeType, DeclaredAttribute, GeneratedToken, LIFETIME_MINUTES_RANGE, Level, MAX_DISTINCT_ID_BYTES,
    Permission, Resource, Role, TokenRequest,
};
pub use toucan_keys_protocol::account_token::{ACCOUNT_TOKEN_PREFIX, AccountToken};
