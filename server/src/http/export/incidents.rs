//! The period's emergency teams as a sheet: a row per incident open on a day of the period, with
//! its place, its days, its team and the services and people of the period.

use super::{Cell, Sheet};
use crate::board::period;
use crate::caller::Caller;
use crate::failure::Failure;
use crate::incidents::of_period;
use crate::scope;
use crate::state::AppState;
use app::i18n::{DeskTexts, IncidentTexts};
use app::model::BoardRequest;

/// The sheet of `request`'s period in the street shown (a street's staff: theirs); the file's
/// name without its extension.
pub async fn sheet(state: &AppState, caller: &Caller, request: &BoardRequest) -> Result<(String, Sheet), Failure> {
    let user = caller.user()?;
    let street = user.street.or(scope::street_shown(caller, user, request.street)?);
    let (from, to) = period(caller, request)?;
    let lines = of_period(&state.store, street.unwrap_or(0), (&from.to_string(), &to.to_string())).await?;
    let (t, desk) = (IncidentTexts::of(caller.lang), DeskTexts::of(caller.lang));
    let head = [
        t.name,
        desk.board_street,
        desk.board_community,
        t.opened_on,
        t.closed_on,
        t.team,
        t.services,
        desk.board_people,
    ]
    .map(str::to_owned)
    .to_vec();
    let rows = lines
        .into_iter()
        .map(|(incident, services, people)| {
            let team: Vec<String> = incident.members.iter().map(|m| format!("{}({})", m.name, m.firm)).collect();
            vec![
                Cell::Text(incident.name),
                Cell::Text(incident.street),
                Cell::Text(incident.community),
                Cell::Text(incident.opened_on),
                Cell::Text(incident.closed_on.unwrap_or_default()),
                Cell::Text(team.join("、")),
                Cell::Number(services),
                Cell::Number(people),
            ]
        })
        .collect();
    Ok((format!("incidents-{from}-{to}"), Sheet { name: format!("{from}~{to}"), head, rows }))
}
