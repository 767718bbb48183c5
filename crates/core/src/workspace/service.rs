//! The app's connection to its workspace server: connect and disconnect,
//! keep the server's key list in step with this computer's, and generate
//! session tokens. Offline is normal: the key list never depends on it.

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::client::{EmbedClient, ServerKey, Timeouts};
use super::config::WorkspaceFile;
use super::{
    AccountToken, ConnectQuestion, DeclaredAttribute, GeneratedToken, PendingRevocation, ServerError, ServerUrl,
    TokenRequest,
};
use crate::error::CoreError;
use toucan_keys_protocol::limits::{KeyLimits, TokenAsk};

use crate::record::{KeyId, KeyRecord};
use crate::secret::SecretKey;
use crate::vault::Vault;

/// What the server says about one of this computer's keys.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ServerKeyState {
    /// The key's id.
    pub id: KeyId,
    /// When the server revoked it, if it did.
    pub revoked_at: Option<DateTime<Utc>>,
    /// When it last requested a token.
    pub last_used_at: Option<DateTime<Utc>>,
    /// Where and when the server was told it was found in public. Only from
    /// the key's own server, for the key this computer has (same
    /// fingerprint): another server can't mark a key leaked.
    #[cfg_attr(feature = "ts", ts(optional))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub leak: Option<crate::record::LeakReport>,
}

/// The workspace as the app shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct WorkspaceStatus {
    /// The server's address; `None` when not connected.
    pub server_url: Option<String>,
    /// The server's view of each of this computer's keys it knows.
    pub keys: Vec<ServerKeyState>,
}

impl WorkspaceStatus {
    fn disconnected() -> Self {
        Self {
            server_url: None,
            keys: Vec::new(),
        }
    }
}

/// A question only the person at the computer can answer: asked outside the
/// web page (the desktop app draws a native dialog), so a script in the page
/// can't answer it, nor connect the app to a server of its choosing.
pub trait Confirm: Send + Sync {
    /// Whether to connect to `question.server`, which will receive this
    /// computer's keys when tokens are generated ([`ConnectQuestion::text_in`]
    /// gives the words to ask with).
    fn connect_to(&self, question: &ConnectQuestion) -> bool;
}

/// The same answer every time (tests, and tools where the person typed the
/// address themselves on a terminal).
pub struct FixedAnswer(pub bool);

impl Confirm for FixedAnswer {
    fn connect_to(&self, _question: &ConnectQuestion) -> bool {
        self.0
    }
}

/// The workspace connection: its address in a config file, its account token
/// in the keychain.
pub struct Workspace {
    file: WorkspaceFile,
    vault: Arc<dyn Vault>,
    timeouts: Timeouts,
    client: Mutex<Option<EmbedClient>>,
}

impl Workspace {
    /// The workspace saved in `config_dir`, with its token in `vault`.
    pub fn new(config_dir: &std::path::Path, vault: Arc<dyn Vault>) -> Self {
        Self {
            file: WorkspaceFile::in_dir(config_dir),
            vault,
            timeouts: Timeouts::default(),
            client: Mutex::new(None),
        }
    }

    /// The same workspace with other timeouts (tests use short ones).
    pub fn with_timeouts(mut self, timeouts: Timeouts) -> Self {
        self.timeouts = timeouts;
        self
    }

    /// The connected server's address, without contacting it.
    pub fn server_url(&self) -> Result<Option<String>, CoreError> {
        Ok(self.file.load()?.server_url)
    }

