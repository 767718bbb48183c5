//! The values the app offers to choose from. The window lists exactly these
//! (in its own words), so a choice added or removed here reaches the UI
//! through the generated bindings, not through a copy kept in TypeScript.

use serde::Serialize;

use toucan_keys_protocol::limits::{KeyLimits, Preset};

use crate::expiry::ExpiryKind;
use crate::manager::RollOverlap;
use crate::settings::ClipboardClear;
use crate::workspace::{Level, Permission, Resource, Role};

/// Every list of choices the window offers, each in the order shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Choices {
    /// When a copied key or token leaves the clipboard.
    pub clipboard_clear: Vec<ClipboardClear>,
    /// How long a new key lasts.
    pub expiry: Vec<ExpiryKind>,
    /// How long a rolled key keeps working beside its replacement.
    pub roll_overlap: Vec<RollOverlap>,
    /// A session token's lifetime, in minutes.
    pub token_lifetime_minutes: Vec<u32>,
    /// A session's role.
    pub roles: Vec<Role>,
    /// What a permission applies to.
    pub resources: Vec<Resource>,
    /// Permission levels.
    pub levels: Vec<Level>,
    /// For each resource, the levels that mean something for it (the
    /// token panel offers no other box).
    pub resource_levels: Vec<ResourceLevels>,
    /// What each role starts with in the token panel.
    pub role_permissions: Vec<RolePermissions>,
    /// What a new key may be used for, the narrowest (suggested) first, with
    /// its limits. The first one's fixed customer attribute is asked for
    /// when the key is made.
    pub presets: Vec<PresetChoice>,
    /// What each choice starts at.
    pub defaults: Defaults,
    /// How often the app does its work on its own.
    pub schedule: Schedule,
}

/// The levels that mean something for one resource.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ResourceLevels {
    /// The resource.
    pub resource: Resource,
    /// Its levels, in the order shown.
    pub levels: Vec<Level>,
}

/// The permissions a role starts with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RolePermissions {
    /// The role.
    pub role: Role,
    /// Its permissions.
    pub permissions: Vec<Permission>,
}

/// A ready-made set of limits a new key can have.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PresetChoice {
    /// Which preset.
    pub preset: Preset,
    /// Its limits (for the first: without its customer attribute).
    pub limits: KeyLimits,
}

/// How often the app does its work on its own, decided here for the window
/// and the shell alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Schedule {
    /// Reading the key list again while the window is shown (another process,
    /// the command line, may have changed it), in seconds.
    pub list_refresh_seconds: u32,
    /// Revoking rolled keys whose overlap has ended while the app runs, in
    /// seconds (also once at start).
    pub housekeeping_seconds: u32,
    /// Asking the workspace server about this computer's keys (revoked,
    /// found in public, last used) while the window is shown and connected,
    /// in seconds (also at start and after each change).
    pub server_check_seconds: u32,
    /// Showing due notifications (expiry reminders, keys found in public)
    /// while the app runs, in seconds (also once at start).
    pub notices_seconds: u32,
}

/// The schedule this version keeps.
pub const SCHEDULE: Schedule = Schedule {
    list_refresh_seconds: 3,
    housekeeping_seconds: 3600,
    server_check_seconds: 300,
    notices_seconds: 60,
};

/// What each choice starts at, in the window and on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Defaults {
    /// When a copied key leaves the clipboard, until the person chooses.
    pub clipboard_clear: ClipboardClear,
    /// How long a new key lasts.
    pub expiry: ExpiryKind,
    /// How long a rolled key keeps working beside its replacement.
    pub roll_overlap: RollOverlap,
    /// A session token's lifetime, in minutes.
    pub token_lifetime_minutes: u32,
}

/// The defaults this version starts with.
pub const DEFAULTS: Defaults = Defaults {
    clipboard_clear: ClipboardClear::After { seconds: 30 },
    expiry: ExpiryKind::Days90,
    roll_overlap: RollOverlap::Hours24,
    token_lifetime_minutes: 60,
};

/// The roles, in the order shown.
const ROLES: [Role; 3] = [Role::Explorer, Role::Maker, Role::Admin];
/// The resources, in the order shown.
const RESOURCES: [Resource; 4] = [Resource::Dashboard, Resource::Chart, Resource::Database, Resource::Ai];

/// The choices this version offers.
pub fn choices() -> Choices {
    let clipboard_clear = [10, 20, 30, 60, 120, 300]
        .into_iter()
        .map(|seconds| ClipboardClear::After { seconds })
        .chain([ClipboardClear::Never])
        .collect();
    Choices {
        clipboard_clear,
        expiry: vec![
            ExpiryKind::Days30,
            ExpiryKind::Days60,
            ExpiryKind::Days90,
            ExpiryKind::OnDate,
            ExpiryKind::Never,
        ],
        roll_overlap: vec![
            RollOverlap::Hours24,
            RollOverlap::Hour1,
            RollOverlap::Days7,
            RollOverlap::Now,
        ],
        token_lifetime_minutes: vec![15, 60, 240, 1440],
        roles: ROLES.to_vec(),
        resources: RESOURCES.to_vec(),
        levels: vec![Level::CanView, Level::CanEdit, Level::CanQuery],
        resource_levels: RESOURCES
            .into_iter()
            .map(|resource| ResourceLevels {
                resource,
                levels: resource.levels().to_vec(),
            })
            .collect(),
        role_permissions: ROLES
            .into_iter()
            .map(|role| RolePermissions {
                role,
                permissions: role.default_permissions(),
            })
            .collect(),
        presets: Preset::ALL
            .into_iter()
            .map(|preset| PresetChoice {
                preset,
                limits: preset.limits(None),
            })
            .collect(),
        defaults: DEFAULTS,
        schedule: SCHEDULE,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::CLEAR_DELAY_RANGE;
    use crate::workspace::LIFETIME_MINUTES_RANGE;

    /// Everything offered is accepted by the rules that check it.
    #[test]
    fn every_offered_value_is_accepted() {
        let offered = choices();
        for clear in offered.clipboard_clear {
            if let ClipboardClear::After { seconds } = clear {
                assert!(CLEAR_DELAY_RANGE.contains(&seconds), "{seconds}");
            }
        }
        for minutes in &offered.token_lifetime_minutes {
            assert!(LIFETIME_MINUTES_RANGE.contains(minutes), "{minutes}");
        }
    }

    /// A role starts with levels that mean something for their resources.
    #[test]
    fn every_role_starts_with_meaningful_permissions() {
        let offered = choices();
        for RolePermissions { role, permissions } in &offered.role_permissions {
            assert!(!permissions.is_empty(), "{role:?}");
            for permission in permissions {
                let levels = &offered
                    .resource_levels
                    .iter()
                    .find(|r| r.resource == permission.resource)
                    .unwrap()
                    .levels;
                assert!(levels.contains(&permission.level), "{role:?}: {permission:?}");
            }
        }
    }

    /// Each default is one of the values offered beside it.
    #[test]
    fn every_default_is_offered() {
        let offered = choices();
        assert!(offered.clipboard_clear.contains(&DEFAULTS.clipboard_clear));
        assert!(offered.expiry.contains(&DEFAULTS.expiry));
        assert!(offered.roll_overlap.contains(&DEFAULTS.roll_overlap));
        assert!(
            offered
                .token_lifetime_minutes
                .contains(&DEFAULTS.token_lifetime_minutes)
        );
    }
}
