//! Each street's duty-days in a period, for the coverage order of a programme too large to list
//! (migration 51). A period is cut into at most five pieces per street: the days at its start and
//! at its end, each inside one month, are one row's difference of the month's running totals by
//! day; the whole months are, per year, one row's difference of the year's running totals by
//! month; and whole calendar years are one row of the yearly roll-up. So a week, 100 days across
//! month ends or two years cost about the same: two to five rows per street, never a row per day.

use super::queue;
use super::rollup::{month, next_month};
use crate::store::Store;
use app::time::LocalDate;
use std::collections::HashMap;

/// One piece of a period, read from one row per street.
#[derive(Debug, PartialEq)]
enum Piece {
    /// Days `after + 1 ..= upto` of month `YYYYMM`.
    Days { month: i64, upto: u32, after: u32 },
    /// Months `after + 1 ..= upto` of a year.
    Months { year: i64, upto: u32, after: u32 },
    /// A calendar year.
    Year(i64),
}

impl Piece {
    /// The piece's duty-days per street. Every number here is computed from dates, never input.
    fn sql(&self) -> String {
        let minus = |column: char, after: u32| if after == 0 { String::new() } else { format!(" - {column}{after}") };
        match self {
            Piece::Days { month, upto, after } => format!(
                "SELECT street_id, d{upto}{} AS days FROM board_street_month_days WHERE month = {month}",
                minus('d', *after)
            ),
            Piece::Months { year, upto, after } => format!(
                "SELECT street_id, m{upto}{} AS days FROM board_street_year_months WHERE year = {year}",
                minus('m', *after)
            ),
            Piece::Year(year) => {
                format!(
                    "SELECT street_id, CAST(duty_days AS INTEGER) AS days FROM board_street_years WHERE year = {year}"
                )
            }
        }
    }
}

/// `from..=to` as pieces: the loose days at either end, the whole months by year, whole years.
fn pieces(from: LocalDate, to: LocalDate) -> Vec<Piece> {
    if (from.year, from.month) == (to.year, to.month) {
        return vec![Piece::Days { month: month(from), upto: to.day, after: from.day - 1 }];
    }
    let mut pieces = Vec::new();
    let mut first = from;
    if from.day != 1 {
        // Running totals stay constant past a month's last day, so day 31 is the month's total.
        pieces.push(Piece::Days { month: month(from), upto: 31, after: from.day - 1 });
        first = next_month(from);
    }
    let mut last = to;
    if next_month(to).plus_days(-1) != to {
        pieces.push(Piece::Days { month: month(to), upto: to.day, after: 0 });
        last = LocalDate { day: 1, ..to }.plus_days(-1);
    }
    if first > last {
        return pieces;
    }
    for year in first.year..=last.year {
        let after = if year == first.year { first.month - 1 } else { 0 };
        let upto = if year == last.year { last.month } else { 12 };
        pieces.push(if (after, upto) == (0, 12) {
            Piece::Year(i64::from(year))
        } else {
            Piece::Months { year: i64::from(year), upto, after }
        });
    }
    pieces
}

/// A subquery of `(street_id, days)`: each street's duty-days in `from..=to` (streets with none
/// may be missing). Fold the queue before running it.
pub fn sql(from: LocalDate, to: LocalDate) -> String {
    let pieces: Vec<String> = pieces(from, to).iter().map(Piece::sql).collect();
    format!(
        "SELECT street_id, CAST(SUM(days) AS BIGINT) AS days FROM ({}) f GROUP BY street_id",
        pieces.join(" UNION ALL ")
    )
}

/// Each street's duty-days in `from..=to`, as the coverage order counts them.
pub async fn by_street(store: &Store, from: LocalDate, to: LocalDate) -> Result<HashMap<i64, i64>, sqlx::Error> {
    queue::fold(store).await?;
    let rows: Vec<(i64, i64)> = sqlx::query_as(&sql(from, to)).fetch_all(&store.pool).await?;
    Ok(rows.into_iter().collect())
}

#[cfg(test)]
mod tests {
    use super::{pieces, Piece};
    use app::time::LocalDate;

    fn cut(from: &str, to: &str) -> Vec<Piece> {
        pieces(LocalDate::parse(from).expect("from"), LocalDate::parse(to).expect("to"))
    }

    #[test]
    fn a_period_is_cut_into_loose_days_months_by_year_and_whole_years() {
        assert_eq!(cut("2025-10-13", "2025-10-19"), [Piece::Days { month: 202510, upto: 19, after: 12 }]);
        assert_eq!(cut("2025-10-01", "2025-10-31"), [Piece::Days { month: 202510, upto: 31, after: 0 }]);
        assert_eq!(
            cut("2025-03-15", "2025-06-22"),
            [
                Piece::Days { month: 202503, upto: 31, after: 14 },
                Piece::Days { month: 202506, upto: 22, after: 0 },
                Piece::Months { year: 2025, upto: 5, after: 3 },
            ]
        );
        assert_eq!(cut("2025-01-01", "2025-12-31"), [Piece::Year(2025)]);
        assert_eq!(cut("2025-07-01", "2025-12-31"), [Piece::Months { year: 2025, upto: 12, after: 6 }]);
        // Two years across three calendar years.
        assert_eq!(
            cut("2024-02-29", "2026-02-27"),
            [
                Piece::Days { month: 202402, upto: 31, after: 28 },
                Piece::Days { month: 202602, upto: 27, after: 0 },
                Piece::Months { year: 2024, upto: 12, after: 2 },
                Piece::Year(2025),
                Piece::Months { year: 2026, upto: 1, after: 0 },
            ]
        );
        // Two loose runs and no whole month between them.
        assert_eq!(
            cut("2025-01-20", "2025-02-10"),
            [Piece::Days { month: 202501, upto: 31, after: 19 }, Piece::Days { month: 202502, upto: 10, after: 0 }]
        );
    }
}
