//! The limits' rules, and a property test: for random limits and random
//! token requests, an accepted request never carries anything outside its
//! key's limits, and a refused one names a limit it really breaks.

use super::*;
use proptest::prelude::*;

const ROLES: [Role; 3] = [Role::Explorer, Role::Maker, Role::Admin];
const RESOURCES: [Resource; 4] = [Resource::Dashboard, Resource::Chart, Resource::Database, Resource::Ai];
const LEVELS: [Level; 3] = [Level::CanView, Level::CanEdit, Level::CanQuery];

fn subset<T: Copy + std::fmt::Debug + 'static>(all: &'static [T]) -> impl Strategy<Value = Vec<T>> {
    proptest::collection::vec(any::<bool>(), all.len())
        .prop_map(move |picks| all.iter().zip(picks).filter(|(_, p)| *p).map(|(t, _)| *t).collect())
}

fn permissions() -> impl Strategy<Value = BTreeMap<Resource, Vec<Level>>> {
    proptest::collection::vec(subset(&LEVELS), RESOURCES.len()).prop_map(|levels| {
        RESOURCES
            .into_iter()
            .zip(levels)
            .filter(|(_, levels)| !levels.is_empty())
            .collect()
    })
}

fn attribute_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        "[a-c]{1,2}".prop_map(Value::String),
        (0i64..3).prop_map(Value::from),
        any::<bool>().prop_map(Value::Bool),
    ]
}

fn attributes() -> impl Strategy<Value = BTreeMap<String, Value>> {
    proptest::collection::btree_map("tenant|region|team", attribute_value(), 0..3)
}

fn limits() -> impl Strategy<Value = KeyLimits> {
    (
        proptest::option::of(subset(&ROLES).prop_filter("a role", |roles| !roles.is_empty())),
        proptest::option::of(permissions()),
        attributes(),
        proptest::option::of(60u32..7200),
    )
        .prop_map(
            |(roles, permissions, fixed_attributes, max_lifetime_seconds)| KeyLimits {
                roles,
                permissions,
                fixed_attributes,
                max_lifetime_seconds,
                ..KeyLimits::default()
            },
        )
}

fn asks() -> impl Strategy<Value = TokenAsk> {
    (
        proptest::sample::select(ROLES.to_vec()),
        permissions(),
        attributes(),
        proptest::option::of(60u64..8000),
    )
        .prop_map(|(role, permissions, attributes, lifetime_seconds)| TokenAsk {
            role,
            permissions,
            attributes: attributes.into_iter().collect(),
            lifetime_seconds,
        })
}

/// Whether `ask` is within `limits` in every respect.
fn within(limits: &KeyLimits, ask: &TokenAsk) -> bool {
    let role = limits.roles.as_ref().is_none_or(|roles| roles.contains(&ask.role));
    let permissions = limits.permissions.as_ref().is_none_or(|ceiling| {
        ask.permissions.iter().all(|(resource, levels)| {
            levels
                .iter()
                .all(|level| ceiling.get(resource).is_some_and(|allowed| allowed.contains(level)))
        })
    });
    let fixed = limits
        .fixed_attributes
        .iter()
        .all(|(name, value)| ask.attributes.get(name) == Some(value));
    let lifetime = limits
        .max_lifetime_seconds
        .is_none_or(|max| ask.lifetime_seconds.is_some_and(|asked| asked <= u64::from(max)));
    role && permissions && fixed && lifetime
}

/// `ask` changed as little as needed to be within `limits`.
fn brought_within(limits: &KeyLimits, mut ask: TokenAsk) -> TokenAsk {
    if let Some(roles) = &limits.roles
        && !roles.contains(&ask.role)
    {
        ask.role = roles[0];
    }
    if let Some(ceiling) = &limits.permissions {
        for (resource, levels) in &mut ask.permissions {
            levels.retain(|level| ceiling.get(resource).is_some_and(|allowed| allowed.contains(level)));
        }
    }
    for (name, value) in &limits.fixed_attributes {
        ask.attributes.insert(name.clone(), value.clone());
    }
    if let Some(max) = limits.max_lifetime_seconds {
        ask.lifetime_seconds = Some(ask.lifetime_seconds.unwrap_or(60).min(u64::from(max)));
    }
    ask
}

