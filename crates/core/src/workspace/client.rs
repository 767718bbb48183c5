//! An HTTP client for the workspace server's endpoints: rustls with the
//! operating system's certificates, and timeouts, so a person gets a clear
//! answer instead of a hang.

use std::time::Duration;

use chrono::{DateTime, Utc};
use reqwest::header::HeaderValue;
use reqwest::{Method, RequestBuilder, Response};
use toucan_keys_protocol::wire::{
    AttributeList, DeclaredAttribute, ErrorBody, IntrospectionRequest, IssuedToken, KeyChange, KeyList,
    KeyRegistration, RegisteredKey, Retirement, TokenRequestBody, codes,
};

pub use toucan_keys_protocol::wire::Introspection;

use super::{AccountToken, GeneratedToken, ServerError, ServerUrl};
use toucan_keys_protocol::limits::{KeyLimits, LimitBreach};

use crate::record::{KeyId, KeyRecord};
use crate::secret::{ExposeSecret, SecretKey};

/// The most of an answer the client reads. A Toucan server's largest answer
/// (a key list) is far smaller; a larger one is not a Toucan server's.
pub const MAX_RESPONSE_BYTES: usize = 1024 * 1024;

/// How long to wait to connect, and for a whole answer.
#[derive(Debug, Clone, Copy)]
pub struct Timeouts {
    /// To open the connection (TCP and TLS).
    pub connect: Duration,
    /// For the whole request.
    pub total: Duration,
}

impl Default for Timeouts {
    fn default() -> Self {
        Self {
            connect: Duration::from_secs(5),
            total: Duration::from_secs(15),
        }
    }
}

/// What the app needs of a key as the server knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerKey {
    /// The key's id (the same as in the app).
    pub id: KeyId,
    /// Its name on the server.
    pub name: String,
    /// SHA-256 of the key (not secret).
    pub fingerprint: String,
    /// When it stops working, if ever.
    pub expires_at: Option<DateTime<Utc>>,
    /// When it was revoked on the server.
    pub revoked_at: Option<DateTime<Utc>>,
    /// When it last requested a token.
    pub last_used_at: Option<DateTime<Utc>>,
    /// The web origins its tokens may be used from on the server; empty: any.
    pub allowed_origins: Vec<String>,
    /// Its limits on the server.
    pub limits: KeyLimits,
    /// Where and when the server was told it was found in public.
    pub leak: Option<toucan_keys_protocol::wire::LeakReport>,
}

impl From<RegisteredKey> for ServerKey {
    fn from(key: RegisteredKey) -> Self {
        Self {
            id: KeyId(key.id),
            name: key.name,
            fingerprint: key.fingerprint,
            expires_at: key.expires_at,
            revoked_at: key.revoked_at,
            last_used_at: key.last_used_at,
            allowed_origins: key.allowed_origins,
            limits: key.limits,
            leak: key.leak,
        }
    }
}

/// Talks to one workspace server.
#[derive(Clone)]
pub struct EmbedClient {
    http: reqwest::Client,
    base: ServerUrl,
}

impl EmbedClient {
    /// A client for `base` with the default timeouts.
    pub fn new(base: ServerUrl) -> Result<Self, ServerError> {
        Self::with_timeouts(base, Timeouts::default())
    }

    /// A client for `base` with other timeouts (tests use short ones).
    ///
    /// Requests carry a key or the account token, so the client never sends
    /// them anywhere but `base`: it follows no redirect (a 3xx is an error
    /// that names where it pointed), speaks only HTTPS unless the server is on
    /// this computer, and uses no proxy for a server on this computer.
    pub fn with_timeouts(base: ServerUrl, timeouts: Timeouts) -> Result<Self, ServerError> {
        let mut builder = reqwest::Client::builder()
            .connect_timeout(timeouts.connect)
            .timeout(timeouts.total)
            .redirect(reqwest::redirect::Policy::none())
            .https_only(!base.is_this_computer())
            .user_agent(concat!("ToucanKeys/", env!("CARGO_PKG_VERSION")));
        if base.is_this_computer() {
            builder = builder.no_proxy();
        }
        let http = builder.build().map_err(|error| ServerError::Tls {
            host: base.host_label(),
            reason: format!("this computer's trusted certificates couldn't be loaded ({error})"),
        })?;
        Ok(Self { http, base })
    }

