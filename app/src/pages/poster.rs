//! `/posters/communities/<id>` and `/posters/streets/<id>`: an A4 poster per community for office
//! doors and notice boards — its name, its lawyers, their duty hours, where, and a QR code to
//! its page — or every poster of a street, one to a printed page.

use super::community::role_label;
use crate::i18n::Lang;
use crate::model::CommunityDetail;
use crate::ui::components::duty_hours;
use leptos::prelude::*;

/// A community's poster; `qr` is the address of its QR code picture, `link` what it opens.
pub fn poster(lang: Lang, community: CommunityDetail, qr: String, link: String) -> AnyView {
    let m = lang.messages();
    let t = lang.texts();
    view! {
        <article class="poster">
            <p class="poster-kicker">{m.poster_title}" · "{m.poster_free}</p>
            <h1>{format!("{} {}", community.street_name, community.name)}</h1>
            <h2>{m.poster_team}</h2>
            <ul class="poster-team">
                {community.lawyers.into_iter().map(|l| view! {
                    <li><strong>{l.name}</strong>" "<span>{format!("{} · {}", role_label(t, l.role), l.firm)}</span></li>
                }).collect_view()}
            </ul>
            <h2>{m.poster_hours}</h2>
            <p class="poster-hours">{duty_hours(community.duty)}</p>
            <h2>{m.poster_office}</h2>
            <p>{community.office_address}</p>
            <figure>
                <img src=qr alt=m.poster_scan width="220" height="220" />
                <figcaption>{m.poster_scan}<br />{link}</figcaption>
            </figure>
        </article>
    }
    .into_any()
}

/// Every poster of a street, one to a page.
pub fn posters(lang: Lang, posters: Vec<(CommunityDetail, String, String)>) -> AnyView {
    posters.into_iter().map(|(community, qr, link)| poster(lang, community, qr, link)).collect_view().into_any()
}
