//! The API's table: every declared endpoint and the feature function that answers it. One line
//! per endpoint; the access rule travels with the declaration in `app::api`.

use crate::http::endpoint::endpoint;
use crate::state::AppState;
use crate::{
    admin, articles, assisted, auth, board, booking, directory, duty, evaluation, feedback, files, incidents, library,
    points, questions, quizzes, referrals, scope,
};
use app::api::account::*;
use app::api::articles::*;
use app::api::assisted::*;
use app::api::auth::*;
use app::api::booking::*;
use app::api::calendar::*;
use app::api::desk::*;
use app::api::directory::*;
use app::api::duty::*;
use app::api::evaluations::*;
use app::api::feedback::*;
use app::api::files::*;
use app::api::home_visits::*;
use app::api::incidents::*;
use app::api::library::*;
use app::api::points::*;
use app::api::questions::*;
use app::api::referrals::*;
use app::api::registers::*;
use app::api::staff::*;
use app::api::themes::*;
use app::api::{Access, Endpoint};
use axum::Router;

/// Routes each endpoint to its handler, `async fn(&Part, &Caller, Request)`, and lists them.
macro_rules! api {
    ($($endpoint:ident => $handler:path,)*) => {
        /// Every endpoint: its path and who may call it.
        pub const DECLARED: &[(&str, Access)] = &[$((<$endpoint as Endpoint>::PATH, <$endpoint as Endpoint>::ACCESS)),*];

        /// Every endpoint as the API document describes it, its types' schemas from `generator`.
        pub fn operations(generator: &mut schemars::SchemaGenerator) -> Vec<crate::http::openapi::Operation> {
            vec![$(crate::http::openapi::Operation {
                path: <$endpoint as Endpoint>::PATH,
                access: <$endpoint as Endpoint>::ACCESS,
                doc: <$endpoint as Endpoint>::DOC,
                request: generator.subschema_for::<<$endpoint as Endpoint>::Request>(),
                response: generator.subschema_for::<<$endpoint as Endpoint>::Response>(),
            }),*]
        }

        /// The router of every endpoint.
        pub fn endpoints() -> Router<AppState> {
            Router::new()
                $(.route(
                    <$endpoint as Endpoint>::PATH,
                    endpoint::<$endpoint, _, _, _>(|part, caller, request| async move {
                        $handler(&part, &caller, request).await
                    }),
                ))*
        }
    };
}

