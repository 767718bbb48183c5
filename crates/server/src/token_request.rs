//! The body of `POST /embed/generate-token`, checked field by field so that a
//! mistake is reported with the field's name.

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashMap};

use toucan_keys_protocol::limits::{KeyLimits, TokenAsk};

use toucan_keys_protocol::vocabulary::{
    DEFAULT_TOKEN_LIFETIME_SECONDS, LONGEST_TOKEN_LIFETIME_SECONDS, Level, MAX_DISTINCT_ID_BYTES, Resource, Role,
    SHORTEST_TOKEN_LIFETIME_SECONDS,
};
use toucan_keys_protocol::wire::{AttributeType, DeclaredAttribute, codes};

use crate::error::ApiError;

/// The default token lifetime: one hour.
pub const DEFAULT_LIFETIME_SECONDS: i64 = DEFAULT_TOKEN_LIFETIME_SECONDS as i64;
/// Lifetimes a server may allow, in seconds; its `--max-token-lifetime`
/// (24 hours by default) lowers the end.
pub const LIFETIME_RANGE: std::ops::RangeInclusive<i64> =
    SHORTEST_TOKEN_LIFETIME_SECONDS as i64..=LONGEST_TOKEN_LIFETIME_SECONDS as i64;
pub use toucan_keys_protocol::origins::{MAX_ORIGIN_BYTES, MAX_ORIGINS, normalized_origin};

/// Row-level-security attributes per token, at most.
pub const MAX_ATTRIBUTES: usize = 32;
/// An attribute's name, in bytes, at most.
pub const MAX_ATTRIBUTE_NAME_BYTES: usize = 64;
/// An attribute's value (a list counts all its items), in bytes of JSON, at most.
pub const MAX_ATTRIBUTE_VALUE_BYTES: usize = 256;

/// The size of `value` as JSON.
fn attribute_size(value: &Value) -> usize {
    serde_json::to_vec(value).map_or(usize::MAX, |bytes| bytes.len())
}

/// A token request, checked field by field (see `wire::TokenRequestBody` for its shape).
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedTokenRequest {
    /// The end user's stable id.
    pub distinct_id: String,
    /// What the key's limits apply to: role, permissions, attributes and
    /// the lifetime asked for (`None`: the default).
    pub ask: TokenAsk,
    /// The web origin the token will be used from, if the request names one.
    pub origin: Option<String>,
}

/// Checks a request body; lifetimes may go up to `max_lifetime` seconds.
pub fn parse(body: &[u8], max_lifetime: i64) -> Result<CheckedTokenRequest, ApiError> {
    let body: Value = serde_json::from_slice(body).map_err(|_| ApiError::bad_request("body", "is not valid JSON"))?;
    let body = body
        .as_object()
        .ok_or_else(|| ApiError::bad_request("body", "must be a JSON object"))?;
    let user = body
        .get("user")
        .ok_or_else(|| ApiError::bad_request("user", "is required"))?
        .as_object()
        .ok_or_else(|| ApiError::bad_request("user", "must be an object"))?;
    let distinct_id = match user.get("distinctId") {
        Some(Value::String(id)) if !id.trim().is_empty() && id.len() <= MAX_DISTINCT_ID_BYTES => id.clone(),
        Some(_) => {
            return Err(ApiError::bad_request(
                "user.distinctId",
                "must be a non-empty string of at most 256 bytes",
            ));
        }
        None => return Err(ApiError::bad_request("user.distinctId", "is required")),
    };
    let role = match user.get("role") {
        Some(Value::String(role)) if let Some(role) = one_of::<Role>(role) => role,
        Some(_) => {
            return Err(ApiError::bad_request(
                "user.role",
                "must be one of explorer, maker, admin",
            ));
        }
        None => return Err(ApiError::bad_request("user.role", "is required")),
    };
    let attributes = match user.get("attributes") {
        None | Some(Value::Null) => Map::new(),
        Some(Value::Object(attributes)) => {
            if attributes.len() > MAX_ATTRIBUTES {
                return Err(ApiError::bad_request(
                    "user.attributes",
                    &format!(
                        "has {} attributes; at most {MAX_ATTRIBUTES} are allowed",
                        attributes.len()
                    ),
                ));
            }
            for (name, value) in attributes {
                if name.len() > MAX_ATTRIBUTE_NAME_BYTES || attribute_size(value) > MAX_ATTRIBUTE_VALUE_BYTES {
                    let field = format!("user.attributes.{}", name.chars().take(64).collect::<String>());
                    return Err(ApiError::bad_request(
                        &field,
                        &format!(
                            "is too long: names up to {MAX_ATTRIBUTE_NAME_BYTES} bytes, values up to {MAX_ATTRIBUTE_VALUE_BYTES} bytes"
                        ),
                    ));
                }
                if !is_attribute_value(value) {
                    let field = format!("user.attributes.{name}");
                    return Err(ApiError::bad_request(
                        &field,
                        "must be a string, number, boolean or a list of those",
                    ));
                }
            }
            attributes.clone()
        }
        Some(_) => return Err(ApiError::bad_request("user.attributes", "must be an object")),
    };
    let permissions = match body.get("permissions") {
        None | Some(Value::Null) => BTreeMap::new(),
        Some(Value::Object(permissions)) => checked_permissions(permissions)?,
        Some(_) => return Err(ApiError::bad_request("permissions", "must be an object")),
    };
    let lifetime_seconds = match body.get("lifetimeSeconds") {
        None | Some(Value::Null) => None,
        Some(value) => Some(
            value
                .as_i64()
                .filter(|seconds| (*LIFETIME_RANGE.start()..=max_lifetime).contains(seconds))
                .and_then(|seconds| u64::try_from(seconds).ok())
                .ok_or_else(|| {
                    ApiError::bad_request(
                        "lifetimeSeconds",
                        &format!("must be a whole number from 60 to {max_lifetime}"),
                    )
                })?,
        ),
    };
    let origin = match body.get("origin") {
        None | Some(Value::Null) => None,
        Some(Value::String(origin)) if origin.len() <= MAX_ORIGIN_BYTES => Some(origin.clone()),
        Some(_) => {
            return Err(ApiError::bad_request(
                "origin",
                "must be a web origin such as https://app.example.com",
            ));
        }
    };
    Ok(CheckedTokenRequest {
        distinct_id,
        ask: TokenAsk {
            role,
            permissions,
            attributes,
            lifetime_seconds,
        },
        origin,
    })
}

