//! Restricted keys: what a key's tokens may carry and who may ask for them.
//!
//! A key with no limits ([`KeyLimits::is_full_access`]) is a master
//! credential: any role, permission, attribute and lifetime. Each limit set
//! narrows it. The server enforces them ([`KeyLimits::apply`] and
//! [`KeyLimits::admit`]); the app uses the same functions to offer only what
//! a key allows. A refusal names the limit and what was asked
//! ([`LimitBreach`]), so each side can say it in its own words.

use std::collections::BTreeMap;
use std::net::IpAddr;

use chrono::{DateTime, Utc};
use ipnet::IpNet;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::vocabulary::{DEFAULT_TOKEN_LIFETIME_SECONDS, Level, Resource, Role};

/// Fixed attributes per key, at most.
pub const MAX_FIXED_ATTRIBUTES: usize = 16;
/// Networks per key, at most.
pub const MAX_NETWORKS: usize = 20;

/// The limits of one key. Every field left out (or empty): no limit there.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct KeyLimits {
    /// The roles its tokens may carry; none listed: any role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub roles: Option<Vec<Role>>,
    /// The most each resource's permission may be; a resource left out may
    /// get none. Not set: any permission.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional, type = "Partial<Record<Resource, Array<Level>>>"))]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<crate::schemas::Permissions>))]
    pub permissions: Option<BTreeMap<Resource, Vec<Level>>>,
    /// Attributes every token of this key carries, written by the server:
    /// a request may repeat one with the same value, never change it.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[cfg_attr(feature = "ts", ts(optional, type = "Record<string, string | number | boolean>"))]
    #[cfg_attr(feature = "openapi", schema(value_type = HashMap<String, crate::schemas::AttributeValue>))]
    pub fixed_attributes: BTreeMap<String, Value>,
    /// The longest lifetime of its tokens, in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    #[cfg_attr(feature = "openapi", schema(minimum = 60, maximum = 86400))]
    pub max_lifetime_seconds: Option<u32>,
    /// The client networks (CIDR, IPv4 or IPv6) that may ask for tokens; none: any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "ts", ts(as = "Option<Vec<String>>", optional))]
    #[cfg_attr(feature = "openapi", schema(max_items = 20))]
    pub networks: Vec<String>,
    /// Its own token requests per minute, below the server's default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1))]
    pub requests_per_minute: Option<u32>,
    /// The key works from this date and time on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional, type = "string"))]
    pub not_before: Option<DateTime<Utc>>,
}

/// The part of a token request that limits apply to.
#[derive(Debug, Clone, PartialEq)]
pub struct TokenAsk {
    /// The session's role.
    pub role: Role,
    /// Resource → the levels asked for.
    pub permissions: BTreeMap<Resource, Vec<Level>>,
    /// Row-level-security attributes.
    pub attributes: Map<String, Value>,
    /// The lifetime asked for, in seconds; `None`: the default.
    pub lifetime_seconds: Option<u64>,
}

/// A request beyond one of its key's limits: which limit, and what was asked.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "limit", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum LimitBreach {
    /// A role the key may not grant.
    Role {
        /// The roles it may grant.
        allowed: Vec<Role>,
        /// The role asked for.
        asked: Role,
    },
    /// A permission above the key's ceiling for that resource.
    Permission {
        /// The resource.
        resource: Resource,
        /// The levels the key may grant on it (none: no permission).
        allowed: Vec<Level>,
        /// The level asked for.
        asked: Level,
    },
    /// A fixed attribute given another value.
    FixedAttribute {
        /// The attribute.
        name: String,
        /// The value the key fixes.
        #[cfg_attr(feature = "ts", ts(type = "string | number | boolean"))]
        #[cfg_attr(feature = "openapi", schema(value_type = crate::schemas::AttributeValue))]
        fixed: Value,
        /// The value asked for.
        #[cfg_attr(feature = "ts", ts(type = "unknown"))]
        #[cfg_attr(feature = "openapi", schema(value_type = crate::schemas::AttributeValue))]
        asked: Value,
    },
    /// A lifetime longer than the key allows.
    Lifetime {
        /// The longest it allows, in seconds.
        max_seconds: u32,
        /// The lifetime asked for, in seconds.
        asked_seconds: u64,
    },
    /// A request from outside the key's networks.
    Network {
        /// The client's address, as the server saw it (`None`: unknown).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        address: Option<String>,
        /// The networks it may come from.
        allowed: Vec<String>,
    },
    /// A request before the key's first day.
    NotYet {
        /// When the key starts working.
        #[cfg_attr(feature = "ts", ts(type = "string"))]
        not_before: DateTime<Utc>,
    },
}

