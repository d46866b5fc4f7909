//! `/staff/incidents` and `/incidents`: emergency teams. Staff form a team for an incident in a
//! community of their scope, change it and close it, and read each incident's line; a member
//! logs services against the incidents they are on the team of.

use super::bits::{BUTTON, BUTTON_OUTLINE, CARD, FIELD, LABEL, META, PROBLEM};
use crate::domain::ServiceCategory;
use crate::i18n::{DeskTexts, IncidentTexts, Lang};
use crate::model::Incident;
use crate::ui::components::page_title;
use leptos::prelude::*;

/// What staff choose from: the communities of their scope and the lawyers on the register, each
/// an id and a label.
pub struct Choices {
    pub communities: Vec<(i64, String)>,
    pub lawyers: Vec<(i64, String)>,
    pub today: String,
}

/// Staff's page; `problem` says why the last form was refused.
pub fn staff(lang: Lang, incidents: Vec<Incident>, choices: Choices, problem: Option<String>) -> AnyView {
    let t = IncidentTexts::of(lang);
    let communities =
        choices.communities.iter().map(|(id, name)| view! { <option value=id.to_string()>{name.clone()}</option> });
    view! {
        {page_title(t.title)}
        <p class="my-2">{t.intro}</p>
        {problem.map(|p| view! { <p class=PROBLEM role="alert">{p}</p> })}
        <form method="post" action="/staff/incidents" class=format!("my-3 space-y-2 {CARD}")>
            <input type="hidden" name="action" value="open" />
            <label class=LABEL for="incident-name">{t.name}</label>
            <input id="incident-name" name="name" class=FIELD maxlength="60" required=true />
            <label class=LABEL for="incident-community">{t.community}</label>
            <select id="incident-community" name="community_id" class=FIELD>{communities.collect_view()}</select>
            <label class=LABEL for="incident-opened">{t.opened_on}</label>
            <input id="incident-opened" name="day" type="date" class=FIELD value=choices.today.clone() max=choices.today.clone() required=true />
            <label class=LABEL for="incident-note">{t.note}</label>
            <textarea id="incident-note" name="note" class=FIELD rows="2" maxlength="500"></textarea>
            {team_field(t, "incident-team", &choices.lawyers, &[])}
            <button class=BUTTON>{t.open}</button>
        </form>
        {incidents.is_empty().then(|| view! { <p class="my-3">{t.none}</p> })}
        <ul class="my-3 space-y-3">
            {incidents.into_iter().map(|incident| {
                let forms = incident.closed_on.is_none().then(|| manage(t, &incident, &choices));
                view! { <li class=CARD aria-label=incident.name.clone()>{line(t, &incident)}{forms}</li> }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// The team as a list box of many choices, `chosen` selected.
fn team_field(t: &IncidentTexts, id: &str, lawyers: &[(i64, String)], chosen: &[i64]) -> AnyView {
    let options = lawyers.iter().map(|(lawyer, label)| {
        view! { <option value=lawyer.to_string() selected=chosen.contains(lawyer)>{label.clone()}</option> }
    });
    view! {
        <label class=LABEL for=id.to_owned()>{t.lawyers}</label>
        <select id=id.to_owned() name="lawyer_ids" multiple=true size="6" class="w-full rounded-lg border border-line px-3">
            {options.collect_view()}
        </select>
    }
    .into_any()
}

/// An open incident's forms: its team, and closing it.
fn manage(t: &IncidentTexts, incident: &Incident, choices: &Choices) -> AnyView {
    let chosen: Vec<i64> = incident.members.iter().map(|m| m.lawyer_id).collect();
    let (team, last) = (format!("team-{}", incident.id), format!("closed-{}", incident.id));
    view! {
        <form method="post" action="/staff/incidents" class="mt-3 space-y-2">
            <input type="hidden" name="action" value="team" />
            <input type="hidden" name="id" value=incident.id.to_string() />
            {team_field(t, &team, &choices.lawyers, &chosen)}
            <button class=BUTTON_OUTLINE>{t.save_team}</button>
        </form>
        <form method="post" action="/staff/incidents" class="mt-3 flex items-end gap-2">
            <input type="hidden" name="action" value="close" />
            <input type="hidden" name="id" value=incident.id.to_string() />
            <div>
                <label class=LABEL for=last.clone()>{t.closed_on}</label>
                <input id=last name="day" type="date" class=FIELD value=choices.today.clone() max=choices.today.clone() required=true />
            </div>
            <button class=BUTTON_OUTLINE>{t.close}</button>
        </form>
    }
    .into_any()
}

/// An incident's line: name, place, days, what the team did and who is on it.
fn line(t: &IncidentTexts, incident: &Incident) -> AnyView {
    let days = match &incident.closed_on {
        Some(last) => format!("{} ~ {last} · {}", incident.opened_on, t.closed),
        None => format!("{} ~ · {}", incident.opened_on, t.open_now),
    };
    let figures = t
        .figures
        .replace("{services}", &incident.services.to_string())
        .replace("{people}", &incident.people_served.to_string());
    let team: Vec<String> = incident.members.iter().map(|m| format!("{}({}) {}", m.name, m.firm, m.services)).collect();
    view! {
        <p class="font-bold">{incident.name.clone()}</p>
        <p class=META>{format!("{} · {} · {days}", incident.street, incident.community)}</p>
        <p>{figures}</p>
        {(!incident.note.is_empty()).then(|| view! { <p class=META>{incident.note.clone()}</p> })}
        <p class="text-sm">{format!("{}：{}", t.team, team.join("、"))}</p>
    }
    .into_any()
}

/// The member's page: their incidents, a form to log a service against each open one (`key`
/// makes a form sent twice record once).
pub fn mine(lang: Lang, incidents: Vec<Incident>, today: &str, key: &str, problem: Option<String>) -> AnyView {
    let t = IncidentTexts::of(lang);
    view! {
        {page_title(t.title_mine)}
        {problem.map(|p| view! { <p class=PROBLEM role="alert">{p}</p> })}
        {incidents.is_empty().then(|| view! { <p class="my-3">{t.none}</p> })}
        <ul class="my-3 space-y-3">
            {incidents.into_iter().map(|incident| {
                let form = incident.closed_on.is_none().then(|| record_form(lang, &incident, today, key));
                view! { <li class=CARD aria-label=incident.name.clone()>{line(t, &incident)}{form}</li> }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// Logging a service against `incident`.
fn record_form(lang: Lang, incident: &Incident, today: &str, key: &str) -> AnyView {
    let (t, desk) = (IncidentTexts::of(lang), DeskTexts::of(lang));
    let id = |field: &str| format!("{field}-{}", incident.id);
    let categories = [
        ServiceCategory::Consultation,
        ServiceCategory::Mediation,
        ServiceCategory::Publicity,
        ServiceCategory::LegalOpinion,
    ]
    .map(|c| view! { <option value=c.as_str()>{c.label(desk)}</option> });
    let text = |field: &'static str, label: &'static str, max: &'static str| {
        view! {
            <label class=LABEL for=id(field)>{label}</label>
            <input id=id(field) name=field class=FIELD maxlength=max />
        }
    };
    view! {
        <form method="post" action="/incidents" class="mt-3 space-y-2">
            <input type="hidden" name="incident_id" value=incident.id.to_string() />
            <input type="hidden" name="client_key" value=format!("{key}-{}", incident.id) />
            <label class=LABEL for=id("category")>{t.category}</label>
            <select id=id("category") name="category" class=FIELD>{categories.collect_view()}</select>
            <label class=LABEL for=id("served")>{t.served_on}</label>
            <input id=id("served") name="served_on" type="date" class=FIELD value=today.to_owned() max=today.to_owned() required=true />
            <label class=LABEL for=id("people")>{t.people}</label>
            <input id=id("people") name="people_served" type="number" min="1" value="1" class=FIELD required=true />
            <label class=LABEL for=id("summary")>{t.summary}</label>
            <textarea id=id("summary") name="summary" class=FIELD rows="2" maxlength="2000" required=true></textarea>
            {text("topic", desk.record_topic, "200")}
            {text("parties", desk.record_parties, "200")}
            {text("outcome", desk.record_outcome, "200")}
            <button class=BUTTON>{t.record}</button>
        </form>
    }
    .into_any()
}
