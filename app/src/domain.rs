//! Domain values parsed the same way in the browser (for instant feedback) and on the server
//! (which never trusts the browser).

/// `as_str`, `from_db` and `ALL` for an enum stored by name.
macro_rules! stored_names {
    ($ty:ty { $($variant:ident = $name:literal),* $(,)? }) => {
        impl $ty {
            /// Every value.
            pub const ALL: &'static [$ty] = &[$(<$ty>::$variant),*];
            /// The name stored in the database and used on the wire.
            pub fn as_str(self) -> &'static str {
                match self { $(<$ty>::$variant => $name),* }
            }
            /// Reads a stored name.
            pub fn from_db(value: &str) -> Option<$ty> {
                match value { $($name => Some(<$ty>::$variant),)* _ => None }
            }
        }
    };
}

mod booking;
mod booking_rules;
mod district_calendar;
mod document;
mod duty;
mod feedback;
mod home_visit;
mod html;
mod identifying;
mod one_time_code;
mod period;
mod phone;
#[cfg(test)]
mod properties;
mod question;
mod referral;
mod role;
mod text;

pub use booking::{required_text, BookingStatus, Channel, TextProblem, Topic, MAX_DESCRIPTION_CHARS, MAX_REASON_CHARS};
pub use booking_rules::{rules, BookingRules, RuleProblem, MAX_WINDOW_DAYS};
pub use district_calendar::{check_day, DayKind, DayProblem, DistrictCalendar, MAX_DAY_NAME_CHARS};
pub use document::{
    clean_file_name, parse_tags, FileKind, MAX_ARTICLE_CHARS, MAX_FILE_NAME_CHARS, MAX_QUERY_CHARS, MAX_SUMMARY_CHARS,
    MAX_TAGS, MAX_TAG_CHARS, MAX_TITLE_CHARS,
};
pub use duty::{
    distance_m, duty_rules, month_bounds, month_of, valid_position, CorrectionStatus, DutyEnd, MonthStatus, Need,
    ServiceCategory,
};
pub use feedback::{FeedbackChannel, FeedbackKind, FeedbackStatus, MAX_FEEDBACK_CHARS, MAX_WANTED_CHARS};
pub use home_visit::{age_on, birth_date, free_visit, VisitMatter, VisitStatus, FREE_WILL_AGE};
pub use html::SafeHtml;
pub use identifying::{digit_runs, identifying, IDENTIFYING_DIGITS};
pub use one_time_code::OneTimeCode;
pub use period::Period;
pub use phone::{fold_width, PhoneNumber};
pub use question::{
    add_working_hours, QuestionStatus, RouteStep, MAX_QUESTION_ATTACHMENTS, MAX_QUESTION_TEXT_CHARS,
    MAX_QUESTION_TITLE_CHARS, QUESTIONS_PER_DAY,
};
pub use referral::{
    Hardship, ReferralKind, ReferralOutcome, ReferralStatus, SpecialGroup, MAX_HOUSEHOLD, MAX_MONTHLY_INCOME,
    MAX_REFERRAL_DOCUMENTS, MAX_REFERRAL_TEXT_CHARS, REFERRAL_ANSWER_DAYS,
};
pub use role::{AssignmentRole, Role};
pub use text::{clean_text, is_hidden};
