//! An in-memory vault for unit tests of logic, able to fail on demand.

use std::collections::HashMap;
use std::sync::Mutex;

use super::{Vault, VaultError};
use crate::record::KeyId;
use crate::secret::SecretKey;
use crate::workspace::AccountToken;

/// A vault operation, to choose which one fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum VaultOp {
    /// [`Vault::store`]
    Store,
    /// [`Vault::read`]
    Read,
    /// [`Vault::remove`]
    Remove,
}

/// Keeps secrets in a map. Tests only: it forgets everything when dropped.
#[derive(Default)]
pub struct MemoryVault {
    secrets: Mutex<HashMap<KeyId, SecretKey>>,
    labels: Mutex<HashMap<KeyId, String>>,
    account_token: Mutex<Option<AccountToken>>,
    failures: Mutex<HashMap<VaultOp, VaultError>>,
}

impl MemoryVault {
    /// An empty vault that never fails until told to.
    pub fn new() -> Self {
        Self::default()
    }

    /// Makes every later `op` fail with `error`, until [`Self::heal`].
    pub fn fail(&self, op: VaultOp, error: VaultError) {
        self.failures.lock().unwrap().insert(op, error);
    }

    /// Stops all injected failures.
    pub fn heal(&self) {
        self.failures.lock().unwrap().clear();
    }

    /// How many secrets are stored.
    pub fn len(&self) -> usize {
        self.secrets.lock().unwrap().len()
    }

    /// Whether no secret is stored.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Removes a secret behind the app's back (as a person might in a keychain app).
    pub fn forget(&self, id: &KeyId) {
        self.labels.lock().unwrap().remove(id);
        self.secrets.lock().unwrap().remove(id);
    }

    fn check(&self, op: VaultOp) -> Result<(), VaultError> {
        match self.failures.lock().unwrap().get(&op) {
            Some(error) => Err(error.clone()),
            None => Ok(()),
        }
    }
}

impl Vault for MemoryVault {
    fn store(&self, id: &KeyId, label: &str, secret: &SecretKey) -> Result<(), VaultError> {
        self.check(VaultOp::Store)?;
        self.secrets.lock().unwrap().insert(id.clone(), secret.clone());
        self.labels.lock().unwrap().insert(id.clone(), label.to_owned());
        Ok(())
    }

    fn read(&self, id: &KeyId) -> Result<SecretKey, VaultError> {
        self.check(VaultOp::Read)?;
        self.secrets
            .lock()
            .unwrap()
            .get(id)
            .cloned()
            .ok_or(VaultError::SecretMissing)
    }

    fn remove(&self, id: &KeyId) -> Result<(), VaultError> {
        self.check(VaultOp::Remove)?;
        self.secrets.lock().unwrap().remove(id);
        self.labels.lock().unwrap().remove(id);
        Ok(())
    }

    fn key_ids(&self) -> Result<Vec<KeyId>, VaultError> {
        self.check(VaultOp::Read)?;
        Ok(self.secrets.lock().unwrap().keys().cloned().collect())
    }

    fn label(&self, id: &KeyId) -> Result<Option<String>, VaultError> {
        self.check(VaultOp::Read)?;
        Ok(self.labels.lock().unwrap().get(id).cloned())
    }

    fn store_account_token(&self, token: &AccountToken) -> Result<(), VaultError> {
        self.check(VaultOp::Store)?;
        *self.account_token.lock().unwrap() = Some(token.clone());
        Ok(())
    }

    fn read_account_token(&self) -> Result<Option<AccountToken>, VaultError> {
        self.check(VaultOp::Read)?;
        Ok(self.account_token.lock().unwrap().clone())
    }

    fn remove_account_token(&self) -> Result<(), VaultError> {
        self.check(VaultOp::Remove)?;
        *self.account_token.lock().unwrap() = None;
        Ok(())
    }
}
