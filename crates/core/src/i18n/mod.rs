//! Messages made in Rust that a person reads (errors, warnings, the answers
//! of "Which key is this?", reminders, the connection question), in the
//! window's language. English errors are written where they are defined
//! (`#[error(...)]`, also used by logs and the command line); their French,
//! and both languages of every other message, are Fluent messages in
//! `en.ftl` and `fr.ftl`, as the window's own catalogues are.
//!
//! The language is the process's: [`set_language`] is called by the app at
//! start and when the setting changes.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use crate::settings::WindowLanguage;

mod errors;

/// The English catalogue (messages made in Rust that aren't errors).
pub const ENGLISH: &str = include_str!("en.ftl");
/// The French catalogue: the same messages, and every error's French.
pub const FRENCH: &str = include_str!("fr.ftl");

static LANGUAGE: AtomicU8 = AtomicU8::new(0);

/// Speaks `language` from now on, in this process.
pub fn set_language(language: WindowLanguage) {
    LANGUAGE.store(matches!(language, WindowLanguage::French) as u8, Ordering::Relaxed);
}

/// The language spoken now.
pub fn language() -> WindowLanguage {
    if LANGUAGE.load(Ordering::Relaxed) == 1 {
        WindowLanguage::French
    } else {
        WindowLanguage::English
    }
}

fn bundle(language: WindowLanguage) -> &'static FluentBundle<FluentResource> {
    static ENGLISH_BUNDLE: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    static FRENCH_BUNDLE: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    let (cell, source, tag) = match language {
        WindowLanguage::English => (&ENGLISH_BUNDLE, ENGLISH, "en-GB"),
        WindowLanguage::French => (&FRENCH_BUNDLE, FRENCH, "fr-FR"),
    };
    cell.get_or_init(|| {
        let resource = FluentResource::try_new(source.to_owned()).expect("the catalogue parses (a test checks it)");
        let mut bundle = FluentBundle::new_concurrent(vec![tag.parse().expect("a valid language tag")]);
        // Plain text: no Unicode isolation marks around values.
        bundle.set_use_isolating(false);
        bundle
            .add_resource(resource)
            .expect("no message is defined twice (a test checks it)");
        bundle
    })
}

/// A value for a message: text or a number.
pub enum Arg<'a> {
    /// Text, shown as it is.
    Text(&'a str),
    /// A number (plurals choose by it).
    Number(i64),
}

/// The message `id` in `language`, with `args`; `None` if that catalogue lacks it.
pub fn message_in(language: WindowLanguage, id: &str, args: &[(&str, Arg)]) -> Option<String> {
    let bundle = bundle(language);
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
}

/// A day as people write it in the language spoken now: "28 November 2026", "28 novembre 2026".
pub fn long_date(at: chrono::DateTime<chrono::Utc>) -> String {
    long_date_in(language(), at)
}

/// A day as people write it in `language`.
pub fn long_date_in(language: WindowLanguage, at: chrono::DateTime<chrono::Utc>) -> String {
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

/// The message `id` in the language spoken now (English if French lacks it).
pub fn message(id: &str, args: &[(&str, Arg)]) -> String {
    message_for(language(), id, args)
}

/// The message `id` in `language`, in English where that catalogue lacks it.
pub fn message_for(language: WindowLanguage, id: &str, args: &[(&str, Arg)]) -> String {
    message_in(language, id, args)
        .or_else(|| message_in(WindowLanguage::English, id, args))
        .unwrap_or_else(|| id.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(source: &str) -> Vec<String> {
        let resource = FluentResource::try_new(source.to_owned()).expect("the catalogue parses");
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

    #[test]
    fn french_has_every_english_message_and_the_errors() {
        let english = ids(ENGLISH);
        let french = ids(FRENCH);
        assert!(english.len() > 20);
        for id in &english {
            assert!(french.contains(id), "fr.ftl lacks {id}");
        }
        for id in &french {
            assert!(
                english.contains(id) || id.starts_with("error-"),
                "fr.ftl has {id}, which en.ftl lacks"
            );
        }
    }

    #[test]
    fn values_and_plurals_are_filled_in() {
        let text = message_in(
            WindowLanguage::French,
            "reminder-expires-in",
            &[("name", Arg::Text("Prod")), ("days", Arg::Number(3))],
        );
        assert_eq!(text.as_deref(), Some("«\u{a0}Prod\u{a0}» expire dans 3 jours"));
        let one = message_in(
            WindowLanguage::English,
            "reminder-expires-in",
            &[("name", Arg::Text("Prod")), ("days", Arg::Number(1))],
        );
        assert_eq!(one.as_deref(), Some("“Prod” expires within a day"));
    }
}
