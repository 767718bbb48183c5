//! "Use this key in code": short programs that ask the workspace server for a
//! session token with the key read from the environment (`TOUCAN_API_KEY`).
//! One template per language (in `snippets/`), the server's address filled
//! in. A snippet never holds a key: it is not secret, and is copied normally.

use serde::{Deserialize, Serialize};

/// The environment variable every snippet reads the key from.
pub const KEY_VARIABLE: &str = "TOUCAN_API_KEY";

/// The web address of the page that shows the dashboard, as the snippets
/// name it: a key limited to some web addresses refuses a request without one.
pub const EXAMPLE_ORIGIN: &str = "https://app.example.com";

/// Where snippets send requests when no workspace server is connected.
pub const PLACEHOLDER_SERVER: &str = "https://toucan.example.com";

/// A language a snippet is written in.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum SnippetLanguage {
    /// A shell command (curl).
    Curl,
    /// Node.js 18+ (fetch).
    Node,
    /// Python 3 (urllib).
    Python,
    /// Go (net/http).
    Go,
}

/// One snippet: its language, the name shown on its tab, and its code.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CodeSnippet {
    /// The language.
    pub language: SnippetLanguage,
    /// Its name on the tab ("Node.js").
    pub label: String,
    /// The program, ready to paste.
    pub code: String,
}

const TEMPLATES: [(SnippetLanguage, &str, &str); 4] = [
    (SnippetLanguage::Curl, "curl", include_str!("snippets/curl.sh")),
    (SnippetLanguage::Node, "Node.js", include_str!("snippets/node.mjs")),
    (SnippetLanguage::Python, "Python", include_str!("snippets/python.py")),
    (SnippetLanguage::Go, "Go", include_str!("snippets/main.go")),
];

/// Every snippet, calling `server` (an address already checked by
/// `ServerUrl`), or the placeholder when none is connected.
pub fn snippets(server: Option<&str>) -> Vec<CodeSnippet> {
    let server = server.unwrap_or(PLACEHOLDER_SERVER).trim_end_matches('/');
    TEMPLATES
        .iter()
        .map(|(language, label, template)| CodeSnippet {
            language: *language,
            label: (*label).to_owned(),
            code: template
                .replace("{{SERVER}}", server)
                .replace("{{ORIGIN}}", EXAMPLE_ORIGIN),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_snippet_calls_the_server_with_the_key_from_the_environment() {
        for snippet in snippets(Some("https://embed.example.org/")) {
            assert!(
                snippet.code.contains("https://embed.example.org/embed/generate-token"),
                "{snippet:?}"
            );
            assert!(snippet.code.contains(KEY_VARIABLE), "{snippet:?}");
            assert!(snippet.code.contains("x-api-key"), "{snippet:?}");
            assert!(
                snippet.code.contains(EXAMPLE_ORIGIN),
                "each snippet names its page: {snippet:?}"
            );
            assert!(!snippet.code.contains("{{"), "a placeholder is left: {snippet:?}");
            assert!(!snippet.code.contains("tck_"), "a snippet holds no key: {snippet:?}");
        }
    }

    #[test]
    fn without_a_server_the_placeholder_is_used() {
        assert!(snippets(None).iter().all(|s| s.code.contains(PLACEHOLDER_SERVER)));
    }
}
