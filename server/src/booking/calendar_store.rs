//! Loads a community's [`Calendar`] for a date range.

use super::slots::{Calendar, DutyRule};
use crate::store::Store;
use app::domain::Channel;
use app::model::DutyPeriod;
use app::time::{format_hh_mm, parse_hh_mm, Instant, LocalDate};

/// Reads `in_person,phone` into channels, skipping unknown names.
pub fn channels(text: &str) -> Vec<Channel> {
    text.split(',').filter_map(|c| Channel::from_db(c.trim())).collect()
}

/// Writes channels as stored.
pub fn channels_text(channels: &[Channel]) -> String {
    channels.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(",")
}

/// id, lawyer, weekday, start, end, slot minutes, seats, channels, instant.
type PeriodRow = (i64, i64, i64, i64, i64, i64, i64, String, i64);

/// A community's recurring duty periods in force today or later, by weekday and time.
pub async fn periods(store: &Store, community_id: i64, today: LocalDate) -> Result<Vec<DutyPeriod>, sqlx::Error> {
    let rows: Vec<PeriodRow> = sqlx::query_as(
        "SELECT id, lawyer_id, weekday, start_minute, end_minute, slot_minutes, seats, channels, instant FROM duty_schedules \
         WHERE community_id = $1 AND (valid_until IS NULL OR valid_until >= $2) ORDER BY weekday, start_minute",
    )
    .bind(community_id)
    .bind(today.to_string())
    .fetch_all(&store.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, lawyer_id, weekday, start, end, slot, seats, channel_text, instant)| DutyPeriod {
            id,
            lawyer_id,
            weekday: weekday as u8,
            start: format_hh_mm(start as u32),
            end: format_hh_mm(end as u32),
            slot_minutes: slot as u32,
            seats: seats as u32,
            channels: channels(&channel_text),
            instant: instant == 1,
        })
        .collect())
}

/// on_date, kind, lawyer, start, end, slot minutes, seats, channels.
type ExceptionRow = (String, String, Option<i64>, Option<i64>, Option<i64>, Option<i64>, Option<i64>, Option<String>);

type RuleRow = (i64, i64, i64, i64, i64, i64, String, i64, String, Option<String>);

fn rule(row: RuleRow) -> Option<DutyRule> {
    let (lawyer_id, weekday, start, end, slot, seats, channel_text, instant, from, until) = row;
    Some(DutyRule {
        lawyer_id,
        weekday: u8::try_from(weekday).ok()?,
        start_minute: u32::try_from(start).ok()?,
        end_minute: u32::try_from(end).ok()?,
        slot_minutes: u32::try_from(slot).ok()?,
        seats: u32::try_from(seats).ok()?,
        channels: channels(&channel_text),
        instant: instant == 1,
        valid_from: LocalDate::parse(&from)?,
        valid_until: until.as_deref().and_then(LocalDate::parse),
    })
}

/// The community's calendar between `from` and `to` (inclusive).
pub async fn load(store: &Store, community_id: i64, from: LocalDate, to: LocalDate) -> Result<Calendar, sqlx::Error> {
    let (from_text, to_text) = (from.to_string(), to.to_string());
    let rows: Vec<RuleRow> = sqlx::query_as(
        "SELECT lawyer_id, weekday, start_minute, end_minute, slot_minutes, seats, channels, instant, valid_from, valid_until \
         FROM duty_schedules WHERE community_id = $1 AND valid_from <= $2 AND (valid_until IS NULL OR valid_until >= $3) ORDER BY start_minute, id",
    )
    .bind(community_id)
    .bind(&to_text)
    .bind(&from_text)
    .fetch_all(&store.pool)
    .await?;
    let rules = rows.into_iter().filter_map(rule).collect();

    let exceptions: Vec<ExceptionRow> = sqlx::query_as(
        "SELECT on_date, kind, lawyer_id, start_minute, end_minute, slot_minutes, seats, channels FROM duty_exceptions \
         WHERE community_id = $1 AND on_date >= $2 AND on_date <= $3 ORDER BY id",
    )
    .bind(community_id)
    .bind(&from_text)
    .bind(&to_text)
    .fetch_all(&store.pool)
    .await?;
    let mut calendar = Calendar { rules, ..Calendar::default() };
    for (on, kind, lawyer, start, end, slot, seats, channel_text) in exceptions {
        let Some(date) = LocalDate::parse(&on) else { continue };
        match (kind.as_str(), lawyer, start, end, slot, seats, channel_text) {
            ("closed", ..) => {
                calendar.closed.insert(date);
            }
            ("extra", Some(lawyer), Some(start), Some(end), Some(slot), Some(seats), Some(channel_text)) => {
                let row =
                    (lawyer, i64::from(date.weekday()), start, end, slot, seats, channel_text, 1, on.clone(), None);
                if let Some(rule) = rule(row) {
                    calendar.extras.push((date, rule));
                }
            }
            _ => {}
        }
    }

    let holidays: Vec<String> =
        sqlx::query_scalar("SELECT on_date FROM holidays WHERE on_date >= $1 AND on_date <= $2")
            .bind(&from_text)
            .bind(&to_text)
            .fetch_all(&store.pool)
            .await?;
    calendar.closed.extend(holidays.iter().filter_map(|d| LocalDate::parse(d)));

    let leave: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT l.lawyer_id, l.starts_on, l.ends_on FROM leaves l JOIN assignments a ON a.lawyer_id = l.lawyer_id \
         WHERE a.community_id = $1 AND l.ends_on >= $2 AND l.starts_on <= $3",
    )
    .bind(community_id)
    .bind(&from_text)
    .bind(&to_text)
    .fetch_all(&store.pool)
    .await?;
    calendar.leave =
        leave.into_iter().filter_map(|(who, a, b)| Some((who, LocalDate::parse(&a)?, LocalDate::parse(&b)?))).collect();

    calendar.backups = sqlx::query_scalar(
        "SELECT lawyer_id FROM assignments WHERE community_id = $1 AND role IN ('b', 'coordinator') AND starts_on <= $2 \
         AND (ends_on IS NULL OR ends_on >= $2) ORDER BY CASE role WHEN 'b' THEN 0 ELSE 1 END, id",
    )
    .bind(community_id)
    .bind(&from_text)
    .fetch_all(&store.pool)
    .await?;

    let taken: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT slot_start, COUNT(*) FROM booking_seats WHERE community_id = $1 AND slot_start >= $2 AND slot_start < $3 GROUP BY slot_start",
    )
    .bind(community_id)
    .bind(from.start().0)
    .bind(to.plus_days(1).start().0)
    .fetch_all(&store.pool)
    .await?;
    calendar.taken = taken.into_iter().map(|(at, n)| (Instant(at), u32::try_from(n).unwrap_or(u32::MAX))).collect();
    Ok(calendar)
}

/// Reads `HH:MM` for a schedule form; `None` when it is not a time of day.
pub fn minutes(text: &str) -> Option<u32> {
    parse_hh_mm(text)
}
