//! The languages the app speaks, as data: each is a Fluent catalogue named by
//! its tag. Adding one means adding its catalogues (here and in the window's
//! `ui/src/locales/`) and one line to [`SHIPPED`]; nothing else names a
//! language. A catalogue says its own name (`language-name`) and the locale
//! its dates are written in (`language-locale`).

use std::sync::{OnceLock, RwLock};

use fluent_bundle::FluentResource;
use fluent_bundle::concurrent::FluentBundle;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The catalogues this version ships, by tag. English comes first: every
/// other catalogue falls back to it, message by message.
const SHIPPED: &[(&str, &str)] = &[("en", include_str!("en.ftl")), ("fr", include_str!("fr.ftl"))];

/// A language the app speaks, named by its tag (`"en"`, `"fr"`). Only tags
/// with a catalogue exist: [`Language::from_tag`] is the way to get one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Language(&'static str);

impl Language {
    /// English, which every catalogue falls back to.
    pub const ENGLISH: Language = Language("en");

    /// Its tag, as in the catalogue list and the settings file.
    pub fn tag(self) -> &'static str {
        self.0
    }

    /// The language with this tag, if the app has its catalogue.
    pub fn from_tag(tag: &str) -> Option<Language> {
        catalogues()
            .read()
            .expect("the catalogue list is never left half-written")
            .iter()
            .find(|catalogue| catalogue.tag.eq_ignore_ascii_case(tag))
            .map(|catalogue| Language(catalogue.tag))
    }

    /// The language for a system locale (`fr-FR`, `fr_CA.UTF-8`, `pt-BR`):
    /// the one whose tag is the locale's language, else English.
    pub fn for_locale(locale: Option<&str>) -> Language {
        let primary = locale.and_then(|locale| locale.split(['-', '_', '.', '@']).next());
        primary.and_then(Language::from_tag).unwrap_or(Language::ENGLISH)
    }

    /// Every language with a catalogue, English first.
    pub fn all() -> Vec<Language> {
        let catalogues = catalogues()
            .read()
            .expect("the catalogue list is never left half-written");
        catalogues.iter().map(|catalogue| Language(catalogue.tag)).collect()
    }

    /// Its name in itself ("English", "Français").
    pub fn own_name(self) -> String {
        super::message_for(self, "language-name", &[])
    }

    /// The locale its dates and numbers are written in ("en-GB", "fr-FR").
    pub fn locale(self) -> String {
        super::message_for(self, "language-locale", &[])
    }

    /// The plural category of each whole number below [`PLURAL_TABLE_SIZE`],
    /// by CLDR's cardinal rules for this language (English's for a tag CLDR
    /// doesn't know).
    pub fn plural_table(self) -> Vec<&'static str> {
        use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
        let rules = |tag: &str| {
            let id: unic_langid::LanguageIdentifier = tag.parse().ok()?;
            PluralRules::create(id, PluralRuleType::CARDINAL).ok()
        };
        let rules = rules(self.0)
            .or_else(|| rules(Language::ENGLISH.0))
            .expect("CLDR has English's plural rules");
        (0..PLURAL_TABLE_SIZE)
            .map(|n| match rules.select(n) {
                Ok(PluralCategory::ZERO) => "zero",
                Ok(PluralCategory::ONE) => "one",
                Ok(PluralCategory::TWO) => "two",
                Ok(PluralCategory::FEW) => "few",
                Ok(PluralCategory::MANY) => "many",
                Ok(PluralCategory::OTHER) | Err(_) => "other",
            })
            .collect()
    }

    /// Runs `read` on this language's catalogue.
    pub(super) fn with_bundle<T>(self, read: impl FnOnce(&FluentBundle<FluentResource>) -> T) -> T {
        let catalogues = catalogues()
            .read()
            .expect("the catalogue list is never left half-written");
        let catalogue = catalogues
            .iter()
            .find(|catalogue| catalogue.tag == self.0)
            .expect("a Language always has a catalogue");
        read(&catalogue.bundle)
    }
}

impl Serialize for Language {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0)
    }
}

impl<'de> Deserialize<'de> for Language {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let tag = String::deserialize(deserializer)?;
        Language::from_tag(&tag).ok_or_else(|| serde::de::Error::custom(format!("no catalogue for language {tag:?}")))
    }
}

/// The languages the window offers and the one it speaks, for its Language
/// section and for `Intl` (the window has no rule of its own).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct WindowLanguages {
    /// The language the window speaks now.
    pub speaking: Language,
    /// Whether that is the system's (no language was chosen).
    pub follows_system: bool,
    /// Every language the app has a catalogue for, English first.
    pub offered: Vec<OfferedLanguage>,
}

/// A language in the Language section's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct OfferedLanguage {
    /// Its tag.
    pub language: Language,
    /// Its name in itself ("Français").
    pub own_name: String,
    /// The locale its dates are written in ("fr-FR").
    pub locale: String,
    /// The plural category (CLDR's cardinal: `zero`, `one`, `two`, `few`,
    /// `many`, `other`) of each whole number from 0 to [`PLURAL_TABLE_SIZE`] - 1,
    /// by index: the window picks its messages' plurals from it. `Intl`'s plural
    /// rules would cost the page about 2 MiB for the few counts it shows
    /// (docs/BENCHMARKS.md); it asks `Intl` only beyond the table.
    pub plurals: Vec<&'static str>,
}

/// How many whole numbers [`OfferedLanguage::plurals`] covers.
pub const PLURAL_TABLE_SIZE: u32 = 1000;