    /// Checks the address and token with the server, keeps the token in the
    /// keychain and the address in the config, then registers this
    /// computer's keys. Nothing is saved unless the server accepted the token,
    /// and if saving either fails, the previous token and address stay as
    /// they were.
    ///
    /// The person confirms the server through `confirm` (outside the page)
    /// before anything is saved.
    pub async fn connect(
        &self,
        url: &str,
        token: &str,
        keys: &[KeyRecord],
        confirm: &dyn Confirm,
    ) -> Result<WorkspaceStatus, CoreError> {
        let url = ServerUrl::parse(url)?;
        let token = AccountToken::parse(token)?;
        let client = self.client_for(&url)?;
        client.list_keys(&token).await?;
        let previous = self.file.load()?;
        let question = ConnectQuestion::new(
            url.as_str(),
            previous.revocation_server(),
            &previous.pending_revocations,
        );
        if !confirm.connect_to(&question) {
            return Err(ServerError::ConnectionNotConfirmed { host: url.host_label() }.into());
        }
        let previous_token = self.vault.read_account_token()?;
        self.vault.store_account_token(&token)?;
        // Revocations queued for another server stay queued for it.
        let saved = self.file.update(|config| {
            config.server_url = Some(url.to_string());
            config.previous_server_url = None;
        });
        if let Err(error) = saved {
            tracing::warn!(%error, "connect: the workspace file couldn't be saved; restoring the previous token");
            let _ = match previous_token {
                Some(previous_token) => self.vault.store_account_token(&previous_token),
                None => self.vault.remove_account_token(),
            };
            return Err(error);
        }
        self.sync(keys).await
    }

    /// Forgets the server's token (it leaves the keychain). Revocations the
    /// server hasn't confirmed stay queued for it, and revocations made while
    /// disconnected are queued for it too, until the app connects to it again.
    pub fn disconnect(&self) -> Result<(), CoreError> {
        self.vault.remove_account_token()?;
        self.file.update(|config| {
            if let Some(url) = config.server_url.take() {
                config.previous_server_url = Some(url);
            }
        })?;
        Ok(())
    }

    /// Every revocation no server has confirmed yet, for any server.
    pub fn pending_revocations(&self) -> Result<Vec<PendingRevocation>, CoreError> {
        Ok(self.file.load()?.pending_revocations)
    }

    /// Brings the server in step with this computer's `keys`: first sends the
    /// revocations queued for it, then registers keys it doesn't know and
    /// revokes keys revoked here. One failure doesn't stop the rest: every
    /// step is tried, what succeeded is kept, and the first failure is
    /// returned. On success, returns the server's view of the keys.
    pub async fn sync(&self, keys: &[KeyRecord]) -> Result<WorkspaceStatus, CoreError> {
        let Some((client, token)) = self.connection()? else {
            return Ok(WorkspaceStatus::disconnected());
        };
        let server = client.server().to_string();
        let (confirmed, mut first_error) = self.flush_revocations(&client, &token).await?;
        if let Err(error) = self.flush_enforced(&client, &token).await? {
            first_error.get_or_insert(error);
        }

        let known = match client.list_keys(&token).await {
            Ok(known) => known,
            Err(error) => return Err(first_error.unwrap_or(error.into())),
        };
        let mut changed = confirmed > 0;
        let config = self.file.load()?;
        let bound = config.key_servers;
        let mut newly_bound = Vec::new();
        for record in keys {
            let on_server = known.iter().find(|k| k.id == record.id);
            let elsewhere = bound.get(&record.id).is_some_and(|bound| bound != &server);
            if on_server.is_some() && !bound.contains_key(&record.id) {
                newly_bound.push(record.id.clone());
            }
            // Revoked in another key list counts as revoked in this one.
            let revoked = record.revoked_at.is_some() || config.revoked_here.contains(&record.id);
            match (revoked, on_server) {
                // A key registered with another server is never sent here.
                (false, None) if elsewhere => {}
                (false, None) => match client.register_key(&token, record).await {
                    Ok(registered) => {
                        changed |= registered;
                        newly_bound.push(record.id.clone());
                    }
                    Err(error) => keep_first(&mut first_error, error),
                },
                (true, Some(state)) if state.revoked_at.is_none() => {
                    match client.revoke_key(&token, &record.id).await {
                        Ok(()) => changed = true,
                        Err(error) => keep_first(&mut first_error, error),
                    }
                }
                // Shortened here (a roll's overlap) but not on the server yet.
                (false, Some(state)) if ends_sooner_here(record, state) => {
                    let at = record.expires_at.expect("ends sooner, so it ends");
                    match client.shorten_expiry(&token, &record.id, at).await {
                        Ok(()) => changed = true,
                        Err(error) => keep_first(&mut first_error, error),
                    }
                }
                _ => {}
            }
        }
        self.bind(&newly_bound, &server)?;
        if let Some(error) = first_error {
            return Err(error);
        }
        let known = if changed {
            client.list_keys(&token).await?
        } else {
            known
        };
        self.status(&client, &known, keys)
    }

