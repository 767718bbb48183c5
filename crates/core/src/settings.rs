//! The person's preferences: their display name, how soon a copied key is
//! cleared from the clipboard, and the window's language. Stored as JSON in the app's config folder;
//! nothing secret.

use std::path::Path;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::error::CoreError;
use crate::i18n::Language;
use crate::json_file::{FileKind, JsonFile};

/// The shortest and longest clipboard clear delays offered, in seconds.
pub const CLEAR_DELAY_RANGE: std::ops::RangeInclusive<u32> = 10..=300;
/// The longest display name, in characters.
pub const MAX_DISPLAY_NAME_CHARS: usize = 64;

/// When a copied key is cleared from the clipboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum ClipboardClear {
    /// After this many seconds (10 to 300).
    After {
        /// Seconds to wait.
        seconds: u32,
    },
    /// Never: the key stays until something else is copied.
    Never,
}

impl ClipboardClear {
    /// The delay, if the clipboard is cleared at all.
    pub fn delay(self) -> Option<Duration> {
        match self {
            Self::After { seconds } => Some(Duration::from_secs(u64::from(seconds))),
            Self::Never => None,
        }
    }
}

/// The saved language choice: a language's tag, or `null` for the system's.
/// Files from before languages were data say `"system"`, `"english"` or
/// `"french"`; they read as before. A tag this version has no catalogue for
/// (a newer version's) follows the system's language, rather than making
/// the whole file unreadable.
mod chosen_language {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use crate::i18n::Language;

    pub fn serialize<S: Serializer>(chosen: &Option<Language>, serializer: S) -> Result<S::Ok, S::Error> {
        chosen.serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Language>, D::Error> {
        let saved = Option::<String>::deserialize(deserializer)?;
        Ok(match saved.as_deref() {
            None | Some("system") => None,
            Some("english") => Some(Language::ENGLISH),
            Some("french") => Language::from_tag("fr"),
            Some(tag) => Language::from_tag(tag),
        })
    }
}

/// Everything the person can set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Settings {
    /// The name shown in the profile menu; asked for on first run.
    pub display_name: Option<String>,
    /// When copied keys are cleared from the clipboard.
    pub clipboard_clear: ClipboardClear,
    /// The window's language, if one was chosen in Settings; `None` follows
    /// the system's ([`Settings::language`]).
    #[serde(default, rename = "language", with = "chosen_language")]
    #[cfg_attr(feature = "ts", ts(as = "Option<Language>"))]
    pub chosen_language: Option<Language>,
    /// Whether the welcome was answered or put off ("Later"): it is shown
    /// once, not at every start. A name set any way counts as welcomed.
    #[serde(default)]
    pub welcomed: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            display_name: None,
            clipboard_clear: crate::choices::DEFAULTS.clipboard_clear,
            chosen_language: None,
            welcomed: false,
        }
    }
}

impl Settings {
    /// Checks and tidies the settings a person entered.
    pub fn validated(mut self) -> Result<Self, CoreError> {
        if let Some(name) = self.display_name.take() {
            let name = name.trim().to_owned();
            if name.is_empty() {
                return Err(CoreError::DisplayNameInvalid);
            }
            if name.chars().count() > MAX_DISPLAY_NAME_CHARS || name.chars().any(char::is_control) {
                return Err(CoreError::DisplayNameInvalid);
            }
            self.display_name = Some(name);
        }
        if let ClipboardClear::After { seconds } = self.clipboard_clear
            && !CLEAR_DELAY_RANGE.contains(&seconds)
        {
            return Err(CoreError::ClearDelayOutOfRange);
        }
        Ok(self)
    }

    /// The language the window speaks: the one chosen, or the one of the
    /// system's locale (`fr-FR`, `fr_CA.UTF-8`) when the app has it, else English.
    pub fn language(&self, system_locale: Option<&str>) -> Language {
        self.chosen_language
            .unwrap_or_else(|| Language::for_locale(system_locale))
    }
}

/// One setting the person changed. Only that setting is written: the others
/// are kept as the file has them, so a section drawn before another section
/// changed its setting can't undo that change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "setting", content = "value", rename_all = "camelCase")]
pub enum SettingChange {
    /// The name shown in the profile menu.
    DisplayName(Option<String>),
    /// When copied keys are cleared from the clipboard.
    ClipboardClear(ClipboardClear),
    /// The window's language (`None`: the system's).
    Language(Option<Language>),
    /// The welcome was answered or put off.
    Welcomed,
}

