//! Bookable slots, computed from duty schedules: a pure function of the schedule, the calendar
//! (holidays, closed days, extra days), leave, the seats already taken and the clock.

use app::domain::{BookingRules, Channel};
use app::time::{Instant, LocalDate};
use std::collections::{HashMap, HashSet};

/// One recurring duty period (or an extra day's period).
#[derive(Debug, Clone, PartialEq)]
pub struct DutyRule {
    /// The lawyer on duty.
    pub lawyer_id: i64,
    /// 1 (Monday) to 7; ignored for extra days.
    pub weekday: u8,
    /// Minutes after Shanghai midnight.
    pub start_minute: u32,
    /// Minutes after Shanghai midnight.
    pub end_minute: u32,
    /// Minutes per slot.
    pub slot_minutes: u32,
    /// Residents per slot.
    pub seats: u32,
    /// How consultations may take place.
    pub channels: Vec<Channel>,
    /// Confirmed at once.
    pub instant: bool,
    /// First date it applies.
    pub valid_from: LocalDate,
    /// Last date it applies.
    pub valid_until: Option<LocalDate>,
}

/// Everything slot computation needs about one community.
#[derive(Debug, Clone, Default)]
pub struct Calendar {
    /// Recurring periods.
    pub rules: Vec<DutyRule>,
    /// Extra duty on particular dates.
    pub extras: Vec<(LocalDate, DutyRule)>,
    /// Dates with no duty: public holidays and the community's closed days.
    pub closed: HashSet<LocalDate>,
    /// 调休 make-up working days: a weekend date that runs the duty of the weekday (1–5) given.
    pub workdays: HashMap<LocalDate, u8>,
    /// Leave: lawyer, first day, last day.
    pub leave: Vec<(i64, LocalDate, LocalDate)>,
    /// Who stands in for an absent lawyer, in order: the B lawyer, then coordinators.
    pub backups: Vec<i64>,
    /// Seats already taken, by slot start.
    pub taken: HashMap<Instant, u32>,
    /// The community's name and office address, when read for a booking
    /// ([`super::calendar_store::for_slot`]); none there means no such community.
    pub community: Option<(String, String)>,
    /// The names of the lawyers who could hold its slots, when read for a booking.
    pub lawyer_names: HashMap<i64, String>,
    /// The community's booking rules.
    pub booking_rules: BookingRules,
}

/// A slot with its lawyer and what is left of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Slot {
    /// Start.
    pub start: Instant,
    /// End.
    pub end: Instant,
    /// Seats in all.
    pub seats: u32,
    /// Seats free.
    pub seats_left: u32,
    /// The lawyer who will see the resident (a backup while the scheduled one is on leave).
    pub lawyer_id: i64,
    /// How.
    pub channels: Vec<Channel>,
    /// Confirmed at once.
    pub instant: bool,
}

impl Calendar {
    fn on_leave(&self, lawyer_id: i64, date: LocalDate) -> bool {
        self.leave.iter().any(|(who, from, to)| *who == lawyer_id && *from <= date && date <= *to)
    }

    /// The lawyer who takes `lawyer_id`'s duty on `date`: themselves, else the first backup who
    /// is not on leave, else nobody.
    pub fn stand_in(&self, lawyer_id: i64, date: LocalDate) -> Option<i64> {
        std::iter::once(lawyer_id).chain(self.backups.iter().copied()).find(|who| !self.on_leave(*who, date))
    }

    /// Who stands in for `lawyer_id` on `date`, never themselves: the first backup not on leave.
    pub fn backup_for(&self, lawyer_id: i64, date: LocalDate) -> Option<i64> {
        self.backups.iter().copied().find(|who| *who != lawyer_id && !self.on_leave(*who, date))
    }