    /// Sends the revocations queued for the connected server, if any. One
    /// failure doesn't stop the rest; the first is returned.
    pub async fn send_pending_revocations(&self) -> Result<(), CoreError> {
        let Some((client, token)) = self.connection()? else {
            return Ok(());
        };
        match self.flush_revocations(&client, &token).await? {
            (_, Some(error)) => Err(error),
            (_, None) => Ok(()),
        }
    }

    /// Sends the revocations queued for `client`'s server and drops those it
    /// confirms from the outbox; returns how many it confirmed and the first
    /// failure.
    async fn flush_revocations(
        &self,
        client: &EmbedClient,
        token: &AccountToken,
    ) -> Result<(usize, Option<CoreError>), CoreError> {
        let server = client.server().to_string();
        let mut first_error = None;
        let mut confirmed = Vec::new();
        for pending in self.file.load()?.pending_for(&server) {
            match client.revoke_key(token, &pending.key_id).await {
                Ok(()) => confirmed.push(pending.key_id),
                Err(error) => keep_first(&mut first_error, error),
            }
        }
        if !confirmed.is_empty() {
            self.file.update(|config| {
                config
                    .pending_revocations
                    .retain(|p| !(p.server_url == server && confirmed.contains(&p.key_id)))
            })?;
        }
        Ok((confirmed.len(), first_error))
    }

    /// Registers a new key, if connected.
    pub async fn register(&self, record: &KeyRecord) -> Result<(), CoreError> {
        if let Some((client, token)) = self.connection()? {
            client.register_key(&token, record).await?;
            self.bind(std::slice::from_ref(&record.id), &client.server().to_string())?;
        }
        Ok(())
    }

    /// Registers a roll's new key with the server its old key belongs to,
    /// telling it when the old key stops working (the end of the overlap).
    /// Not connected, or the old key belongs to another server: the new key
    /// is bound to the old key's server and registered there by a later sync.
    pub async fn register_rolled(&self, new: &KeyRecord, old: &KeyRecord) -> Result<(), CoreError> {
        let old_server = self.file.load()?.key_servers.get(&old.id).cloned();
        let connection = self.connection()?;
        let connected = connection.as_ref().map(|(client, _)| client.server().to_string());
        if let Some(old_server) = old_server.filter(|server| Some(server) != connected.as_ref()) {
            return self.bind(std::slice::from_ref(&new.id), &old_server);
        }
        let Some((client, token)) = connection else {
            return Ok(());
        };
        let retires = old.expires_at.map(|at| (&old.id, at));
        client.register_key_retiring(&token, new, retires).await?;
        self.bind(std::slice::from_ref(&new.id), &client.server().to_string())
    }

    /// Records that `ids` were registered with `server`, for good (a key is
    /// bound to the first server that knew it).
    fn bind(&self, ids: &[KeyId], server: &str) -> Result<(), CoreError> {
        if ids.is_empty() {
            return Ok(());
        }
        self.file.update(|config| {
            for id in ids {
                config
                    .key_servers
                    .entry(id.clone())
                    .or_insert_with(|| server.to_owned());
            }
        })?;
        Ok(())
    }

    /// Revokes a key on its server. The revocation is first queued, durably,
    /// for the server the key was registered with (see `queue_revocation`),
    /// then sent if that server is the connected one. Otherwise, or when the
    /// server can't be reached, it stays queued, through disconnecting or
    /// switching servers, until that server confirms it.
    pub async fn revoke(&self, record: &KeyRecord) -> Result<(), CoreError> {
        let Some(server) = self.queue_revocation(record)? else {
            return Ok(());
        };
        let Some((client, token)) = self.connection()? else {
            return Ok(());
        };
        if client.server().to_string() != server {
            return Ok(());
        }
        client.revoke_key(&token, &record.id).await?;
        self.file.update(|config| {
            config
                .pending_revocations
                .retain(|p| !(p.server_url == server && p.key_id == record.id))
        })?;
        Ok(())
    }

