//! Accepting connections (HTTP/1.1 with keep-alive) and stopping gracefully: on the shutdown
//! signal, no new connection is accepted, requests in flight are finished, idle connections are
//! closed.

use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::time::Duration;

use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;

use crate::{Config, Rubrics, app};

/// Binds the listening socket: `127.0.0.1:8080`, `[::1]:8080`, `0.0.0.0:8080` (every interface:
/// only behind a firewall or a reverse proxy).
pub async fn bind(address: &str) -> io::Result<TcpListener> {
    TcpListener::bind(address).await
}

/// Serves `rubrics` on `listener` until `shutdown` completes, then finishes the requests in
/// flight (each bounded by the configured timeout) and returns.
pub async fn serve(
    listener: TcpListener,
    rubrics: Rubrics,
    config: Config,
    shutdown: impl Future<Output = ()>,
) -> io::Result<()> {
    let service = TowerToHyperService::new(app(rubrics, &config));
    let graceful = GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let (stream, _peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                // Out of file descriptors, a connection reset before it was accepted: the
                // listener itself is fine, keep serving after a breath.
                Err(_) => {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let _ = stream.set_nodelay(true);
        let connection = http1::Builder::new()
            .timer(TokioTimer::new())
            // A client that does not finish sending its headers in time is dropped.
            .header_read_timeout(config.timeout)
            .serve_connection(TokioIo::new(stream), service.clone());
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            let _ = connection.await;
        });
    }
    drop(listener);
    // Requests in flight end within their timeout; allow that much, and a little more.
    let _ =
        tokio::time::timeout(config.timeout + Duration::from_secs(1), graceful.shutdown()).await;
    Ok(())
}

/// Completes on SIGINT (Ctrl-C) or SIGTERM.
pub async fn shutdown_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
}

/// Runs the service until SIGINT or SIGTERM: what `ocop serve` does. Says where it listens on
/// standard error once it does.
pub fn run(address: &str, rubrics: Rubrics, config: Config) -> io::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let listener = bind(address).await?;
        let local: SocketAddr = listener.local_addr()?;
        eprintln!("ocop serve: listening on http://{local}");
        serve(listener, rubrics, config, shutdown_signal()).await?;
        eprintln!("ocop serve: stopped");
        Ok(())
    })
}