/// The lifetime of a token: as asked (after the key's limits), else the
/// default, never beyond the server's `max_lifetime`.
pub fn lifetime_of(ask: &TokenAsk, max_lifetime: i64) -> i64 {
    ask.lifetime_seconds
        .and_then(|seconds| i64::try_from(seconds).ok())
        .unwrap_or(DEFAULT_LIFETIME_SECONDS)
        .min(max_lifetime)
}

/// A key's limits as a registration or change sets them: checked, written
/// one way, fixed attributes typed as the workspace declares them.
pub fn checked_limits(
    limits: KeyLimits,
    max_lifetime: i64,
    declared: &HashMap<String, AttributeType>,
) -> Result<KeyLimits, ApiError> {
    let max_lifetime = u32::try_from(max_lifetime).unwrap_or(u32::MAX);
    let limits = limits
        .normalized(max_lifetime)
        .map_err(|invalid| ApiError::bad_request(&invalid.field, &invalid.problem))?;
    let fixed: Map<String, Value> = limits.fixed_attributes.clone().into_iter().collect();
    check_attributes_at("limits.fixedAttributes", declared, &fixed)?;
    Ok(limits)
}

/// Refuses a token request for a key limited to some web origins unless it
/// names one of them: in its `origin` field, and in its HTTP `Origin` header
/// when it has one (a browser's). A key with no origins allows any. Origins
/// compare as [`normalized_origin`] writes them.
pub fn check_origin(allowed: &[String], named: Option<&str>, header: Option<&str>) -> Result<(), ApiError> {
    if allowed.is_empty() {
        return Ok(());
    }
    if named.is_none() && header.is_none() {
        return Err(ApiError::forbidden(
            codes::ORIGIN_NOT_ALLOWED,
            format!(
                "This API key's tokens may be used only from {}. Name the page's origin in the request's \"origin\" field.",
                allowed.join(", ")
            ),
        ));
    }
    for origin in [named, header].into_iter().flatten() {
        if !origin_allowed(allowed, origin) {
            return Err(ApiError::forbidden(
                codes::ORIGIN_NOT_ALLOWED,
                format!(
                    "This API key's tokens may not be used from {origin}. Allowed: {}.",
                    allowed.join(", ")
                ),
            ));
        }
    }
    Ok(())
}

/// Whether `origin` is one of `allowed` (already normalised), once normalised.
pub fn origin_allowed(allowed: &[String], origin: &str) -> bool {
    normalized_origin(origin).is_some_and(|origin| allowed.contains(&origin))
}