    /// Queues a revoked key's revocation before its record is deleted (the
    /// record that would remind [`Self::sync`] is about to go).
    pub fn forget_deleted(&self, record: &KeyRecord) -> Result<(), CoreError> {
        self.queue_revocation(record).map(|_| ())
    }

    /// Queues `record`'s revocation for the server the key was registered
    /// with, whichever server is connected now: only that server can stop it,
    /// and only its answer confirms it. A key no server is known to have
    /// (made while disconnected, never synced) is queued for the server
    /// revocations go to now, in case it learnt of it. Returns the server, or
    /// `None` if the app never connected to one.
    fn queue_revocation(&self, record: &KeyRecord) -> Result<Option<String>, CoreError> {
        let mut server = None;
        self.file.update(|config| {
            config.revoked_here.insert(record.id.clone());
            let own = config.key_servers.get(&record.id).cloned();
            if let Some(url) = own.or_else(|| config.revocation_server().map(str::to_owned)) {
                config.queue(&url, &record.id, &record.name);
                server = Some(url);
            }
        })?;
        Ok(server)
    }

    /// Every key revoked, or deleted as a found key, in any key list on this
    /// computer (see [`super::config::WorkspaceConfig::revoked_here`]).
    pub fn revoked_here(&self) -> Result<BTreeSet<KeyId>, CoreError> {
        Ok(self.file.load()?.revoked_here)
    }

    /// Takes `id` off [`Self::revoked_here`]: its secret is back in the
    /// keychain and the person restored it.
    pub fn restored(&self, id: &KeyId) -> Result<(), CoreError> {
        self.file.update(|config| {
            config.revoked_here.remove(id);
        })?;
        Ok(())
    }

    /// Queues the revocation of a found key (a keychain entry no record
    /// claims) that the person deletes, for the server it was registered
    /// with, if any: deleted here, it must stop working there too. It is
    /// marked revoked for every key list (another may still show it).
    pub fn forget_found(&self, id: &KeyId, name: &str) -> Result<(), CoreError> {
        self.file.update(|config| {
            config.revoked_here.insert(id.clone());
            if let Some(url) = config.key_servers.get(id).cloned() {
                config.queue(&url, id, name);
            }
        })?;
        Ok(())
    }

    /// Tells the key's server what it enforces for the key from now on: its
    /// origins and its limits. The change is first queued,
    /// durably, for the server the key was registered with, then sent if
    /// that server is the connected one; otherwise it waits for the next sync
    /// with it (an error says the server hasn't been told yet). A key no
    /// server knows needs nothing: its registration will carry them.
    pub async fn change_enforced(&self, record: &KeyRecord) -> Result<(), CoreError> {
        let mut server = None;
        self.file.update(|config| {
            if let Some(own) = config.key_servers.get(&record.id).cloned() {
                config.queue_enforced(&own, record);
                server = Some(own);
            }
        })?;
        let Some(server) = server else {
            return Ok(());
        };
        match self.connection()? {
            Some((client, token)) if client.server().to_string() == server => {
                self.flush_enforced(&client, &token).await?
            }
            Some(_) => Err(ServerError::KeyBoundElsewhere { server }.into()),
            None => Err(ServerError::NotConnected.into()),
        }
    }

    /// The web origins and limits the key's own server enforces for it, when
    /// that server is the connected one and knows the key; `None` otherwise.
    pub async fn enforced_on_its_server(&self, id: &KeyId) -> Result<Option<(Vec<String>, KeyLimits)>, CoreError> {
        let Some((client, token)) = self.connection()? else {
            return Ok(None);
        };
        let server = client.server().to_string();
        if self.file.load()?.key_servers.get(id) != Some(&server) {
            return Ok(None);
        }
        let known = client.list_keys(&token).await?;
        Ok(known
            .into_iter()
            .find(|key| &key.id == id)
            .map(|key| (key.allowed_origins, key.limits)))
    }

