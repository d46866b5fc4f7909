//! The same period a year before, as the bureau's reports compare it (同比): the programme's or
//! one street's figures, read from the same roll-ups as the period's own, so the comparison costs
//! one more read of the same size.

use super::rollup;
use crate::store::Store;
use app::model::Figures;
use app::time::LocalDate;
use std::collections::HashMap;

/// `date` a year before; the 29th of February becomes the 28th.
pub fn shift(date: LocalDate) -> LocalDate {
    let year = date.year - 1;
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let day = if date.month == 2 && date.day == 29 && !leap { 28 } else { date.day };
    LocalDate { year, day, ..date }
}

/// The figures of `from..=to` a year before, in `street` or the whole programme. Quotas and what
/// is waiting now are about today, so they are not compared.
pub async fn totals(
    store: &Store,
    street: Option<i64>,
    from: LocalDate,
    to: LocalDate,
) -> Result<Figures, sqlx::Error> {
    let (from, to) = (shift(from), shift(to));
    let vector = match street {
        Some(id) => rollup::by_street(store, from, to, Some(&[id])).await?.remove(&id).unwrap_or_default(),
        None => rollup::total(store, from, to).await?,
    };
    Ok(vector.figures())
}

/// Each community's figures of `from..=to` a year before, in `street` or everywhere.
pub async fn by_community(
    store: &Store,
    street: Option<i64>,
    from: LocalDate,
    to: LocalDate,
) -> Result<HashMap<i64, Figures>, sqlx::Error> {
    let found = rollup::by_community(store, street, shift(from), shift(to)).await?;
    Ok(found.into_iter().map(|(id, vector)| (id, vector.figures())).collect())
}

#[cfg(test)]
mod tests {
    use super::shift;
    use app::time::LocalDate;

    #[test]
    fn a_year_before_is_the_same_day_but_for_the_leap_day() {
        let date = |text: &str| LocalDate::parse(text).expect("date");
        assert_eq!(shift(date("2026-10-01")), date("2025-10-01"));
        assert_eq!(shift(date("2024-02-29")), date("2023-02-28"));
        assert_eq!(shift(date("2025-02-28")), date("2024-02-28"));
        assert_eq!(shift(date("2029-02-28")), date("2028-02-28"));
    }
}
