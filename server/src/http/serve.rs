//! Serving connections, with limits that slow clients cannot get round: a client must send a
//! request's headers within [`Limits::header_read`] (an idle kept-alive connection too), at most
//! [`Limits::connections`] connections are served at once (past that, new ones wait in the
//! kernel's queue, not in memory), and shutting down waits for requests in flight at most
//! [`Limits::shutdown_grace`]. Request bodies are bounded by the request deadline (and, for
//! uploads, by the upload's own idle timeout).

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::Request;
use axum::Router;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::{watch, Semaphore};
use tower::ServiceExt;

/// What connections are held to.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// The longest a client may take to send a request's headers.
    pub header_read: Duration,
    /// The most connections served at once.
    pub connections: usize,
    /// The longest shutting down waits for requests in flight.
    pub shutdown_grace: Duration,
}

/// Serves `router` on `listener` until `stop` resolves, then lets requests in flight finish
/// (within the grace period).
pub async fn serve(listener: TcpListener, router: Router, limits: Limits, stop: impl std::future::Future<Output = ()>) {
    let slots = Arc::new(Semaphore::new(limits.connections.max(1)));
    let (closing, closed) = watch::channel(false);
    tokio::pin!(stop);
    loop {
        let slot = tokio::select! {
            () = &mut stop => break,
            slot = slots.clone().acquire_owned() => slot,
        };
        let Ok(slot) = slot else { break };
        let (stream, peer) = tokio::select! {
            () = &mut stop => break,
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) => {
                    // Out of file descriptors and the like: wait a moment rather than spin.
                    tracing::warn!(%error, "accept failed");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
        };
        let _ = stream.set_nodelay(true);
        let service = router.clone().map_request(move |request: Request<Incoming>| {
            let mut request = request.map(Body::new);
            request.extensions_mut().insert(ConnectInfo(peer));
            request
        });
        let mut closing = closed.clone();
        tokio::spawn(async move {
            let _slot = slot;
            let mut builder = hyper::server::conn::http1::Builder::new();
            builder.timer(TokioTimer::new()).header_read_timeout(limits.header_read);
            let connection = builder.serve_connection(TokioIo::new(stream), TowerToHyperService::new(service));
            tokio::pin!(connection);
            tokio::select! {
                _ = connection.as_mut() => {}
                () = async { let _ = closing.wait_for(|closing| *closing).await; } => {
                    connection.as_mut().graceful_shutdown();
                    let _ = connection.await;
                }
            }
        });
    }
    drop(listener);
    let _ = closing.send(true);
    // Every connection holds a slot until it ends: all slots back means all done.
    let all = u32::try_from(limits.connections.max(1)).unwrap_or(u32::MAX);
    if tokio::time::timeout(limits.shutdown_grace, slots.acquire_many(all)).await.is_err() {
        tracing::warn!("requests still running after the shutdown grace period; stopping anyway");
    }
}