/// The origins of a key registration, checked and normalised (no trailing
/// slash): `https://host[:port]`, or `http://` for localhost only.
pub fn checked_origins(origins: &[String]) -> Result<Vec<String>, ApiError> {
    if origins.len() > MAX_ORIGINS {
        return Err(ApiError::bad_request(
            "allowedOrigins",
            &format!("has {} origins; at most {MAX_ORIGINS} are allowed", origins.len()),
        ));
    }
    origins
        .iter()
        .enumerate()
        .map(|(index, origin)| {
            if let Some(origin) = normalized_origin(origin) {
                Ok(origin)
            } else {
                Err(ApiError::bad_request(
                    &format!("allowedOrigins[{index}]"),
                    "must be a web origin: https://host or https://host:port (http:// only for localhost), with no path",
                ))
            }
        })
        .collect()
}

/// The declared attributes of `PUT /api/attributes`, checked: names of 1 to
/// 64 letters, digits, `_`, `-` or `.`, each once, at most [`MAX_ATTRIBUTES`].
pub fn checked_declarations(declared: &[DeclaredAttribute]) -> Result<Vec<(String, String)>, ApiError> {
    if declared.len() > MAX_ATTRIBUTES {
        return Err(ApiError::bad_request(
            "attributes",
            &format!(
                "has {} attributes; at most {MAX_ATTRIBUTES} are allowed",
                declared.len()
            ),
        ));
    }
    let mut seen = std::collections::HashSet::new();
    declared
        .iter()
        .enumerate()
        .map(|(index, attribute)| {
            let name = attribute.name.as_str();
            let valid = !name.is_empty()
                && name.len() <= MAX_ATTRIBUTE_NAME_BYTES
                && name
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'));
            if !valid {
                return Err(ApiError::bad_request(
                    &format!("attributes[{index}].name"),
                    "must be 1 to 64 letters, digits, _, - or .",
                ));
            }
            if !seen.insert(name) {
                return Err(ApiError::bad_request(
                    &format!("attributes[{index}].name"),
                    &format!("{name} is declared twice"),
                ));
            }
            Ok((name.to_owned(), attribute.kind.as_str().to_owned()))
        })
        .collect()
}

/// Refuses, with 422 naming the attribute, an attribute that isn't declared
/// or a value not of its declared type. Nothing declared: any attribute.
pub fn check_attributes(declared: &HashMap<String, AttributeType>, sent: &Map<String, Value>) -> Result<(), ApiError> {
    check_attributes_at("user.attributes", declared, sent)
}

/// [`check_attributes`] for attributes sent in the body's `field`.
fn check_attributes_at(
    field: &str,
    declared: &HashMap<String, AttributeType>,
    sent: &Map<String, Value>,
) -> Result<(), ApiError> {
    if declared.is_empty() {
        return Ok(());
    }
    for (name, value) in sent {
        let Some(kind) = declared.get(name) else {
            let mut known: Vec<&str> = declared.keys().map(String::as_str).collect();
            known.sort_unstable();
            return Err(ApiError::unprocessable(
                codes::UNKNOWN_ATTRIBUTE,
                format!(
                    "{field}.{name}: this workspace declares no such attribute (it declares: {}).",
                    known.join(", ")
                ),
            ));
        };
        if !kind.accepts(value) {
            return Err(ApiError::unprocessable(
                codes::INVALID_ATTRIBUTE,
                format!(
                    "{field}.{name}: must be {} (or a list of them).",
                    match kind {
                        AttributeType::String => "text",
                        AttributeType::Integer => "a whole number",
                        AttributeType::Number => "a number",
                        AttributeType::Boolean => "true or false",
                        AttributeType::Date => "a date as YYYY-MM-DD",
                    }
                ),
            ));
        }
    }
    Ok(())
}

/// Whether `text` names a value of `T` (the app's own Role, Resource and Level
/// enums, so the app and the server accept the same words).
fn one_of<T: DeserializeOwned>(text: &str) -> Option<T> {
    serde_json::from_value::<T>(Value::String(text.to_owned())).ok()
}

fn is_attribute_value(value: &Value) -> bool {
    match value {
        Value::String(_) | Value::Number(_) | Value::Bool(_) => true,
        Value::Array(items) => items
            .iter()
            .all(|item| matches!(item, Value::String(_) | Value::Number(_) | Value::Bool(_))),
        _ => false,
    }
}