/// Whether `breach` names a limit `ask` really breaks.
fn really_breaks(limits: &KeyLimits, ask: &TokenAsk, breach: &LimitBreach) -> bool {
    match breach {
        LimitBreach::Role { allowed, asked } => {
            limits.roles.as_ref() == Some(allowed) && *asked == ask.role && !allowed.contains(asked)
        }
        LimitBreach::Permission {
            resource,
            allowed,
            asked,
        } => {
            let ceiling = limits.permissions.as_ref().expect("a ceiling");
            ceiling.get(resource).cloned().unwrap_or_default() == *allowed
                && ask.permissions[resource].contains(asked)
                && !allowed.contains(asked)
        }
        LimitBreach::FixedAttribute { name, fixed, asked } => {
            limits.fixed_attributes.get(name) == Some(fixed)
                && ask.attributes.get(name) == Some(asked)
                && asked != fixed
        }
        LimitBreach::Lifetime {
            max_seconds,
            asked_seconds,
        } => {
            limits.max_lifetime_seconds == Some(*max_seconds)
                && ask.lifetime_seconds == Some(*asked_seconds)
                && *asked_seconds > u64::from(*max_seconds)
        }
        LimitBreach::Network { .. } | LimitBreach::NotYet { .. } => false,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn no_accepted_request_goes_beyond_its_keys_limits(limits in limits(), ask in asks()) {
        match limits.apply(ask.clone()) {
            Ok(issued) => {
                prop_assert!(within(&limits, &issued), "{issued:?} is outside {limits:?}");
                // What the request asked for is kept: only fixed attributes and
                // a left-out lifetime are filled in.
                prop_assert_eq!(issued.role, ask.role);
                prop_assert_eq!(&issued.permissions, &ask.permissions);
                for (name, value) in &ask.attributes {
                    prop_assert_eq!(issued.attributes.get(name), Some(value));
                }
            }
            Err(breach) => {
                prop_assert!(really_breaks(&limits, &ask, &breach), "{breach:?} for {ask:?} under {limits:?}");
                prop_assert!(!breach.english().is_empty());
            }
        }
    }

    #[test]
    fn a_request_within_the_limits_is_accepted(limits in limits(), ask in asks()) {
        let ask = brought_within(&limits, ask);
        prop_assert!(within(&limits, &ask));
        prop_assert_eq!(limits.apply(ask.clone()), Ok(ask));
    }
}

fn ask(role: Role, permissions: &[(Resource, Level)]) -> TokenAsk {
    let mut map: BTreeMap<Resource, Vec<Level>> = BTreeMap::new();
    for (resource, level) in permissions {
        map.entry(*resource).or_default().push(*level);
    }
    TokenAsk {
        role,
        permissions: map,
        attributes: Map::new(),
        lifetime_seconds: None,
    }
}

#[test]
fn the_dashboards_preset_refuses_an_edit_and_names_the_limit() {
    let limits = Preset::ShowDashboards.limits(Some(("tenant", "acme")));
    let breach = limits
        .apply(ask(Role::Explorer, &[(Resource::Dashboard, Level::CanEdit)]))
        .unwrap_err();
    assert_eq!(
        breach.english(),
        "This key may grant at most dashboard:can_view; the request asked for dashboard:can_edit."
    );
    let issued = limits
        .apply(ask(Role::Explorer, &[(Resource::Dashboard, Level::CanView)]))
        .unwrap();
    assert_eq!(
        issued.attributes["tenant"], "acme",
        "written by the key, not the request"
    );
    let breach = limits.apply(ask(Role::Admin, &[])).unwrap_err();
    assert!(matches!(breach, LimitBreach::Role { asked: Role::Admin, .. }));
}

#[test]
fn a_fixed_attribute_can_be_repeated_but_not_changed() {
    let limits = Preset::ShowDashboards.limits(Some(("tenant", "acme")));
    let mut other = ask(Role::Explorer, &[]);
    other.attributes.insert("tenant".into(), "globex".into());
    assert!(matches!(
        limits.apply(other).unwrap_err(),
        LimitBreach::FixedAttribute { .. }
    ));
    let mut same = ask(Role::Explorer, &[]);
    same.attributes.insert("tenant".into(), "acme".into());
    assert!(limits.apply(same).is_ok());
}

#[test]
fn a_left_out_lifetime_is_capped_and_a_longer_one_refused() {
    let limits = KeyLimits {
        max_lifetime_seconds: Some(600),
        ..KeyLimits::default()
    };
    assert_eq!(
        limits.apply(ask(Role::Explorer, &[])).unwrap().lifetime_seconds,
        Some(600)
    );
    let mut long = ask(Role::Explorer, &[]);
    long.lifetime_seconds = Some(601);
    assert!(matches!(limits.apply(long).unwrap_err(), LimitBreach::Lifetime { .. }));
}

#[test]
fn networks_admit_their_addresses_only_in_v4_and_v6() {
    let limits = KeyLimits {
        networks: vec!["203.0.113.7/24".into(), "2001:db8::/32".into()],
        ..KeyLimits::default()
    }
    .normalized(86_400)
    .unwrap();
    assert_eq!(
        limits.networks,
        ["203.0.113.0/24", "2001:db8::/32"],
        "host bits cleared"
    );
    let now = Utc::now();
    for inside in ["203.0.113.200", "::ffff:203.0.113.9", "2001:db8:1::5"] {
        assert!(limits.admit(Some(inside.parse().unwrap()), now).is_ok(), "{inside}");
    }
    for outside in ["203.0.114.1", "2001:db9::1", "127.0.0.1"] {
        let breach = limits.admit(Some(outside.parse().unwrap()), now).unwrap_err();
        assert!(breach.english().contains(outside), "{}", breach.english());
    }
    assert!(limits.admit(None, now).is_err(), "an unknown address is outside");
    assert!(KeyLimits::default().admit(None, now).is_ok());
}

#[test]
fn a_key_works_from_its_first_day() {
    let now = Utc::now();
    let limits = KeyLimits {
        not_before: Some(now + chrono::Duration::days(1)),
        ..KeyLimits::default()
    };
    assert!(matches!(limits.admit(None, now), Err(LimitBreach::NotYet { .. })));
    assert!(limits.admit(None, now + chrono::Duration::days(2)).is_ok());
}

#[test]
fn limits_that_mean_nothing_are_refused_with_their_field() {
    let bad = |limits: KeyLimits| limits.normalized(86_400).unwrap_err().field;
    assert_eq!(
        bad(KeyLimits {
            roles: Some(vec![]),
            ..KeyLimits::default()
        }),
        "limits.roles"
    );
    assert_eq!(
        bad(KeyLimits {
            networks: vec!["10.0.0.0/8".into(), "not a network".into()],
            ..KeyLimits::default()
        }),
        "limits.networks[1]"
    );
    assert_eq!(
        bad(KeyLimits {
            max_lifetime_seconds: Some(10),
            ..KeyLimits::default()
        }),
        "limits.maxLifetimeSeconds"
    );
    assert_eq!(
        bad(KeyLimits {
            fixed_attributes: BTreeMap::from([("tenant".into(), Value::Null)]),
            ..KeyLimits::default()
        }),
        "limits.fixedAttributes.tenant"
    );
    assert!(KeyLimits::default().is_full_access());
    assert!(Preset::FullAccess.limits(None).is_full_access());
}

#[test]
fn limits_on_the_wire_leave_out_what_is_not_limited() {
    assert_eq!(serde_json::to_string(&KeyLimits::default()).unwrap(), "{}");
    let limits = Preset::ShowDashboards.limits(Some(("tenant", "acme")));
    let json = serde_json::to_value(&limits).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "roles": ["explorer"],
            "permissions": {"dashboard": ["can_view"], "chart": ["can_view"]},
            "fixedAttributes": {"tenant": "acme"}
        })
    );
    let breach = serde_json::to_value(LimitBreach::Lifetime {
        max_seconds: 600,
        asked_seconds: 900,
    })
    .unwrap();
    assert_eq!(
        breach,
        serde_json::json!({"limit": "lifetime", "maxSeconds": 600, "askedSeconds": 900})
    );
}
