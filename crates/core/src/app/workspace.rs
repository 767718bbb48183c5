//! The workspace use cases: see, sync, connect, disconnect, and session
//! tokens (generate, copy).

use zeroize::Zeroizing;

use super::{CopyTokenReply, Reply, ToucanApp, WorkspaceView, logged};
use crate::error::CoreError;
use crate::record::{KeyId, KeyRecord};
use crate::snippets::{CodeSnippet, SnippetLanguage, snippets};
use crate::workspace::{DeclaredAttribute, GeneratedToken, TokenRequest, WorkspaceStatus};

impl ToucanApp {
    fn records(&self) -> Reply<Vec<KeyRecord>> {
        Ok(self.keys.list()?.into_iter().map(|key| key.record).collect())
    }

    /// The view of `status` (or of the problem that stopped the server from
    /// answering), with the revocations still waiting for a server.
    fn view(&self, status: Result<WorkspaceStatus, CoreError>) -> Reply<WorkspaceView> {
        let pending_revocations = self.workspace.pending_revocations()?;
        Ok(match status {
            Ok(status) => WorkspaceView {
                server_url: status.server_url,
                keys: status.keys,
                problem: None,
                pending_revocations,
            },
            Err(problem) => WorkspaceView {
                server_url: self.workspace.server_url()?,
                keys: Vec::new(),
                problem: Some(problem),
                pending_revocations,
            },
        })
    }

    /// Marks the keys the server says were found in public (see
    /// [`crate::manager::KeyManager::mark_leaked`]), noting each in its
    /// history once. A key that can't be marked now is tried at the next sync.
    fn take_leaks(&self, status: &WorkspaceStatus) {
        for state in &status.keys {
            let Some(leak) = &state.leak else { continue };
            match self.keys.mark_leaked(&state.id, leak, state.revoked_at.is_some()) {
                Ok(Some(_)) => {
                    tracing::warn!(key = %state.id, "the server says this key was found in public");
                    let url = leak.url.clone();
                    let revoked = state.revoked_at.is_some();
                    self.note(&state.id, crate::activity::Activity::FoundInPublic { url, revoked });
                }
                Ok(None) => {}
                Err(error) => tracing::warn!(key = %state.id, code = %error.code(), "a leaked key couldn't be marked"),
            }
        }
    }

    /// The workspace as saved on this computer, without asking the server (so
    /// the first screen never waits for the network).
    pub fn get_workspace(&self) -> Reply<WorkspaceView> {
        logged(
            "get_workspace",
            (|| -> Reply<WorkspaceView> {
                let server_url = self.workspace.server_url()?;
                self.view(Ok(WorkspaceStatus {
                    server_url,
                    keys: Vec::new(),
                }))
            })(),
        )
    }

    /// Brings the server in step with this computer's keys and returns its
    /// view of them. Offline is not an error: `problem` says why.
    pub async fn sync_workspace(&self) -> Reply<WorkspaceView> {
        logged(
            "sync_workspace",
            async {
                let records = self.records()?;
                let synced = self.workspace.sync(&records).await;
                if let Ok(status) = &synced {
                    self.take_leaks(status);
                }
                self.view(synced)
            }
            .await,
        )
    }

    /// Connects to a workspace server: checks the account token with it, asks
    /// the person (outside any page), keeps the token in the keychain, and
    /// registers this computer's keys. The typed token is zeroed when dropped.
    pub async fn connect_workspace(&self, server_url: String, account_token: String) -> Reply<WorkspaceView> {
        logged(
            "connect_workspace",
            async {
                let account_token = Zeroizing::new(account_token);
                let records = self.records()?;
                let status = self
                    .workspace
                    .connect(&server_url, &account_token, &records, self.confirm.as_ref())
                    .await?;
                self.take_leaks(&status);
                self.view(Ok(status))
            }
            .await,
        )
    }

    /// "Use this key in code": snippets in curl, Node.js, Python and Go that
    /// ask the connected server (or a placeholder address) for a session
    /// token with the key read from `TOUCAN_API_KEY`. Nothing secret.
    pub fn code_snippets(&self) -> Reply<Vec<CodeSnippet>> {
        logged(
            "code_snippets",
            self.workspace.server_url().map(|url| snippets(url.as_deref())),
        )
    }

    /// Copies one snippet, as any app copies text (it holds no secret).
    pub fn copy_snippet(&self, language: SnippetLanguage) -> Reply<()> {
        logged(
            "copy_snippet",
            (|| -> Reply<()> {
                let server = self.workspace.server_url()?;
                let snippet = snippets(server.as_deref()).into_iter().find(|s| s.language == language);
                self.clipboard
                    .copy_plain(&snippet.expect("every language has a snippet").code)
            })(),
        )
    }

    /// Disconnects: the account token leaves the keychain. Keys stay as they are.
    pub fn disconnect_workspace(&self) -> Reply<()> {
        logged("disconnect_workspace", self.workspace.disconnect())
    }

    /// The row-level-security attributes the connected workspace declares
    /// (name and type), for the Generate token panel; none when not connected.
    pub async fn declared_attributes(&self) -> Reply<Vec<DeclaredAttribute>> {
        logged("declared_attributes", self.workspace.declared_attributes().await)
    }

    /// Asks the workspace server for a session token, sending the key from the
    /// keychain. The token is kept (for [`Self::copy_token`]) until the next one.
    pub async fn generate_token(&self, id: KeyId, request: TokenRequest) -> Reply<GeneratedToken> {
        logged(
            "generate_token",
            async {
                let record = self.keys.summary(&id)?.record;
                let secret = self.keys.read_secret(&id)?;
                let token = self.workspace.generate_token(&record, &secret, &request).await?;
                let user = request.distinct_id.trim().to_owned();
                self.note(&id, crate::activity::Activity::TokenGenerated { user });
                *self.last_token.lock().unwrap_or_else(|p| p.into_inner()) = Some(token.clone());
                Ok(token)
            }
            .await,
        )
    }

    /// Copies the last generated session token, with the same clipboard rules as keys.
    pub fn copy_token(&self) -> Reply<CopyTokenReply> {
        logged(
            "copy_token",
            (|| -> Reply<CopyTokenReply> {
                let token = self.last_token.lock().unwrap_or_else(|p| p.into_inner()).clone();
                let token = token.ok_or(CoreError::NoTokenToCopy)?;
                Ok(CopyTokenReply {
                    clears_in_seconds: self.copy_to_clipboard(&token)?,
                })
            })(),
        )
    }
}
