//! The rules a community's bookings follow. The district sets them for every community; a
//! community that needs its own (an office open only on market days, a lawyer who wants more
//! notice) gets a set that replaces the district's whole. Without either, [`BookingRules::DEFAULT`].

use serde::{Deserialize, Serialize};
use std::ops::RangeInclusive;

/// A week in minutes: the longest notice, cut-off or reminder lead.
const WEEK_MINUTES: i64 = 7 * 24 * 60;

/// The longest booking window a district or community may open.
pub const MAX_WINDOW_DAYS: i64 = 90;

/// One set of booking rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct BookingRules {
    /// A slot can be booked until this many minutes before it starts.
    pub min_notice_minutes: i64,
    /// How many days ahead slots are offered (today included).
    pub window_days: i64,
    /// Live (pending or confirmed, not yet ended) bookings a resident may hold at once.
    pub max_live_bookings: i64,
    /// A booking can be cancelled or moved until this many minutes before it starts.
    pub change_cutoff_minutes: i64,
    /// The first reminder goes this many minutes before the start (0: none).
    pub first_reminder_minutes: i64,
    /// The second, nearer reminder (0: none).
    pub second_reminder_minutes: i64,
}

/// Which rule is out of bounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleProblem {
    /// The field, as the wire names it.
    pub field: &'static str,
}

impl BookingRules {
    /// The rules of a district that has set none.
    pub const DEFAULT: BookingRules = BookingRules {
        min_notice_minutes: 120,
        window_days: 14,
        max_live_bookings: 3,
        change_cutoff_minutes: 120,
        first_reminder_minutes: 24 * 60,
        second_reminder_minutes: 120,
    };

    /// Each field with the values it may take (the database checks the same bounds).
    pub fn bounds(&self) -> [(&'static str, i64, RangeInclusive<i64>); 6] {
        [
            ("min_notice_minutes", self.min_notice_minutes, 0..=WEEK_MINUTES),
            ("window_days", self.window_days, 1..=MAX_WINDOW_DAYS),
            ("max_live_bookings", self.max_live_bookings, 1..=20),
            ("change_cutoff_minutes", self.change_cutoff_minutes, 0..=WEEK_MINUTES),
            ("first_reminder_minutes", self.first_reminder_minutes, 0..=WEEK_MINUTES),
            ("second_reminder_minutes", self.second_reminder_minutes, 0..=24 * 60),
        ]
    }

    /// The first rule out of bounds; a second reminder must come after the first (nearer the start).
    pub fn check(&self) -> Result<(), RuleProblem> {
        if let Some((field, _, _)) = self.bounds().into_iter().find(|(_, value, range)| !range.contains(value)) {
            return Err(RuleProblem { field });
        }
        let both = self.first_reminder_minutes > 0 && self.second_reminder_minutes > 0;
        if both && self.second_reminder_minutes >= self.first_reminder_minutes {
            return Err(RuleProblem { field: "second_reminder_minutes" });
        }
        Ok(())
    }
}

impl Default for BookingRules {
    fn default() -> Self {
        BookingRules::DEFAULT
    }
}

/// Rules a resident may rely on everywhere.
pub mod rules {
    /// Waitlists of slots not yet started a resident may be on at once.
    pub const MAX_WAITING: i64 = 5;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_defaults_are_within_bounds() {
        assert_eq!(BookingRules::DEFAULT.check(), Ok(()));
    }

    #[test]
    fn each_bound_names_its_field() {
        let off = |f: fn(&mut BookingRules)| {
            let mut rules = BookingRules::DEFAULT;
            f(&mut rules);
            rules.check().map_err(|p| p.field)
        };
        assert_eq!(off(|r| r.min_notice_minutes = -1), Err("min_notice_minutes"));
        assert_eq!(off(|r| r.window_days = 0), Err("window_days"));
        assert_eq!(off(|r| r.window_days = 91), Err("window_days"));
        assert_eq!(off(|r| r.max_live_bookings = 0), Err("max_live_bookings"));
        assert_eq!(off(|r| r.change_cutoff_minutes = WEEK_MINUTES + 1), Err("change_cutoff_minutes"));
        assert_eq!(off(|r| r.first_reminder_minutes = i64::MAX), Err("first_reminder_minutes"));
        assert_eq!(off(|r| r.second_reminder_minutes = 24 * 60), Err("second_reminder_minutes"));
        assert_eq!(off(|r| r.first_reminder_minutes = 0), Ok(()));
        assert_eq!(off(|r| r.second_reminder_minutes = 0), Ok(()));
    }
}