/// A limit that can't be set as written; the field and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {problem}")]
pub struct InvalidLimit {
    /// The field, as the wire names it (`limits.networks[1]`).
    pub field: String,
    /// What is wrong, in English.
    pub problem: String,
}

fn invalid(field: impl Into<String>, problem: impl Into<String>) -> InvalidLimit {
    InvalidLimit {
        field: field.into(),
        problem: problem.into(),
    }
}

/// `text` as a network: `10.0.0.0/8`, `2001:db8::/32`, or one address.
/// Host bits are cleared (`10.1.2.3/8` is `10.0.0.0/8`).
pub fn parse_network(text: &str) -> Option<IpNet> {
    let text = text.trim();
    text.parse::<IpNet>()
        .map(|net| net.trunc())
        .ok()
        .or_else(|| text.parse::<IpAddr>().ok().map(IpNet::from))
}

impl KeyLimits {
    /// No limit at all: today's master key.
    pub fn is_full_access(&self) -> bool {
        *self == Self::default()
    }

    /// The limits, checked and written one way (networks as CIDR with host
    /// bits cleared, roles and levels in order, each once), or the first
    /// field that can't be set. `max_lifetime` is the longest the server
    /// allows at all.
    pub fn normalized(mut self, max_lifetime: u32) -> Result<Self, InvalidLimit> {
        if let Some(roles) = &mut self.roles {
            roles.sort_by_key(|role| *role as u8);
            roles.dedup();
            if roles.is_empty() {
                return Err(invalid("limits.roles", "must name at least one role"));
            }
        }
        if let Some(permissions) = &mut self.permissions {
            for levels in permissions.values_mut() {
                levels.sort();
                levels.dedup();
            }
            permissions.retain(|_, levels| !levels.is_empty());
        }
        if self.fixed_attributes.len() > MAX_FIXED_ATTRIBUTES {
            return Err(invalid(
                "limits.fixedAttributes",
                format!("at most {MAX_FIXED_ATTRIBUTES} attributes"),
            ));
        }
        for (name, value) in &self.fixed_attributes {
            let field = format!("limits.fixedAttributes.{name}");
            let name_ok = !name.is_empty()
                && name.len() <= 64
                && name
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'));
            if !name_ok {
                return Err(invalid(field, "names are 1 to 64 letters, digits, _, - or ."));
            }
            let scalar = |v: &Value| matches!(v, Value::String(_) | Value::Number(_) | Value::Bool(_));
            let value_ok = match value {
                Value::Array(items) => !items.is_empty() && items.iter().all(scalar),
                other => scalar(other),
            };
            if !value_ok || serde_json::to_vec(value).map_or(true, |bytes| bytes.len() > 256) {
                return Err(invalid(
                    field,
                    "must be a string, number or boolean (or a list of them), up to 256 bytes",
                ));
            }
        }
        if let Some(seconds) = self.max_lifetime_seconds
            && !(60..=max_lifetime).contains(&seconds)
        {
            return Err(invalid(
                "limits.maxLifetimeSeconds",
                format!("must be from 60 to {max_lifetime}"),
            ));
        }
        if self.networks.len() > MAX_NETWORKS {
            return Err(invalid("limits.networks", format!("at most {MAX_NETWORKS} networks")));
        }
        let mut networks = Vec::with_capacity(self.networks.len());
        for (index, text) in self.networks.iter().enumerate() {
            let net = parse_network(text).ok_or_else(|| {
                invalid(
                    format!("limits.networks[{index}]"),
                    "must be an IP address or a network such as 203.0.113.0/24 or 2001:db8::/32",
                )
            })?;
            let net = net.to_string();
            if !networks.contains(&net) {
                networks.push(net);
            }
        }
        self.networks = networks;
        if self.requests_per_minute == Some(0) {
            return Err(invalid("limits.requestsPerMinute", "must be at least 1"));
        }
        Ok(self)
    }