impl SettingChange {
    /// `settings` with this one change made.
    pub fn applied_to(self, mut settings: Settings) -> Settings {
        match self {
            Self::DisplayName(name) => settings.display_name = name,
            Self::ClipboardClear(clear) => settings.clipboard_clear = clear,
            Self::Language(language) => settings.chosen_language = language,
            Self::Welcomed => settings.welcomed = true,
        }
        settings
    }
}

/// The settings file `settings.json` in a config folder.
#[derive(Debug, Clone)]
pub struct SettingsFile {
    file: JsonFile,
}

impl SettingsFile {
    /// The settings file in `config_dir`.
    pub fn in_dir(config_dir: &Path) -> Self {
        Self {
            file: JsonFile::new(config_dir.join("settings.json"), FileKind::Settings),
        }
    }

    /// The saved settings, or the defaults if none were saved. A damaged file
    /// is reported rather than silently reset.
    pub fn load(&self) -> Result<Settings, CoreError> {
        self.file.load()
    }

    /// Validates and saves the settings, under the file's lock; returns
    /// what was saved.
    pub fn save(&self, settings: Settings) -> Result<Settings, CoreError> {
        let settings = settings.validated()?;
        let _lock = self.file.lock()?;
        self.file.save(&settings)?;
        Ok(settings)
    }

