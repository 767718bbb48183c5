//! Messages made in Rust that a person reads (errors, warnings, the answers
//! of "Which key is this?", reminders, the connection question), in the
//! window's language. Every one, errors included, is a Fluent message in the
//! language's catalogue (`en.ftl`, `fr.ftl`), as the window's own words are;
//! the code names a message and passes its values. Which languages exist is
//! data too: see [`languages`].
//!
//! The language is the process's: [`set_language`] is called by the app at
//! start and when the setting changes, never by a getter.

use std::sync::RwLock;

use fluent_bundle::{FluentArgs, FluentValue};

mod activity;
mod errors;
pub mod languages;
mod limits;

pub use activity::{activity_text, status_word};
pub use errors::{keychain_app, limit_breach};
pub use languages::{Language, OfferedLanguage, WindowLanguages};
pub use limits::limits_summary;

static SPOKEN: RwLock<Language> = RwLock::new(Language::ENGLISH);

/// Speaks `language` from now on, in this process.
pub fn set_language(language: Language) {
    *SPOKEN.write().unwrap_or_else(std::sync::PoisonError::into_inner) = language;
}

/// The language spoken now.
pub fn language() -> Language {
    *SPOKEN.read().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// A value for a message: text or a number.
pub enum Arg<'a> {
    /// Text, shown as it is.
    Text(&'a str),
    /// A number (plurals choose by it).
    Number(i64),
}

/// The message `id` in `language`, with `args`; `None` if that catalogue lacks it.
pub fn message_in(language: Language, id: &str, args: &[(&str, Arg)]) -> Option<String> {
    language.with_bundle(|bundle| {
        let pattern = bundle.get_message(id)?.value()?;
        let mut values = FluentArgs::new();
        for (name, value) in args {
            let value = match value {
                Arg::Text(text) => FluentValue::from(*text),
                Arg::Number(number) => FluentValue::from(*number),
            };
            values.set(*name, value);
        }
        let mut errors = Vec::new();
        Some(bundle.format_pattern(pattern, Some(&values), &mut errors).into_owned())
    })
}

/// A day as people write it in the language spoken now: "28 November 2026", "28 novembre 2026".
pub fn long_date(at: chrono::DateTime<chrono::Utc>) -> String {
    long_date_in(language(), at)
}

/// A day as people write it in `language`.
pub fn long_date_in(language: Language, at: chrono::DateTime<chrono::Utc>) -> String {
    use chrono::Datelike;
    let month = message_for(language, &format!("month-{}", at.month()), &[]);
    message_for(
        language,
        "long-date",
        &[
            ("day", Arg::Number(i64::from(at.day()))),
            ("month", Arg::Text(&month)),
            ("year", Arg::Number(i64::from(at.year()))),
        ],
    )
}

/// The message `id` in the language spoken now (in English where its catalogue lacks it).
pub fn message(id: &str, args: &[(&str, Arg)]) -> String {
    message_for(language(), id, args)
}

/// The message `id` in `language`, in English where that catalogue lacks it.
pub fn message_for(language: Language, id: &str, args: &[(&str, Arg)]) -> String {
    message_in(language, id, args)
        .or_else(|| message_in(Language::ENGLISH, id, args))
        .unwrap_or_else(|| id.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(source: &str) -> Vec<String> {
        let resource = fluent_bundle::FluentResource::try_new(source.to_owned()).expect("the catalogue parses");
        let mut ids: Vec<String> = resource
            .entries()
            .filter_map(|entry| match entry {
                fluent_syntax::ast::Entry::Message(message) => Some(message.id.name.to_owned()),
                _ => None,
            })
            .collect();
        ids.sort();
        ids
    }

    /// What the window and the command line both say (a status, the revoke
    /// and delete questions, what is said after) reads the same in both: the
    /// core's messages are the window's, word for word, in every language.
    #[test]
    fn words_shared_with_the_window_are_the_windows() {
        let window_catalogue = |tag: &str| {
            let path = format!("{}/../../ui/src/locales/{tag}.ftl", env!("CARGO_MANIFEST_DIR"));
            std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"))
        };
        let statuses = [
            "active",
            "expiresSoon",
            "retiring",
            "expired",
            "revoked",
            "missing",
            "leaked",
        ];
        let shared = statuses.iter().map(|status| format!("status-{status}")).chain(
            [
                "revoke-title",
                "revoke-message",
                "revoked-toast",
                "delete-title",
                "delete-message",
                "deleted",
                "found-delete-title",
                "found-delete-message",
                "found-deleted",
            ]
            .map(str::to_owned),
        );
        for (tag, source) in languages::shipped_sources() {
            let window = window_catalogue(tag);
            for id in shared.clone() {
                let line = source
                    .lines()
                    .find(|line| line.starts_with(&format!("{id} = ")))
                    .unwrap_or_else(|| panic!("{tag}: the core lacks {id}"));
                assert!(
                    window.lines().any(|theirs| theirs == line),
                    "{tag}: the window doesn't say {line}"
                );
            }
        }
    }

    /// Every shipped catalogue has exactly English's messages: none missing
    /// (it would fall back to English mid-sentence), none extra (a typo'd id).
    #[test]
    fn every_catalogue_has_every_english_message() {
        let shipped = languages::shipped_sources();
        let english = ids(shipped[0].1);
        assert!(english.len() > 100, "errors are in the catalogue too");
        for (tag, source) in &shipped[1..] {
            let theirs = ids(source);
            for id in &english {
                assert!(theirs.contains(id), "{tag}.ftl lacks {id}");
            }
            for id in &theirs {
                assert!(english.contains(id), "{tag}.ftl has {id}, which en.ftl lacks");
            }
        }
    }

    #[test]
    fn values_and_plurals_are_filled_in() {
        let french = Language::from_tag("fr").unwrap();
        let text = message_in(
            french,
            "reminder-expires-in",
            &[("name", Arg::Text("Prod")), ("days", Arg::Number(3))],
        );
        assert_eq!(text.as_deref(), Some("«\u{a0}Prod\u{a0}» expire dans 3 jours"));
        let one = message_in(
            Language::ENGLISH,
            "reminder-expires-in",
            &[("name", Arg::Text("Prod")), ("days", Arg::Number(1))],
        );
        assert_eq!(one.as_deref(), Some("“Prod” expires within a day"));
    }
}
