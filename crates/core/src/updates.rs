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
    #[error("This copy of Toucan Keys doesn't check for updates. Download new versions from toucanai.cloud.")]
    NotConfigured,
    /// The feed could not be reached.
    #[error(
        "Toucan Keys couldn't reach its update server ({detail}). Check your internet connection and try again later; your current version keeps working."
    )]
    Unreachable {
        /// The network's description.
        detail: String,
    },
    /// The feed answered with something that isn't an update feed for this system.
    #[error(
        "The update server's answer couldn't be used ({detail}). Try again later; your current version keeps working."
    )]
    BadFeed {
        /// What was wrong with it.
        detail: String,
    },
    /// The download's signature is not Toucan AI's, or doesn't match the file.
    #[error(
        "This update isn't signed by Toucan AI, so it was not installed. Your current version keeps working. If this happens again, download Toucan Keys from toucanai.cloud."
    )]
    SignatureInvalid,
    /// Install was asked for without an update on offer.
    #[error("There's no update to install. Check for updates first.")]
    NothingToInstall,
    /// The person declined the system's password prompt.
    #[error(
        "The update wasn't installed because your computer's password prompt was cancelled. Try again when you're ready."
    )]
    AuthenticationCancelled,
    /// The verified update could not be installed.
    #[error(
        "The update was downloaded and verified, but couldn't be installed ({detail}). Your current version keeps working; try again, or install the new version from toucanai.cloud."
    )]
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
