//! How the workspace client reports a server it can't use: nothing listening,
//! no answer in time, a certificate this computer doesn't trust, no TLS at
//! all, or something that isn't a Toucan server. Each gets its own code and
//! a message a person can act on. Real sockets on 127.0.0.1.

use std::sync::Arc;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use toucan_keys_core::workspace::{AccountToken, EmbedClient, ServerError, ServerUrl, Timeouts};

fn account() -> AccountToken {
    AccountToken::parse(&format!("tka_{}", "a".repeat(40))).unwrap()
}

fn client(url: &str) -> EmbedClient {
    let timeouts = Timeouts {
        connect: Duration::from_secs(2),
        total: Duration::from_millis(800),
    };
    EmbedClient::with_timeouts(ServerUrl::parse(url).unwrap(), timeouts).unwrap()
}

/// A listener that answers every connection with `reply` (after reading the request).
async fn answering(reply: &'static [u8]) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            let mut buffer = [0u8; 4096];
            let _ = socket.read(&mut buffer).await;
            let _ = socket.write_all(reply).await;
            let _ = socket.shutdown().await;
        }
    });
    address.to_string()
}

#[tokio::test]
async fn nothing_listening_is_unreachable() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    drop(listener);
    let error = client(&format!("http://{address}"))
        .list_keys(&account())
        .await
        .unwrap_err();
    assert_eq!(error.code(), "server_unreachable");
    assert!(
        error
            .to_string()
            .starts_with(&format!("Can't reach the server at {address}.")),
        "{error}"
    );
}

#[tokio::test]
async fn a_server_that_never_answers_times_out() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((socket, _)) = listener.accept().await {
            held.push(socket); // accepted, never answered
        }
    });
    let error = client(&format!("http://{address}"))
        .list_keys(&account())
        .await
        .unwrap_err();
    assert!(matches!(error, ServerError::Timeout { .. }), "{error:?}");
    assert_eq!(error.code(), "server_timeout");
}

#[tokio::test]
async fn a_self_signed_certificate_is_refused_as_untrusted() {
    let certified = rcgen::generate_simple_self_signed(vec!["localhost".to_owned()]).unwrap();
    let cert = certified.cert.der().clone();
    let key = rustls::pki_types::PrivateKeyDer::try_from(certified.signing_key.serialize_der()).unwrap();
    let config = rustls::ServerConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(vec![cert], key)
        .unwrap();
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            let _ = acceptor.accept(socket).await;
        }
    });
    let error = client(&format!("https://localhost:{port}"))
        .list_keys(&account())
        .await
        .unwrap_err();
    let ServerError::Tls { reason, .. } = &error else {
        panic!("expected a TLS error, got {error:?}");
    };
    assert_eq!(
        reason,
        "its certificate isn't signed by an authority this computer trusts"
    );
    assert_eq!(error.code(), "server_tls_failed");
    assert!(error.to_string().contains("Nothing was sent"), "{error}");
}

#[tokio::test]
async fn https_to_a_plain_http_server_is_a_tls_failure() {
    let address = answering(b"HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\n\r\n").await;
    let error = client(&format!("https://{address}"))
        .list_keys(&account())
        .await
        .unwrap_err();
    let ServerError::Tls { reason, .. } = &error else {
        panic!("expected a TLS error, got {error:?}");
    };
    assert_eq!(reason, "the server doesn't speak HTTPS at this address");
}

#[tokio::test]
async fn a_web_page_instead_of_the_api_is_a_bad_response() {
    let address = answering(
        b"HTTP/1.1 200 OK\r\ncontent-type: text/html\r\ncontent-length: 15\r\nconnection: close\r\n\r\n<html>hi</html>",
    )
    .await;
    let error = client(&format!("http://{address}"))
        .list_keys(&account())
        .await
        .unwrap_err();
    assert_eq!(
        error,
        ServerError::BadResponse {
            host: address.clone(),
            status: 200
        }
    );
    assert!(error.to_string().contains("Toucan embed server"));

    let missing = answering(b"HTTP/1.1 404 Not Found\r\ncontent-length: 9\r\nconnection: close\r\n\r\nnot found").await;
    let error = client(&format!("http://{missing}"))
        .list_keys(&account())
        .await
        .unwrap_err();
    assert_eq!(error.code(), "server_bad_response");
}
