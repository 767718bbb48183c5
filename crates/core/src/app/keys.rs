//! The key use cases: list, check the keychain, create, copy, rename,
//! revoke, delete.

use super::{
    CopyReply, CreatedKeyReply, DeleteReply, OriginsReply, Reply, RevokeReply, RolledKeyReply, ToucanApp, logged,
    not_on_server_yet,
};
use crate::activity::Activity;
use crate::error::CoreError;
use crate::expiry::Expiry;
use crate::manager::{FoundKey, KeySummary, RollOverlap};
use crate::record::KeyId;
use toucan_keys_protocol::limits::KeyLimits;

impl ToucanApp {
    /// Every key, newest first.
    pub fn list_keys(&self) -> Reply<Vec<KeySummary>> {
        logged("list_keys", self.keys.list())
    }

    /// Checks the keychain still holds every active key's secret; flags those
    /// it doesn't. First undoes creates a crash interrupted before their key
    /// was shown. Secrets no record claims are left alone: they are offered
    /// as found keys ([`Self::found_keys`]). A key revoked or deleted in
    /// another key list on this computer is revoked in this one too. Returns
    /// the list afterwards.
    pub fn check_keychain(&self) -> Reply<Vec<KeySummary>> {
        logged(
            "check_keychain",
            (|| -> Reply<Vec<KeySummary>> {
                self.keys.reconcile()?;
                self.revoke_what_another_list_revoked()?;
                self.keys.list()
            })(),
        )
    }

    /// Revokes, in this key list, the active keys another list on this
    /// computer revoked or deleted (their secrets are gone from the keychain;
    /// the server was told by that list). A workspace file that can't be read
    /// leaves the list as it is: the keychain check doesn't depend on it (the
    /// next sync reports the file).
    fn revoke_what_another_list_revoked(&self) -> Result<(), CoreError> {
        let revoked_here = match self.workspace.revoked_here() {
            Ok(revoked_here) => revoked_here,
            Err(error) => {
                tracing::warn!(code = %error.code(), "the keys revoked in other key lists couldn't be read");
                return Ok(());
            }
        };
        for key in self.keys.list()? {
            if key.record.is_active() && revoked_here.contains(&key.record.id) {
                self.keys.revoke(&key.record.id)?;
                self.note(&key.record.id, Activity::Revoked);
            }
        }
        Ok(())
    }

    /// The keys in the keychain that this computer's list doesn't know (its
    /// list was moved, replaced or lost): to restore or delete, never removed
    /// on their own.
    pub fn found_keys(&self) -> Reply<Vec<FoundKey>> {
        logged("found_keys", self.keys.found_in_keychain())
    }

    /// Brings a found key back into the list, usable again (copy, run,
    /// tokens). Its dates are unknown and shown as such. The web origins it
    /// was limited to were in the lost list: when its own server is connected
    /// and knows it, the record takes the origins that server enforces (a
    /// restore never widens them there: only a change in the details is sent).
    pub async fn restore_found_key(&self, id: KeyId) -> Reply<KeySummary> {
        logged(
            "restore_found_key",
            async {
                let mut record = self.keys.restore_found(&id)?;
                self.note(&id, Activity::Restored);
                // Its secret is back in the keychain (deleted here once, then restored from a backup, say).
                // The record exists now: a workspace file that can't be written is only logged.
                if let Err(error) = self.workspace.restored(&id) {
                    tracing::warn!(key = %id, code = %error.code(), "restore: the keys revoked here couldn't be updated");
                }
                match self.workspace.enforced_on_its_server(&id).await {
                    Ok(Some((origins, limits))) => {
                        if !origins.is_empty() {
                            record = self.keys.set_origins(&id, &origins)?;
                        }
                        if !limits.is_full_access() {
                            record = self.keys.set_limits(&id, limits)?;
                        }
                    }
                    Ok(None) => {}
                    Err(error) => {
                        tracing::warn!(key = %id, code = %error.code(), "restore: the server's origins couldn't be read")
                    }
                }
                Ok(self.keys.summarize(record))
            }
            .await,
        )
    }

