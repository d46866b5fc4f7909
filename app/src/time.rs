//! Instants are stored and sent as UTC milliseconds since the Unix epoch and shown in
//! Asia/Shanghai.
//!
//! China has kept UTC+8 all year since 1991, so a fixed offset is exact for every date the
//! portal handles, and the browser bundle carries no time-zone database.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Milliseconds from UTC to Asia/Shanghai.
pub const SHANGHAI_OFFSET_MS: i64 = 8 * 3_600_000;
const DAY_MS: i64 = 86_400_000;

/// The first year the portal accepts in any date or instant it is sent.
pub const EARLIEST_YEAR: i32 = 2000;
/// The last year the portal accepts. Dates outside these years are refused where they are read,
/// so no loop over a range of days or months can be asked to run for millennia.
pub const LATEST_YEAR: i32 = 2100;

/// A UTC instant, in milliseconds since the Unix epoch. Any value a client sends is safe to
/// convert (the arithmetic saturates); what it must match (a slot, a window) is checked where it
/// is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct Instant(pub i64);

/// A calendar date in Asia/Shanghai.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LocalDate {
    /// Year, e.g. 2026.
    pub year: i32,
    /// Month, 1–12.
    pub month: u32,
    /// Day of the month, 1–31.
    pub day: u32,
}

impl Instant {
    /// The Shanghai date and the minutes since Shanghai midnight.
    pub fn to_shanghai(self) -> (LocalDate, u32) {
        let local = self.0.saturating_add(SHANGHAI_OFFSET_MS);
        let days = local.div_euclid(DAY_MS);
        let minutes = (local.rem_euclid(DAY_MS) / 60_000) as u32;
        (LocalDate::from_days(days), minutes)
    }

    /// `2026-11-28 09:30` in Shanghai time.
    pub fn format_shanghai(self) -> String {
        let (date, minutes) = self.to_shanghai();
        format!("{date} {:02}:{:02}", minutes / 60, minutes % 60)
    }
}

impl LocalDate {
    /// The date `days` days after 1970-01-01 (proleptic Gregorian).
    pub fn from_days(days: i64) -> LocalDate {
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        LocalDate { year, month, day }
    }

    /// Days since 1970-01-01.
    pub fn to_days(self) -> i64 {
        let year = i64::from(self.year) - i64::from(self.month <= 2);
        let era = year.div_euclid(400);
        let yoe = year.rem_euclid(400);
        let month = i64::from(self.month);
        let doy = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The instant this date starts in Shanghai.
    pub fn start(self) -> Instant {
        Instant(self.to_days().saturating_mul(DAY_MS).saturating_sub(SHANGHAI_OFFSET_MS))
    }

    /// Parses `YYYY-MM-DD`, rejecting dates that do not exist and years outside
    /// [`EARLIEST_YEAR`]..=[`LATEST_YEAR`].
    pub fn parse(input: &str) -> Option<LocalDate> {
        LocalDate::parse_in(input, EARLIEST_YEAR..=LATEST_YEAR)
    }

    /// Parses `YYYY-MM-DD` as [`LocalDate::parse`] does, in `years` (a birth date is older than
    /// the programme).
    pub fn parse_in(input: &str, years: std::ops::RangeInclusive<i32>) -> Option<LocalDate> {
        // Digits only (no sign, no padding beyond the format), so every spelling of a date is one.
        let number = |part: &str, widths: std::ops::RangeInclusive<usize>| {
            (widths.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit()))
                .then(|| part.parse::<i32>().ok())?
        };
        let mut parts = input.trim().splitn(3, '-');
        let year: i32 = number(parts.next()?, 4..=4)?;
        let month = number(parts.next()?, 1..=2)?;
        let day = number(parts.next()?, 1..=2)?;
        if !years.contains(&year) {
            return None;
        }
        let (month, day) = (u32::try_from(month).ok()?, u32::try_from(day).ok()?);
        let date = LocalDate { year, month, day };
        (LocalDate::from_days(date.to_days()) == date).then_some(date)
    }
}

