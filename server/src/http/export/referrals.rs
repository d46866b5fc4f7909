//! The period's referrals as a sheet, the way the bureau reports them: a row per kind and
//! special group (and one for no group), with how many were written and where they stand.

use super::{Cell, Sheet};
use crate::board::{period, referral_tallies};
use crate::caller::Caller;
use crate::failure::Failure;
use crate::scope;
use crate::state::AppState;
use crate::store::now_ms;
use app::domain::{ReferralKind, ReferralStatus, SpecialGroup};
use app::i18n::{GroupTexts, ReferralTexts};
use app::model::BoardRequest;

/// The sheet of `request`'s period, in the street shown (a street's staff: theirs); the file's
/// name without its extension.
pub async fn sheet(state: &AppState, caller: &Caller, request: &BoardRequest) -> Result<(String, Sheet), Failure> {
    let user = caller.user()?;
    let street = scope::street_shown(caller, user, request.street)?;
    let (from, to) = period(caller, request)?;
    let tallies = referral_tallies(&state.store, user.street.or(street), from, to, now_ms()).await?;
    let t = ReferralTexts::of(caller.lang);
    let groups_named = GroupTexts::of(caller.lang);
    let mut head = vec![t.to.to_owned(), groups_named.special_group.to_owned(), t.written.to_owned()];
    head.extend(ReferralStatus::ALL.iter().map(|s| t.status(*s).to_owned()));
    head.push(t.overdue.to_owned());
    let groups = std::iter::once(None).chain(SpecialGroup::ALL.iter().copied().map(Some));
    let mut rows = Vec::new();
    for kind in ReferralKind::ALL {
        for group in groups.clone() {
            let mine: Vec<_> = tallies.iter().filter(|r| r.kind == *kind && r.special_group == group).collect();
            let of = |status: ReferralStatus| mine.iter().filter(|r| r.status == status).map(|r| r.referrals).sum();
            let mut row = vec![
                Cell::Text(t.kind(*kind).to_owned()),
                Cell::Text(group.map_or(groups_named.none, |g| groups_named.group(g)).to_owned()),
                Cell::Number(mine.iter().map(|r| r.referrals).sum()),
            ];
            row.extend(ReferralStatus::ALL.iter().map(|s| Cell::Number(of(*s))));
            row.push(Cell::Number(mine.iter().map(|r| r.overdue).sum()));
            rows.push(row);
        }
    }
    let sheet = Sheet { name: format!("{from}~{to}"), head, rows };
    Ok((format!("referrals-{from}-{to}"), sheet))
}
