//! The bodies the app and the embed server exchange, and the error codes a
//! server answers with. Both sides use these types, so renaming a field
//! fails to compile on both.
//!
//! Account API (header `Authorization: Bearer tka_…`): `GET /api/keys` →
//! [`KeyList`]; `POST /api/keys` with [`KeyRegistration`] → [`RegisteredKey`];
//! `PATCH /api/keys/{id}` with [`KeyChange`]; `DELETE /api/keys/{id}`. Embed API (header `x-api-key: tck_…`):
//! `POST /embed/generate-token` with [`TokenRequestBody`] → [`IssuedToken`];
//! `POST /embed/introspect` with [`IntrospectionRequest`] → [`Introspection`].
//! Every failure: an HTTP status and [`ErrorBody`].

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::limits::{KeyLimits, LimitBreach};
#[cfg(feature = "openapi")]
#[allow(unused_imports)]
use crate::schemas::{AttributeValue, Origin, Permissions};
use crate::vocabulary::{Level, Resource, Role};

/// `POST /api/keys`: a key's metadata, never the key.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct KeyRegistration {
    /// The app's id for the key (`key_…`).
    #[cfg_attr(feature = "openapi", schema(pattern = "^key_", max_length = 64))]
    pub id: String,
    /// Its name, 1 to 64 characters.
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 64, pattern = "\\S"))]
    pub name: String,
    /// SHA-256 of the key, 64 hex digits (see [`crate::SecretKey::fingerprint`]).
    #[cfg_attr(feature = "openapi", schema(pattern = "^[0-9a-f]{64}$"))]
    pub fingerprint: String,
    /// When it stops working, in RFC 3339; `None` for never.
    #[cfg_attr(feature = "openapi", schema(format = DateTime))]
    pub expires_at: Option<String>,
    /// The web origins its tokens may be used from (`https://app.example.com`);
    /// empty: any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "openapi", schema(max_items = 20, value_type = Vec<Origin>))]
    pub allowed_origins: Vec<String>,
    /// The key this one replaces (a roll), and when that key stops working.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retires: Option<Retirement>,
    /// What its tokens may carry and who may ask for them; left out: full access.
    #[serde(default, skip_serializing_if = "KeyLimits::is_full_access")]
    pub limits: KeyLimits,
}

/// The older key a new one replaces, and the end of the overlap: the older key
/// works until `at` (or its own expiry, if that is sooner), then never again.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Retirement {
    /// The older key's id.
    pub id: String,
    /// When it stops working, in RFC 3339.
    #[cfg_attr(feature = "openapi", schema(format = DateTime))]
    pub at: String,
}

/// `PATCH /api/keys/{id}`: brings a key's expiry forward, replaces the web
/// origins its tokens may be used from, and/or replaces its limits. A key's
/// expiry is never moved later: the server keeps the sooner of the two. At
/// least one is given.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct KeyChange {
    /// When the key stops working, in RFC 3339.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(format = DateTime))]
    pub expires_at: Option<String>,
    /// The web origins its tokens may be used from from now on; empty: any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_items = 20, value_type = Option<Vec<Origin>>))]
    pub allowed_origins: Option<Vec<String>>,
    /// Its limits from now on (`{}`: full access).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limits: Option<KeyLimits>,
}

/// A key as the server knows it.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RegisteredKey {
    /// The app's id for the key.
    pub id: String,
    /// Its name.
    pub name: String,
    /// SHA-256 of the key.
    pub fingerprint: String,
    /// When it was registered.
    pub created_at: DateTime<Utc>,
    /// When it stops working, if ever.
    pub expires_at: Option<DateTime<Utc>>,
    /// When it was revoked, if it was.
    pub revoked_at: Option<DateTime<Utc>>,
    /// When it last requested a token.
    pub last_used_at: Option<DateTime<Utc>>,
    /// The web origins its tokens may be used from; empty: any.
    #[serde(default)]
    pub allowed_origins: Vec<String>,
    /// Its limits (`{}`: full access).
    #[serde(default)]
    pub limits: KeyLimits,
    /// Where and when it was first found in public, if a secret-scanning
    /// report named it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leak: Option<LeakReport>,
}

/// Where and when a key was found in public, as a secret-scanning report
/// (GitHub's partner program) told the server.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LeakReport {
    /// When the server was told.
    pub found_at: DateTime<Utc>,
    /// Where it was found (a commit's file, an issue, a gist…), as reported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub url: Option<String>,
    /// What kind of place that is (`content`, `commit`, `issue_comment`…), as reported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub source: Option<String>,
}

/// `GET /api/keys`: every registered key.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyList {
    /// The keys, oldest first.
    pub keys: Vec<RegisteredKey>,
}

/// `POST /embed/generate-token`: the end user and what their session may do.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TokenRequestBody {
    /// The end user.
    pub user: EndUser,
    /// Resource → the levels granted on it (none: no permission).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Permissions))]
    pub permissions: BTreeMap<Resource, Vec<Level>>,
    /// Seconds until the token expires: 60 to the server's maximum
    /// (`--max-token-lifetime`, 86400 by default); one hour when left out.
    #[serde(default = "one_hour")]
    #[cfg_attr(feature = "openapi", schema(minimum = 60, maximum = 86400, default = 3600))]
    pub lifetime_seconds: u64,
    /// The web origin the token will be used from; refused if the key names
    /// origins and this isn't one of them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 256))]
    pub origin: Option<String>,
}

