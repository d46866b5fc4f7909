//! The embedded migrations, one SQL text for both databases where SQL allows.
//!
//! Each file uses `{{id}}` for its primary keys; it becomes `INTEGER PRIMARY KEY` on SQLite (the
//! rowid alias) and an identity column on PostgreSQL. Triggers are written differently on each
//! database, so a migration with one has a file per database ([`BY_BACKEND`]). Files are never
//! edited once applied: add a new one.

use super::Backend;
use sqlx::migrate::{Migration, MigrationType, Migrator};
use std::borrow::Cow;

/// Every migration: version, description, SQL.
pub const FILES: &[(i64, &str, &str)] = &[
    (1, "accounts", include_str!("../../migrations/0001_accounts.sql")),
    (2, "directory", include_str!("../../migrations/0002_directory.sql")),
    (3, "outbox audit", include_str!("../../migrations/0003_outbox_audit.sql")),
    (4, "duty schedules", include_str!("../../migrations/0004_duty_schedules.sql")),
    (5, "bookings", include_str!("../../migrations/0005_bookings.sql")),
    (6, "notifications", include_str!("../../migrations/0006_notifications.sql")),
    (7, "waitlist", include_str!("../../migrations/0007_waitlist.sql")),
    (8, "limit keys", include_str!("../../migrations/0008_limit_keys.sql")),
    (9, "duty log", include_str!("../../migrations/0009_duty_log.sql")),
    (10, "documents", include_str!("../../migrations/0010_documents.sql")),
    (11, "questions", include_str!("../../migrations/0011_questions.sql")),
    (12, "fewer writes", include_str!("../../migrations/0012_fewer_writes.sql")),
    (17, "staff streets", include_str!("../../migrations/0017_staff_streets.sql")),
    (18, "locked months", include_str!("../../migrations/0018_locked_months.sql")),
    (19, "lawyer verification", include_str!("../../migrations/0019_lawyer_verification.sql")),
    (20, "sign-in limits", include_str!("../../migrations/0020_sign_in_limits.sql")),
    (21, "duty days", include_str!("../../migrations/0021_duty_days.sql")),
    (22, "district calendar", include_str!("../../migrations/0022_district_calendar.sql")),
    (23, "booking rules", include_str!("../../migrations/0023_booking_rules.sql")),
    (24, "retirement", include_str!("../../migrations/0024_retirement.sql")),
    (26, "place retirement", include_str!("../../migrations/0026_place_retirement.sql")),
    (27, "wechat", include_str!("../../migrations/0027_wechat.sql")),
    (28, "erasure", include_str!("../../migrations/0028_erasure.sql")),
    (29, "consents", include_str!("../../migrations/0029_consents.sql")),
    (30, "access log", include_str!("../../migrations/0030_access_log.sql")),
    (31, "meetings", include_str!("../../migrations/0031_meetings.sql")),
    (32, "resident paths", include_str!("../../migrations/0032_resident_paths.sql")),
    (36, "referrals", include_str!("../../migrations/0036_referrals.sql")),
    (37, "aid applications", include_str!("../../migrations/0037_aid_applications.sql")),
    (38, "webhooks", include_str!("../../migrations/0038_webhooks.sql")),
    (39, "service groups", include_str!("../../migrations/0039_service_groups.sql")),
    (40, "referrals by day", include_str!("../../migrations/0040_referrals_by_day.sql")),
    (41, "api keys", include_str!("../../migrations/0041_api_keys.sql")),
    (42, "matter groups", include_str!("../../migrations/0042_matter_groups.sql")),
    (44, "home visits", include_str!("../../migrations/0044_home_visits.sql")),
    (45, "feedback", include_str!("../../migrations/0045_feedback.sql")),
    (46, "evaluations", include_str!("../../migrations/0046_evaluations.sql")),
    (47, "incidents", include_str!("../../migrations/0047_incidents.sql")),
    (48, "quality reviews", include_str!("../../migrations/0048_quality_reviews.sql")),
    (49, "quizzes", include_str!("../../migrations/0049_quizzes.sql")),
    (50, "service points", include_str!("../../migrations/0050_service_points.sql")),
    (52, "open questions", include_str!("../../migrations/0052_open_questions.sql")),
    (53, "bookings by lawyer and by time", include_str!("../../migrations/0053_bookings_by_time.sql")),
];

/// Migrations written once per database: version, description, SQLite's SQL, PostgreSQL's.
pub const BY_BACKEND: &[(i64, &str, &str, &str)] = &[
    (
        13,
        "booking sms",
        include_str!("../../migrations/0013_booking_sms.sqlite.sql"),
        include_str!("../../migrations/0013_booking_sms.postgres.sql"),
    ),
    (
        14,
        "board rollups",
        include_str!("../../migrations/0014_board_rollups.sqlite.sql"),
        include_str!("../../migrations/0014_board_rollups.postgres.sql"),
    ),
    (
        15,
        "board quotas",
        include_str!("../../migrations/0015_board_quotas.sqlite.sql"),
        include_str!("../../migrations/0015_board_quotas.postgres.sql"),
    ),
    (
        16,
        "board programme",
        include_str!("../../migrations/0016_board_programme.sqlite.sql"),
        include_str!("../../migrations/0016_board_programme.postgres.sql"),
    ),
    (
        25,
        "template sms",
        include_str!("../../migrations/0025_template_sms.sqlite.sql"),
        include_str!("../../migrations/0025_template_sms.postgres.sql"),
    ),
    (
        33,
        "consent codes",
        include_str!("../../migrations/0033_consent_codes.sqlite.sql"),
        include_str!("../../migrations/0033_consent_codes.postgres.sql"),
    ),
    (
        34,
        "one-trip booking",
        include_str!("../../migrations/0034_one_trip_booking.sqlite.sql"),
        include_str!("../../migrations/0034_one_trip_booking.postgres.sql"),
    ),
    (
        35,
        "agency role",
        include_str!("../../migrations/0035_agency_role.sqlite.sql"),
        include_str!("../../migrations/0035_agency_role.postgres.sql"),
    ),
    (
        43,
        "board queue",
        include_str!("../../migrations/0043_board_queue.sqlite.sql"),
        include_str!("../../migrations/0043_board_queue.postgres.sql"),
    ),
    (
        51,
        "board coverage",
        include_str!("../../migrations/0051_board_coverage.sqlite.sql"),
        include_str!("../../migrations/0051_board_coverage.postgres.sql"),
    ),
    (
        54,
        "cheaper booking",
        include_str!("../../migrations/0054_cheaper_booking.sqlite.sql"),
        include_str!("../../migrations/0054_cheaper_booking.postgres.sql"),
    ),
];

/// The migrator for `backend`.
pub fn migrator(backend: Backend) -> Migrator {
    let id = match backend {
        Backend::Sqlite => "INTEGER PRIMARY KEY",
        Backend::Postgres => "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
    };
    let by_backend = BY_BACKEND.iter().map(|(version, description, sqlite, postgres)| {
        (version, description, if backend == Backend::Sqlite { sqlite } else { postgres })
    });
    let mut migrations = FILES
        .iter()
        .map(|(version, description, sql)| (version, description, sql))
        .chain(by_backend)
        .map(|(version, description, sql)| {
            Migration::new(
                *version,
                Cow::Borrowed(description),
                MigrationType::Simple,
                Cow::Owned(sql.replace("{{id}}", id)),
                false,
            )
        })
        .collect::<Vec<_>>();
    // Applied in order of version, whichever list holds them.
    migrations.sort_by_key(|m| m.version);
    Migrator { migrations: Cow::Owned(migrations), ..Migrator::DEFAULT }
}
