//! A client that sends slowly can't hold the server's connections: headers
//! must arrive within the header-read limit, a whole request within the
//! request limit (else 408). Real sockets on 127.0.0.1, short limits.

mod support;

use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use toucan_embed_server::serve::{ConnectionLimits, serve};
use toucan_embed_server::{open, router};

const LIMITS: ConnectionLimits = ConnectionLimits {
    header_read: Duration::from_millis(400),
    request: Duration::from_millis(600),
};

/// The server's address, its stop switch and task, and its account token.
async fn start(
    dir: &std::path::Path,
) -> (
    String,
    tokio::sync::oneshot::Sender<()>,
    tokio::task::JoinHandle<()>,
    String,
) {
    let opened = open(dir, support::config().await).await.unwrap();
    let account_token = opened.new_account_token.clone().unwrap();
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap().to_string();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(async move {
        serve(listener, router(opened.state), LIMITS, async {
            let _ = stopped.await;
        })
        .await
        .unwrap();
    });
    (address, stop, server, account_token)
}

/// Reads until the server closes the connection; what it sent, and how long it took.
async fn until_closed(stream: &mut TcpStream) -> (String, Duration) {
    let started = Instant::now();
    let mut received = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(5), stream.read_to_end(&mut received)).await;
    assert!(read.is_ok(), "the server kept the connection open");
    (String::from_utf8_lossy(&received).into_owned(), started.elapsed())
}

/// The first bytes the server answers, and how long they took.
async fn first_answer(stream: &mut TcpStream) -> (String, Duration) {
    let started = Instant::now();
    let mut answer = vec![0u8; 512];
    let read = tokio::time::timeout(Duration::from_secs(5), stream.read(&mut answer))
        .await
        .unwrap()
        .unwrap();
    (String::from_utf8_lossy(&answer[..read]).into_owned(), started.elapsed())
}

#[tokio::test]
async fn slow_or_silent_clients_are_cut_off_and_others_are_served() {
    let dir = tempfile::tempdir().unwrap();
    let (address, stop, server, account_token) = start(dir.path()).await;

    // A whole, prompt request is answered.
    let mut prompt = TcpStream::connect(&address).await.unwrap();
    prompt
        .write_all(b"GET /openapi.json HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n")
        .await
        .unwrap();
    let (answer, _) = until_closed(&mut prompt).await;
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer:.80}");

    // Connected, silent: closed after the header-read limit.
    let mut silent = TcpStream::connect(&address).await.unwrap();
    let (_, waited) = until_closed(&mut silent).await;
    assert!(waited < Duration::from_secs(3), "{waited:?}");

    // Headers that never finish: closed too.
    let mut slow_headers = TcpStream::connect(&address).await.unwrap();
    slow_headers
        .write_all(b"POST /embed/generate-token HTTP/1.1\r\nhost: x\r\n")
        .await
        .unwrap();
    let (_, waited) = until_closed(&mut slow_headers).await;
    assert!(waited < Duration::from_secs(3), "{waited:?}");

    // A caller with no key is refused at once, before its body is read.
    let mut unknown = TcpStream::connect(&address).await.unwrap();
    unknown
        .write_all(b"POST /embed/generate-token HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{\"user\"")
        .await
        .unwrap();
    let (answer, waited) = first_answer(&mut unknown).await;
    assert!(answer.starts_with("HTTP/1.1 401"), "{answer:.120}");
    assert!(waited < LIMITS.request, "{waited:?}");

    // An allowed caller's body that never finishes: 408 after the request limit.
    let mut slow_body = TcpStream::connect(&address).await.unwrap();
    let head = format!(
        "PUT /api/attributes HTTP/1.1\r\nhost: x\r\nauthorization: Bearer {account_token}\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{{\"attributes\""
    );
    slow_body.write_all(head.as_bytes()).await.unwrap();
    let (answer, _) = first_answer(&mut slow_body).await;
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer:.120}");
    assert!(answer.contains("request_timeout"), "{answer}");

    // Shutting down stops accepting and returns.
    stop.send(()).unwrap();
    tokio::time::timeout(Duration::from_secs(5), server)
        .await
        .unwrap()
        .unwrap();
}