impl WindowLanguages {
    /// Speaking `speaking`, chosen or the system's.
    pub fn new(speaking: Language, follows_system: bool) -> Self {
        let offered = Language::all()
            .into_iter()
            .map(|language| OfferedLanguage {
                language,
                own_name: language.own_name(),
                locale: language.locale(),
                plurals: language.plural_table(),
            })
            .collect();
        Self {
            speaking,
            follows_system,
            offered,
        }
    }
}

/// A catalogue, parsed.
struct Catalogue {
    tag: &'static str,
    bundle: FluentBundle<FluentResource>,
}

/// Why a catalogue can't be added.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CatalogueError {
    /// The text isn't valid Fluent.
    #[error("the {tag} catalogue doesn't parse: {problems}")]
    Unparsable {
        /// The catalogue's tag.
        tag: String,
        /// What the parser said.
        problems: String,
    },
    /// A message is defined twice, or the tag isn't a language tag.
    #[error("the {tag} catalogue can't be used: {problem}")]
    Unusable {
        /// The catalogue's tag.
        tag: String,
        /// What is wrong.
        problem: String,
    },
}

fn parsed(tag: &'static str, source: &str) -> Result<Catalogue, CatalogueError> {
    let resource = FluentResource::try_new(source.to_owned()).map_err(|(_, errors)| CatalogueError::Unparsable {
        tag: tag.to_owned(),
        problems: format!("{errors:?}"),
    })?;
    let unusable = |problem: String| CatalogueError::Unusable {
        tag: tag.to_owned(),
        problem,
    };
    let id = tag.parse().map_err(|error| unusable(format!("{error}")))?;
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Plain text: no Unicode isolation marks around values.
    bundle.set_use_isolating(false);
    bundle
        .add_resource(resource)
        .map_err(|errors| unusable(format!("{errors:?}")))?;
    Ok(Catalogue { tag, bundle })
}

fn catalogues() -> &'static RwLock<Vec<Catalogue>> {
    static CATALOGUES: OnceLock<RwLock<Vec<Catalogue>>> = OnceLock::new();
    CATALOGUES.get_or_init(|| {
        let shipped = SHIPPED
            .iter()
            .map(|(tag, source)| parsed(tag, source).expect("a shipped catalogue parses (a test checks each)"))
            .collect();
        RwLock::new(shipped)
    })
}

/// Adds a catalogue this version doesn't ship (a translator's work in
/// progress, a test's fixture) and returns its language; from then on it is
/// offered and spoken like the shipped ones. A tag already known is refused.
pub fn add_catalogue(tag: &str, source: &str) -> Result<Language, CatalogueError> {
    if Language::from_tag(tag).is_some() {
        return Err(CatalogueError::Unusable {
            tag: tag.to_owned(),
            problem: "a catalogue with this tag is already there".to_owned(),
        });
    }
    // Added once per process, so leaking the tag keeps `Language` a `Copy` tag.
    let tag: &'static str = Box::leak(tag.to_ascii_lowercase().into_boxed_str());
    let catalogue = parsed(tag, source)?;
    catalogues()
        .write()
        .expect("the catalogue list is never left half-written")
        .push(catalogue);
    Ok(Language(tag))
}

/// The shipped catalogues' text, by tag (for tests that compare them).
pub fn shipped_sources() -> &'static [(&'static str, &'static str)] {
    SHIPPED
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_plural_table_follows_cldr() {
        let english = Language::ENGLISH.plural_table();
        let french = Language::from_tag("fr").unwrap().plural_table();
        assert_eq!(english.len(), PLURAL_TABLE_SIZE as usize);
        assert_eq!(
            (english[0], english[1], english[2], english[21]),
            ("other", "one", "other", "other")
        );
        // French counts 0 as one, like 1.
        assert_eq!(
            (french[0], french[1], french[2], french[999]),
            ("one", "one", "other", "other")
        );
    }

    #[test]
    fn a_system_locale_picks_its_language_or_english() {
        let french = Language::from_tag("fr").unwrap();
        assert_eq!(Language::for_locale(Some("fr-FR")), french);
        assert_eq!(Language::for_locale(Some("fr_CA.UTF-8")), french);
        assert_eq!(Language::for_locale(Some("FR")), french);
        assert_eq!(Language::for_locale(Some("en-US")), Language::ENGLISH);
        assert_eq!(Language::for_locale(Some("frisian")), Language::ENGLISH);
        assert_eq!(Language::for_locale(Some("xx-YY")), Language::ENGLISH);
        assert_eq!(Language::for_locale(None), Language::ENGLISH);
    }

    #[test]
    fn every_shipped_catalogue_names_itself_and_its_locale() {
        for language in Language::all() {
            assert_ne!(language.own_name(), "language-name", "{}", language.tag());
            let locale = language.locale();
            assert!(locale.starts_with(language.tag()), "{}: {locale}", language.tag());
        }
        assert_eq!(Language::all()[0], Language::ENGLISH);
    }

    #[test]
    fn a_tag_is_one_with_a_catalogue() {
        assert_eq!(serde_json::to_string(&Language::ENGLISH).unwrap(), "\"en\"");
        assert_eq!(serde_json::from_str::<Language>("\"fr\"").unwrap().tag(), "fr");
        assert!(serde_json::from_str::<Language>("\"tlh\"").is_err());
        assert!(add_catalogue("en", "x = y").is_err(), "a shipped tag can't be replaced");
        assert!(add_catalogue("zz", "this is not fluent {").is_err());
    }
}