    /// Sends the origin and limit changes queued for `client`'s server and drops those
    /// it confirms (a server that no longer has the key needs none); the
    /// first failure is the inner error.
    async fn flush_enforced(
        &self,
        client: &EmbedClient,
        token: &AccountToken,
    ) -> Result<Result<(), CoreError>, CoreError> {
        let server = client.server().to_string();
        let mut outcome = Ok(());
        let mut confirmed = Vec::new();
        let queued: Vec<_> = self
            .file
            .load()?
            .pending_origins
            .into_iter()
            .filter(|p| p.server_url == server)
            .collect();
        for pending in queued {
            match client
                .change_enforced(token, &pending.key_id, &pending.origins, pending.limits.as_ref())
                .await
            {
                Ok(()) => confirmed.push(pending),
                Err(ServerError::Refused { server_code, .. })
                    if server_code == toucan_keys_protocol::wire::codes::NOT_FOUND =>
                {
                    confirmed.push(pending)
                }
                Err(error) => {
                    if outcome.is_ok() {
                        outcome = Err(error.into());
                    }
                }
            }
        }
        if !confirmed.is_empty() {
            self.file
                .update(|config| config.pending_origins.retain(|p| !confirmed.contains(p)))?;
        }
        Ok(outcome)
    }

    /// Asks the server for a session token signed for `request`, sending the
    /// key from Rust. A key the server doesn't know yet is registered first.
    /// A key limited to origins needs the request to name one of them.
    pub async fn generate_token(
        &self,
        record: &KeyRecord,
        key: &SecretKey,
        request: &TokenRequest,
    ) -> Result<GeneratedToken, CoreError> {
        let asked = request.to_body()?;
        if !record.allowed_origins.is_empty()
            && !asked
                .origin
                .as_ref()
                .is_some_and(|origin| record.allowed_origins.contains(origin))
        {
            return Err(CoreError::OriginNotAllowed {
                allowed: record.allowed_origins.clone(),
            });
        }

        let Some((client, token)) = self.connection()? else {
            return Err(ServerError::NotConnected.into());
        };
        // Values typed as text become the declared attributes' types.
        let declared = client.declared_attributes(&token).await?;
        let body = request.to_body_for(&declared)?;
        // The key's own limits, checked here first in the words the server
        // would use (the server checks them again).
        record
            .limits
            .apply(TokenAsk {
                role: body.user.role,
                permissions: body.permissions.clone(),
                attributes: body.user.attributes.clone(),
                lifetime_seconds: Some(body.lifetime_seconds),
            })
            .map_err(|breach| ServerError::KeyLimit { breach })?;
        let server = client.server().to_string();
        if let Some(bound) = self.file.load()?.key_servers.get(&record.id)
            && bound != &server
        {
            return Err(ServerError::KeyBoundElsewhere { server: bound.clone() }.into());
        }
        match client.generate_token(key, &body).await {
            Err(ServerError::Refused { server_code, .. })
                if server_code == toucan_keys_protocol::wire::codes::UNKNOWN_KEY =>
            {
                client.register_key(&token, record).await?;
                self.bind(std::slice::from_ref(&record.id), &server)?;
                Ok(client.generate_token(key, &body).await?)
            }
            other => Ok(other?),
        }
    }

    /// The connected server's record of the key with this fingerprint, if it
    /// has one, and the server's address. Not connected: an error saying so.
    pub async fn server_key_by_fingerprint(&self, fingerprint: &str) -> Result<(String, Option<ServerKey>), CoreError> {
        let Some((client, token)) = self.connection()? else {
            return Err(ServerError::NotConnected.into());
        };
        let keys = client.list_keys(&token).await?;
        let found = keys
            .into_iter()
            .find(|key| key.fingerprint.eq_ignore_ascii_case(fingerprint));
        Ok((client.server().host_label(), found))
    }