fn checked_permissions(permissions: &Map<String, Value>) -> Result<BTreeMap<Resource, Vec<Level>>, ApiError> {
    let mut checked = BTreeMap::new();
    for (name, levels) in permissions {
        let field = format!("permissions.{name}");
        let Some(resource) = one_of::<Resource>(name) else {
            return Err(ApiError::bad_request(
                &field,
                "is not a resource (dashboard, chart, database, ai)",
            ));
        };
        let levels = levels
            .as_array()
            .ok_or_else(|| ApiError::bad_request(&field, "must be a list of levels"))?;
        let mut typed = Vec::with_capacity(levels.len());
        for (index, level) in levels.iter().enumerate() {
            let Some(level) = level.as_str().and_then(one_of::<Level>) else {
                return Err(ApiError::bad_request(
                    &format!("{field}[{index}]"),
                    "must be can_view, can_edit or can_query",
                ));
            };
            typed.push(level);
        }
        checked.insert(resource, typed);
    }
    Ok(checked)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Origins compare after normalisation: scheme and host case, default
    /// ports, a trailing slash. Other ports, schemes and hosts stay apart.
    #[test]
    fn origins_compare_after_normalisation() {
        let equal = [
            ("https://app.example.com", "https://app.example.com"),
            ("https://app.example.com", "https://app.example.com:443"),
            ("https://app.example.com", "HTTPS://APP.Example.COM"),
            ("https://app.example.com", "https://app.example.com/"),
            ("https://app.example.com:8443", "https://APP.example.com:8443/"),
            ("http://localhost", "http://localhost:80"),
            ("http://localhost:3000", "http://LOCALHOST:3000/"),
            ("https://[::1]", "https://[::1]:443"),
        ];
        for (a, b) in equal {
            assert_eq!(
                normalized_origin(a),
                normalized_origin(b),
                "{a} and {b} are the same origin"
            );
            assert!(normalized_origin(a).is_some(), "{a}");
        }
        let unequal = [
            ("https://app.example.com", "http://app.example.com"),
            ("https://app.example.com", "https://app.example.com:8443"),
            ("https://app.example.com", "https://www.app.example.com"),
            ("https://app.example.com", "https://app.example.com.evil.net"),
            ("http://localhost:3000", "http://localhost"),
            ("https://app.example.com:443", "https://app.example.com:4430"),
        ];
        for (a, b) in unequal {
            assert_ne!(
                normalized_origin(a),
                normalized_origin(b),
                "{a} and {b} are different origins"
            );
        }
        for not_an_origin in [
            "app.example.com",
            "https://",
            "https://a.example/path",
            "ftp://a.example",
            "http://a.example",
        ] {
            assert_eq!(normalized_origin(not_an_origin), None, "{not_an_origin}");
        }
        let allowed = vec![normalized_origin("https://shop.example:443").unwrap()];
        assert_eq!(allowed, ["https://shop.example"]);
        assert!(check_origin(&allowed, Some("https://SHOP.example/"), None).is_ok());
        assert!(check_origin(&allowed, None, Some("https://shop.example:443")).is_ok());
        assert!(
            check_origin(&allowed, None, None).is_err(),
            "a limited key needs an origin"
        );
        assert!(check_origin(&allowed, Some("https://shop.example"), Some("https://evil.example")).is_err());
        assert!(
            check_origin(&[], None, None).is_ok(),
            "a key with no origins allows any"
        );
    }

    fn error_of(body: &str) -> String {
        format!("{:?}", parse(body.as_bytes(), 86_400).unwrap_err())
    }

    #[test]
    fn a_full_request_is_accepted_with_a_one_hour_default() {
        let request = parse(
            br#"{"user": {"distinctId": "u-42", "role": "explorer", "attributes": {"region": "EMEA", "ids": [1, 2]}},
                 "permissions": {"dashboard": ["can_view"], "ai": ["can_query"]}}"#,
            86_400,
        )
        .unwrap();
        assert_eq!(request.distinct_id, "u-42");
        assert_eq!(lifetime_of(&request.ask, 86_400), 3600);
        assert_eq!(request.ask.attributes["region"], "EMEA");
    }

    #[test]
    fn each_mistake_names_its_field() {
        assert!(error_of("nope").contains("body: is not valid JSON"));
        assert!(error_of("{}").contains("user: is required"));
        assert!(error_of(r#"{"user": {"role": "explorer"}}"#).contains("user.distinctId: is required"));
        assert!(error_of(r#"{"user": {"distinctId": "u", "role": "boss"}}"#).contains("user.role"));
        assert!(
            error_of(r#"{"user": {"distinctId": "u", "role": "maker", "attributes": {"x": {"y": 1}}}}"#)
                .contains("user.attributes.x")
        );
        assert!(
            error_of(r#"{"user": {"distinctId": "u", "role": "admin"}, "permissions": {"files": []}}"#)
                .contains("permissions.files")
        );
        assert!(
            error_of(
                r#"{"user": {"distinctId": "u", "role": "admin"}, "permissions": {"chart": ["can_view", "can_fly"]}}"#
            )
            .contains("permissions.chart[1]")
        );
        assert!(
            error_of(r#"{"user": {"distinctId": "u", "role": "admin"}, "lifetimeSeconds": 5}"#)
                .contains("lifetimeSeconds")
        );
    }
}