    /// The server this client talks to.
    pub fn server(&self) -> &ServerUrl {
        &self.base
    }

    /// `GET /api/keys`: every key the server knows, with when it was last used.
    pub async fn list_keys(&self, account: &AccountToken) -> Result<Vec<ServerKey>, ServerError> {
        let response = self
            .send(self.account_request(Method::GET, "api/keys", account))
            .await?;
        let list: KeyList = self.json(response).await?;
        Ok(list.keys.into_iter().map(ServerKey::from).collect())
    }

    /// `GET /api/attributes`: the row-level-security attributes the workspace
    /// declares, with their types. A server without the endpoint declares none.
    pub async fn declared_attributes(&self, account: &AccountToken) -> Result<Vec<DeclaredAttribute>, ServerError> {
        match self
            .send(self.account_request(Method::GET, "api/attributes", account))
            .await
        {
            Ok(response) => Ok(self.json::<AttributeList>(response).await?.attributes),
            Err(ServerError::BadResponse { status: 404, .. }) => Ok(Vec::new()),
            Err(error) => Err(error),
        }
    }

    /// `POST /api/keys`: registers a key by id, name, fingerprint and expiry
    /// (never the key). Returns `false` if it was already registered.
    pub async fn register_key(&self, account: &AccountToken, record: &KeyRecord) -> Result<bool, ServerError> {
        self.register_key_retiring(account, record, None).await
    }

    /// `POST /api/keys` for a key that replaces `retires` (a roll): the server
    /// learns, with the new key, when the old one stops working.
    pub async fn register_key_retiring(
        &self,
        account: &AccountToken,
        record: &KeyRecord,
        retires: Option<(&KeyId, DateTime<Utc>)>,
    ) -> Result<bool, ServerError> {
        let body = KeyRegistration {
            id: record.id.as_str().to_owned(),
            name: record.name.clone(),
            fingerprint: record.fingerprint.clone(),
            expires_at: record.expires_at.map(|at| at.to_rfc3339()),
            allowed_origins: record.allowed_origins.clone(),
            limits: record.limits.clone(),
            retires: retires.map(|(id, at)| Retirement {
                id: id.as_str().to_owned(),
                at: at.to_rfc3339(),
            }),
        };
        let request = self.account_request(Method::POST, "api/keys", account).json(&body);
        match self.send(request).await {
            Ok(_) => Ok(true),
            Err(ServerError::Refused { server_code, .. }) if server_code == codes::CONFLICT => Ok(false),
            Err(error) => Err(error),
        }
    }

    /// `PATCH /api/keys/{id}`: brings a key's expiry forward to `at` (the
    /// server never moves it later). A key the server doesn't know: nothing to do.
    pub async fn shorten_expiry(
        &self,
        account: &AccountToken,
        id: &KeyId,
        at: DateTime<Utc>,
    ) -> Result<(), ServerError> {
        let path = format!("api/keys/{}", id.as_str());
        let body = KeyChange {
            expires_at: Some(at.to_rfc3339()),
            ..KeyChange::default()
        };
        match self
            .send(self.account_request(Method::PATCH, &path, account).json(&body))
            .await
        {
            Ok(_) => Ok(()),
            Err(ServerError::Refused { server_code, .. }) if server_code == codes::NOT_FOUND => Ok(()),
            Err(error) => Err(error),
        }
    }

    /// `PATCH /api/keys/{id}` with the web origins the key's tokens may be
    /// used from from now on (empty: any), and its limits when given.
    pub async fn change_enforced(
        &self,
        account: &AccountToken,
        id: &KeyId,
        origins: &[String],
        limits: Option<&KeyLimits>,
    ) -> Result<(), ServerError> {
        let path = format!("api/keys/{}", id.as_str());
        let body = KeyChange {
            allowed_origins: Some(origins.to_vec()),
            limits: limits.cloned(),
            ..KeyChange::default()
        };
        self.send(self.account_request(Method::PATCH, &path, account).json(&body))
            .await
            .map(|_| ())
    }

    /// `DELETE /api/keys/{id}`: revokes a key on the server (and every token
    /// it issued). A key the server never knew counts as revoked.
    pub async fn revoke_key(&self, account: &AccountToken, id: &KeyId) -> Result<(), ServerError> {
        let path = format!("api/keys/{}", id.as_str());
        match self.send(self.account_request(Method::DELETE, &path, account)).await {
            Ok(_) => Ok(()),
            Err(ServerError::Refused { server_code, .. }) if server_code == codes::NOT_FOUND => Ok(()),
            Err(error) => Err(error),
        }
    }

