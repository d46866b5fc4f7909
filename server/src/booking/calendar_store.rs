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

/// A recurring duty period as stored.
#[derive(sqlx::FromRow)]
struct PeriodRow {
    id: i64,
    lawyer_id: i64,
    weekday: i64,
    start_minute: i64,
    end_minute: i64,
    slot_minutes: i64,
    seats: i64,
    channels: String,
    instant: i64,
}

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
        .map(|row| DutyPeriod {
            id: row.id,
            lawyer_id: row.lawyer_id,
            weekday: row.weekday as u8,
            start: format_hh_mm(row.start_minute as u32),
            end: format_hh_mm(row.end_minute as u32),
            slot_minutes: row.slot_minutes as u32,
            seats: row.seats as u32,
            channels: channels(&row.channels),
            instant: row.instant == 1,
        })
        .collect())
}

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

/// One row of the calendar query: a part tag, seven numbers and three texts, whose meaning
/// depends on the part (see [`CALENDAR`]).
type PartRow = (
    String,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// Every part of a community's calendar in one statement. Each database round trip costs more
/// than the rows it returns (on SQLite, two thread hand-overs), and a booking reads the calendar
/// before it writes. $1 community, $2 first date, $3 last date, $4..$5 the instants whose taken
/// seats are read. Parts: duty rules, exceptions (closed and extra days), holidays, leave of
/// the community's lawyers, backups (B before coordinators), and seats taken per slot.
const CALENDAR: &str = "\
    SELECT 'rule', lawyer_id, weekday, start_minute, end_minute, slot_minutes, seats, instant, channels, valid_from, valid_until \
      FROM duty_schedules WHERE community_id = $1 AND valid_from <= $3 AND (valid_until IS NULL OR valid_until >= $2) \
    UNION ALL SELECT kind, lawyer_id, id, start_minute, end_minute, slot_minutes, seats, NULL, channels, on_date, NULL \
      FROM duty_exceptions WHERE community_id = $1 AND on_date >= $2 AND on_date <= $3 \
    UNION ALL SELECT 'holiday', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, on_date, NULL \
      FROM holidays WHERE on_date >= $2 AND on_date <= $3 \
    UNION ALL SELECT 'leave', l.lawyer_id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, l.starts_on, l.ends_on \
      FROM leaves l JOIN assignments a ON a.lawyer_id = l.lawyer_id WHERE a.community_id = $1 AND l.ends_on >= $2 AND l.starts_on <= $3 \
    UNION ALL SELECT 'backup', lawyer_id, CASE role WHEN 'b' THEN 0 ELSE 1 END, id, NULL, NULL, NULL, NULL, NULL, NULL, NULL \
      FROM assignments WHERE community_id = $1 AND role IN ('b', 'coordinator') AND starts_on <= $2 AND (ends_on IS NULL OR ends_on >= $2) \
    UNION ALL SELECT 'taken', slot_start, COUNT(*), NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL \
      FROM bookings WHERE community_id = $1 AND slot_start >= $4 AND slot_start < $5 AND seat IS NOT NULL \
      AND status NOT IN ('cancelled', 'declined') GROUP BY slot_start";

/// The names a booking shows, read with its calendar: the community's, and those of the lawyers
/// who could hold its slots.
const NAMES: &str = "\
    UNION ALL SELECT 'community', NULL, NULL, NULL, NULL, NULL, NULL, NULL, name, office_address, NULL \
      FROM communities WHERE id = $1 \
    UNION ALL SELECT 'lawyer', id, NULL, NULL, NULL, NULL, NULL, NULL, name, NULL, NULL FROM lawyers WHERE id IN ( \
      SELECT lawyer_id FROM duty_schedules WHERE community_id = $1 UNION SELECT lawyer_id FROM duty_exceptions \
      WHERE community_id = $1 UNION SELECT lawyer_id FROM assignments WHERE community_id = $1)";

/// The community's calendar between `from` and `to` (inclusive), with the seats taken.
pub async fn load(store: &Store, community_id: i64, from: LocalDate, to: LocalDate) -> Result<Calendar, sqlx::Error> {
    load_with(store, community_id, from, to, from.start().0..to.plus_days(1).start().0).await
}

/// The calendar of the day of the slot starting at `start`, with the seats taken of that slot
/// only and the names its booking shows: what a booking needs, in one statement.
pub async fn for_slot(store: &Store, community_id: i64, start: Instant) -> Result<Calendar, sqlx::Error> {
    static QUERY: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| format!("{CALENDAR} {NAMES}"));
    let date = start.to_shanghai().0;
    read(store, &QUERY, community_id, date, date, start.0..start.0 + 1).await
}

