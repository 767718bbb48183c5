//! What the person is asked before the app connects to a workspace server,
//! and the words of the question. The desktop app shows it in a native
//! dialog (outside the page); see [`super::Confirm`].

use crate::i18n::Language;
use crate::i18n::{Arg, message_for};

use super::PendingRevocation;

/// The question asked before connecting: which server would receive this
/// computer's keys, which one it replaces, and which revoked keys still work
/// on a server that hasn't confirmed their revocation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnectQuestion {
    /// The server that would receive this computer's keys.
    pub server: String,
    /// Another server connected (or last connected) before, if any.
    pub replacing: Option<String>,
    /// Keys revoked here whose revocation another server hasn't confirmed,
    /// by server, in the order they were revoked: they keep working there
    /// until the app connects to that server again.
    pub still_working_elsewhere: Vec<(String, Vec<String>)>,
}

impl ConnectQuestion {
    /// The question about connecting to `server`, given the server connected
    /// before (`previous`) and the revocations no server has confirmed yet.
    pub fn new(server: &str, previous: Option<&str>, pending: &[PendingRevocation]) -> Self {
        let mut still_working_elsewhere: Vec<(String, Vec<String>)> = Vec::new();
        for revocation in pending.iter().filter(|p| p.server_url != server) {
            match still_working_elsewhere
                .iter_mut()
                .find(|(s, _)| *s == revocation.server_url)
            {
                Some((_, names)) => names.push(revocation.key_name.clone()),
                None => {
                    still_working_elsewhere.push((revocation.server_url.clone(), vec![revocation.key_name.clone()]))
                }
            }
        }
        Self {
            server: server.to_owned(),
            replacing: previous.filter(|previous| *previous != server).map(str::to_owned),
            still_working_elsewhere,
        }
    }

    /// The question's words in `language`: the server, the one it replaces,
    /// and a paragraph per server naming the keys that still work there.
    pub fn text_in(&self, language: Language) -> String {
        let why = message_for(language, "connect-why", &[]);
        let mut text = match &self.replacing {
            Some(previous) => message_for(
                language,
                "connect-switch",
                &[
                    ("server", Arg::Text(&self.server)),
                    ("previous", Arg::Text(previous)),
                    ("why", Arg::Text(&why)),
                ],
            ),
            None => message_for(
                language,
                "connect-new",
                &[("server", Arg::Text(&self.server)), ("why", Arg::Text(&why))],
            ),
        };
        for (server, names) in &self.still_working_elsewhere {
            let count = i64::try_from(names.len()).unwrap_or(i64::MAX);
            let names = readable_list(language, names);
            text.push_str("\n\n");
            text.push_str(&message_for(
                language,
                "connect-still-working",
                &[
                    ("server", Arg::Text(server)),
                    ("names", Arg::Text(&names)),
                    ("count", Arg::Number(count)),
                ],
            ));
        }
        text
    }
}

/// `names` quoted and joined as people write a list: "“A”, “B” and “C”".
fn readable_list(language: Language, names: &[String]) -> String {
    let quoted: Vec<String> = names
        .iter()
        .map(|name| message_for(language, "quoted-name", &[("name", Arg::Text(name))]))
        .collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{}{}{last}", rest.join(", "), message_for(language, "list-and", &[])),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::KeyId;

    fn pending(server: &str, name: &str) -> PendingRevocation {
        PendingRevocation {
            server_url: server.into(),
            key_id: KeyId::random(),
            key_name: name.into(),
        }
    }

    const A: &str = "https://a.example.com";
    const B: &str = "https://b.example.com";

    #[test]
    fn the_question_names_the_server_it_replaces_and_the_keys_still_working_there() {
        let waiting = [
            pending(A, "Old backend"),
            pending(A, "Staging"),
            pending(B, "Ignored here"),
        ];
        let question = ConnectQuestion::new(B, Some(A), &waiting);
        assert_eq!(question.replacing.as_deref(), Some(A));
        assert_eq!(
            question.still_working_elsewhere,
            [(A.to_owned(), vec!["Old backend".to_owned(), "Staging".to_owned()])],
            "revocations waiting for the new server itself are sent to it, not asked about"
        );
        let english = question.text_in(Language::ENGLISH);
        assert!(
            english.starts_with(&format!("Connect to {B} instead of {A}?")),
            "{english}"
        );
        assert!(
            english.contains(&format!(
                "Revoked here but not yet on {A}: “Old backend” and “Staging”. They keep working there"
            )),
            "{english}"
        );
        let french = question.text_in(Language::from_tag("fr").unwrap());
        assert!(
            french.contains("«\u{a0}Old backend\u{a0}» et «\u{a0}Staging\u{a0}»"),
            "{french}"
        );
        assert!(french.contains("fonctionnent encore"), "{french}");
    }

    #[test]
    fn reconnecting_to_the_same_server_with_nothing_waiting_asks_only_about_it() {
        let question = ConnectQuestion::new(A, Some(A), &[pending(A, "Sent on connect")]);
        assert_eq!(question.replacing, None);
        assert!(question.still_working_elsewhere.is_empty());
        let english = question.text_in(Language::ENGLISH);
        assert!(english.starts_with(&format!("Connect to {A}?")), "{english}");
        assert!(!english.contains("Revoked here"), "{english}");
    }

    #[test]
    fn lists_read_naturally() {
        let names = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(readable_list(Language::ENGLISH, &names(&["A"])), "“A”");
        assert_eq!(
            readable_list(Language::ENGLISH, &names(&["A", "B", "C"])),
            "“A”, “B” and “C”"
        );
        assert_eq!(
            readable_list(Language::from_tag("fr").unwrap(), &names(&["A", "B"])),
            "«\u{a0}A\u{a0}» et «\u{a0}B\u{a0}»"
        );
    }
}