    /// Every slot on the dates `from..=to` that starts at or after `earliest`, free seats or not.
    pub fn slots(&self, from: LocalDate, to: LocalDate, earliest: Instant) -> Vec<Slot> {
        let mut out: Vec<Slot> = Vec::new();
        let mut seen: HashSet<Instant> = HashSet::new();
        let mut date = from;
        while date <= to {
            if !self.closed.contains(&date) {
                let weekday = self.workdays.get(&date).copied().unwrap_or_else(|| date.weekday());
                let recurring = self.rules.iter().filter(|r| {
                    r.weekday == weekday && r.valid_from <= date && r.valid_until.is_none_or(|until| date <= until)
                });
                let extra = self.extras.iter().filter(|(on, _)| *on == date).map(|(_, rule)| rule);
                for rule in recurring.chain(extra) {
                    let Some(lawyer_id) = self.stand_in(rule.lawyer_id, date) else { continue };
                    let mut minute = rule.start_minute;
                    while minute + rule.slot_minutes <= rule.end_minute {
                        let start = date.at_minute(minute);
                        // Two periods that overlap would share a slot key; the first one wins.
                        if start >= earliest && seen.insert(start) {
                            let taken = self.taken.get(&start).copied().unwrap_or(0);
                            out.push(Slot {
                                start,
                                end: date.at_minute(minute + rule.slot_minutes),
                                seats: rule.seats,
                                seats_left: rule.seats.saturating_sub(taken),
                                lawyer_id,
                                channels: rule.channels.clone(),
                                instant: rule.instant,
                            });
                        }
                        minute += rule.slot_minutes;
                    }
                }
            }
            date = date.plus_days(1);
        }
        out.sort_by_key(|s| s.start);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> LocalDate {
        LocalDate::parse(s).expect("date")
    }

    fn monday_morning(lawyer_id: i64) -> DutyRule {
        DutyRule {
            lawyer_id,
            weekday: 1,
            start_minute: 9 * 60,
            end_minute: 12 * 60,
            slot_minutes: 30,
            seats: 2,
            channels: vec![Channel::InPerson, Channel::Phone],
            instant: true,
            valid_from: date("2026-01-01"),
            valid_until: None,
        }
    }

    #[test]
    fn a_morning_of_duty_becomes_six_half_hour_slots_in_shanghai_time() {
        let calendar = Calendar { rules: vec![monday_morning(7)], ..Calendar::default() };
        let slots = calendar.slots(date("2026-11-30"), date("2026-12-06"), Instant(0));
        assert_eq!(slots.len(), 6);
        assert_eq!(slots[0].start.format_shanghai(), "2026-11-30 09:00");
        assert_eq!(slots[5].end.format_shanghai(), "2026-11-30 12:00");
        assert!(slots.iter().all(|s| s.seats_left == 2 && s.lawyer_id == 7));
    }

    #[test]
    fn slots_before_the_earliest_time_are_not_offered() {
        let calendar = Calendar { rules: vec![monday_morning(7)], ..Calendar::default() };
        let earliest = date("2026-11-30").at_minute(10 * 60 + 1);
        let slots = calendar.slots(date("2026-11-30"), date("2026-11-30"), earliest);
        assert_eq!(slots.first().map(|s| s.start.format_shanghai()), Some("2026-11-30 10:30".into()));
    }

    #[test]
    fn holidays_closed_days_and_validity_remove_duty_and_extra_days_add_it() {
        let mut rule = monday_morning(7);
        rule.valid_until = Some(date("2026-12-13"));
        let mut calendar = Calendar { rules: vec![rule.clone()], ..Calendar::default() };
        calendar.closed.insert(date("2026-11-30"));
        calendar.extras.push((date("2026-12-02"), DutyRule { start_minute: 14 * 60, end_minute: 15 * 60, ..rule }));
        let days: Vec<String> = calendar
            .slots(date("2026-11-30"), date("2026-12-21"), Instant(0))
            .iter()
            .map(|s| s.start.to_shanghai().0.to_string())
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        assert_eq!(days, ["2026-12-02", "2026-12-07"]);
    }

    #[test]
    fn a_make_up_working_day_runs_the_duty_of_its_weekday() {
        let mut calendar = Calendar { rules: vec![monday_morning(7)], ..Calendar::default() };
        // Saturday 2026-10-10 is worked as a Monday; Sunday the 11th is not.
        calendar.workdays.insert(date("2026-10-10"), 1);
        let slots = calendar.slots(date("2026-10-10"), date("2026-10-11"), Instant(0));
        assert_eq!(slots.len(), 6);
        assert!(slots.iter().all(|s| s.start.to_shanghai().0 == date("2026-10-10")));
    }

    #[test]
    fn taken_seats_are_subtracted() {
        let mut calendar = Calendar { rules: vec![monday_morning(7)], ..Calendar::default() };
        let first = date("2026-11-30").at_minute(9 * 60);
        calendar.taken.insert(first, 2);
        let slots = calendar.slots(date("2026-11-30"), date("2026-11-30"), Instant(0));
        assert_eq!(slots[0].seats_left, 0);
        assert_eq!(slots[1].seats_left, 2);
    }

    #[test]
    fn leave_hands_the_duty_to_the_b_lawyer_then_the_coordinator_then_nobody() {
        let mut calendar = Calendar { rules: vec![monday_morning(7)], backups: vec![8, 9], ..Calendar::default() };
        let monday = date("2026-11-30");
        calendar.leave.push((7, monday, monday));
        assert_eq!(calendar.slots(monday, monday, Instant(0))[0].lawyer_id, 8);
        calendar.leave.push((8, monday, monday));
        assert_eq!(calendar.slots(monday, monday, Instant(0))[0].lawyer_id, 9);
        calendar.leave.push((9, date("2026-11-01"), date("2026-12-31")));
        assert!(calendar.slots(monday, monday, Instant(0)).is_empty());
        assert_eq!(calendar.slots(monday.plus_days(7), monday.plus_days(7), Instant(0))[0].lawyer_id, 7);
    }
}