    /// Whether a caller at `address` (unknown: `None`) may ask for a token
    /// at `now`: the key's first day has come and the address is in one of
    /// its networks.
    pub fn admit(&self, address: Option<IpAddr>, now: DateTime<Utc>) -> Result<(), LimitBreach> {
        if let Some(not_before) = self.not_before
            && now < not_before
        {
            return Err(LimitBreach::NotYet { not_before });
        }
        if self.networks.is_empty() {
            return Ok(());
        }
        let inside = address.is_some_and(|address| {
            let address = canonical(address);
            self.networks
                .iter()
                .filter_map(|net| parse_network(net))
                .any(|net| net.contains(&address))
        });
        if inside {
            Ok(())
        } else {
            Err(LimitBreach::Network {
                address: address.map(|a| canonical(a).to_string()),
                allowed: self.networks.clone(),
            })
        }
    }

    /// The token request as this key may have it: fixed attributes written
    /// in, and a lifetime left out capped at the key's longest. Refused
    /// with the first limit it breaks.
    pub fn apply(&self, mut ask: TokenAsk) -> Result<TokenAsk, LimitBreach> {
        if let Some(roles) = &self.roles
            && !roles.contains(&ask.role)
        {
            return Err(LimitBreach::Role {
                allowed: roles.clone(),
                asked: ask.role,
            });
        }
        if let Some(ceiling) = &self.permissions {
            for (resource, levels) in &ask.permissions {
                let allowed = ceiling.get(resource).cloned().unwrap_or_default();
                if let Some(level) = levels.iter().find(|level| !allowed.contains(level)) {
                    return Err(LimitBreach::Permission {
                        resource: *resource,
                        allowed,
                        asked: *level,
                    });
                }
            }
        }
        for (name, fixed) in &self.fixed_attributes {
            match ask.attributes.get(name) {
                Some(asked) if asked != fixed => {
                    return Err(LimitBreach::FixedAttribute {
                        name: name.clone(),
                        fixed: fixed.clone(),
                        asked: asked.clone(),
                    });
                }
                Some(_) => {}
                None => {
                    ask.attributes.insert(name.clone(), fixed.clone());
                }
            }
        }
        if let Some(max) = self.max_lifetime_seconds {
            match ask.lifetime_seconds {
                Some(asked) if asked > u64::from(max) => {
                    return Err(LimitBreach::Lifetime {
                        max_seconds: max,
                        asked_seconds: asked,
                    });
                }
                Some(_) => {}
                None => ask.lifetime_seconds = Some(u64::from(max.min(DEFAULT_TOKEN_LIFETIME_SECONDS))),
            }
        }
        Ok(ask)
    }
}

/// An IPv4 address written as IPv6 (`::ffff:10.0.0.1`, as a dual-stack
/// socket reports it) as the IPv4 address it is.
pub fn canonical(address: IpAddr) -> IpAddr {
    match address {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(address, IpAddr::V4),
        v4 => v4,
    }
}

