//! What server functions need from the server, as traits the `server` crate implements.
//!
//! A server function's body is thin: find out who is calling ([`Caller`]), validate, call a
//! port, map the result. Ports receive the caller so that errors come back in their language
//! and so that every access can be checked and audited where the data lives.

use crate::domain::{OneTimeCode, PhoneNumber, Role};
use crate::error::{AppError, ErrorKind};
use crate::i18n::Lang;
use crate::model::{
    AddDutyRequest, AssignRequest, Assignments, AuditPage, AuditQuery, Availability, Board, BoardRequest, BookRequest,
    BookingView, CheckInRequest, CheckOutRequest, CodeSent, CommunityDetail, CommunityEdit, CommunitySummary,
    Correction, CorrectionDecision, CorrectionRequest, DeskBooking, DeskRequest, DutyExceptionRequest, DutyLog,
    DutySchedule, LawyerRef, LeaveRecorded, LeaveRequest, Me, MonthRequest, MonthReviewRequest, MonthSummary,
    MyBookings, Notice, OnDuty, ProgrammeOverview, RateRequest, RescheduleRequest, ServiceRecord, ServiceRecordRequest,
    Street, WaitlistJoined, WaitlistRequest,
};
use async_trait::async_trait;
use std::net::IpAddr;
use std::sync::Arc;

mod documents;
mod questions;
mod registers;
pub use documents::{ArticlesPort, FilesPort, LibraryPort};
pub use questions::QuestionsPort;
pub use registers::RegistersPort;
/// The session cookie's name.
pub const SESSION_COOKIE: &str = "fai_session";

/// Who is making this request, resolved by the server before the server function runs.
#[derive(Debug, Clone)]
pub struct Caller {
    /// The signed-in account, if any.
    pub user: Option<SessionUser>,
    /// The caller's language (account, then `lang` cookie, then `Accept-Language`).
    pub lang: Lang,
    /// The client's address, for rate limits and the audit log.
    pub client_ip: Option<IpAddr>,
    /// The raw session token from the cookie, to revoke or rotate it.
    pub session_token: Option<String>,
    /// Whether cookies must be `Secure` (the portal is served over HTTPS).
    pub secure_cookies: bool,
}

/// The account behind a valid session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionUser {
    /// Account id.
    pub id: i64,
    /// Its role.
    pub role: Role,
    /// False while a password sign-in waits for its second-factor code.
    pub complete: bool,
    /// The one street a street's 司法所 staff member sees; `None` for district staff and every
    /// other role.
    pub street: Option<i64>,
}

impl Caller {
    /// The signed-in account, or 401.
    pub fn user(&self) -> Result<SessionUser, AppError> {
        self.user.filter(|u| u.complete).ok_or_else(|| AppError::of(ErrorKind::Unauthenticated, self.lang))
    }

    /// The signed-in account if it has one of `roles`; 401 or 403 otherwise.
    pub fn require(&self, roles: &[Role]) -> Result<SessionUser, AppError> {
        let user = self.user()?;
        if roles.contains(&user.role) {
            Ok(user)
        } else {
            Err(AppError::of(ErrorKind::Forbidden, self.lang))
        }
    }

    /// This caller's generic error of `kind`.
    pub fn error(&self, kind: ErrorKind) -> AppError {
        AppError::of(kind, self.lang)
    }
}

/// A new session: the raw token goes into the cookie, only its hash into the database.
#[derive(Debug, Clone)]
pub struct SessionGrant {
    /// The cookie value.
    pub token: String,
    /// Seconds until it expires.
    pub max_age_secs: i64,
    /// The account, or `None` while a second factor is pending.
    pub me: Option<Me>,
    /// Where the second-factor code went, when one is pending.
    pub second_factor_phone: Option<String>,
}

