//! The one error type of the server's handlers. A handler refuses a request with an [`AppError`]
//! (already in the caller's language) and lets everything else travel with `?`: a store error
//! becomes a [`Failure`], is logged once at the boundary inside the request's span, and leaves as
//! 500, or 503 when the database or the disk refused a write. The unique keys that guard a rule
//! users can break are named here, once, with the answer they get.

use app::error::{AppError, ErrorKind};
use app::i18n::{Lang, Messages};
use std::fmt;

/// Why a handler did not answer.
#[derive(Debug)]
pub enum Failure {
    /// The request was refused, and this says why.
    Refused(AppError),
    /// A unique key refused a write: a rule the client broke, answered in the caller's language.
    Duplicate(ErrorKind, fn(&Messages) -> &'static str),
    /// The store, or something else on the server side, failed.
    Server(String),
}

/// A unique key that guards a rule, as PostgreSQL names it and as SQLite describes it.
struct UniqueKey {
    postgres: &'static str,
    sqlite: &'static str,
    kind: ErrorKind,
    message: fn(&Messages) -> &'static str,
}

/// The unique keys whose refusal is the client's doing.
const UNIQUE_KEYS: [UniqueKey; 11] = [
    UniqueKey {
        postgres: "bookings_one_live_per_resident_slot",
        sqlite: "bookings.resident_id, bookings.slot_start",
        kind: ErrorKind::Conflict,
        message: |t| t.err_already_booked,
    },
    UniqueKey {
        postgres: "bookings_one_per_seat",
        sqlite: "bookings.community_id, bookings.slot_start, bookings.seat",
        kind: ErrorKind::Conflict,
        message: |t| t.err_already_booked,
    },
    UniqueKey {
        postgres: "duty_logs_one_open",
        sqlite: "duty_logs.lawyer_id",
        kind: ErrorKind::Conflict,
        message: |t| t.err_already_on_duty,
    },
    UniqueKey {
        postgres: "lawyers_licence_unique",
        sqlite: "lawyers.licence_no",
        kind: ErrorKind::Conflict,
        message: |t| t.err_import_duplicate,
    },
    UniqueKey {
        postgres: "referrals_open_per_question",
        sqlite: "referrals.question_id, referrals.kind",
        kind: ErrorKind::Conflict,
        message: |t| t.err_already_referred,
    },
    UniqueKey {
        postgres: "referrals_open_per_booking",
        sqlite: "referrals.booking_id, referrals.kind",
        kind: ErrorKind::Conflict,
        message: |t| t.err_already_referred,
    },
    UniqueKey {
        postgres: "home_visits_resident_slot_idx",
        sqlite: "home_visits.resident_id, home_visits.slot_start",
        kind: ErrorKind::Conflict,
        message: |t| t.err_visit_booked,
    },
    UniqueKey {
        postgres: "home_visits_seat_idx",
        sqlite: "home_visits.organisation_id, home_visits.slot_start, home_visits.seat",
        kind: ErrorKind::Conflict,
        message: |t| t.err_visit_full,
    },
    UniqueKey {
        postgres: "feedback_booking_once_idx",
        sqlite: "feedback.resident_id, feedback.kind, feedback.booking_id",
        kind: ErrorKind::Conflict,
        message: |t| t.err_feedback_once,
    },
    UniqueKey {
        postgres: "feedback_question_once_idx",
        sqlite: "feedback.resident_id, feedback.kind, feedback.question_id",
        kind: ErrorKind::Conflict,
        message: |t| t.err_feedback_once,
    },
    UniqueKey {
        postgres: "organisations_name_unique",
        sqlite: "organisations.name",
        kind: ErrorKind::Conflict,
        message: |t| t.err_organisation_taken,
    },
];

impl From<sqlx::Error> for Failure {
    fn from(error: sqlx::Error) -> Failure {
        if let Some(db) = error.as_database_error().filter(|db| db.is_unique_violation()) {
            let text = db.message();
            let named = |key: &&UniqueKey| {
                db.constraint() == Some(key.postgres)
                    || text.strip_prefix("UNIQUE constraint failed: ") == Some(key.sqlite)
            };
            if let Some(key) = UNIQUE_KEYS.iter().find(named) {
                return Failure::Duplicate(key.kind, key.message);
            }
        }
        Failure::Server(error.to_string())
    }
}

impl From<object_store::Error> for Failure {
    fn from(error: object_store::Error) -> Failure {
        Failure::Server(error.to_string())
    }
}

impl From<AppError> for Failure {
    fn from(error: AppError) -> Failure {
        Failure::Refused(error)
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Refused(error) => write!(f, "{:?}: {}", error.kind, error.message),
            Failure::Duplicate(kind, _) => write!(f, "{kind:?}: duplicate"),
            Failure::Server(text) => f.write_str(text),
        }
    }
}

impl Failure {
    /// What kind of error the client is told of.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Failure::Refused(error) => error.kind,
            Failure::Duplicate(kind, _) => *kind,
            Failure::Server(text) if crate::store::write_refused(text) => ErrorKind::Unavailable,
            Failure::Server(_) => ErrorKind::Internal,
        }
    }

    /// The error the client is sent, in `lang`. A server failure is logged here, once: 503 when
    /// a write was refused (nothing was saved; the client may retry), 500 otherwise.
    pub fn answer(self, lang: Lang) -> AppError {
        match self {
            Failure::Refused(mut error) => {
                if error.message.is_empty() {
                    error.message = error.kind.default_message(lang.texts()).to_owned();
                }
                error
            }
            Failure::Duplicate(kind, message) => AppError::new(kind, message(lang.messages())),
            Failure::Server(text) if crate::store::write_refused(&text) => {
                tracing::error!(error = %text, "write refused: nothing saved");
                AppError::of(ErrorKind::Unavailable, lang)
            }
            Failure::Server(text) => {
                tracing::error!(error = %text, "server failure");
                AppError::internal(lang)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refusal_is_sent_as_it_is_and_a_server_failure_is_not() {
        let refused = Failure::from(AppError::of(ErrorKind::NotFound, Lang::En));
        assert_eq!(refused.kind(), ErrorKind::NotFound);
        assert_eq!(refused.answer(Lang::En).message, "Not found");
        let failed = Failure::from(sqlx::Error::PoolTimedOut);
        assert_eq!(failed.kind(), ErrorKind::Internal);
        let answer = failed.answer(Lang::En);
        assert!(!answer.message.contains("pool"), "{}", answer.message);
        assert_eq!(Failure::Server("database or disk is full".into()).kind(), ErrorKind::Unavailable);
    }
}