/// The duty schedule alone, without seats (for duty logging).
pub async fn schedule(
    store: &Store,
    community_id: i64,
    from: LocalDate,
    to: LocalDate,
) -> Result<Calendar, sqlx::Error> {
    load_with(store, community_id, from, to, 0..0).await
}

async fn load_with(
    store: &Store,
    community_id: i64,
    from: LocalDate,
    to: LocalDate,
    taken: std::ops::Range<i64>,
) -> Result<Calendar, sqlx::Error> {
    read(store, CALENDAR, community_id, from, to, taken).await
}

async fn read(
    store: &Store,
    query: &str,
    community_id: i64,
    from: LocalDate,
    to: LocalDate,
    taken: std::ops::Range<i64>,
) -> Result<Calendar, sqlx::Error> {
    let rows: Vec<PartRow> = sqlx::query_as(query)
        .bind(community_id)
        .bind(from.to_string())
        .bind(to.to_string())
        .bind(taken.start)
        .bind(taken.end)
        .fetch_all(&store.pool)
        .await?;
    let mut calendar = Calendar::default();
    // Rules by start time, then as written; exceptions as written; backups B first.
    let mut rules: Vec<(i64, usize, DutyRule)> = Vec::new();
    let mut extras: Vec<(i64, LocalDate, DutyRule)> = Vec::new();
    let mut backups: Vec<(i64, i64, i64)> = Vec::new();
    for (part, n1, n2, n3, n4, n5, n6, n7, text1, text2, text3) in rows {
        match part.as_str() {
            "rule" => {
                let (Some(lawyer), Some(weekday), Some(start), Some(end), Some(slot), Some(seats), Some(instant)) =
                    (n1, n2, n3, n4, n5, n6, n7)
                else {
                    continue;
                };
                let row = (
                    lawyer,
                    weekday,
                    start,
                    end,
                    slot,
                    seats,
                    text1.unwrap_or_default(),
                    instant,
                    text2.unwrap_or_default(),
                    text3,
                );
                if let Some(rule) = rule(row) {
                    rules.push((i64::from(rule.start_minute), rules.len(), rule));
                }
            }
            "closed" => calendar.closed.extend(text2.as_deref().and_then(LocalDate::parse)),
            "extra" => {
                let (
                    Some(lawyer),
                    Some(id),
                    Some(start),
                    Some(end),
                    Some(slot),
                    Some(seats),
                    Some(channel_text),
                    Some(on),
                ) = (n1, n2, n3, n4, n5, n6, text1, text2)
                else {
                    continue;
                };
                let Some(date) = LocalDate::parse(&on) else { continue };
                let row = (lawyer, i64::from(date.weekday()), start, end, slot, seats, channel_text, 1, on, None);
                if let Some(rule) = rule(row) {
                    extras.push((id, date, rule));
                }
            }
            "holiday" => calendar.closed.extend(text2.as_deref().and_then(LocalDate::parse)),
            "leave" => {
                if let (Some(who), Some(a), Some(b)) =
                    (n1, text2.as_deref().and_then(LocalDate::parse), text3.as_deref().and_then(LocalDate::parse))
                {
                    calendar.leave.push((who, a, b));
                }
            }
            "backup" => {
                if let (Some(who), Some(rank), Some(id)) = (n1, n2, n3) {
                    backups.push((rank, id, who));
                }
            }
            "taken" => {
                if let (Some(at), Some(n)) = (n1, n2) {
                    calendar.taken.insert(Instant(at), u32::try_from(n).unwrap_or(u32::MAX));
                }
            }
            "community" => calendar.community = Some((text1.unwrap_or_default(), text2.unwrap_or_default())),
            "lawyer" => {
                if let (Some(id), Some(name)) = (n1, text1) {
                    calendar.lawyer_names.insert(id, name);
                }
            }
            _ => {}
        }
    }
    rules.sort_by_key(|(start, order, _)| (*start, *order));
    calendar.rules = rules.into_iter().map(|(_, _, rule)| rule).collect();
    extras.sort_by_key(|(id, _, _)| *id);
    calendar.extras = extras.into_iter().map(|(_, date, rule)| (date, rule)).collect();
    backups.sort_unstable();
    calendar.backups = backups.into_iter().map(|(_, _, who)| who).collect();
    Ok(calendar)
}

/// Reads `HH:MM` for a schedule form; `None` when it is not a time of day.
pub fn minutes(text: &str) -> Option<u32> {
    parse_hh_mm(text)
}