/// Sign-in, sessions and the account itself.
#[async_trait]
pub trait AuthPort: Send + Sync {
    /// Sends a sign-in code by SMS, subject to per-number and per-address limits.
    async fn send_code(&self, caller: &Caller, phone: &PhoneNumber) -> Result<CodeSent, AppError>;
    /// Checks a resident's code and opens a session, creating the account on first sign-in.
    async fn sign_in_with_code(
        &self,
        caller: &Caller,
        phone: &PhoneNumber,
        code: &OneTimeCode,
    ) -> Result<SessionGrant, AppError>;
    /// Checks a lawyer's or staff member's password; opens a session, or a pending one and
    /// sends a second-factor code.
    async fn sign_in_with_password(
        &self,
        caller: &Caller,
        login: &str,
        password: &str,
    ) -> Result<SessionGrant, AppError>;
    /// Completes a pending session with its second-factor code.
    async fn complete_second_factor(&self, caller: &Caller, code: &OneTimeCode) -> Result<SessionGrant, AppError>;
    /// Revokes the caller's session.
    async fn sign_out(&self, caller: &Caller) -> Result<(), AppError>;
    /// The caller's account.
    async fn me(&self, caller: &Caller) -> Result<Option<Me>, AppError>;
    /// Remembers the account's language.
    async fn set_language(&self, caller: &Caller, lang: Lang) -> Result<Me, AppError>;
    /// The latest messages of the caller's in-app inbox, newest first.
    async fn inbox(&self, caller: &Caller) -> Result<Vec<Notice>, AppError>;
    /// Remembers the resident's community.
    async fn set_my_community(&self, caller: &Caller, community_id: i64) -> Result<Me, AppError>;
}

/// Streets, communities and their adviser teams: public information.
#[async_trait]
pub trait DirectoryPort: Send + Sync {
    /// Every street with its community count.
    async fn streets(&self, caller: &Caller) -> Result<Vec<Street>, AppError>;
    /// Communities, filtered by street and/or a name fragment.
    async fn communities(
        &self,
        caller: &Caller,
        street_id: Option<i64>,
        query: Option<&str>,
    ) -> Result<Vec<CommunitySummary>, AppError>;
    /// One community with its current team, or 404.
    async fn community(&self, caller: &Caller, community_id: i64) -> Result<CommunityDetail, AppError>;
    /// The programme's counts and gaps (the caller's role is checked by the server function).
    async fn overview(&self, caller: &Caller) -> Result<ProgrammeOverview, AppError>;
    /// The coverage board of a period (the caller's role is checked by the server function).
    async fn board(&self, caller: &Caller, request: BoardRequest) -> Result<Board, AppError>;
    /// A community's assignment history and the lawyers who could take one (staff).
    async fn assignments(&self, caller: &Caller, community_id: i64) -> Result<Assignments, AppError>;
    /// Hands a community's role to a lawyer from a day on (staff).
    async fn assign(&self, caller: &Caller, request: AssignRequest) -> Result<Assignments, AppError>;
    /// Corrects a community's office and quota (staff).
    async fn edit_community(&self, caller: &Caller, request: CommunityEdit) -> Result<Assignments, AppError>;
    /// A page of the audit log (staff).
    async fn audit(&self, caller: &Caller, query: AuditQuery) -> Result<AuditPage, AppError>;
}

/// Duty schedules and bookings.
#[async_trait]
pub trait BookingPort: Send + Sync {
    /// A community's free slots within the booking window.
    async fn availability(&self, caller: &Caller, community_id: i64) -> Result<Availability, AppError>;
    /// Books a slot for the calling resident.
    async fn book(&self, caller: &Caller, request: BookRequest) -> Result<BookingView, AppError>;
    /// Puts the calling resident on a full slot's waitlist.
    async fn join_waitlist(&self, caller: &Caller, request: WaitlistRequest) -> Result<WaitlistJoined, AppError>;
    /// The calling resident's bookings.
    async fn my_bookings(&self, caller: &Caller) -> Result<MyBookings, AppError>;
    /// Cancels one of the calling resident's bookings.
    async fn cancel(&self, caller: &Caller, booking_id: i64, reason: String) -> Result<BookingView, AppError>;
    /// Moves one of the calling resident's bookings to another slot.
    async fn reschedule(&self, caller: &Caller, request: RescheduleRequest) -> Result<BookingView, AppError>;
    /// Rates a completed consultation.
    async fn rate(&self, caller: &Caller, request: RateRequest) -> Result<BookingView, AppError>;
    /// The desk: bookings of the caller's communities (all for staff), from today on.
    async fn desk(&self, caller: &Caller, community_id: Option<i64>) -> Result<Vec<DeskBooking>, AppError>;
    /// A lawyer's or staff member's decision on a booking.
    async fn decide(&self, caller: &Caller, request: DeskRequest) -> Result<DeskBooking, AppError>;
    /// The communities whose desk the caller works (all of them for staff).
    async fn desk_communities(&self, caller: &Caller) -> Result<Vec<CommunitySummary>, AppError>;
    /// A community's recurring duty.
    async fn schedule(&self, caller: &Caller, community_id: i64) -> Result<DutySchedule, AppError>;
    /// Adds a recurring duty period.
    async fn add_duty(&self, caller: &Caller, request: AddDutyRequest) -> Result<DutySchedule, AppError>;
    /// Closes a community's desk on a date, or opens it extra.
    async fn add_exception(&self, caller: &Caller, request: DutyExceptionRequest) -> Result<(), AppError>;
    /// Records leave and hands the lawyer's live bookings in it to the backup.
    async fn record_leave(&self, caller: &Caller, request: LeaveRequest) -> Result<LeaveRecorded, AppError>;
}

