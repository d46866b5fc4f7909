//! Builds the application from its configuration and serves it until a shutdown signal.

use crate::admin::Imports;
use crate::articles::{self, ArticlesService};
use crate::assisted::AssistedService;
use crate::auth::{codes::Codes, AuthService};
use crate::booking::recent::RecentAnswers;
use crate::booking::{reminders, BookingService};
use crate::config::Config;
use crate::demo;
use crate::duty::logs as duty_logs;
use crate::files::{self, blobs::Blobs, FilesService};
use crate::heavy::Heavy;
use crate::http::metrics::{self, Metrics};
use crate::http::{
    api, deadline, download, export, guard, health, pages, request_id, routes, security, serve, site, upload,
};
use crate::library::LibraryService;
use crate::questions::{self, Deadlines, QuestionsService};
use crate::sms::{self, Outbox, SmsSender};
use crate::state::AppState;
use crate::store::{settings, Store, StoreError};
use crate::wechat::{api::WechatApi, deliver::WechatFirst};
use axum::extract::Request;
use axum::http::HeaderValue;
use axum::routing::{any, get, post};
use axum::{Extension, Router};
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tracing::Level;

/// Why the server could not start or stopped.
#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    /// The database.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A query at start (demo data, settings).
    #[error(transparent)]
    Sql(#[from] sqlx::Error),
    /// Binding or serving.
    #[error(transparent)]
    Io(#[from] std::io::Error),
    /// A setting.
    #[error(transparent)]
    Config(#[from] crate::config::ConfigError),
    /// Demo data.
    #[error("demo data: {0}")]
    Demo(String),
    /// The blob store.
    #[error("file storage: {0}")]
    Storage(String),
}

/// A bound, ready server.
pub struct Application {
    listener: TcpListener,
    router: Router,
    state: AppState,
    stop: watch::Sender<bool>,
}

impl Application {
    /// Builds with the SMS sender the configuration names.
    pub async fn build(config: Config) -> Result<Application, StartupError> {
        let sender = sms::sender_from_config(&config.sms);
        Application::build_with_sender(config, sender).await
    }

    /// Builds with a given SMS sender (tests capture messages this way).
    pub async fn build_with_sender(config: Config, sender: Arc<dyn SmsSender>) -> Result<Application, StartupError> {
        let store = Store::open(&config.database_url, config.db_max_connections).await?;
        let blobs = Blobs::open(config.storage_url.as_deref(), &config.data_dir).map_err(StartupError::Storage)?;
        if config.demo {
            demo::load_if_empty(&store, &blobs).await.map_err(|e| StartupError::Demo(e.to_string()))?;
        }
        let key = settings::code_key(&store).await?;
        let outbox = Outbox::new(store.clone()).quiet_during(config.sms_quiet_hours);
        let state = assemble(config, store, blobs, key, &outbox);
        let router = router(state.clone());
        let listener = TcpListener::bind(state.config.bind_addr).await?;
        let (stop, stopped) = watch::channel(false);
        // Residents who allowed WeChat messages get them there; SMS stays the fallback.
        let sender: Arc<dyn SmsSender> = match &state.wechat {
            Some(api) => Arc::new(WechatFirst::new(state.store.clone(), api.clone(), sender)),
            None => sender,
        };
        spawn_jobs(&state, outbox, sender, stopped);
        tracing::info!(addr = %listener.local_addr()?, backend = ?state.store.backend, "listening");
        Ok(Application { listener, router, state, stop })
    }

    /// The port it listens on (useful with port 0).
    pub fn port(&self) -> u16 {
        self.listener.local_addr().map(|a| a.port()).unwrap_or(0)
    }

    /// The state, for tests that look into the store.
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Serves until Ctrl-C or SIGTERM, letting requests in flight finish.
    pub async fn run_until_stopped(self) -> Result<(), StartupError> {
        let config = &self.state.config;
        let limits = serve::Limits {
            header_read: config.header_read_timeout,
            connections: config.max_connections,
            shutdown_grace: config.request_deadline + Duration::from_secs(5),
        };
        serve::serve(self.listener, self.router, limits, shutdown_signal()).await;
        let _ = self.stop.send(true);
        self.state.store.pool.close().await;
        tracing::info!("stopped");
        Ok(())
    }
}

/// Every feature's state over one store, outbox and configuration.
fn assemble(config: Config, store: Store, blobs: Blobs, code_key: Vec<u8>, outbox: &Outbox) -> AppState {
    let heavy = Heavy::per_core();
    let deadlines = deadlines(&config);
    let index = std::fs::read_to_string(config.site_dir.join("index.html")).unwrap_or_default();
    let codes = Codes::new(store.clone(), code_key, outbox.clone()).per_address(config.codes_per_address_per_hour);
    let auth = AuthService::new(store.clone(), codes);
    let booking = BookingService::new(
        store.clone(),
        outbox.clone(),
        RecentAnswers::new(i64::try_from(config.availability_cache_ms).unwrap_or(i64::MAX)),
    )
    .with_meetings(config.meeting_url_pattern.clone());
    let questions = QuestionsService::new(store.clone(), outbox.clone(), deadlines);
    AppState {
        stylesheet: site::stylesheet(&index).map(Arc::from),
        assisted: AssistedService::new(store.clone(), auth.clone(), booking.clone(), questions.clone()),
        referrals: crate::referrals::ReferralsService::new(store.clone(), outbox.clone(), auth.clone()),
        evaluation: crate::evaluation::EvaluationService::new(store.clone(), config.evaluation.clone()),
        auth,
        booking,
        questions,
        files: FilesService {
            store: store.clone(),
            blobs,
            max_upload_bytes: config.max_upload_bytes,
            heavy: heavy.clone(),
        },
        library: LibraryService::new(store.clone()),
        articles: ArticlesService::new(store.clone(), outbox.clone(), config.public_url.clone()),
        imports: Imports { store: store.clone(), heavy },
        wechat: config.wechat.clone().map(|wechat| Arc::new(WechatApi::new(wechat, Duration::from_secs(10)))),
        store,
        config: Arc::new(config),
    }
}

/// The questions' step length and claim lapse, as configured.
fn deadlines(config: &Config) -> Deadlines {
    Deadlines {
        step_hours: i64::try_from(config.question_deadline_hours).unwrap_or(24),
        claim_lapse_ms: i64::try_from(config.question_claim_lapse_days.saturating_mul(86_400_000)).unwrap_or(i64::MAX),
    }
}

/// The jobs that run beside the requests until `stopped`: reminders, closing forgotten duties,
/// file retention, moving questions on and closing answered ones, publishing articles, sending the outbox and the
/// webhooks' events, and folding the board's queue.
fn spawn_jobs(state: &AppState, outbox: Outbox, sender: Arc<dyn SmsSender>, stopped: watch::Receiver<bool>) {
    let store = &state.store;
    tokio::spawn(reminders::run(store.clone(), outbox.clone(), stopped.clone()));
    tokio::spawn(duty_logs::run_closer(store.clone(), stopped.clone()));
    let retention_ms = i64::try_from(state.config.file_retention_days.saturating_mul(86_400_000)).unwrap_or(i64::MAX);
    tokio::spawn(files::retention::run(store.clone(), state.files.blobs.clone(), retention_ms, stopped.clone()));
    tokio::spawn(questions::routing::run(store.clone(), deadlines(&state.config), stopped.clone()));
    let close_after = i64::try_from(state.config.question_close_days.saturating_mul(86_400_000)).unwrap_or(i64::MAX);
    tokio::spawn(questions::closing::run(store.clone(), close_after, stopped.clone()));
    tokio::spawn(articles::run(store.clone(), outbox.clone(), state.config.public_url.clone(), stopped.clone()));
    tokio::spawn(crate::privacy::retention::run(store.clone(), stopped.clone()));
    tokio::spawn(crate::webhooks::run(store.clone(), reqwest::Client::new(), stopped.clone()));
    tokio::spawn(crate::board::run_queue(store.clone(), stopped.clone()));
    tokio::spawn(outbox.run(sender, stopped));
}

/// The pages' content security policy: the inline boot script and style of both front ends'
/// built `index.html`, allowed by their hashes.
fn content_security_policy(site_dir: &std::path::Path) -> HeaderValue {
    let (mut scripts, mut styles) = (Vec::new(), Vec::new());
    for index in ["index.html", "desk/index.html"] {
        let html = std::fs::read_to_string(site_dir.join(index)).unwrap_or_default();
        if html.is_empty() {
            tracing::warn!(site_dir = %site_dir.display(), index, "front end not built");
        }
        let (s, t) = site::inline_hashes(&html);
        scripts.extend(s);
        styles.extend(t);
    }
    for hashes in [&mut scripts, &mut styles] {
        hashes.sort();
        hashes.dedup();
    }
    HeaderValue::from_str(&security::content_security_policy(&scripts, &styles))
        .unwrap_or(HeaderValue::from_static("default-src 'self'"))
}

/// What services outside the portal call: the SMS provider's receipts and the WeChat
/// mini-program's doors.
fn outside_doors() -> Router<AppState> {
    use crate::http::{receipts, wechat};
    Router::new()
        .route("/hooks/sms/{provider}/{token}", post(receipts::receive))
        .route("/wechat/enter", get(wechat::enter))
        .route("/wechat/templates", get(wechat::templates))
        .route("/wechat/subscribed", post(wechat::subscribed))
        .route("/wechat/share", get(wechat::share))
}

/// The pages the server renders (in the residents' app's frame, and posters), and the forms
/// they post.
fn server_pages() -> Router<AppState> {
    Router::new()
        .route("/articles", get(pages::articles))
        .route("/articles/sms", post(pages::set_article_sms))
        .route("/articles/{id}", get(pages::article))
        .route("/library", get(pages::library))
        .route("/library/{id}", get(pages::document))
        .route("/streets/{id}", get(pages::street))
        .route("/communities/{id}", get(pages::community))
        .route("/communities/{id}/mine", post(pages::make_my_community))
        .route("/me/files", get(pages::my_files))
        .route("/me/community", get(pages::my_community))
        .route("/me/waitlist", get(pages::my_waitlist))
        .route("/me/messages", get(pages::my_messages))
        .route("/me/waitlist/{id}/leave", post(pages::leave_waitlist))
        .route("/me/referrals", get(pages::my_referrals))
        .route("/me/referrals/{id}/consent", post(pages::consent_to_referral))
        .route("/referrals", get(pages::sent_referrals))
        .route("/referrals/new", get(pages::new_referral).post(pages::create_referral))
        .route("/referrals/new/code", post(pages::send_referral_code))
        .route("/referrals/{id}/withdraw", post(pages::withdraw_referral))
        .route("/staff/evaluations", get(pages::staff_evaluations).post(pages::conclude_year))
        .route("/staff/incidents", get(pages::staff_incidents).post(pages::manage_incidents))
        .route("/incidents", get(pages::my_incidents).post(pages::record_incident_service))
        .route("/work", get(pages::work))
        .route("/staff/reviews", get(pages::staff_reviews).post(pages::review_act))
        .route("/reviews", get(pages::my_reviews))
        .route("/quiz", get(pages::quiz).post(pages::take_quiz))
        .route("/staff/themes", get(pages::staff_themes).post(pages::save_theme))
        .route("/staff/points", get(pages::staff_points).post(pages::points_act))
        .route("/evaluation", get(pages::my_evaluation).post(pages::answer_evaluation))
        .route("/me/feedback", get(pages::my_feedback).post(pages::send_feedback))
        .route("/staff/feedback", get(pages::staff_feedback))
        .route("/staff/feedback/{id}/reply", post(pages::reply_to_complaint))
        .route("/staff/feedback/thanks", post(pages::record_thanks))
        .route("/visits", get(pages::visit_offices).post(pages::book_visit))
        .route("/visits/code", post(pages::send_visit_code))
        .route("/me/visits", get(pages::my_visits))
        .route("/me/visits/{id}/cancel", post(pages::cancel_visit))
        .route("/agency/visits", get(pages::office_visits))
        .route("/agency/visits/hours", post(pages::save_visit_hours))
        .route("/agency/visits/{id}/finish", post(pages::finish_visit))
        .route("/agency", get(pages::referral_queue))
        .route("/admin/organisations", get(pages::organisations).post(pages::save_organisation))
        .route("/admin/organisations/{id}/accounts", post(pages::add_agency_account))
        .route("/admin/organisations/{id}/keys", post(pages::issue_api_key))
        .route("/admin/api-keys/{id}/revoke", post(pages::revoke_api_key))
        .route("/agency/referrals/{id}/answer", post(pages::answer_referral))
        .route("/agency/referrals/{id}/close", post(pages::close_referral))
        .route("/me/privacy", get(pages::privacy))
        .route("/me/privacy/export", get(pages::export_my_data))
        .route("/me/privacy/erase", post(pages::erase_account))
        .route("/me/privacy/consent", post(pages::agree_to_notice))
        .route("/privacy", get(pages::privacy_notice))
        .route("/questions", get(pages::questions))
        .route("/questions/ask", get(pages::ask_question))
        .route("/questions/{id}", get(pages::question))
        .route("/posters/communities/{id}", get(pages::community_poster))
        .route("/posters/streets/{id}", get(pages::street_posters))
        .route("/posters/qr/{file}", get(pages::poster_qr))
}

/// The whole HTTP surface.
pub fn router(state: AppState) -> Router {
    let metrics = Metrics::default();
    let csp = content_security_policy(&state.config.site_dir);
    let mut routes = Router::new();
    if state.config.test_clock {
        routes = routes.route("/test/clock", post(crate::http::test_clock::set));
    }
    routes
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/metrics", get(metrics::scrape).layer(Extension(metrics.clone())))
        .route("/api/openapi.json", get(crate::http::openapi::serve))
        .route("/api/staff/board.csv", get(export::csv))
        .route("/api/staff/board.xlsx", get(export::xlsx))
        .route("/api/staff/scorecards.csv", get(export::scorecards_csv))
        .route("/api/staff/scorecards.xlsx", get(export::scorecards_xlsx))
        .merge(routes::endpoints().layer(axum::middleware::from_fn_with_state(state.clone(), api::boundary)))
        .route("/api/{*path}", any(api::not_found))
        .route("/files/{token}", get(download::handle))
        .route("/files/{token}/{*rest}", any(download::not_found))
        .merge(server_pages())
        .merge(outside_doors())
        .route("/api", any(api::not_found))
        .route_layer(axum::middleware::from_fn_with_state(state.config.request_deadline, deadline::limit))
        // An upload's deadline starts once its bytes are in (a phone on a weak network may take
        // minutes to send them); the handler applies it.
        .route("/api/files/upload", post(upload::handle))
        .with_state(state.clone())
        .merge(site::service(&state.config.site_dir))
        .layer(axum::middleware::from_fn(guard::guard))
        .layer(axum::middleware::from_fn_with_state(Arc::new(csp), security::headers))
        .layer(axum::middleware::from_fn_with_state(metrics, metrics::record))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|request: &Request| {
                    let id = request.headers().get(&request_id::HEADER).and_then(|v| v.to_str().ok()).unwrap_or("");
                    // A receipt hook's address holds its secret: the log names the hook, not the token.
                    let path = request.uri().path();
                    let path = if path.starts_with("/hooks/") { "/hooks/…" } else { path };
                    tracing::info_span!("http", method = %request.method(), path = %path, request_id = %id)
                })
                .on_response(DefaultOnResponse::new().level(Level::INFO)),
        )
        // Outermost, so the trace span above already sees the id.
        .layer(axum::middleware::from_fn(request_id::assign))
}

async fn shutdown_signal() {
    let ctrl_c = async {
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
        () = ctrl_c => {},
        () = terminate => {},
    }
}