fn one_hour() -> u64 {
    3600
}

/// The end user a session token is for.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EndUser {
    /// Their stable id in the customer's own system.
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 256))]
    pub distinct_id: String,
    /// Their role in the session.
    pub role: Role,
    /// Row-level-security attributes (name → value).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = HashMap<String, AttributeValue>))]
    pub attributes: Map<String, Value>,
}

/// A signed session token.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IssuedToken {
    /// The compact JWS.
    pub token: String,
    /// When it expires.
    pub expires_at: DateTime<Utc>,
}

/// `POST /embed/introspect`: the token to check.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IntrospectionRequest {
    /// A token this key issued.
    pub token: String,
    /// The web origin of the page the token is used on. A token limited to
    /// some origins is active only on one of them (also read from the
    /// request's `Origin` header).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
}

/// Whether a token still works, and its claims when it does.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Introspection {
    /// Whether the token still works.
    pub active: bool,
    /// Its claims, when active.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub claims: Option<Value>,
}

/// A row-level-security attribute's type, as a workspace declares it.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum AttributeType {
    /// Any text.
    String,
    /// A whole number.
    Integer,
    /// Any number.
    Number,
    /// true or false.
    Boolean,
    /// A calendar date, `YYYY-MM-DD`.
    Date,
}

impl AttributeType {
    /// Its name on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::String => "string",
            Self::Integer => "integer",
            Self::Number => "number",
            Self::Boolean => "boolean",
            Self::Date => "date",
        }
    }

    /// The type named `name` on the wire.
    pub fn from_name(name: &str) -> Option<Self> {
        serde_json::from_value(Value::String(name.to_owned())).ok()
    }

    /// Whether `value` is one of this type (a token may carry a value or a
    /// list of values).
    pub fn accepts(self, value: &Value) -> bool {
        match value {
            Value::Array(items) => items.iter().all(|item| self.accepts_one(item)),
            one => self.accepts_one(one),
        }
    }

    fn accepts_one(self, value: &Value) -> bool {
        match (self, value) {
            (Self::String, Value::String(_)) | (Self::Boolean, Value::Bool(_)) | (Self::Number, Value::Number(_)) => {
                true
            }
            (Self::Integer, Value::Number(number)) => number.is_i64() || number.is_u64(),
            (Self::Date, Value::String(text)) => chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").is_ok(),
            _ => false,
        }
    }
}

/// One declared attribute.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct DeclaredAttribute {
    /// Its name, as token requests send it.
    #[cfg_attr(feature = "openapi", schema(pattern = "^[A-Za-z0-9_.-]{1,64}$"))]
    pub name: String,
    /// Its type.
    #[serde(rename = "type")]
    pub kind: AttributeType,
}

/// `GET /api/attributes`, and the body of `PUT /api/attributes`: the
/// attributes token requests may carry. None declared: any attribute.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttributeList {
    /// The attributes, by name.
    #[cfg_attr(feature = "openapi", schema(max_items = 32))]
    pub attributes: Vec<DeclaredAttribute>,
}

/// Every failure's body.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    /// One of [`codes`].
    pub code: String,
    /// What went wrong, for people.
    pub message: String,
    /// For a revoked or expired key (`key_revoked`, `key_expired`): when that
    /// happened, so a client can say it in its own words and language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<DateTime<Utc>>,
    /// For `key_limit`: the limit the request broke and what it asked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub breach: Option<LimitBreach>,
}

/// The error codes a server answers with.
pub mod codes {
    /// No `x-api-key` header.
    pub const MISSING_KEY: &str = "missing_key";
    /// The key isn't in the `tck_` format.
    pub const INVALID_KEY: &str = "invalid_key";
    /// The server doesn't know this key.
    pub const UNKNOWN_KEY: &str = "unknown_key";
    /// The key was revoked.
    pub const KEY_REVOKED: &str = "key_revoked";
    /// The key has expired.
    pub const KEY_EXPIRED: &str = "key_expired";
    /// The account token is missing or wrong.
    pub const INVALID_ACCOUNT_TOKEN: &str = "invalid_account_token";
    /// The body is malformed; the message names the field.
    pub const INVALID_BODY: &str = "invalid_body";
    /// No such key.
    pub const NOT_FOUND: &str = "not_found";
    /// A key with this id is already registered.
    pub const CONFLICT: &str = "conflict";
    /// Too many requests for this key; try again shortly.
    pub const RATE_LIMITED: &str = "rate_limited";
    /// The request took too long.
    pub const REQUEST_TIMEOUT: &str = "request_timeout";
    /// The server failed.
    pub const INTERNAL: &str = "internal";
    /// The token request names a web origin the key doesn't allow.
    pub const ORIGIN_NOT_ALLOWED: &str = "origin_not_allowed";
    /// The token request carries an attribute the workspace hasn't declared.
    pub const UNKNOWN_ATTRIBUTE: &str = "unknown_attribute";
    /// An attribute's value isn't of its declared type.
    pub const INVALID_ATTRIBUTE: &str = "invalid_attribute";
    /// The token request goes beyond one of its key's limits (role,
    /// permission, fixed attribute, lifetime, network or first day); the
    /// body's `breach` says which.
    pub const KEY_LIMIT: &str = "key_limit";
    /// A secret-scanning report's signature is missing, made with a key the
    /// server doesn't have, or doesn't match the body.
    pub const BAD_SIGNATURE: &str = "bad_signature";
}