    /// `POST /embed/generate-token` with the key in `x-api-key`.
    pub async fn generate_token(
        &self,
        key: &SecretKey,
        body: &TokenRequestBody,
    ) -> Result<GeneratedToken, ServerError> {
        let request = self.key_request("embed/generate-token", key).json(body);
        let response = self.send(request).await?;
        let status = response.status().as_u16();
        let issued: IssuedToken = self.json(response).await?;
        GeneratedToken::decode(issued.token, issued.expires_at).ok_or_else(|| ServerError::BadResponse {
            host: self.base.host_label(),
            status,
        })
    }

    /// `POST /embed/introspect`: whether a token this key issued still works.
    pub async fn introspect(&self, key: &SecretKey, token: &str) -> Result<Introspection, ServerError> {
        let request = self.key_request("embed/introspect", key).json(&IntrospectionRequest {
            token: token.to_owned(),
            origin: None,
        });
        let response = self.send(request).await?;
        self.json(response).await
    }

    fn account_request(&self, method: Method, path: &str, account: &AccountToken) -> RequestBuilder {
        self.http
            .request(method, self.base.join(path))
            .bearer_auth(account.expose_secret())
    }

    fn key_request(&self, path: &str, key: &SecretKey) -> RequestBuilder {
        // Sensitive: left out of reqwest's and hyper's debug output.
        let mut value = HeaderValue::from_str(key.expose_secret()).expect("a key is visible ASCII");
        value.set_sensitive(true);
        self.http.post(self.base.join(path)).header("x-api-key", value)
    }

    /// Sends a request; a non-success answer becomes the matching error.
    async fn send(&self, request: RequestBuilder) -> Result<Response, ServerError> {
        let response = request.send().await.map_err(|error| self.network_error(&error))?;
        if response.status().is_success() {
            return Ok(response);
        }
        let status = response.status();
        if status.is_redirection() {
            let location = response
                .headers()
                .get(reqwest::header::LOCATION)
                .and_then(|value| value.to_str().ok())
                .unwrap_or("another address");
            return Err(ServerError::Redirected {
                host: self.base.host_label(),
                location: printable(location).chars().take(200).collect(),
            });
        }
        let refusal = self
            .read_limited(response)
            .await
            .ok()
            .and_then(|body| serde_json::from_slice::<ErrorBody>(&body).ok());
        match refusal {
            Some(refusal) if refusal.code == codes::INVALID_ACCOUNT_TOKEN => Err(ServerError::AccountTokenRejected {
                host: self.base.host_label(),
            }),
            Some(ErrorBody {
                breach: Some(breach), ..
            }) if status == reqwest::StatusCode::FORBIDDEN => Err(ServerError::KeyLimit {
                breach: printable_breach(breach),
            }),
            Some(refusal) if status.is_client_error() => Err(ServerError::refused(
                &printable(&refusal.code),
                &printable(&refusal.message),
                refusal.at,
            )),
            _ => Err(ServerError::BadResponse {
                host: self.base.host_label(),
                status: status.as_u16(),
            }),
        }
    }

    async fn json<T: serde::de::DeserializeOwned>(&self, response: Response) -> Result<T, ServerError> {
        let status = response.status().as_u16();
        let body = self.read_limited(response).await?;
        serde_json::from_slice(&body).map_err(|_| ServerError::BadResponse {
            host: self.base.host_label(),
            status,
        })
    }

    /// The body, read up to [`MAX_RESPONSE_BYTES`]; a longer one is refused
    /// as soon as it passes the limit, whatever its declared length.
    async fn read_limited(&self, mut response: Response) -> Result<Vec<u8>, ServerError> {
        let status = response.status().as_u16();
        let too_long = || ServerError::BadResponse {
            host: self.base.host_label(),
            status,
        };
        if response
            .content_length()
            .is_some_and(|length| length > MAX_RESPONSE_BYTES as u64)
        {
            return Err(too_long());
        }
        let mut body = Vec::new();
        while let Some(chunk) = response
            .chunk()
            .await
            .map_err(|error| self.read_error(&error, status))?
        {
            if body.len() + chunk.len() > MAX_RESPONSE_BYTES {
                return Err(too_long());
            }
            body.extend_from_slice(&chunk);
        }
        Ok(body)
    }

