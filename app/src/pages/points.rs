//! `/staff/points`: service points beyond communities. Staff read the year's points and each
//! street's lectures at parks and enterprises against its target; the district's staff add a
//! point and set the targets.

use super::bits::{BUTTON, BUTTON_OUTLINE, CARD, FIELD, LABEL, META, PROBLEM};
use crate::i18n::{Lang, PointTexts};
use crate::model::ServicePoints;
use crate::ui::components::page_title;
use leptos::prelude::*;

/// A kind's name.
pub fn kind_name(t: &PointTexts, kind: &str) -> &'static str {
    match kind {
        "park" => t.kind_park,
        "enterprise" => t.kind_enterprise,
        _ => t.kind_other,
    }
}

/// The page of `points`' year; `district` says whether the reader may add and set.
pub fn staff(lang: Lang, points: ServicePoints, district: bool, problem: Option<String>) -> AnyView {
    let t = PointTexts::of(lang);
    let year = points.year;
    let rows = points.streets.iter().map(|s| {
        let target = s.target.map(|n| n.to_string()).unwrap_or_default();
        let form = district.then(|| {
            let id = format!("target-{}", s.street_id);
            view! {
                <form method="post" action="/staff/points" class="flex items-end gap-2">
                    <input type="hidden" name="action" value="target" />
                    <input type="hidden" name="street_id" value=s.street_id.to_string() />
                    <input type="hidden" name="year" value=year.to_string() />
                    <label class="sr-only" for=id.clone()>{format!("{} · {}", s.street, t.target)}</label>
                    <input id=id name="target" type="number" min="0" max="10000" class=FIELD value=target.clone() />
                    <button class=BUTTON_OUTLINE>{t.save_target}</button>
                </form>
            }
        });
        view! {
            <tr>
                <td class="p-1">{s.street.clone()}</td>
                <td class="p-1 text-right">{s.lectures}</td>
                <td class="p-1">{if district { form.into_any() } else { target.into_any() }}</td>
            </tr>
        }
    });
    view! {
        {page_title(t.title)}
        <p class="my-2">{t.intro}</p>
        {problem.map(|p| view! { <p class=PROBLEM role="alert">{p}</p> })}
        <form method="get" action="/staff/points" class="my-3 flex items-end gap-2">
            <div><label class=LABEL for="points-year">{t.year}</label>
                <input id="points-year" name="year" type="number" min="2000" class=FIELD value=year.to_string() /></div>
            <button class=BUTTON>{t.show}</button>
        </form>
        <table class="my-3 w-full text-sm">
            <thead><tr>
                <th class="p-1 text-left" scope="col">{t.street}</th>
                <th class="p-1 text-right" scope="col">{t.lectures}</th>
                <th class="p-1 text-left" scope="col">{t.target}</th>
            </tr></thead>
            <tbody>{rows.collect_view()}</tbody>
        </table>
        {points.points.is_empty().then(|| view! { <p class="my-3">{t.none}</p> })}
        <ul class="my-3 space-y-2">
            {points.points.iter().map(|p| view! {
                <li class=CARD><p class="font-bold">{p.name.clone()}</p>
                    <p class=META>{format!("{} · {} · {} {}", p.street, kind_name(t, &p.kind), t.lectures, p.lectures)}</p></li>
            }).collect_view()}
        </ul>
        {district.then(|| adder(t, &points))}
    }
    .into_any()
}

/// The district's form that opens a service point.
fn adder(t: &PointTexts, points: &ServicePoints) -> AnyView {
    let streets =
        points.streets.iter().map(|s| view! { <option value=s.street_id.to_string()>{s.street.clone()}</option> });
    let kinds = ["park", "enterprise", "other"].map(|k| view! { <option value=k>{kind_name(t, k)}</option> });
    view! {
        <form method="post" action="/staff/points" class=format!("my-3 space-y-2 {CARD}")>
            <input type="hidden" name="action" value="add" />
            <label class=LABEL for="point-street">{t.street}</label>
            <select id="point-street" name="street_id" class=FIELD>{streets.collect_view()}</select>
            <label class=LABEL for="point-name">{t.name}</label>
            <input id="point-name" name="name" class=FIELD maxlength="40" required=true />
            <label class=LABEL for="point-kind">{t.kind}</label>
            <select id="point-kind" name="kind" class=FIELD>{kinds.collect_view()}</select>
            <label class=LABEL for="point-address">{t.address}</label>
            <input id="point-address" name="office_address" class=FIELD maxlength="200" required=true />
            <button class=BUTTON>{t.add}</button>
        </form>
    }
    .into_any()
}
