//! The server on 127.0.0.1, on a port the system picks, inside this process:
//! one way for every test (and tool) that needs a real server next to it.

use std::path::Path;
use std::sync::Arc;

use crate::{AppState, ServerConfig, open, router};

/// A running server on 127.0.0.1. It stops when dropped.
pub struct LocalServer {
    /// Where to reach it, for example `http://127.0.0.1:40123`.
    pub base_url: String,
    /// Its state (the store, the signer), for tests that look inside.
    pub state: Arc<AppState>,
    /// The account token, when this start created it (first start only).
    pub new_account_token: Option<String>,
    task: tokio::task::JoinHandle<()>,
}

impl LocalServer {
    /// Opens (or creates) the server in `data_dir` and serves it on a free port.
    /// Call from inside a Tokio runtime.
    pub async fn start(data_dir: &Path, config: ServerConfig) -> std::io::Result<Self> {
        Self::start_at(data_dir, config, "127.0.0.1:0").await
    }

    /// The same, on `address` (to bring a stopped server back where it was).
    pub async fn start_at(data_dir: &Path, config: ServerConfig, address: &str) -> std::io::Result<Self> {
        let opened = open(data_dir, config).await.map_err(std::io::Error::other)?;
        let listener = tokio::net::TcpListener::bind(address).await?;
        let base_url = format!("http://{}", listener.local_addr()?);
        let app = router(opened.state.clone());
        let task = tokio::spawn(async move {
            let _ = axum::serve(
                listener,
                app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
            )
            .await;
        });
        Ok(Self {
            base_url,
            state: opened.state,
            new_account_token: opened.new_account_token,
            task,
        })
    }

    /// The account token created on first start.
    ///
    /// # Panics
    /// If the data folder already held a server (its token is not kept).
    pub fn account_token(&self) -> &str {
        self.new_account_token
            .as_deref()
            .expect("the server was started in a new data folder")
    }

    /// Stops serving; the address refuses connections from then on.
    pub fn stop(&self) {
        self.task.abort();
    }
}

impl Drop for LocalServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// A [`LocalServer`] on a runtime of its own, for code that isn't async.
pub struct BackgroundServer {
    /// The server.
    pub server: LocalServer,
    runtime: tokio::runtime::Runtime,
}

impl BackgroundServer {
    /// Starts a runtime and the server in `data_dir` on it.
    pub fn start(data_dir: &Path) -> std::io::Result<Self> {
        Self::start_at(data_dir, "127.0.0.1:0")
    }

    /// The same, on `address`.
    pub fn start_at(data_dir: &Path, address: &str) -> std::io::Result<Self> {
        Self::start_configured(data_dir, ServerConfig::default(), address)
    }

    /// The same, with `config`.
    pub fn start_configured(data_dir: &Path, config: ServerConfig, address: &str) -> std::io::Result<Self> {
        let runtime = tokio::runtime::Runtime::new()?;
        let server = runtime.block_on(LocalServer::start_at(data_dir, config, address))?;
        Ok(Self { server, runtime })
    }

    /// Stops the server and its runtime, and waits until its port is closed.
    pub fn shut_down(self) {
        let Self { server, runtime } = self;
        server.stop();
        runtime.shutdown_timeout(std::time::Duration::from_secs(5));
    }
}
