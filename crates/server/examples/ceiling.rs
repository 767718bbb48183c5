//! The ceiling for the token benchmark: the same HTTP stack as the server
//! (axum behind `serve::serve`, with its connection limits and request
//! logging), answering `POST /embed/generate-token` with a fixed JSON body of
//! the size of a token reply, and doing nothing else. What the server reaches
//! as a share of this is what token issuance itself costs.
//!   cargo run --release -p toucan-embed-server --example ceiling -- --port 18800 --bytes 700

use axum::Router;
use axum::routing::post;

#[tokio::main]
async fn main() {
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