    fn read_error(&self, error: &reqwest::Error, status: u16) -> ServerError {
        if error.is_timeout() {
            ServerError::Timeout {
                host: self.base.host_label(),
            }
        } else {
            ServerError::BadResponse {
                host: self.base.host_label(),
                status,
            }
        }
    }

    /// Names a failure to get any answer: timeout, TLS, or unreachable.
    fn network_error(&self, error: &reqwest::Error) -> ServerError {
        let host = self.base.host_label();
        if let Some(reason) = tls_reason(error) {
            return ServerError::Tls { host, reason };
        }
        if error.is_timeout() {
            return ServerError::Timeout { host };
        }
        ServerError::Unreachable { host }
    }
}

/// If a TLS failure is somewhere in the error's causes, says what it was.
fn tls_reason(error: &reqwest::Error) -> Option<String> {
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(current) = cause {
        if let Some(tls) = current.downcast_ref::<rustls::Error>() {
            return Some(describe_tls(tls));
        }
        // tokio-rustls wraps the rustls error in io::Errors (sometimes two),
        // whose `source` skips what they wrap, so step inside them instead.
        cause = match current.downcast_ref::<std::io::Error>() {
            Some(io) => io.get_ref().map(|inner| inner as &(dyn std::error::Error + 'static)),
            None => current.source(),
        };
    }
    None
}

fn describe_tls(error: &rustls::Error) -> String {
    use rustls::CertificateError as Cert;
    match error {
        rustls::Error::InvalidCertificate(Cert::UnknownIssuer) => {
            "its certificate isn't signed by an authority this computer trusts".into()
        }
        rustls::Error::InvalidCertificate(Cert::Expired | Cert::ExpiredContext { .. }) => {
            "its certificate has expired".into()
        }
        rustls::Error::InvalidCertificate(Cert::NotValidForName | Cert::NotValidForNameContext { .. }) => {
            "its certificate is for a different address".into()
        }
        rustls::Error::InvalidCertificate(other) => format!("its certificate was refused ({other:?})"),
        rustls::Error::InvalidMessage(_) | rustls::Error::InappropriateMessage { .. } => {
            "the server doesn't speak HTTPS at this address".into()
        }
        other => format!("{other}"),
    }
}

/// Text from a server as it may be shown: without control characters (C0,
/// DEL, C1, and the bidirectional overrides), so a hostile server can't move
/// a terminal's cursor, change its title or colours, or hide text, when the
/// command line prints its message.
/// A server's account of a broken limit, with its text made printable and
/// short (a hostile server could send anything in it).
fn printable_breach(breach: LimitBreach) -> LimitBreach {
    let short = |text: &str| printable(text).chars().take(200).collect::<String>();
    let value = |value: serde_json::Value| match value {
        serde_json::Value::String(text) => serde_json::Value::String(short(&text)),
        other => serde_json::Value::String(short(&other.to_string())),
    };
    match breach {
        LimitBreach::FixedAttribute { name, fixed, asked } => LimitBreach::FixedAttribute {
            name: short(&name),
            fixed: value(fixed),
            asked: value(asked),
        },
        LimitBreach::Network { address, allowed } => LimitBreach::Network {
            address: address.as_deref().map(short),
            allowed: allowed.iter().take(20).map(|net| short(net)).collect(),
        },
        typed => typed,
    }
}

pub(crate) fn printable(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() || is_bidi_control(c) { ' ' } else { c })
        .collect()
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod printable_tests {
    use super::printable;

    #[test]
    fn a_servers_text_loses_its_terminal_control_characters() {
        let hostile = "Refused\u{1b}]0;pwned\u{7}\u{1b}[2J\r\nrm -rf\u{9b}31m\u{202E}txt.exe";
        let shown = printable(hostile);
        assert!(
            shown
                .chars()
                .all(|c| !c.is_control() && !('\u{202A}'..='\u{202E}').contains(&c)),
            "{shown:?}"
        );
        assert!(shown.starts_with("Refused ]0;pwned  [2J  rm -rf"), "{shown:?}");
        assert_eq!(printable("Le serveur a refusé « x »."), "Le serveur a refusé « x ».");
    }
}
