//! A language is data: a third catalogue, kept in a test fixture and never
//! shipped, is offered, chosen by the system's locale, and spoken by errors
//! and messages made in Rust, with no other change to the code. In a test
//! binary of its own, since the language and the catalogue list are the
//! process's.

use std::sync::Arc;

use serde_json::json;
use toucan_keys_core::app::PastedKey;
use toucan_keys_core::clipboard::MemoryClipboard;
use toucan_keys_core::i18n::{self, Language, languages};
use toucan_keys_core::workspace::{FixedAnswer, Workspace};
use toucan_keys_core::{Expiry, FileRegistry, KeyManager, MemoryVault, SettingChange, SettingsFile, ToucanApp, Vault};

#[test]
fn a_third_catalogue_is_offered_and_spoken() {
    let german = languages::add_catalogue("de", include_str!("fixtures/de.ftl")).expect("the fixture parses");
    assert_eq!(
        Language::for_locale(Some("de_AT.UTF-8")),
        german,
        "the system's locale picks it"
    );

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
    let offered = app.window_language().unwrap().offered;
    let listed = offered
        .iter()
        .find(|offered| offered.language == german)
        .expect("offered");
    assert_eq!((listed.own_name.as_str(), listed.locale.as_str()), ("Deutsch", "de-DE"));

    app.change_setting(SettingChange::Language(Some(german))).unwrap();
    assert_eq!(app.window_language().unwrap().speaking, german);
    assert_eq!(i18n::language(), german, "a change of the setting is spoken at once");
    let saved = std::fs::read_to_string(dirs.path().join("config/settings.json")).unwrap();
    assert!(saved.contains("\"de\""), "{saved}");

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let empty_name = json!(
        runtime
            .block_on(app.create_key(" ".into(), Expiry::Days90, Vec::new(), Default::default()))
            .err()
            .unwrap()
    );
    assert_eq!(empty_name["message"], "Geben Sie dem Schlüssel einen Namen.");
    assert_eq!(empty_name["code"], "name_empty");
    let short_key = json!(app.identify_key(PastedKey::from("tck_nope")).err().unwrap());
    assert!(
        short_key["message"]
            .as_str()
            .unwrap()
            .starts_with("Dieser Schlüssel hat 8 Zeichen"),
        "{short_key}"
    );

    let created = runtime
        .block_on(app.create_key(
            "Produktion".into(),
            Expiry::OnDate("2031-03-05".parse().unwrap()),
            Vec::new(),
            Default::default(),
        ))
        .unwrap();
    let secret = json!(created)["secret"].as_str().unwrap().to_owned();
    let identified = app.identify_key(PastedKey::from(secret.as_str())).unwrap().message;
    assert!(identified.contains("aktiv, läuft am 5. März 2031 ab"), "{identified}");
    assert!(
        identified.starts_with("This is “Produktion”"),
        "a message the catalogue lacks is English: {identified}"
    );
}