    /// Makes one change to the settings as the file has them now, under the
    /// file's lock (the app and the command line share it); returns them.
    /// A damaged file is reported, not replaced.
    pub fn change(&self, change: SettingChange) -> Result<Settings, CoreError> {
        let _lock = self.file.lock()?;
        let settings = change.applied_to(self.file.load()?).validated()?;
        self.file.save(&settings)?;
        Ok(settings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_clear_after_thirty_seconds_and_ask_for_a_name() {
        let dir = tempfile::tempdir().unwrap();
        let settings = SettingsFile::in_dir(dir.path()).load().unwrap();
        assert_eq!(settings.clipboard_clear, ClipboardClear::After { seconds: 30 });
        assert_eq!(settings.display_name, None);
    }

    #[test]
    fn saved_settings_load_back_trimmed() {
        let dir = tempfile::tempdir().unwrap();
        let file = SettingsFile::in_dir(dir.path());
        let saved = file
            .save(Settings {
                display_name: Some("  Ada Lovelace ".into()),
                clipboard_clear: ClipboardClear::Never,
                chosen_language: Language::from_tag("fr"),
                welcomed: true,
            })
            .unwrap();
        assert_eq!(saved.display_name.as_deref(), Some("Ada Lovelace"));
        assert_eq!(file.load().unwrap(), saved);
    }

    #[test]
    fn out_of_range_delays_and_bad_names_are_refused() {
        let with = |display_name: Option<&str>, seconds| Settings {
            display_name: display_name.map(str::to_owned),
            clipboard_clear: ClipboardClear::After { seconds },
            ..Settings::default()
        };
        assert_eq!(with(None, 9).validated(), Err(CoreError::ClearDelayOutOfRange));
        assert_eq!(with(None, 301).validated(), Err(CoreError::ClearDelayOutOfRange));
        assert!(with(None, 10).validated().is_ok());
        assert!(with(None, 300).validated().is_ok());
        assert_eq!(with(Some("  "), 30).validated(), Err(CoreError::DisplayNameInvalid));
        assert_eq!(with(Some("a\nb"), 30).validated(), Err(CoreError::DisplayNameInvalid));
    }

    #[test]
    fn the_window_speaks_the_chosen_language_or_the_systems() {
        let french = Language::from_tag("fr");
        let system = Settings::default();
        assert_eq!(system.language(Some("fr_CA.UTF-8")).tag(), "fr");
        assert_eq!(system.language(Some("de-DE")), Language::ENGLISH);
        assert_eq!(system.language(None), Language::ENGLISH);
        let chosen = |language| Settings {
            chosen_language: language,
            ..Settings::default()
        };
        assert_eq!(chosen(french).language(Some("en-US")).tag(), "fr");
        assert_eq!(
            chosen(Some(Language::ENGLISH)).language(Some("fr-FR")),
            Language::ENGLISH
        );
    }

    /// Files saved before languages were data, and by a newer version with a
    /// language this one lacks, still open.
    #[test]
    fn older_and_newer_language_choices_read() {
        let dir = tempfile::tempdir().unwrap();
        let read = |language: &str| {
            let text = format!(
                r#"{{"version": 1, "displayName": "Ada", "clipboardClear": {{"kind": "never"}}, "language": {language}}}"#
            );
            std::fs::write(dir.path().join("settings.json"), text).unwrap();
            SettingsFile::in_dir(dir.path())
                .load()
                .unwrap()
                .chosen_language
                .map(Language::tag)
        };
        assert_eq!(read(r#""system""#), None);
        assert_eq!(read(r#""english""#), Some("en"));
        assert_eq!(read(r#""french""#), Some("fr"));
        assert_eq!(read(r#""fr""#), Some("fr"));
        assert_eq!(read("null"), None);
        assert_eq!(
            read(r#""tlh""#),
            None,
            "a language this version lacks follows the system"
        );
        let file = SettingsFile::in_dir(dir.path());
        file.change(SettingChange::Language(Language::from_tag("fr"))).unwrap();
        let saved = std::fs::read_to_string(dir.path().join("settings.json")).unwrap();
        assert!(
            saved.contains(r#""language": "fr""#) || saved.contains(r#""language":"fr""#),
            "{saved}"
        );
    }

    #[test]
    fn a_file_from_before_languages_follows_the_system() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("settings.json"),
            r#"{"version": 1, "displayName": "Ada", "clipboardClear": {"kind": "never"}}"#,
        )
        .unwrap();
        assert_eq!(SettingsFile::in_dir(dir.path()).load().unwrap().chosen_language, None);
    }

    #[test]
    fn a_damaged_settings_file_is_reported_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let file = SettingsFile::in_dir(dir.path());
        std::fs::write(dir.path().join("settings.json"), "{oops").unwrap();
        assert!(matches!(file.load(), Err(CoreError::SettingsCorrupt { .. })));
        assert_eq!(
            std::fs::read_to_string(dir.path().join("settings.json")).unwrap(),
            "{oops"
        );
    }

    /// Each setting changed after each other one: a change touches only its
    /// own setting (choosing French once erased the name and the delay).
    #[test]
    fn a_change_to_one_setting_keeps_every_other() {
        let changes = [
            SettingChange::DisplayName(Some("Grace Hopper".into())),
            SettingChange::ClipboardClear(ClipboardClear::After { seconds: 10 }),
            SettingChange::Language(Language::from_tag("fr")),
            SettingChange::Welcomed,
        ];
        for first in 0..changes.len() {
            for second in 0..changes.len() {
                let dir = tempfile::tempdir().unwrap();
                let file = SettingsFile::in_dir(dir.path());
                file.change(changes[first].clone()).unwrap();
                let after = file.change(changes[second].clone()).unwrap();
                let expected = changes[second]
                    .clone()
                    .applied_to(changes[first].clone().applied_to(Settings::default()));
                assert_eq!(after, expected, "{:?} then {:?}", changes[first], changes[second]);
                assert_eq!(file.load().unwrap(), expected);
            }
        }
        let dir = tempfile::tempdir().unwrap();
        let file = SettingsFile::in_dir(dir.path());
        for change in changes.clone() {
            file.change(change).unwrap();
        }
        let all = file.load().unwrap();
        assert_eq!(all.display_name.as_deref(), Some("Grace Hopper"));
        assert_eq!(all.clipboard_clear, ClipboardClear::After { seconds: 10 });
        assert_eq!(all.chosen_language.map(Language::tag), Some("fr"));
    }

    #[test]
    fn a_change_to_a_damaged_file_is_refused_and_the_file_kept() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("settings.json"), "{oops").unwrap();
        let file = SettingsFile::in_dir(dir.path());
        let refused = file.change(SettingChange::Language(Language::from_tag("fr")));
        assert!(matches!(refused, Err(CoreError::SettingsCorrupt { .. })), "{refused:?}");
        assert_eq!(
            std::fs::read_to_string(dir.path().join("settings.json")).unwrap(),
            "{oops"
        );
    }
}
