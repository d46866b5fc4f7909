//! Loads a community's [`Calendar`] for a date range.

use super::slots::{Calendar, DutyRule};
use crate::store::{day_in_text, Store};
use app::domain::{BookingRules, Channel};
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
pub(super) struct PeriodRow {
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
    Ok(rows.into_iter().map(PeriodRow::period).collect())
}

impl PeriodRow {
    /// The period as the wire carries it.
    pub(super) fn period(self) -> DutyPeriod {
        DutyPeriod {
            id: self.id,
            lawyer_id: self.lawyer_id,
            weekday: u8::try_from(self.weekday).unwrap_or(1),
            start: format_hh_mm(u32::try_from(self.start_minute).unwrap_or(0)),
            end: format_hh_mm(u32::try_from(self.end_minute).unwrap_or(0)),
            slot_minutes: u32::try_from(self.slot_minutes).unwrap_or(0),
            seats: u32::try_from(self.seats).unwrap_or(0),
            channels: channels(&self.channels),
            instant: self.instant == 1,
        }
    }
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

/// One row of the calendar query: a part, seven numbers and three texts, whose meaning depends
/// on the part (see [`CALENDAR`]).
#[derive(sqlx::FromRow)]
struct Part {
    part: String,
    n1: Option<i64>,
    n2: Option<i64>,
    n3: Option<i64>,
    n4: Option<i64>,
    n5: Option<i64>,
    n6: Option<i64>,
    n7: Option<i64>,
    t1: Option<String>,
    t2: Option<String>,
    t3: Option<String>,
}

impl Part {
    /// A `rule`: lawyer, weekday, start, end, slot, seats, instant; channels, from, until.
    fn rule(self) -> Option<DutyRule> {
        let (lawyer, weekday, start, end, slot, seats, instant) =
            (self.n1?, self.n2?, self.n3?, self.n4?, self.n5?, self.n6?, self.n7?);
        rule((
            lawyer,
            weekday,
            start,
            end,
            slot,
            seats,
            self.t1.unwrap_or_default(),
            instant,
            self.t2.unwrap_or_default(),
            self.t3,
        ))
    }

    /// Booking `rules`: rank (1 the community's, 0 the district's), then the six rules in the order
    /// of [`BookingRules`].
    fn booking_rules(&self) -> Option<(i64, BookingRules)> {
        let rules = BookingRules {
            min_notice_minutes: self.n2?,
            window_days: self.n3?,
            max_live_bookings: self.n4?,
            change_cutoff_minutes: self.n5?,
            first_reminder_minutes: self.n6?,
            second_reminder_minutes: self.n7?,
        };
        Some((self.n1?, rules))
    }

    /// An `extra` day: lawyer, id, start, end, slot, seats; channels, date. Its id orders it.
    fn extra(self) -> Option<(i64, LocalDate, DutyRule)> {
        let (lawyer, id, start, end, slot, seats) = (self.n1?, self.n2?, self.n3?, self.n4?, self.n5?, self.n6?);
        let (channel_text, on) = (self.t1?, self.t2?);
        let date = LocalDate::parse(&on)?;
        let rule = rule((lawyer, i64::from(date.weekday()), start, end, slot, seats, channel_text, 1, on, None))?;
        Some((id, date, rule))
    }
}

/// A calendar as its parts are read: rules by start time, then as written; extra days by id;
/// backups B before coordinators.
#[derive(Default)]
struct Reading {
    calendar: Calendar,
    rules: Vec<(i64, usize, DutyRule)>,
    extras: Vec<(i64, LocalDate, DutyRule)>,
    backups: Vec<(i64, i64, i64)>,
    /// The booking rules read, with their rank (a community's above the district's).
    booking_rules: Option<(i64, BookingRules)>,
}

impl Reading {
    fn add(&mut self, part: Part) {
        let date = |text: &Option<String>| text.as_deref().and_then(LocalDate::parse);
        let calendar = &mut self.calendar;
        match part.part.as_str() {
            "rule" => {
                if let Some(rule) = part.rule() {
                    self.rules.push((i64::from(rule.start_minute), self.rules.len(), rule));
                }
            }
            "extra" => self.extras.extend(part.extra()),
            "closed" | "holiday" => calendar.closed.extend(date(&part.t2)),
            "workday" => {
                if let Some(on) = date(&part.t2) {
                    calendar.workdays.insert(on, part.n2.and_then(|d| u8::try_from(d).ok()).unwrap_or(1));
                }
            }
            "leave" => {
                if let (Some(who), Some(a), Some(b)) = (part.n1, date(&part.t2), date(&part.t3)) {
                    calendar.leave.push((who, a, b));
                }
            }
            "backup" => {
                if let (Some(who), Some(rank), Some(id)) = (part.n1, part.n2, part.n3) {
                    self.backups.push((rank, id, who));
                }
            }
            "taken" => {
                if let (Some(at), Some(n)) = (part.n1, part.n2) {
                    calendar.taken.insert(Instant(at), u32::try_from(n).unwrap_or(u32::MAX));
                }
            }
            "rules" => {
                if let Some(read) = part.booking_rules() {
                    if self.booking_rules.is_none_or(|(rank, _)| read.0 > rank) {
                        self.booking_rules = Some(read);
                    }
                }
            }
            "community" => calendar.community = Some((part.t1.unwrap_or_default(), part.t2.unwrap_or_default())),
            "lawyer" => {
                if let (Some(id), Some(name)) = (part.n1, part.t1) {
                    calendar.lawyer_names.insert(id, name);
                }
            }
            _ => {}
        }
    }

