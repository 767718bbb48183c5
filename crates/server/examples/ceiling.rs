//! The ceiling for the token benchmark: the same HTTP stack as the server
//! (axum behind `serve::serve`, with its connection limits and request
//! logging), answering `POST /embed/generate-token` with a fixed JSON body of
//! the size of a token reply, and doing nothing else. What the server reaches
//! as a share of this is what token issuance itself costs.
//!   cargo run --release -p toucan-embed-server --example ceiling -- --port 18800 --bytes 700
//!
//! `--signature-us N` instead prints the median time, in µs, of one Ed25519
//! signature over an N-byte message (the token's signing input), and exits:
//! the other part of a token's floor.

use axum::Router;
use axum::routing::post;

#[tokio::main]
async fn main() {
    if let [flag, bytes] = std::env::args().skip(1).collect::<Vec<_>>().as_slice()
        && flag == "--signature-us"
    {
        println!("{:.2}", signature_micros(bytes.parse().expect("a number of bytes")));
        return;
    }
    let mut port: u16 = 18800;
    let mut bytes: usize = 700;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next().and_then(|value| value.parse::<usize>().ok());
        match (arg.as_str(), value) {
            ("--port", Some(value)) => port = u16::try_from(value).expect("a port"),
            ("--bytes", Some(value)) => bytes = value,
            _ => {
                eprintln!("usage: ceiling [--port PORT] [--bytes N]");
                std::process::exit(2);
            }
        }
    }
    // {"token":"xxxx…","expiresAt":"…"} padded to `bytes`.
    let fixed = r#"{"token":"","expiresAt":"2026-11-28T12:00:00Z"}"#;
    let body: &'static str = Box::leak(
        fixed
            .replacen(
                r#""token":"""#,
                &format!(r#""token":"{}""#, "x".repeat(bytes.saturating_sub(fixed.len()))),
                1,
            )
            .into_boxed_str(),
    );
    let app = Router::new()
        .route(
            "/embed/generate-token",
            post(move || async move { ([("content-type", "application/json")], body) }),
        )
        .layer(axum::middleware::from_fn(toucan_embed_server::log_request));
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port))
        .await
        .expect("the port is free");
    println!("{}", listener.local_addr().expect("an address"));
    let limits = toucan_embed_server::serve::ConnectionLimits::default();
    toucan_embed_server::serve::serve(listener, app, limits, std::future::pending())
        .await
        .expect("serving");
}

/// The median of 7 rounds of 500 Ed25519 signatures over `bytes` bytes, in µs per signature.
fn signature_micros(bytes: usize) -> f64 {
    use ed25519_dalek::{Signer as _, SigningKey};
    let key = SigningKey::from_bytes(&[7; 32]);
    let message = vec![b'x'; bytes];
    let mut rounds: Vec<f64> = (0..7)
        .map(|_| {
            let started = std::time::Instant::now();
            for _ in 0..500 {
                std::hint::black_box(key.sign(std::hint::black_box(&message)));
            }
            started.elapsed().as_secs_f64() * 1e6 / 500.0
        })
        .collect();
    rounds.sort_by(f64::total_cmp);
    rounds[3]
}
