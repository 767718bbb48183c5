//! How the connection to PostgreSQL is protected: TLS through rustls, as
//! libpq's `sslmode` asks, read from the database address.
//!
//! - `sslmode=verify-full` (or `verify-ca`, checked as strictly): the
//!   server's certificate must chain to the CA in `sslrootcert=<file>` (PEM),
//!   or to one the operating system trusts when no file is named, and name
//!   the host connected to.
//! - `sslmode=require`: encrypted, but the certificate isn't checked (as
//!   libpq does): safe from someone listening, not from someone in the middle.
//! - no `sslmode`, `disable`, `allow` or `prefer`: no TLS, as before. A
//!   server reached over TCP that isn't this computer gets a warning at start.
//!
//! tokio-postgres doesn't know `verify-full` or `sslrootcert`: they are taken
//! out of the address before it reads the rest.

use std::path::PathBuf;
use std::sync::Arc;

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{DigitallySignedStruct, SignatureScheme};
use tokio_postgres::config::SslMode;

use super::{StoreError, StoreResult};

/// What the address asks of the connection's security.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatabaseTls {
    /// No TLS.
    Off,
    /// TLS, the certificate not checked (`sslmode=require`).
    Encrypted,
    /// TLS, the certificate checked against `ca` (or the system's roots) and
    /// the host name (`sslmode=verify-full`).
    Verified {
        /// The CA file (`sslrootcert`), PEM.
        ca: Option<PathBuf>,
    },
}

/// The address's tokio-postgres configuration and what it asks of TLS.
pub fn parse(url: &str) -> StoreResult<(tokio_postgres::Config, DatabaseTls)> {
    let (rest, sslmode, sslrootcert) = take_tls_options(url);
    let mut config: tokio_postgres::Config = rest.parse()?;
    let tls = match sslmode.as_deref() {
        None | Some("disable" | "allow" | "prefer") => DatabaseTls::Off,
        Some("require") if sslrootcert.is_none() => DatabaseTls::Encrypted,
        // libpq checks a `require` connection's certificate when a root file is named.
        Some("require" | "verify-ca" | "verify-full") => DatabaseTls::Verified {
            ca: sslrootcert.map(PathBuf::from),
        },
        Some(other) => {
            return Err(StoreError::Corrupt(format!(
                "sslmode={other} isn't one PostgreSQL knows: use disable, require or verify-full"
            )));
        }
    };
    config.ssl_mode(if tls == DatabaseTls::Off {
        SslMode::Disable
    } else {
        SslMode::Require
    });
    Ok((config, tls))
}

/// Whether the address puts a password in plain sight (a `password=` option,
/// or `user:password@` in a URL).
pub fn has_password(url: &str) -> bool {
    let (rest, ..) = take_tls_options(url);
    rest.parse::<tokio_postgres::Config>()
        .is_ok_and(|config| config.get_password().is_some())
}

/// How each connection is made: plain, or TLS through rustls.
#[derive(Clone)]
pub enum Connector {
    /// No TLS (tokio-postgres asks a TLS connector for every host, a Unix
    /// socket's path included, so a plain connection gets none).
    Plain,
    /// TLS through rustls.
    Rustls(tokio_postgres_rustls::MakeRustlsConnect),
}

/// The connector for `tls`.
pub fn connector(tls: &DatabaseTls) -> StoreResult<Connector> {
    if *tls == DatabaseTls::Off {
        return Ok(Connector::Plain);
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let builder = rustls::ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .map_err(|error| StoreError::Corrupt(format!("TLS: {error}")))?;
    let config = match tls {
        DatabaseTls::Off | DatabaseTls::Encrypted => builder
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(AnyCertificate(provider)))
            .with_no_client_auth(),
        DatabaseTls::Verified { ca } => builder
            .with_root_certificates(roots(ca.as_ref())?)
            .with_no_client_auth(),
    };
    Ok(Connector::Rustls(tokio_postgres_rustls::MakeRustlsConnect::new(config)))
}

