//! Duty days and service records: what a community lawyer logs, and the rules those logs obey.

use crate::i18n::DeskTexts;
use crate::time::LocalDate;
use serde::{Deserialize, Serialize};

/// What kind of free service a lawyer gave: the categories the bureau reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ServiceCategory {
    /// 法律咨询.
    Consultation,
    /// 法治宣传 (a lecture or publicity event: attendees, topic).
    Publicity,
    /// 矛盾纠纷调处 (parties, outcome).
    Mediation,
    /// 出具法律意见 (for whom, subject).
    LegalOpinion,
    /// 转介法律援助.
    ReferralLegalAid,
    /// 转介人民调解.
    ReferralMediation,
    /// 转介公证.
    ReferralNotary,
}

stored_names!(ServiceCategory {
    Consultation = "consultation",
    Publicity = "publicity",
    Mediation = "mediation",
    LegalOpinion = "legal_opinion",
    ReferralLegalAid = "referral_legal_aid",
    ReferralMediation = "referral_mediation",
    ReferralNotary = "referral_notary",
});

/// Whether a category records a detail of a service, and must.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// Not this category's: the form hides it and the server keeps nothing of it.
    Absent,
    /// Kept when given.
    Optional,
    /// Refused when empty.
    Required,
}

impl ServiceCategory {
    /// What the category records besides its count: the topic, the parties and the outcome.
    pub fn details(self) -> [Need; 3] {
        use Need::{Absent, Optional, Required};
        match self {
            ServiceCategory::Publicity => [Required, Absent, Absent],
            ServiceCategory::Mediation => [Optional, Required, Required],
            ServiceCategory::LegalOpinion => [Required, Required, Absent],
            ServiceCategory::Consultation
            | ServiceCategory::ReferralLegalAid
            | ServiceCategory::ReferralMediation
            | ServiceCategory::ReferralNotary => [Optional, Absent, Absent],
        }
    }

    /// Its label.
    pub fn label(self, t: &DeskTexts) -> &'static str {
        match self {
            ServiceCategory::Consultation => t.service_consultation,
            ServiceCategory::Publicity => t.service_publicity,
            ServiceCategory::Mediation => t.service_mediation,
            ServiceCategory::LegalOpinion => t.service_legal_opinion,
            ServiceCategory::ReferralLegalAid => t.service_referral_legal_aid,
            ServiceCategory::ReferralMediation => t.service_referral_mediation,
            ServiceCategory::ReferralNotary => t.service_referral_notary,
        }
    }
}

/// Where a lawyer's month stands before the bureau's report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum MonthStatus {
    /// Still being logged.
    Open,
    /// The lawyer says the figures are right.
    Confirmed,
    /// The lawyer disputes a figure, with a comment.
    Disputed,
    /// Staff locked it for the report: changes now come only as visible corrections.
    Locked,
}

stored_names!(MonthStatus { Open = "open", Confirmed = "confirmed", Disputed = "disputed", Locked = "locked" });

/// How a duty ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DutyEnd {
    /// The lawyer (or assistant) checked out.
    CheckedOut,
    /// Forgotten: closed at the end of the scheduled duty.
    Auto,
    /// Entered or changed by an approved correction.
    Correction,
}

stored_names!(DutyEnd { CheckedOut = "checked_out", Auto = "auto", Correction = "correction" });

/// Where a correction stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CorrectionStatus {
    /// Waiting for staff.
    Pending,
    /// Applied.
    Approved,
    /// Refused, with a note.
    Rejected,
}

stored_names!(CorrectionStatus { Pending = "pending", Approved = "approved", Rejected = "rejected" });

/// The duty-logging rules lawyers and staff can rely on.
pub mod duty_rules {
    /// A check-in within this many metres of the community office is verified.
    pub const RADIUS_M: f64 = 300.0;
    /// The most people one service record may count.
    pub const MAX_PEOPLE: i64 = 5000;
    /// The longest summary of a service record.
    pub const MAX_SUMMARY_CHARS: usize = 2000;
    /// The longest short field (topic, parties, outcome, reason).
    pub const MAX_SHORT_CHARS: usize = 200;
    /// How many days back a service record may be dated.
    pub const MAX_DAYS_BACK: i64 = 92;
}

/// A month, `YYYY-MM`: its first and last dates.
pub fn month_bounds(month: &str) -> Option<(LocalDate, LocalDate)> {
    let (year, number) = month.split_once('-')?;
    if year.len() != 4 || number.len() != 2 {
        return None;
    }
    let first = LocalDate::parse(&format!("{year}-{number}-01"))?;
    let next = if first.month == 12 {
        LocalDate::parse(&format!("{}-01-01", first.year + 1))?
    } else {
        LocalDate::parse(&format!("{year}-{:02}-01", first.month + 1))?
    };
    Some((first, next.plus_days(-1)))
}

/// The month (`YYYY-MM`) a date falls in.
pub fn month_of(date: LocalDate) -> String {
    format!("{:04}-{:02}", date.year, date.month)
}

/// Metres between two points on the Earth (haversine; exact enough at a few hundred metres).
pub fn distance_m((lat1, lon1): (f64, f64), (lat2, lon2): (f64, f64)) -> f64 {
    const EARTH_RADIUS_M: f64 = 6_371_000.0;
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = (lat2 - lat1).to_radians();
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_M * a.sqrt().asin()
}

/// Whether a browser's position is a position on Earth.
pub fn valid_position(latitude: f64, longitude: f64) -> bool {
    latitude.is_finite()
        && longitude.is_finite()
        && (-90.0..=90.0).contains(&latitude)
        && (-180.0..=180.0).contains(&longitude)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_have_their_first_and_last_days() {
        let day = |s| LocalDate::parse(s).expect("date");
        assert_eq!(month_bounds("2026-02"), Some((day("2026-02-01"), day("2026-02-28"))));
        assert_eq!(month_bounds("2028-02"), Some((day("2028-02-01"), day("2028-02-29"))));
        assert_eq!(month_bounds("2026-12"), Some((day("2026-12-01"), day("2026-12-31"))));
        assert_eq!(month_bounds("2026-13"), None);
        assert_eq!(month_bounds("2026-1"), None);
        assert_eq!(month_bounds("x"), None);
        assert_eq!(month_of(day("2026-11-29")), "2026-11");
    }

    #[test]
    fn distances_are_metres_on_the_ground() {
        // One thousandth of a degree of latitude is about 111 m.
        let d = distance_m((22.7300, 113.8200), (22.7310, 113.8200));
        assert!((d - 111.2).abs() < 1.0, "{d}");
        assert_eq!(distance_m((22.73, 113.82), (22.73, 113.82)), 0.0);
        assert!(distance_m((22.73, 113.82), (22.55, 114.06)) > 30_000.0);
    }

    #[test]
    fn positions_must_be_on_earth() {
        assert!(valid_position(22.73, 113.82));
        assert!(!valid_position(91.0, 0.0));
        assert!(!valid_position(0.0, f64::NAN));
        assert!(!valid_position(0.0, -180.5));
    }
}
