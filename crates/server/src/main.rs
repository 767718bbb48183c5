//! `toucan-embed-server [--data-dir DIR] [--port PORT] [--requests-per-minute N]`:
//! serves on 127.0.0.1.
//! On first start it prints the account token once.

use std::path::PathBuf;

use toucan_embed_server::{ServerConfig, open, router};

#[tokio::main]
async fn main() {
    let mut data_dir = PathBuf::from("toucan-server-data");
    let mut port: u16 = 8787;
    let mut config = ServerConfig::default();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--data-dir" => data_dir = args.next().map(PathBuf::from).unwrap_or_else(|| usage()),
            "--port" => port = args.next().and_then(|p| p.parse().ok()).unwrap_or_else(|| usage()),
            "--requests-per-minute" => {
                config.requests_per_minute = args.next().and_then(|n| n.parse().ok()).unwrap_or_else(|| usage())
            }
            _ => usage(),
        }
    }
    let opened = match open(&data_dir, config) {
        Ok(opened) => opened,
        Err(error) => {
            eprintln!("Can't open the data folder {}: {error}", data_dir.display());
            std::process::exit(1);
        }
    };
    if let Some(token) = &opened.new_account_token {
        println!("Account token (shown once; the app needs it to register keys):\n  {token}");
    }
    let listener = match tokio::net::TcpListener::bind(("127.0.0.1", port)).await {
        Ok(listener) => listener,
        Err(error) => {
            eprintln!("Can't listen on 127.0.0.1:{port}: {error}");
            std::process::exit(1);
        }
    };
    println!(
        "Toucan embed-token server on http://{} (data in {})",
        listener.local_addr().unwrap(),
        data_dir.display()
    );
    let shutdown = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    if let Err(error) = axum::serve(listener, router(opened.state))
        .with_graceful_shutdown(shutdown)
        .await
    {
        eprintln!("The server stopped: {error}");
        std::process::exit(1);
    }
}

fn usage() -> ! {
    eprintln!("usage: toucan-embed-server [--data-dir DIR] [--port PORT] [--requests-per-minute N]");
    std::process::exit(2);
}
