//! The words of a session token request that the app and the server share:
//! roles, resources, permission levels, and the limits on what a token may
//! carry.

use serde::{Deserialize, Serialize};

/// The longest end-user id, in bytes.
pub const MAX_DISTINCT_ID_BYTES: usize = 256;

/// The shortest lifetime a token may be asked for, in seconds.
pub const SHORTEST_TOKEN_LIFETIME_SECONDS: u32 = 60;
/// The longest lifetime any server allows, in seconds (its
/// `--max-token-lifetime` may lower it).
pub const LONGEST_TOKEN_LIFETIME_SECONDS: u32 = 86_400;
/// A token's lifetime when the request doesn't say, in seconds: one hour.
pub const DEFAULT_TOKEN_LIFETIME_SECONDS: u32 = 3600;

/// The role an embedded session has.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Views and explores dashboards.
    Explorer,
    /// Also builds charts and dashboards.
    Maker,
    /// Everything.
    Admin,
}

/// What a permission applies to.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum Resource {
    /// Dashboards.
    Dashboard,
    /// Charts.
    Chart,
    /// Databases.
    Database,
    /// The AI assistant.
    Ai,
}

/// A permission level.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// May view.
    CanView,
    /// May edit.
    CanEdit,
    /// May query.
    CanQuery,
}

/// One permission: a level on a resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Permission {
    /// What it applies to.
    pub resource: Resource,
    /// What it allows.
    pub level: Level,
}

impl Resource {
    /// The levels that mean something for this resource, in the order shown:
    /// dashboards and charts are viewed and edited, a database is viewed and
    /// queried, the AI assistant is asked (queried).
    pub fn levels(self) -> &'static [Level] {
        match self {
            Self::Dashboard | Self::Chart => &[Level::CanView, Level::CanEdit],
            Self::Database => &[Level::CanView, Level::CanQuery],
            Self::Ai => &[Level::CanQuery],
        }
    }
}

impl Role {
    /// What a session of this role may do unless the request says otherwise:
    /// an explorer views dashboards and charts; a maker also edits them and
    /// queries databases to build them; an admin has every level that means
    /// something.
    pub fn default_permissions(self) -> Vec<Permission> {
        let grants: &[(Resource, &[Level])] = match self {
            Self::Explorer => &[
                (Resource::Dashboard, &[Level::CanView]),
                (Resource::Chart, &[Level::CanView]),
            ],
            Self::Maker => &[
                (Resource::Dashboard, &[Level::CanView, Level::CanEdit]),
                (Resource::Chart, &[Level::CanView, Level::CanEdit]),
                (Resource::Database, &[Level::CanView, Level::CanQuery]),
            ],
            Self::Admin => &[
                (Resource::Dashboard, Resource::Dashboard.levels()),
                (Resource::Chart, Resource::Chart.levels()),
                (Resource::Database, Resource::Database.levels()),
                (Resource::Ai, Resource::Ai.levels()),
            ],
        };
        grants
            .iter()
            .flat_map(|&(resource, levels)| levels.iter().map(move |&level| Permission { resource, level }))
            .collect()
    }
}

/// One row-level-security attribute row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Attribute {
    /// The attribute's name, for example `region`.
    pub name: String,
    /// Its value, for example `EMEA`.
    pub value: String,
}
