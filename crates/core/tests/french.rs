//! Messages made in Rust speak French once the window does: errors crossing
//! IPC, warnings, the answers of "Which key is this?", dates. In a test
//! binary of its own, since the language is the process's.

use std::sync::Arc;

use serde_json::{Value, json};
use toucan_keys_core::app::PastedKey;
use toucan_keys_core::clipboard::MemoryClipboard;
use toucan_keys_core::limits::{KeyLimits, LimitBreach, Preset};
use toucan_keys_core::workspace::{FixedAnswer, Level, Resource, ServerError, Workspace};
use toucan_keys_core::{
    CoreError, Expiry, FileRegistry, KeyManager, Language, MemoryVault, SettingChange, SettingsFile, ToucanApp, Vault,
};

#[test]
fn a_french_window_gets_french_messages_from_rust() {
    let dirs = tempfile::tempdir().unwrap();
    let vault = Arc::new(MemoryVault::new());
    let shared: Arc<dyn Vault> = vault.clone();
    let app = ToucanApp::from_parts(
        KeyManager::new(vault.clone(), FileRegistry::in_dir(&dirs.path().join("data"))),
        &dirs.path().join("data"),
        Workspace::new(&dirs.path().join("config"), shared),
        SettingsFile::in_dir(&dirs.path().join("config")),
        Box::new(MemoryClipboard::default()),
        Box::new(FixedAnswer(true)),
    );
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();

    // English until the window asks for French.
    let english = json!(
        runtime
            .block_on(app.create_key("  ".into(), Expiry::Days90, Vec::new(), Default::default()))
            .err()
            .unwrap()
    );
    assert_eq!(english["message"], "Give the key a name.");
    let french = Language::from_tag("fr").unwrap();
    app.change_setting(SettingChange::Language(Some(french))).unwrap();
    assert_eq!(app.window_language().unwrap().speaking, french);

    let error: Value = json!(
        runtime
            .block_on(app.create_key("  ".into(), Expiry::Days90, Vec::new(), Default::default()))
            .err()
            .unwrap()
    );
    assert_eq!(error["code"], "name_empty", "codes don't change with the language");
    assert_eq!(error["message"], "Donnez un nom à la clé.");
    let bad_key = json!(app.identify_key(PastedKey::from("tck_nope")).err().unwrap());
    assert!(
        bad_key["message"]
            .as_str()
            .unwrap()
            .starts_with("Cette clé compte 8 caractères"),
        "{bad_key}"
    );

    let created = runtime
        .block_on(app.create_key(
            "Production".into(),
            Expiry::OnDate("2031-03-05".parse().unwrap()),
            Vec::new(),
            Default::default(),
        ))
        .unwrap();
    let secret = json!(created)["secret"].as_str().unwrap().to_owned();
    let identified = app.identify_key(PastedKey::from(secret.as_str())).unwrap();
    assert!(
        identified.message.starts_with("C’est «\u{a0}Production\u{a0}»"),
        "{}",
        identified.message
    );
    assert!(
        identified.message.contains("expire le 5 mars 2031"),
        "{}",
        identified.message
    );
    // A restricted key: its limits summed up, a bad limit and a refusal, in French.
    let limited = runtime
        .block_on(app.create_key(
            "Acme".into(),
            Expiry::Days30,
            Vec::new(),
            Preset::ShowDashboards.limits(Some(("tenant", "acme"))),
        ))
        .unwrap();
    assert_eq!(
        limited.key.limits_summary,
        "Lecture seule · explorer uniquement · tenant = acme"
    );
    let bad = json!(
        runtime
            .block_on(app.create_key(
                "Nowhere".into(),
                Expiry::Days30,
                Vec::new(),
                KeyLimits {
                    networks: vec!["le bureau".into()],
                    ..KeyLimits::default()
                },
            ))
            .err()
            .unwrap()
    );
    assert_eq!(bad["code"], "limit_invalid");
    assert_eq!(bad["field"], "limits");
    assert!(
        bad["message"]
            .as_str()
            .unwrap()
            .starts_with("«\u{a0}le bureau\u{a0}» n’est pas un réseau"),
        "{bad}"
    );
    let refusal = CoreError::from(ServerError::KeyLimit {
        breach: LimitBreach::Permission {
            resource: Resource::Dashboard,
            allowed: vec![Level::CanView],
            asked: Level::CanEdit,
        },
    });
    assert_eq!(
        refusal.message(),
        "Cette clé peut accorder au plus dashboard:can_view\u{a0}; la demande voulait dashboard:can_edit."
    );
    assert_eq!(
        refusal.to_string(),
        "This key may grant at most dashboard:can_view; the request asked for dashboard:can_edit.",
        "logs stay in English"
    );
}
