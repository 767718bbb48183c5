//! The key use cases: list, check the keychain, create, copy, rename,
//! revoke, delete.

use super::{CopyReply, CreatedKeyReply, DeleteReply, Reply, RevokeReply, ToucanApp, logged, not_on_server_yet};
use crate::error::CoreError;
use crate::expiry::Expiry;
use crate::manager::KeySummary;
use crate::record::KeyId;

impl ToucanApp {
    /// Every key, newest first.
    pub fn list_keys(&self) -> Reply<Vec<KeySummary>> {
        logged("list_keys", self.keys.list())
    }

    /// Checks the keychain still holds every active key's secret; flags those
    /// it doesn't. First finishes what a crash interrupted: creates under way,
    /// and secrets no record claims (a keychain that can't be searched skips
    /// that). Returns the list afterwards.
    pub fn check_keychain(&self) -> Reply<Vec<KeySummary>> {
        logged(
            "check_keychain",
            (|| -> Reply<Vec<KeySummary>> {
                self.keys.reconcile()?;
                let _ = self.keys.remove_unclaimed_secrets();
                self.keys.list()
            })(),
        )
    }

    /// Creates a key, then registers it with the workspace server if one is
    /// connected. The reply holds its secret, once: once the key exists, no
    /// later step can turn the reply into an error (the secret would be lost
    /// with it); a server failure is a warning.
    pub async fn create_key(&self, name: String, expiry: Expiry) -> Reply<CreatedKeyReply> {
        logged(
            "create_key",
            async {
                let created = self.keys.create(&name, expiry)?;
                let server_warning = not_on_server_yet(
                    "create_key",
                    self.workspace.register(&created.record).await,
                    "Not registered with the workspace server yet; it will be the next time the server can be reached.",
                );
                Ok(CreatedKeyReply {
                    key: self.keys.summarize(created.record),
                    secret: created.secret.into_one_time_reveal(),
                    server_warning,
                })
            }
            .await,
        )
    }

    /// Copies a key to the clipboard from the keychain, and schedules the clear.
    pub fn copy_key(&self, id: KeyId) -> Reply<CopyReply> {
        logged(
            "copy_key",
            (|| -> Reply<CopyReply> {
                let secret = self.keys.read_secret(&id)?;
                let clears_in_seconds = self.copy_to_clipboard(&secret)?;
                let record = self.keys.mark_copied(&id)?;
                Ok(CopyReply {
                    key: self.keys.summarize(record),
                    clears_in_seconds,
                })
            })(),
        )
    }

    /// Renames a key.
    pub fn rename_key(&self, id: KeyId, name: String) -> Reply<KeySummary> {
        logged(
            "rename_key",
            self.keys.rename(&id, &name).map(|record| self.keys.summarize(record)),
        )
    }

    /// Revokes a key: its secret leaves the keychain, its record stays, and
    /// the workspace server (if connected) revokes it and every token it issued.
    pub async fn revoke_key(&self, id: KeyId) -> Reply<RevokeReply> {
        logged("revoke_key", async {
            let record = self.keys.revoke(&id)?;
            let server_warning = not_on_server_yet(
                "revoke_key",
                self.workspace.revoke(&record).await,
                "Revoked on this computer. The server hasn't been told yet, so the key still works there until Toucan Keys can reach it.",
            );
            Ok(RevokeReply {
                key: self.keys.summarize(record),
                server_warning,
            })
        }
        .await)
    }

    /// Deletes a revoked key's record. Its revocation is queued for the server
    /// first (so the server is told even after the record is gone), then sent;
    /// a server that can't be reached is a warning, and the next sync sends it.
    pub async fn delete_key(&self, id: KeyId) -> Reply<DeleteReply> {
        logged("delete_key", async {
            let record = self.keys.summary(&id)?.record;
            if record.is_active() {
                return Err(CoreError::KeyNotRevoked);
            }
            self.workspace.forget_deleted(&record)?;
            self.keys.delete(&id)?;
            let server_warning = not_on_server_yet(
                "delete_key",
                self.workspace.send_pending_revocations().await,
                "Deleted on this computer. The server hasn't confirmed the revocation yet; Toucan Keys will tell it the next time it can reach it.",
            );
            Ok(DeleteReply { server_warning })
        }
        .await)
    }
}