api! {
    GetSession => auth::AuthService::session,
    SetLanguage => auth::AuthService::set_language,
    SetMyCommunity => auth::AuthService::set_my_community,
    GetInbox => auth::AuthService::inbox,
    SendSignInCode => auth::AuthService::send_code,
    SignInWithCode => auth::AuthService::sign_in_with_code,
    SignInWithPassword => auth::AuthService::sign_in_with_password,
    CompleteSecondFactor => auth::AuthService::complete_second_factor,
    SignOut => auth::AuthService::sign_out,

    GetAvailability => booking::BookingService::availability,
    BookSlot => booking::BookingService::book,
    ListMyBookings => booking::BookingService::my_bookings,
    CancelBooking => booking::changes::cancel,
    RescheduleBooking => booking::changes::reschedule,
    RateBooking => booking::changes::rate,
    JoinWaitlist => booking::waitlist::join,

    ListDeskBookings => booking::desk::list,
    DecideBooking => booking::desk::decide,
    ListDeskCommunities => booking::desk::communities,
    GetDutySchedule => booking::schedule::get,
    AddDutyPeriod => booking::schedule::add,
    GetDutyPlan => booking::duty_plan::plan,
    PreviewDuty => booking::duty_plan::preview,
    EndDutyPeriod => booking::duty_plan::end,
    AddDutyException => booking::schedule::add_exception,
    RecordLeave => booking::schedule::record_leave,
    CallResident => booking::desk::call,
    SetMeetingLink => booking::meeting::link,
    SettleBookings => booking::settle::settle,
    CloseStreet => booking::settle::close_street,

    ListStreets => directory::streets,
    ListCommunities => directory::communities,
    GetCommunity => directory::community,

    ListDutyLawyers => scope::advisers::lawyers,
    GetDutyStatus => duty::logs::on_duty,
    CheckIn => duty::logs::check_in,
    CheckOut => duty::logs::check_out,
    RecordService => duty::records::record,
    GetDutyMonth => duty::month::summary,
    ReviewDutyMonth => duty::month::review,
    LockDutyMonth => duty::month::lock,
    RequestCorrection => duty::corrections::request,
    ListCorrections => duty::corrections::list,
    DecideCorrection => duty::corrections::decide,

    ShareFile => files::private::share,
    MyFiles => files::private::mine,
    ResidentsFiles => files::private::shared_with_me,
    DeleteFile => files::private::delete,

    SearchLibrary => library::LibraryService::search,
    GetDocument => library::LibraryService::document,
    PublishDocument => library::LibraryService::publish,
    ReviseDocument => library::LibraryService::revise,

    ArticleFeed => articles::ArticlesService::feed,
    ReadArticle => articles::ArticlesService::read,
    SaveArticle => articles::ArticlesService::save,
    AllArticles => articles::ArticlesService::all,
    SetArticleSms => articles::ArticlesService::set_sms,

    AskQuestion => questions::ask::ask,
    SendConsentCode => auth::AuthService::send_consent_code,
    BookForResident => assisted::book,
    AskForResident => assisted::ask,
    MyQuestions => questions::mine,
    GetQuestion => questions::replies::thread,
    InspectQuestion => questions::replies::inspect,
    FollowUpQuestion => questions::replies::follow_up,
    AcceptAnswer => questions::replies::accept,
    RateAnswer => questions::replies::rate,
    QuestionQueue => questions::replies::queue,
    ClaimQuestion => questions::replies::claim,
    AnswerQuestion => questions::replies::answer,
    RequestInformation => questions::replies::request_info,
    CloseQuestion => questions::replies::close,
    ReassignQuestion => questions::replies::reassign,
    PublishFaq => questions::faq::publish,
    SearchFaqs => questions::faq::search,

    ListOrganisations => referrals::organisations,
    CreateReferral => referrals::create,
    SentReferrals => referrals::sent,
    WithdrawReferral => referrals::withdraw,
    MyReferrals => referrals::mine,
    ConsentToReferral => referrals::consent,
    ReferralQueue => referrals::queue,
    AnswerReferral => referrals::answer,
    CloseReferral => referrals::close,
    SendReferralConsentCode => referrals::send_consent_code,
    GetScorecards => evaluation::scorecards,
    ConcludeYear => evaluation::conclude,
    MyScorecard => evaluation::mine,
    AnswerEvaluation => evaluation::answer,
    DrawQualityReview => evaluation::draw_review,
    QualityReviews => evaluation::reviews,
    ScoreReviewItem => evaluation::score_item,
    MyReviewFindings => evaluation::my_findings,
    FeedbackMatters => feedback::matters,
    SendFeedback => feedback::send,
    MyFeedback => feedback::mine,
    StaffFeedback => feedback::list,
    ReplyToComplaint => feedback::reply,
    RecordThanks => feedback::record_thanks,
    GetServicePoints => points::list,
    SaveServicePoint => points::save,
    SetLectureTarget => points::set_target,
    CurrentTheme => quizzes::current,
    TakeTheQuiz => quizzes::take,
    SaveMonthTheme => quizzes::save,
    ThemeStats => quizzes::stats,
    StaffIncidents => incidents::list,
    OpenIncidentTeam => incidents::open,
    SetIncidentTeam => incidents::set_team,
    CloseIncidentTeam => incidents::close,
    MyIncidents => incidents::mine,
    RecordIncidentService => incidents::record,
    NotaryOffices => referrals::visits::offices,
    VisitTimes => referrals::visits::slots,
    BookVisit => referrals::visits::book,
    MyVisits => referrals::visits::mine,
    CancelVisit => referrals::visits::cancel,
    GetVisitHours => referrals::visits::hours,
    SaveVisitHours => referrals::visits::save_hours,
    OfficeVisits => referrals::visits::office_visits,
    FinishVisit => referrals::visits::finish,
    GetOrganisations => admin::organisations::list,
    SaveOrganisation => admin::organisations::save,
    GetWebhooks => admin::webhooks::list,
    SaveWebhook => admin::webhooks::save,
    GetApiKeys => admin::api_keys::list,
    SaveApiKey => admin::api_keys::save,

    GetProgrammeOverview => directory::overview,
    GetBoard => board::board,
    GetAssignments => admin::assignments::list,
    Assign => admin::assignments::assign,
    EditCommunity => admin::communities::edit,
    ImportLawyers => admin::import::lawyers,
    ReadAudit => admin::audit_log::read,

    GetStaffAccounts => admin::accounts::list,
    SaveStaffAccount => admin::accounts::save,
    ImportAssignments => admin::import_assignments::assignments,
    GetLawyers => admin::lawyers::list,
    SaveLawyer => admin::lawyers::save_lawyer,
    SetLawyerAccount => admin::lawyer_account::save,
    SaveFirm => admin::lawyers::save_firm,
    RetireLawyer => booking::retire::lawyer,
    RetireCommunity => booking::retire_place::community,
    RetireStreet => admin::places::retire_street,
    GetPlaces => admin::places::list,
    SaveStreet => admin::places::save_street,
    SaveCommunity => admin::places::save_community,
    AddMember => admin::lawyers::add_member,
    RemoveMember => admin::lawyers::remove_member,

    GetCalendar => admin::calendar::year,
    SaveCalendarDay => admin::calendar::save,
    RemoveCalendarDay => admin::calendar::remove,
    ImportCalendar => admin::calendar::import,
    GetSetupChecklist => admin::setup::checklist,
    GetMessageCounts => admin::messages::counts,
    GetBookingRules => booking::rules::get,
    SaveBookingRules => booking::rules::save,
    ClearBookingRules => booking::rules::clear,
}