/// The CAs a verified connection trusts: the file's, or the system's.
fn roots(ca: Option<&PathBuf>) -> StoreResult<rustls::RootCertStore> {
    let mut roots = rustls::RootCertStore::empty();
    match ca {
        Some(file) => {
            let unreadable = |error: &dyn std::fmt::Display| {
                StoreError::Corrupt(format!("sslrootcert {} can't be read: {error}", file.display()))
            };
            for certificate in CertificateDer::pem_file_iter(file).map_err(|e| unreadable(&e))? {
                roots
                    .add(certificate.map_err(|e| unreadable(&e))?)
                    .map_err(|e| unreadable(&e))?;
            }
            if roots.is_empty() {
                return Err(unreadable(&"it holds no certificate"));
            }
        }
        None => {
            for certificate in rustls_native_certs::load_native_certs().certs {
                let _ = roots.add(certificate);
            }
        }
    }
    Ok(roots)
}

/// Takes `sslmode` and `sslrootcert` out of a URL's query or a key=value
/// string; returns the rest and their values.
fn take_tls_options(url: &str) -> (String, Option<String>, Option<String>) {
    let (mut sslmode, mut sslrootcert) = (None, None);
    let mut take = |key: &str, value: String| match key {
        "sslmode" => {
            sslmode = Some(value);
            true
        }
        "sslrootcert" => {
            sslrootcert = Some(value);
            true
        }
        _ => false,
    };
    let rest = if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        match url.split_once('?') {
            Some((base, query)) => {
                let kept: Vec<&str> = query
                    .split('&')
                    .filter(|pair| {
                        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
                        !take(key, percent_decoded(value))
                    })
                    .collect();
                if kept.is_empty() {
                    base.to_owned()
                } else {
                    format!("{base}?{}", kept.join("&"))
                }
            }
            None => url.to_owned(),
        }
    } else {
        url.split_whitespace()
            .filter(|pair| {
                let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
                !take(key, value.trim_matches('\'').to_owned())
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    (rest, sslmode, sslrootcert)
}

fn percent_decoded(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        let hex = bytes
            .get(index + 1..index + 3)
            .and_then(|pair| std::str::from_utf8(pair).ok())
            .and_then(|pair| u8::from_str_radix(pair, 16).ok());
        match (bytes[index], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                index += 3;
            }
            (byte, _) => {
                out.push(byte);
                index += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `sslmode=require`: any certificate, as libpq does; the handshake's
/// signatures are still checked, so the session is encrypted to whoever
/// holds the certificate's key.
#[derive(Debug)]
struct AnyCertificate(Arc<rustls::crypto::CryptoProvider>);

impl ServerCertVerifier for AnyCertificate {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(message, cert, dss, &self.0.signature_verification_algorithms)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(message, cert, dss, &self.0.signature_verification_algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tls_options_are_read_from_urls_and_key_value_strings() {
        let (config, tls) = parse(
            "postgres://toucan@db.example:5432/keys?sslmode=verify-full&sslrootcert=%2Fetc%2Fca.pem&connect_timeout=3",
        )
        .unwrap();
        assert_eq!(
            tls,
            DatabaseTls::Verified {
                ca: Some("/etc/ca.pem".into())
            }
        );
        assert_eq!(config.get_ssl_mode(), SslMode::Require);
        assert_eq!(config.get_connect_timeout(), Some(&std::time::Duration::from_secs(3)));
        let (_, tls) = parse("host=db.example user=toucan sslmode=require").unwrap();
        assert_eq!(tls, DatabaseTls::Encrypted);
        let (config, tls) = parse("host=/tmp/pg port=5432 user=toucan").unwrap();
        assert_eq!((tls, config.get_ssl_mode()), (DatabaseTls::Off, SslMode::Disable));
        let (_, tls) = parse("postgres://toucan@db.example/keys?sslmode=require&sslrootcert=/ca.pem").unwrap();
        assert_eq!(
            tls,
            DatabaseTls::Verified {
                ca: Some("/ca.pem".into())
            }
        );
        assert!(parse("postgres://db.example/keys?sslmode=sometimes").is_err());
    }

    #[test]
    fn passwords_are_found_in_both_forms() {
        assert!(has_password("postgres://toucan:s3cret@db.example/keys"));
        assert!(has_password("host=db.example user=toucan password=s3cret"));
        assert!(!has_password("postgres://toucan@db.example/keys?sslmode=verify-full"));
        assert!(!has_password("host=/tmp/pg user=toucan"));
    }
}
