//! The workspace server's address, checked: HTTPS, except on this computer.

use std::fmt;

use reqwest::Url;

use super::ServerError;

/// A checked server address: `https://…`, or `http://` for localhost only.
/// Never holds credentials; always ends with `/` so endpoints join below it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerUrl(Url);

impl ServerUrl {
    /// Checks an address a person typed. Surrounding spaces are ignored.
    pub fn parse(text: &str) -> Result<Self, ServerError> {
        let text = text.trim();
        if !text.contains("://") {
            return Err(
                match Url::parse(&format!("https://{text}"))
                    .ok()
                    .and_then(|url| url.host_str().map(is_this_computer))
                {
                    Some(true) => ServerError::NoScheme {
                        suggestion: format!("http://{text}"),
                    },
                    Some(false) => ServerError::NoScheme {
                        suggestion: format!("https://{text}"),
                    },
                    None => ServerError::InvalidUrl,
                },
            );
        }
        let mut url = Url::parse(text).map_err(|_| ServerError::InvalidUrl)?;
        let Some(host) = url.host_str() else {
            return Err(ServerError::InvalidUrl);
        };
        match url.scheme() {
            "https" => {}
            "http" if is_this_computer(host) => {}
            "http" => return Err(ServerError::InsecureUrl),
            _ => return Err(ServerError::InvalidUrl),
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err(ServerError::InvalidUrl);
        }
        url.set_query(None);
        url.set_fragment(None);
        if !url.path().ends_with('/') {
            let path = format!("{}/", url.path());
            url.set_path(&path);
        }
        Ok(Self(url))
    }

    /// Whether the server is on this computer (localhost, 127.0.0.1, [::1]),
    /// the only place plain HTTP is allowed.
    pub fn is_this_computer(&self) -> bool {
        self.0.host_str().is_some_and(is_this_computer)
    }

    /// The address of `endpoint` (a relative path such as `api/keys`).
    pub fn join(&self, endpoint: &str) -> Url {
        self.0.join(endpoint).expect("a relative endpoint joins any base")
    }

    /// Host and port, for messages ("embed.example.com", "localhost:8787").
    pub fn host_label(&self) -> String {
        let host = self.0.host_str().unwrap_or_default();
        match self.0.port() {
            Some(port) => format!("{host}:{port}"),
            None => host.to_owned(),
        }
    }

    /// The address as text, without the trailing `/` of a bare host.
    pub fn as_str(&self) -> &str {
        let text = self.0.as_str();
        if self.0.path() == "/" {
            &text[..text.len() - 1]
        } else {
            text
        }
    }
}

impl fmt::Display for ServerUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

fn is_this_computer(host: &str) -> bool {
    matches!(host, "localhost" | "127.0.0.1" | "[::1]") || host.ends_with(".localhost")
}

/// Whether a host label ("localhost:8787", see [`ServerUrl::host_label`]) is this computer.
pub(crate) fn is_this_computer_label(label: &str) -> bool {
    let host = match label.rsplit_once(':') {
        Some((host, port)) if !host.is_empty() && port.bytes().all(|b| b.is_ascii_digit()) => host,
        _ => label,
    };
    is_this_computer(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_without_a_scheme_gets_the_one_it_needs_suggested() {
        let suggested = |text: &str| match ServerUrl::parse(text) {
            Err(ServerError::NoScheme { suggestion }) => Some(suggestion),
            _ => None,
        };
        assert_eq!(suggested("127.0.0.1:8787").as_deref(), Some("http://127.0.0.1:8787"));
        assert_eq!(suggested(" localhost:8787 ").as_deref(), Some("http://localhost:8787"));
        assert_eq!(
            suggested("embed.example.com").as_deref(),
            Some("https://embed.example.com")
        );
        assert_eq!(ServerUrl::parse("not an address"), Err(ServerError::InvalidUrl));
        assert!(is_this_computer_label("localhost:8787") && is_this_computer_label("127.0.0.1"));
        assert!(!is_this_computer_label("embed.example.com:443"));
    }

    #[test]
    fn https_is_required_except_on_this_computer() {
        assert!(ServerUrl::parse("https://embed.example.com").is_ok());
        assert!(ServerUrl::parse("http://127.0.0.1:8787").is_ok());
        assert!(ServerUrl::parse("http://localhost:8787").is_ok());
        assert!(ServerUrl::parse("http://[::1]:8787").is_ok());
        assert_eq!(
            ServerUrl::parse("http://embed.example.com"),
            Err(ServerError::InsecureUrl)
        );
        assert_eq!(
            ServerUrl::parse("http://localhost.example.com"),
            Err(ServerError::InsecureUrl)
        );
        assert_eq!(ServerUrl::parse("ftp://example.com"), Err(ServerError::InvalidUrl));
        assert_eq!(
            ServerUrl::parse("embed.example.com"),
            Err(ServerError::NoScheme {
                suggestion: "https://embed.example.com".into()
            })
        );
        assert_eq!(ServerUrl::parse(""), Err(ServerError::InvalidUrl));
        assert_eq!(
            ServerUrl::parse("https://user:pw@example.com"),
            Err(ServerError::InvalidUrl)
        );
    }

    #[test]
    fn endpoints_join_below_a_path_prefix() {
        let url = ServerUrl::parse("  https://example.com/toucan?x=1  ").unwrap();
        assert_eq!(url.join("api/keys").as_str(), "https://example.com/toucan/api/keys");
        assert_eq!(url.as_str(), "https://example.com/toucan/");
        let bare = ServerUrl::parse("http://localhost:8787/").unwrap();
        assert_eq!(bare.join("api/keys").as_str(), "http://localhost:8787/api/keys");
        assert_eq!(bare.to_string(), "http://localhost:8787");
        assert_eq!(bare.host_label(), "localhost:8787");
    }
}