/// Duty days, service records and the lawyer's month.
#[async_trait]
pub trait DutyPort: Send + Sync {
    /// The lawyers the caller logs for.
    async fn lawyers(&self, caller: &Caller) -> Result<Vec<LawyerRef>, AppError>;
    /// The lawyer's duty in progress.
    async fn on_duty(&self, caller: &Caller, lawyer_id: i64) -> Result<OnDuty, AppError>;
    /// Starts a duty.
    async fn check_in(&self, caller: &Caller, request: CheckInRequest) -> Result<DutyLog, AppError>;
    /// Ends the duty in progress.
    async fn check_out(&self, caller: &Caller, request: CheckOutRequest) -> Result<DutyLog, AppError>;
    /// Records a service, once per client key.
    async fn record_service(&self, caller: &Caller, request: ServiceRecordRequest) -> Result<ServiceRecord, AppError>;
    /// A lawyer's month.
    async fn month(&self, caller: &Caller, request: MonthRequest) -> Result<MonthSummary, AppError>;
    /// The lawyer confirms or disputes a month.
    async fn review_month(&self, caller: &Caller, request: MonthReviewRequest) -> Result<MonthSummary, AppError>;
    /// Staff lock a month.
    async fn lock_month(&self, caller: &Caller, request: MonthRequest) -> Result<MonthSummary, AppError>;
    /// Asks for a correction.
    async fn request_correction(&self, caller: &Caller, request: CorrectionRequest) -> Result<Correction, AppError>;
    /// Corrections the caller may see.
    async fn corrections(&self, caller: &Caller) -> Result<Vec<Correction>, AppError>;
    /// Approves or rejects a correction.
    async fn decide_correction(&self, caller: &Caller, request: CorrectionDecision) -> Result<Correction, AppError>;
}

/// Everything the server functions can call, provided as context for each request.
#[derive(Clone)]
pub struct Ports {
    /// Sign-in and accounts.
    pub auth: Arc<dyn AuthPort>,
    /// Streets and communities.
    pub directory: Arc<dyn DirectoryPort>,
    /// Duty schedules and bookings.
    pub booking: Arc<dyn BookingPort>,
    /// Duty days and service records.
    pub duty: Arc<dyn DutyPort>,
    /// Private files.
    pub files: Arc<dyn FilesPort>,
    /// The public library.
    pub library: Arc<dyn LibraryPort>,
    /// 普法 articles.
    pub articles: Arc<dyn ArticlesPort>,
    /// Online questions.
    pub questions: Arc<dyn QuestionsPort>,
    /// Staff accounts and assignments in bulk.
    pub registers: Arc<dyn RegistersPort>,
}

impl std::fmt::Debug for Ports {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Ports")
    }
}

/// The ports and the caller of the current request.
///
/// Both are put in place by the server for every `/api/` request; their absence is a wiring
/// bug, reported as an internal error rather than a panic.
pub fn current() -> Result<(Ports, Caller), AppError> {
    let missing = || {
        tracing::error!("server function called without ports or caller in context");
        AppError::internal(Lang::default())
    };
    let parts = leptos::prelude::use_context::<http::request::Parts>().ok_or_else(missing)?;
    let caller = parts.extensions.get::<Caller>().cloned().ok_or_else(missing)?;
    let ports = leptos::prelude::use_context::<Ports>().ok_or_else(missing)?;
    Ok((ports, caller))
}

/// Sets (or, with `None`, clears) the session cookie on the response.
pub fn set_session_cookie(caller: &Caller, grant: Option<&SessionGrant>) {
    let secure = if caller.secure_cookies { "; Secure" } else { "" };
    let cookie = match grant {
        Some(grant) => format!(
            "{SESSION_COOKIE}={}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{secure}",
            grant.token, grant.max_age_secs
        ),
        None => format!("{SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}"),
    };
    if let (Some(options), Ok(value)) =
        (leptos::prelude::use_context::<leptos_axum::ResponseOptions>(), http::HeaderValue::from_str(&cookie))
    {
        options.append_header(http::header::SET_COOKIE, value);
    }
}