    /// Deletes a found key at the person's request (the window confirms
    /// first: whatever uses the key stops working): its secret leaves the
    /// keychain, and the server it was registered with, if any, is told to
    /// revoke it (queued first, like a deleted key's revocation).
    pub async fn delete_found_key(&self, id: KeyId) -> Reply<DeleteReply> {
        logged(
            "delete_found_key",
            async {
                let name = self
                    .keys
                    .found_in_keychain()?
                    .into_iter()
                    .find(|found| found.id == id)
                    .ok_or(CoreError::KeyNotFound)?
                    .name
                    .unwrap_or_else(|| id.to_string());
                self.workspace.forget_found(&id, &name)?;
                self.keys.delete_found(&id)?;
                let server_warning = not_on_server_yet(
                    "delete_found_key",
                    self.workspace.send_pending_revocations().await,
                    "deleted-not-confirmed",
                );
                Ok(DeleteReply { server_warning })
            }
            .await,
        )
    }

    /// Creates a key with `limits` (full access: none), then registers it,
    /// limits included, with the workspace server if one is connected. The reply holds its secret, once: once the key exists, no
    /// later step can turn the reply into an error (the secret would be lost
    /// with it); a server failure is a warning.
    pub async fn create_key(
        &self,
        name: String,
        expiry: Expiry,
        origins: Vec<String>,
        limits: KeyLimits,
    ) -> Reply<CreatedKeyReply> {
        logged(
            "create_key",
            async {
                let limits = self.workspace.typed_limits(limits).await?;
                let created = self.keys.create_limited(&name, expiry, &origins, limits)?;
                self.note(&created.record.id, Activity::Created);
                let registered = self.workspace.register(&created.record).await;
                if registered.is_ok() {
                    self.note_registered(&created.record.id);
                }
                let server_warning = not_on_server_yet("create_key", registered, "not-registered-yet");
                Ok(CreatedKeyReply {
                    key: self.keys.summarize(created.record),
                    secret: created.secret.into_one_time_reveal(),
                    server_warning,
                })
            }
            .await,
        )
    }

    /// Rolls a key: its replacement (same name, expiry policy and server) is
    /// shown once, and the old key works for `overlap`, then is revoked, here
    /// and on the server, which learns the end of the overlap with the new
    /// key and enforces it on its own. Once the new key exists no later step
    /// turns the reply into an error: a server failure is a warning, and the
    /// next sync (the window's "Finish rolling") completes it.
    pub async fn roll_key(&self, id: KeyId, overlap: RollOverlap) -> Reply<RolledKeyReply> {
        logged(
            "roll_key",
            async {
                let rolled = self.keys.roll(&id, overlap)?;
                let (new, old) = (rolled.new.record, rolled.old);
                self.note(
                    &new.id,
                    Activity::RolledFrom {
                        replaced: old.id.clone(),
                    },
                );
                self.note(
                    &old.id,
                    Activity::RolledInto {
                        replacement: new.id.clone(),
                    },
                );
                if !old.is_active() {
                    self.note(&old.id, Activity::Revoked);
                }
                let registered = self.workspace.register_rolled(&new, &old).await;
                if registered.is_ok() {
                    self.note_registered(&new.id);
                }
                let mut warnings: Vec<String> = not_on_server_yet("roll_key", registered, "roll-not-on-server")
                    .into_iter()
                    .collect();
                if overlap == RollOverlap::Now {
                    if old.is_active() {
                        warnings.push(crate::i18n::message("roll-old-not-revoked", &[]));
                    } else {
                        warnings.extend(not_on_server_yet(
                            "roll_key",
                            self.workspace.revoke(&old).await,
                            "roll-old-not-revoked-on-server",
                        ));
                    }
                }
                Ok(RolledKeyReply {
                    key: self.keys.summarize(new),
                    secret: rolled.new.secret.into_one_time_reveal(),
                    old: self.keys.summarize(old),
                    server_warning: (!warnings.is_empty()).then(|| warnings.join(" ")),
                })
            }
            .await,
        )
    }

