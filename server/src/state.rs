//! What the handlers can reach, built once at start: the store, the configuration and each
//! feature's own state. A handler names only the part it needs (axum's `FromRef`), so the feature
//! modules never import this one: the arrows point from here down to them.

use crate::admin::Imports;
use crate::articles::ArticlesService;
use crate::auth::AuthService;
use crate::booking::BookingService;
use crate::config::Config;
use crate::files::FilesService;
use crate::library::LibraryService;
use crate::questions::QuestionsService;
use crate::store::Store;
use axum::extract::FromRef;
use std::sync::Arc;

/// Everything a request may need.
#[derive(Clone)]
pub struct AppState {
    /// The database.
    pub store: Store,
    /// The configuration it started with.
    pub config: Arc<Config>,
    /// Sign-in, sessions and accounts.
    pub auth: AuthService,
    /// Duty schedules and bookings.
    pub booking: BookingService,
    /// Uploads, downloads and private files.
    pub files: FilesService,
    /// The public library.
    pub library: LibraryService,
    /// 普法 articles.
    pub articles: ArticlesService,
    /// Online questions.
    pub questions: QuestionsService,
    /// Booking and asking for residents who walk in or phone.
    pub assisted: crate::assisted::AssistedService,
    /// Referrals to legal aid, mediation and notaries.
    pub referrals: crate::referrals::ReferralsService,
    /// Lawyers' yearly evaluation.
    pub evaluation: crate::evaluation::EvaluationService,
    /// Bulk imports of the registers.
    pub imports: Imports,
    /// The mini-program's server API, when WeChat is configured.
    pub wechat: Option<Arc<crate::wechat::api::WechatApi>>,
    /// The residents' stylesheet as the built `index.html` names it (the server's pages link
    /// it); `None` before the front end is built.
    pub stylesheet: Option<Arc<str>>,
}

/// `FromRef<AppState>` for each part a handler may ask for.
macro_rules! parts {
    ($($field:ident: $type:ty),* $(,)?) => {$(
        impl FromRef<AppState> for $type {
            fn from_ref(state: &AppState) -> $type {
                state.$field.clone()
            }
        }
    )*};
}

parts! {
    store: Store,
    config: Arc<Config>,
    auth: AuthService,
    booking: BookingService,
    files: FilesService,
    library: LibraryService,
    articles: ArticlesService,
    questions: QuestionsService,
    assisted: crate::assisted::AssistedService,
    referrals: crate::referrals::ReferralsService,
    evaluation: crate::evaluation::EvaluationService,
    imports: Imports,
}
