//! Updates of the installed app, as the person sees them: what an offered
//! update is, and what can go wrong, in words a person can act on. Checking,
//! verifying the signature and installing are done by the shell, with Tauri's
//! updater plugin; this module decides what each outcome means.

use serde::Serialize;

/// A newer version the update feed offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct UpdateOffer {
    /// The version on offer, for example `0.2.0`.
    pub version: String,
    /// The version running now.
    pub current_version: String,
    /// What's new, as the release wrote it.
    pub notes: Option<String>,
    /// When it was published (RFC 3339), if the feed says.
    pub published: Option<String>,
}

/// Why checking for, or installing, an update did not work. In every case the
/// running version is left as it was.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UpdateError {
    /// This build has no update feed, so it never checks.
    NotConfigured,
    /// The feed could not be reached.
    Unreachable {
        /// The network's description.
        detail: String,
    },
    /// The feed answered with something that isn't an update feed for this system.
    BadFeed {
        /// What was wrong with it.
        detail: String,
    },
    /// The download's signature is not Toucan AI's, or doesn't match the file.
    SignatureInvalid,
    /// Install was asked for without an update on offer.
    NothingToInstall,
    /// The person declined the system's password prompt.
    AuthenticationCancelled,
    /// The verified update could not be installed.
    InstallFailed {
        /// The system's description.
        detail: String,
    },
}

impl UpdateError {
    /// A stable, machine-readable code.
    pub fn code(&self) -> crate::error_code::ErrorCode {
        use crate::error_code::ErrorCode;
        match self {
            Self::NotConfigured => ErrorCode::UpdateNotConfigured,
            Self::Unreachable { .. } => ErrorCode::UpdateUnreachable,
            Self::BadFeed { .. } => ErrorCode::UpdateBadFeed,
            Self::SignatureInvalid => ErrorCode::UpdateSignatureInvalid,
            Self::NothingToInstall => ErrorCode::UpdateNothingToInstall,
            Self::AuthenticationCancelled => ErrorCode::UpdateAuthenticationCancelled,
            Self::InstallFailed { .. } => ErrorCode::UpdateInstallFailed,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::CoreError;

    #[test]
    fn update_errors_cross_ipc_with_their_own_codes() {
        let json = serde_json::to_value(CoreError::from(UpdateError::SignatureInvalid)).unwrap();
        assert_eq!(json["code"], "update_signature_invalid");
        assert!(json["message"].as_str().unwrap().contains("not installed"));
    }

    #[test]
    fn every_failure_says_the_current_version_is_untouched_or_what_to_do() {
        for error in [
            UpdateError::Unreachable {
                detail: "timed out".into(),
            },
            UpdateError::BadFeed {
                detail: "no entry for this system".into(),
            },
            UpdateError::SignatureInvalid,
            UpdateError::InstallFailed {
                detail: "dpkg failed".into(),
            },
        ] {
            assert!(error.to_string().contains("current version keeps working"), "{error}");
        }
    }
}