impl fmt::Display for LocalDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_evening_is_the_next_morning_in_shanghai() {
        // 2026-11-28T17:30:00Z
        let instant = Instant(1_795_887_000_000);
        assert_eq!(instant.format_shanghai(), "2026-11-29 01:30");
    }

    #[test]
    fn dates_round_trip_through_day_numbers() {
        for days in [-800_000, -1, 0, 1, 11_016, 20_000, 2_932_896] {
            assert_eq!(LocalDate::from_days(days).to_days(), days);
        }
        assert_eq!(LocalDate::from_days(0).to_string(), "1970-01-01");
    }

    #[test]
    fn a_shanghai_day_starts_at_sixteen_hundred_utc_the_day_before() {
        let date = LocalDate::parse("2026-11-28").expect("valid date");
        assert_eq!(date.start().to_shanghai(), (date, 0));
        assert_eq!(date.start().0 % DAY_MS, 16 * 3_600_000);
    }

    #[test]
    fn impossible_dates_are_rejected() {
        assert!(LocalDate::parse("2026-02-29").is_none());
        assert!(LocalDate::parse("2028-02-29").is_some());
        assert!(LocalDate::parse("2026-13-01").is_none());
        assert!(LocalDate::parse("yesterday").is_none());
    }

    #[test]
    fn dates_and_instants_outside_the_portal_years_are_refused() {
        assert!(LocalDate::parse("2000-01-01").is_some());
        assert!(LocalDate::parse("2100-12-31").is_some());
        for far in ["1999-12-31", "2101-01-01", "2147483647-12-31", "-5-01-01", "+2026-01-01", "02026-01-01"] {
            assert!(LocalDate::parse(far).is_none(), "{far}");
        }
        // Any instant converts without overflow; its date is then refused where one is needed.
        for far in [i64::MAX, i64::MIN, 0, -1] {
            let (date, minutes) = Instant(far).to_shanghai();
            assert!(minutes < 24 * 60 && (1..=12).contains(&date.month), "{far}");
            // The instant of the next day's same minute is computed without overflow.
            let _ = date.plus_days(1).at_minute(minutes);
        }
    }
}

impl LocalDate {
    /// 1 (Monday) to 7 (Sunday).
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday.
        ((self.to_days() + 3).rem_euclid(7) + 1) as u8
    }

    /// The date `n` days later (earlier when negative).
    pub fn plus_days(self, n: i64) -> LocalDate {
        LocalDate::from_days(self.to_days() + n)
    }

    /// The instant at `minutes` after Shanghai midnight of this date.
    pub fn at_minute(self, minutes: u32) -> Instant {
        Instant(self.start().0.saturating_add(i64::from(minutes) * 60_000))
    }
}

/// Parses `HH:MM` into minutes after midnight (`24:00` allowed as the end of a day).
pub fn parse_hh_mm(input: &str) -> Option<u32> {
    let (h, m) = input.trim().split_once(':')?;
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    let minutes = h * 60 + m;
    (m < 60 && minutes <= 24 * 60 && h <= 24).then_some(minutes)
}

/// Formats minutes after midnight as `HH:MM`.
pub fn format_hh_mm(minutes: u32) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

#[cfg(test)]
mod calendar_tests {
    use super::*;

    #[test]
    fn weekdays_follow_the_calendar() {
        assert_eq!(LocalDate::parse("2026-11-28").map(LocalDate::weekday), Some(6), "a Saturday");
        assert_eq!(LocalDate::parse("2026-11-30").map(LocalDate::weekday), Some(1), "a Monday");
        assert_eq!(LocalDate::parse("2026-11-29").map(|d| d.plus_days(1)), LocalDate::parse("2026-11-30"));
    }

    #[test]
    fn times_of_day_parse_and_format() {
        assert_eq!(parse_hh_mm("09:30"), Some(570));
        assert_eq!(parse_hh_mm("24:00"), Some(1440));
        assert_eq!(parse_hh_mm("24:30"), None);
        assert_eq!(parse_hh_mm("9:75"), None);
        assert_eq!(parse_hh_mm("noon"), None);
        assert_eq!(format_hh_mm(570), "09:30");
    }
}
