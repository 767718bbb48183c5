//! How the workspace client reports a server it can't use: nothing listening,
//! no answer in time, a certificate this computer doesn't trust, no TLS at
//! all, or something that isn't a Toucan server. Each gets its own code and
//! a message a person can act on. Real sockets on 127.0.0.1.

use std::sync::Arc;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use toucan_keys_core::workspace::{AccountToken, EmbedClient, ServerError, ServerUrl, Timeouts};

/// The person confirms every connection (the refusal has its own test).
const YES: toucan_keys_core::workspace::FixedAnswer = toucan_keys_core::workspace::FixedAnswer(true);

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
    // On this computer: is the server running? (not "check your internet connection").
    let said = error.to_string();
    assert!(
        said.starts_with(&format!(
            "Nothing answers at {address} on this computer. Is the server running?"
        )),
        "{said}"
    );
    assert!(!said.contains("internet"), "{said}");
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

/// A listener that counts the connections it gets, and what they sent.
async fn counting() -> (String, Arc<std::sync::Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap().to_string();
    let received = Arc::new(std::sync::Mutex::new(Vec::new()));
    let log = received.clone();
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            let mut buffer = vec![0u8; 8192];
            let read = socket.read(&mut buffer).await.unwrap_or(0);
            log.lock()
                .unwrap()
                .push(String::from_utf8_lossy(&buffer[..read]).into_owned());
            let _ = socket
                .write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n{}")
                .await;
        }
    });
    (address, received)
}

/// A server (or a proxy in front of it) that answers 307 to another address
/// gets no key sent there: the client follows no redirect and says so.
#[tokio::test]
async fn a_redirect_is_not_followed_and_the_key_goes_nowhere_else() {
    let (elsewhere, received) = counting().await;
    let reply: &'static [u8] = Box::leak(
        format!(
            "HTTP/1.1 307 Temporary Redirect\r\nlocation: http://{elsewhere}/embed/generate-token\r\ncontent-length: 0\r\n\r\n"
        )
        .into_bytes()
        .into_boxed_slice(),
    );
    let server = answering(reply).await;
    let key = toucan_keys_core::key_format::generate();
    let client = client(&format!("http://{server}"));

    let error = client.generate_token(&key, &token_body()).await.unwrap_err();
    assert_eq!(error.code(), "server_redirected");
    assert!(
        error
            .to_string()
            .contains(&format!("redirect to http://{elsewhere}/embed/generate-token")),
        "{error}"
    );
    let error = client.list_keys(&account()).await.unwrap_err();
    assert_eq!(error.code(), "server_redirected");

    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(
        received.lock().unwrap().is_empty(),
        "the redirect target was contacted: {:?}",
        received.lock().unwrap()
    );
}

/// An answer far larger than any Toucan server sends is refused, not read
/// into memory.
#[tokio::test]
async fn an_oversized_answer_is_refused() {
    let huge = toucan_keys_core::workspace::client::MAX_RESPONSE_BYTES + 1;
    let head = format!("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {huge}\r\n\r\n");
    let reply: &'static [u8] = Box::leak(head.into_bytes().into_boxed_slice());
    let server = answering(reply).await;
    let error = client(&format!("http://{server}"))
        .list_keys(&account())
        .await
        .unwrap_err();
    assert_eq!(error.code(), "server_bad_response");

    // Without a declared length, streamed past the limit.
    let chunked: &'static [u8] = Box::leak(
        [
            b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n\r\n".as_slice(),
            &vec![b' '; huge + 10],
        ]
        .concat()
        .into_boxed_slice(),
    );
    let server = answering(chunked).await;
    let error = client(&format!("http://{server}"))
        .list_keys(&account())
        .await
        .unwrap_err();
    assert_eq!(error.code(), "server_bad_response");
}

/// Connecting to another server checks everything before the stored account
/// token is replaced: when the workspace file can't be read, the previous
/// token stays in the keychain and the previous address in the file.
#[tokio::test]
async fn a_failed_connect_keeps_the_previous_token_and_server() {
    use toucan_keys_core::{MemoryVault, Vault};
    let server =
        answering(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 11\r\n\r\n{\"keys\":[]}")
            .await;
    let url = format!("http://{server}");
    let config = tempfile::tempdir().unwrap();
    let vault = Arc::new(MemoryVault::new());
    let workspace = toucan_keys_core::workspace::Workspace::new(config.path(), vault.clone());
    let first = format!("tka_{}", "a".repeat(40));
    workspace.connect(&url, &first, &[], &YES).await.unwrap();

    let file = std::fs::read_dir(config.path())
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    std::fs::write(&file, b"{ damaged").unwrap();
    let second = format!("tka_{}", "b".repeat(40));
    let error = workspace.connect(&url, &second, &[], &YES).await.unwrap_err();
    assert_eq!(error.code(), "workspace_corrupt", "{error:?}");

    let kept = vault.read_account_token().unwrap().expect("a token is stored");
    assert_eq!(
        toucan_keys_core::ExposeSecret::expose_secret(&kept),
        first,
        "the first token was replaced"
    );
    assert_eq!(
        std::fs::read(&file).unwrap(),
        b"{ damaged",
        "the file is left for the person to see"
    );
}

/// A valid token request body.
fn token_body() -> toucan_keys_protocol::wire::TokenRequestBody {
    let request: toucan_keys_core::workspace::TokenRequest = serde_json::from_value(serde_json::json!({
        "distinctId": "user-1", "role": "explorer", "attributes": [], "permissions": [], "lifetimeMinutes": 5,
    }))
    .unwrap();
    request.to_body().unwrap()
}

/// A hostile server's message carries terminal control sequences (a new
/// window title, a cleared screen, a right-to-left override): the error a
/// person reads, on a terminal too, holds none of them. (A redirect's
/// `Location` is only ever shown when it is plain visible ASCII.)
#[tokio::test]
async fn a_hostile_servers_text_reaches_no_terminal_as_control_characters() {
    const REFUSAL: &[u8] = b"HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\ncontent-length: 93\r\nconnection: close\r\n\r\n{\"code\":\"invalid_body\",\"message\":\"no\\u001b]0;pwned\\u0007\\u001b[2J\\u202ertl\\r\\nfake prompt$ \"}";
    let address = answering(REFUSAL).await;
    let error = client(&format!("http://{address}"))
        .list_keys(&account())
        .await
        .unwrap_err();
    let shown = error.to_string();
    assert!(shown.contains("no ]0;pwned"), "{shown:?}");
    assert!(!shown.chars().any(|c| c.is_control() || c == '\u{202e}'), "{shown:?}");
}