impl LimitBreach {
    /// What was refused, in English (the server's message; the app words it
    /// in the person's language from the fields).
    pub fn english(&self) -> String {
        fn levels(levels: &[Level]) -> String {
            let words: Vec<&str> = levels.iter().map(|level| level_name(*level)).collect();
            words.join(", ")
        }
        match self {
            Self::Role { allowed, asked } => {
                let allowed: Vec<&str> = allowed.iter().map(|role| role_name(*role)).collect();
                format!(
                    "This key may grant only the role {}; the request asked for {}.",
                    allowed.join(" or "),
                    role_name(*asked)
                )
            }
            Self::Permission {
                resource,
                allowed,
                asked,
            } => {
                let resource = resource_name(*resource);
                if allowed.is_empty() {
                    format!(
                        "This key may grant no permission on {resource}; the request asked for {resource}:{}.",
                        level_name(*asked)
                    )
                } else {
                    format!(
                        "This key may grant at most {resource}:{}; the request asked for {resource}:{}.",
                        levels(allowed),
                        level_name(*asked)
                    )
                }
            }
            Self::FixedAttribute { name, fixed, asked } => {
                format!("This key fixes the attribute {name} to {fixed}; the request asked for {asked}.")
            }
            Self::Lifetime {
                max_seconds,
                asked_seconds,
            } => format!(
                "This key's tokens may last at most {max_seconds} seconds; the request asked for {asked_seconds}."
            ),
            Self::Network { address, allowed } => format!(
                "This key may be used only from {}; the request came from {}.",
                allowed.join(", "),
                address.as_deref().unwrap_or("an unknown address")
            ),
            Self::NotYet { not_before } => format!(
                "This key works from {}; it can't be used yet.",
                not_before.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
            ),
        }
    }
}

/// A role's name on the wire.
pub fn role_name(role: Role) -> &'static str {
    match role {
        Role::Explorer => "explorer",
        Role::Maker => "maker",
        Role::Admin => "admin",
    }
}

/// A resource's name on the wire.
pub fn resource_name(resource: Resource) -> &'static str {
    match resource {
        Resource::Dashboard => "dashboard",
        Resource::Chart => "chart",
        Resource::Database => "database",
        Resource::Ai => "ai",
    }
}

/// A level's name on the wire.
pub fn level_name(level: Level) -> &'static str {
    match level {
        Level::CanView => "can_view",
        Level::CanEdit => "can_edit",
        Level::CanQuery => "can_query",
    }
}

/// The ready-made limits the app offers when a key is created.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Preset {
    /// Show dashboards to your customers: explorer, view only, one fixed
    /// customer attribute.
    ShowDashboards,
    /// Let the AI assistant answer questions: explorer, view and ai:can_query.
    AiAssistant,
    /// No limit: today's master key.
    FullAccess,
}

impl Preset {
    /// Every preset, the narrowest first (the suggested one).
    pub const ALL: [Preset; 3] = [Preset::ShowDashboards, Preset::AiAssistant, Preset::FullAccess];

    /// Its name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Self::ShowDashboards => "show-dashboards",
            Self::AiAssistant => "ai-assistant",
            Self::FullAccess => "full-access",
        }
    }

    /// The preset named `name` on the command line.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|preset| preset.name() == name)
    }

    /// Its limits; `customer` is the fixed attribute of
    /// [`Preset::ShowDashboards`] (name, value), ignored by the others.
    pub fn limits(self, customer: Option<(&str, &str)>) -> KeyLimits {
        let view = vec![Level::CanView];
        match self {
            Self::ShowDashboards => KeyLimits {
                roles: Some(vec![Role::Explorer]),
                permissions: Some(BTreeMap::from([
                    (Resource::Dashboard, view.clone()),
                    (Resource::Chart, view),
                ])),
                fixed_attributes: customer
                    .map(|(name, value)| BTreeMap::from([(name.to_owned(), Value::String(value.to_owned()))]))
                    .unwrap_or_default(),
                ..KeyLimits::default()
            },
            Self::AiAssistant => KeyLimits {
                roles: Some(vec![Role::Explorer]),
                permissions: Some(BTreeMap::from([
                    (Resource::Dashboard, view.clone()),
                    (Resource::Chart, view),
                    (Resource::Ai, vec![Level::CanQuery]),
                ])),
                ..KeyLimits::default()
            },
            Self::FullAccess => KeyLimits::default(),
        }
    }
}

#[cfg(test)]
mod tests;
