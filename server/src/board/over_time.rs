//! The board's duty-days over time: the period cut into days (a month or less), weeks (a
//! quarter or less) or calendar months, each with the duty-days logged and what the listed
//! communities' quotas ask of it.

use super::quota;
use super::rollup::{self, next_month};
use crate::store::Store;
use app::model::TimePoint;
use app::time::LocalDate;
use std::collections::HashMap;

/// The stretches of `from..=to`, first and last day each.
fn stretches(from: LocalDate, to: LocalDate) -> Vec<(LocalDate, LocalDate)> {
    let days = to.to_days() - from.to_days() + 1;
    let mut out = Vec::new();
    let mut first = from;
    while first <= to {
        let end = match days {
            ..=31 => first,
            32..=92 => first.plus_days(6),
            _ => next_month(first).plus_days(-1),
        };
        let last = if end < to { end } else { to };
        out.push((first, last));
        first = last.plus_days(1);
    }
    out
}

/// Duty-days over `from..=to` of `street`'s communities (of all), whose monthly quotas and last
/// days asked of are `asking` (one per community; `to` for one still serving), spread by `quota`
/// over the working days.
pub async fn read(
    store: &Store,
    quota: &quota::Quota,
    street: Option<i64>,
    asking: &[(i64, LocalDate)],
    from: LocalDate,
    to: LocalDate,
) -> Result<Vec<TimePoint>, sqlx::Error> {
    let by_day: HashMap<i64, i64> = rollup::duty_days_by_day(store, street, from, to).await?.into_iter().collect();
    let serving: i64 = asking.iter().filter(|(_, until)| *until >= to).map(|(p, _)| p).sum();
    let left: Vec<&(i64, LocalDate)> = asking.iter().filter(|(_, until)| *until < to).collect();
    Ok(stretches(from, to)
        .into_iter()
        .map(|(first, last)| {
            let months = |until: LocalDate| if until < first { 0.0 } else { quota.months(first, until.min(last)) };
            // Rounded once for all: a day asks a fraction of a duty-day of each community.
            let asked =
                serving as f64 * months(to) + left.iter().map(|(p, until)| *p as f64 * months(*until)).sum::<f64>();
            TimePoint {
                first: first.to_string(),
                last: last.to_string(),
                duty_days: (first.to_days()..=last.to_days()).filter_map(|d| by_day.get(&d)).sum(),
                quota: asked.round() as i64,
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::stretches;
    use app::time::LocalDate;

    fn date(text: &str) -> LocalDate {
        LocalDate::parse(text).expect("date")
    }

    #[test]
    fn a_month_is_cut_in_days_a_quarter_in_weeks_a_year_in_months() {
        assert_eq!(stretches(date("2025-10-01"), date("2025-10-31")).len(), 31);
        let weeks = stretches(date("2025-10-01"), date("2025-12-31"));
        assert_eq!((weeks.len(), weeks[0].1, weeks[13].1), (14, date("2025-10-07"), date("2025-12-31")));
        let months = stretches(date("2025-03-15"), date("2026-03-14"));
        assert_eq!(months.len(), 13);
        assert_eq!((months[0], months[12].0), ((date("2025-03-15"), date("2025-03-31")), date("2026-03-01")));
    }
}