    fn finish(mut self) -> Calendar {
        self.rules.sort_by_key(|(start, order, _)| (*start, *order));
        self.calendar.rules = self.rules.into_iter().map(|(_, _, rule)| rule).collect();
        self.extras.sort_by_key(|(id, _, _)| *id);
        self.calendar.extras = self.extras.into_iter().map(|(_, date, rule)| (date, rule)).collect();
        self.calendar.booking_rules = self.booking_rules.map_or(BookingRules::DEFAULT, |(_, rules)| rules);
        self.backups.sort_unstable();
        self.calendar.backups = self.backups.into_iter().map(|(_, _, who)| who).collect();
        self.calendar
    }
}

/// Every part of a community's calendar in one statement. Each database round trip costs more
/// than the rows it returns (on SQLite, two thread hand-overs), and a booking reads the calendar
/// before it writes. $1 community, $2 first date, $3 last date, $4..$5 the instants whose taken
/// seats are read. Parts: duty rules, exceptions (closed and extra days), the district calendar
/// (holidays and make-up working days), leave of the community's lawyers, backups (B before
/// coordinators), seats taken per slot, and the booking rules (the community's and the district's).
const CALENDAR: &str = "\
    SELECT 'rule' AS part, lawyer_id AS n1, weekday AS n2, start_minute AS n3, end_minute AS n4, slot_minutes AS n5, \
      seats AS n6, instant AS n7, channels AS t1, valid_from AS t2, valid_until AS t3 \
      FROM duty_schedules WHERE community_id = $1 AND valid_from <= $3 AND (valid_until IS NULL OR valid_until >= $2) \
    UNION ALL SELECT kind, lawyer_id, id, start_minute, end_minute, slot_minutes, seats, NULL, channels, on_date, NULL \
      FROM duty_exceptions WHERE community_id = $1 AND on_date >= $2 AND on_date <= $3 \
    UNION ALL SELECT kind, NULL, works_as, NULL, NULL, NULL, NULL, NULL, NULL, on_date, NULL \
      FROM holidays WHERE on_date >= $2 AND on_date <= $3 \
    UNION ALL SELECT 'leave', l.lawyer_id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, l.starts_on, l.ends_on \
      FROM leaves l JOIN assignments a ON a.lawyer_id = l.lawyer_id WHERE a.community_id = $1 AND l.ends_on >= $2 AND l.starts_on <= $3 \
    UNION ALL SELECT 'backup', lawyer_id, CASE role WHEN 'b' THEN 0 ELSE 1 END, id, NULL, NULL, NULL, NULL, NULL, NULL, NULL \
      FROM assignments WHERE community_id = $1 AND role IN ('b', 'coordinator') AND starts_on <= $2 AND (ends_on IS NULL OR ends_on >= $2) \
    UNION ALL SELECT 'taken', slot_start, COUNT(*), NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL \
      FROM bookings WHERE community_id = $1 AND slot_start >= $4 AND slot_start < $5 AND seat IS NOT NULL \
      AND status NOT IN ('cancelled', 'declined') GROUP BY slot_start \
    UNION ALL SELECT 'rules', CASE WHEN community_id IS NULL THEN 0 ELSE 1 END, min_notice_minutes, window_days, \
      max_live_bookings, change_cutoff_minutes, first_reminder_minutes, second_reminder_minutes, NULL, NULL, NULL \
      FROM booking_rules WHERE community_id = $1 OR community_id IS NULL";

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
/// only and the names its booking shows: what a booking needs, in one statement. Its day and
/// slot stay bound: a statement per slot would be prepared for each booking.
pub async fn for_slot(store: &Store, community_id: i64, start: Instant) -> Result<Calendar, sqlx::Error> {
    static QUERY: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| format!("{CALENDAR} {NAMES}"));
    let date = start.to_shanghai().0;
    let parts: Vec<Part> = sqlx::query_as(&QUERY)
        .bind(community_id)
        .bind(date.to_string())
        .bind(date.to_string())
        .bind(start.0)
        .bind(start.0 + 1)
        .fetch_all(&store.pool)
        .await?;
    Ok(assemble(parts))
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

/// A calendar whose dates are a page's (a month, the booking window): they are written into the
/// statement, which is then planned once per connection and day (see `store::day_in_text`).
async fn load_with(
    store: &Store,
    community_id: i64,
    from: LocalDate,
    to: LocalDate,
    taken: std::ops::Range<i64>,
) -> Result<Calendar, sqlx::Error> {
    let query = CALENDAR
        .replace("$2", &day_in_text(from))
        .replace("$3", &day_in_text(to))
        .replace("$4", &taken.start.to_string())
        .replace("$5", &taken.end.to_string());
    let parts: Vec<Part> = sqlx::query_as(&query).bind(community_id).fetch_all(&store.pool).await?;
    Ok(assemble(parts))
}

fn assemble(parts: Vec<Part>) -> Calendar {
    let mut reading = Reading::default();
    for part in parts {
        reading.add(part);
    }
    reading.finish()
}

/// Reads `HH:MM` for a schedule form; `None` when it is not a time of day.
pub fn minutes(text: &str) -> Option<u32> {
    parse_hh_mm(text)
}
