//! The period's special groups as a sheet, the way the bureau reports them: a row per group with
//! the services given to it and the people served, its residents' questions, the consultations
//! completed for it, and its referrals handed over (the resident agreed).

use super::{Cell, Sheet};
use crate::board::{period, referral_tallies, special_group_figures};
use crate::caller::Caller;
use crate::failure::Failure;
use crate::scope;
use crate::state::AppState;
use crate::store::now_ms;
use app::domain::{ReferralStatus, SpecialGroup};
use app::i18n::GroupTexts;
use app::model::BoardRequest;

/// The sheet of `request`'s period, in the street shown (a street's staff: theirs); the file's
/// name without its extension.
pub async fn sheet(state: &AppState, caller: &Caller, request: &BoardRequest) -> Result<(String, Sheet), Failure> {
    let user = caller.user()?;
    let street = user.street.or(scope::street_shown(caller, user, request.street)?);
    let (from, to) = period(caller, request)?;
    let figures = special_group_figures(&state.store, street, from, to).await?;
    let referrals = referral_tallies(&state.store, street, from, to, now_ms()).await?;
    let (t, names) = (caller.lang.messages(), GroupTexts::of(caller.lang));
    let head = [
        names.special_group,
        t.export_group_services,
        t.export_group_people,
        t.export_group_questions,
        t.export_group_bookings,
        t.export_group_referrals,
    ];
    let handed =
        |status: ReferralStatus| !matches!(status, ReferralStatus::AwaitingConsent | ReferralStatus::Withdrawn);
    let rows = SpecialGroup::ALL
        .iter()
        .map(|group| {
            let mine = figures.iter().find(|g| g.group == *group);
            let of = |pick: fn(&app::model::GroupServices) -> i64| Cell::Number(mine.map_or(0, pick));
            let referred = referrals.iter().filter(|r| r.special_group == Some(*group) && handed(r.status));
            vec![
                Cell::Text(names.group(*group).to_owned()),
                of(|g| g.services),
                of(|g| g.people),
                of(|g| g.questions),
                of(|g| g.bookings),
                Cell::Number(referred.map(|r| r.referrals).sum()),
            ]
        })
        .collect();
    let sheet = Sheet { name: format!("{from}~{to}"), head: head.map(str::to_owned).to_vec(), rows };
    Ok((format!("special-groups-{from}-{to}"), sheet))
}