    /// The row-level-security attributes the connected workspace declares;
    /// none when not connected.
    pub async fn declared_attributes(&self) -> Result<Vec<DeclaredAttribute>, CoreError> {
        let Some((client, token)) = self.connection()? else {
            return Ok(Vec::new());
        };
        Ok(client.declared_attributes(&token).await?)
    }

    /// `limits` with their fixed attributes typed as the connected server
    /// declares them (typed text becomes a number, true/false…), so the
    /// server accepts them; unchanged when no server is connected or none is
    /// declared. A value that can't be of its declared type, or a name the
    /// server doesn't declare, is refused naming it.
    pub async fn typed_limits(&self, mut limits: KeyLimits) -> Result<KeyLimits, CoreError> {
        if limits.fixed_attributes.is_empty() {
            return Ok(limits);
        }
        // Offline, or the workspace can't be read: the server checks them
        // when it hears of the key (a refusal is then a warning, never a lost key).
        let Ok(declared) = self.declared_attributes().await else {
            return Ok(limits);
        };
        for (name, value) in limits.fixed_attributes.iter_mut() {
            if let serde_json::Value::String(text) = value {
                *value =
                    super::token_request::typed_value(&declared, name, text).map_err(|_| CoreError::LimitInvalid {
                        field: format!("limits.fixedAttributes.{name}"),
                        given: name.chars().take(80).collect(),
                    })?;
            }
        }
        Ok(limits)
    }

    /// The client and token, or `None` when no server is set up.
    fn connection(&self) -> Result<Option<(EmbedClient, AccountToken)>, CoreError> {
        let Some(url) = self.file.load()?.server_url else {
            return Ok(None);
        };
        let url = ServerUrl::parse(&url)?;
        let token = self
            .vault
            .read_account_token()?
            .ok_or_else(|| ServerError::AccountTokenMissing { host: url.host_label() })?;
        Ok(Some((self.client_for(&url)?, token)))
    }

    /// One HTTP client per server, made on first use (loading the system's
    /// certificates costs time the app's start shouldn't pay).
    fn client_for(&self, url: &ServerUrl) -> Result<EmbedClient, ServerError> {
        let mut slot = self.client.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(client) = slot.as_ref().filter(|c| c.server() == url) {
            return Ok(client.clone());
        }
        let client = EmbedClient::with_timeouts(url.clone(), self.timeouts)?;
        *slot = Some(client.clone());
        Ok(client)
    }

    /// The server's view of `keys`: only keys it knows by the same id and
    /// fingerprint, and their leaks only from the server each is bound to.
    fn status(
        &self,
        client: &EmbedClient,
        known: &[ServerKey],
        keys: &[KeyRecord],
    ) -> Result<WorkspaceStatus, CoreError> {
        let server = client.server().to_string();
        let bound = self.file.load()?.key_servers;
        Ok(WorkspaceStatus {
            server_url: Some(server.clone()),
            keys: known
                .iter()
                .filter(|k| keys.iter().any(|r| r.id == k.id && r.fingerprint == k.fingerprint))
                .map(|k| ServerKeyState {
                    id: k.id.clone(),
                    revoked_at: k.revoked_at,
                    last_used_at: k.last_used_at,
                    leak: k.leak.clone().filter(|_| bound.get(&k.id) == Some(&server)),
                })
                .collect(),
        })
    }
}

/// Whether this computer's record ends before the server's (which keeps whole
/// seconds, so a fraction of a second later doesn't count).
fn ends_sooner_here(record: &KeyRecord, on_server: &ServerKey) -> bool {
    match (record.expires_at, on_server.expires_at) {
        (Some(here), Some(there)) => here.timestamp() < there.timestamp(),
        (Some(_), None) => on_server.revoked_at.is_none(),
        (None, _) => false,
    }
}

/// Keeps the first failure of a sync that goes on after it.
fn keep_first(slot: &mut Option<CoreError>, error: ServerError) {
    slot.get_or_insert(error.into());
}