    /// Revokes the rolled keys whose overlap has ended, here and on the server
    /// (queued when it can't be reached). The window calls it at start and
    /// every hour. Returns the keys it revoked.
    pub async fn retire_due_keys(&self) -> Reply<Vec<KeySummary>> {
        logged(
            "retire_due_keys",
            async {
                let mut retired = Vec::new();
                for record in self.keys.retire_due()? {
                    self.note(&record.id, Activity::Revoked);
                    if let Err(error) = self.workspace.revoke(&record).await {
                        tracing::warn!(key = %record.id, code = %error.code(), "retire: the server will be told later");
                    }
                    retired.push(self.keys.summarize(record));
                }
                Ok(retired)
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
                self.note(&id, Activity::Copied);
                Ok(CopyReply {
                    key: self.keys.summarize(record),
                    clears_in_seconds,
                })
            })(),
        )
    }

    /// Limits a key's session tokens to these web origins (none: anywhere),
    /// here and on its server; a server that can't be told now is a warning,
    /// and the next sync tells it.
    pub async fn set_key_origins(&self, id: KeyId, origins: Vec<String>) -> Reply<OriginsReply> {
        logged(
            "set_key_origins",
            async {
                let record = self.keys.set_origins(&id, &origins)?;
                self.note(
                    &id,
                    Activity::OriginsChanged {
                        origins: record.allowed_origins.clone(),
                    },
                );
                let server_warning = not_on_server_yet(
                    "set_key_origins",
                    self.workspace.change_enforced(&record).await,
                    "origins-not-on-server",
                );
                Ok(OriginsReply {
                    key: self.keys.summarize(record),
                    server_warning,
                })
            }
            .await,
        )
    }

    /// Replaces a key's limits, here and on its server; a server that can't
    /// be told now is a warning, and the next sync tells it (the change is
    /// queued first, like a revocation).
    pub async fn set_key_limits(&self, id: KeyId, limits: KeyLimits) -> Reply<OriginsReply> {
        logged(
            "set_key_limits",
            async {
                let limits = self.workspace.typed_limits(limits).await?;
                let record = self.keys.set_limits(&id, limits)?;
                self.note(
                    &id,
                    Activity::LimitsChanged {
                        limits: record.limits.clone(),
                    },
                );
                let server_warning = not_on_server_yet(
                    "set_key_limits",
                    self.workspace.change_enforced(&record).await,
                    "limits-not-on-server",
                );
                Ok(OriginsReply {
                    key: self.keys.summarize(record),
                    server_warning,
                })
            }
            .await,
        )
    }

    /// Renames a key.
    pub fn rename_key(&self, id: KeyId, name: String) -> Reply<KeySummary> {
        logged(
            "rename_key",
            (|| -> Reply<KeySummary> {
                let before = self.keys.summary(&id)?.record.name;
                let record = self.keys.rename(&id, &name)?;
                if record.name != before {
                    let to = record.name.clone();
                    self.note(&id, Activity::Renamed { from: before, to });
                }
                Ok(self.keys.summarize(record))
            })(),
        )
    }

    /// Revokes a key: its secret leaves the keychain, its record stays, and
    /// the workspace server (if connected) revokes it and every token it issued.
    pub async fn revoke_key(&self, id: KeyId) -> Reply<RevokeReply> {
        logged(
            "revoke_key",
            async {
                let record = self.keys.revoke(&id)?;
                self.note(&id, Activity::Revoked);
                let server_warning = not_on_server_yet(
                    "revoke_key",
                    self.workspace.revoke(&record).await,
                    "revoked-not-on-server",
                );
                Ok(RevokeReply {
                    key: self.keys.summarize(record),
                    server_warning,
                })
            }
            .await,
        )
    }

    /// Deletes a revoked key's record. Its revocation is queued for the server
    /// first (so the server is told even after the record is gone), then sent;
    /// a server that can't be reached is a warning, and the next sync sends it.
    pub async fn delete_key(&self, id: KeyId) -> Reply<DeleteReply> {
        logged(
            "delete_key",
            async {
                let record = self.keys.summary(&id)?.record;
                if record.is_active() {
                    return Err(CoreError::KeyNotRevoked);
                }
                self.workspace.forget_deleted(&record)?;
                self.keys.delete(&id)?;
                if let Err(error) = self.activity.forget(&id) {
                    tracing::warn!(key = %id, code = %error.code(), "the deleted key's history couldn't be removed");
                }
                let server_warning = not_on_server_yet(
                    "delete_key",
                    self.workspace.send_pending_revocations().await,
                    "deleted-not-confirmed",
                );
                Ok(DeleteReply { server_warning })
            }
            .await,
        )
    }
}
