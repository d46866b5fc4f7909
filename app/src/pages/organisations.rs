//! `/admin/organisations`: the bodies that receive referrals and their accounts, as admins keep
//! them — adding a body, closing or reopening it, adding an account or a partner system's key.

use super::api_keys;
use super::bits::{BUTTON, BUTTON_OUTLINE, CARD, FIELD, LABEL, META, PROBLEM};
use crate::domain::ReferralKind;
use crate::i18n::{Lang, ReferralTexts};
use crate::model::{ApiKey, OrganisationEntry, Street};
use crate::ui::components::page_title;
use leptos::prelude::*;

/// What the page shows besides the bodies: the streets one may serve alone, the partner
/// systems' keys, why the last change was refused, the secret of a key just issued.
#[derive(Debug, Default)]
pub struct Around {
    pub streets: Vec<Street>,
    pub keys: Vec<ApiKey>,
    pub problem: Option<String>,
    pub secret: Option<String>,
}

/// The page of `bodies`.
pub fn page(lang: Lang, bodies: Vec<OrganisationEntry>, around: Around) -> AnyView {
    let Around { streets, keys, problem, secret } = around;
    let t = ReferralTexts::of(lang);
    let street_name = |id: Option<i64>| {
        id.and_then(|id| streets.iter().find(|s| s.id == id)).map_or(t.whole_district.to_owned(), |s| s.name.clone())
    };
    view! {
        {page_title(t.title_organisations)}
        {problem.map(|p| view! { <p class=PROBLEM role="alert">{p}</p> })}
        {secret.map(|s| api_keys::secret(lang, s))}
        <ul class="my-3 space-y-3">
            {bodies.into_iter().map(|body| {
                let serves = street_name(body.street_id);
                let keys = keys.iter().filter(|k| k.organisation_id == body.id).cloned().collect();
                view! {
                    <li class=CARD>
                        <p class="font-bold">{t.kind(body.kind)}" · "{body.name.clone()}</p>
                        <p class=META>{t.serves}": "{serves}{body.closed.then(|| format!(" · {}", t.closed_body))}</p>
                        <p class="mt-2 font-bold">{t.accounts}</p>
                        <ul class="list-disc pl-5">
                            {body.accounts.iter().map(|a| view! {
                                <li>{a.login.clone()}" · "{a.display_name.clone()}{a.disabled.then(|| format!(" · {}", t.disabled))}</li>
                            }).collect_view()}
                        </ul>
                        {status_form(lang, &body)}
                        {account_form(lang, body.id)}
                        {api_keys::of_body(lang, body.id, keys)}
                    </li>
                }
            }).collect_view()}
        </ul>
        {new_body(lang, &streets)}
    }
    .into_any()
}

/// Closes or reopens the body, keeping everything else.
fn status_form(lang: Lang, body: &OrganisationEntry) -> AnyView {
    let t = ReferralTexts::of(lang);
    view! {
        <form method="post" action="/admin/organisations" class="mt-3">
            <input type="hidden" name="id" value=body.id.to_string() />
            <input type="hidden" name="kind" value=body.kind.as_str() />
            <input type="hidden" name="name" value=body.name.clone() />
            <input type="hidden" name="street_id" value=body.street_id.map(|s| s.to_string()).unwrap_or_default() />
            <input type="hidden" name="closed" value=if body.closed { "0" } else { "1" } />
            <button class=BUTTON_OUTLINE>{if body.closed { t.reopen_body } else { t.close_body }}</button>
        </form>
    }
    .into_any()
}

/// Adds an account to body `id`.
fn account_form(lang: Lang, id: i64) -> AnyView {
    let t = ReferralTexts::of(lang);
    let field = |name: &'static str, label: &'static str, kind: &'static str| {
        let for_id = format!("{name}-{id}");
        view! {
            <label class=format!("mt-2 {LABEL}") for=for_id.clone()>{label}</label>
            <input id=for_id name=name type=kind class=FIELD autocomplete="off" />
        }
    };
    view! {
        <details class="mt-3">
            <summary class="min-h-11 cursor-pointer font-bold text-brand">{t.add_account}</summary>
            <form method="post" action=format!("/admin/organisations/{id}/accounts")>
                {field("login", t.login, "text")}
                {field("display_name", t.display_name, "text")}
                {field("phone", t.account_phone, "tel")}
                {field("password", t.password, "password")}
                <button class=format!("mt-2 {BUTTON}")>{t.add_account}</button>
            </form>
        </details>
    }
    .into_any()
}

/// Adds a body.
fn new_body(lang: Lang, streets: &[Street]) -> AnyView {
    let t = ReferralTexts::of(lang);
    view! {
        <h2 class="mt-4 text-lg font-bold">{t.add_organisation}</h2>
        <form method="post" action="/admin/organisations" class="space-y-2">
            <label class=LABEL for="kind">{t.kind}</label>
            <select id="kind" name="kind" class=FIELD>
                {ReferralKind::ALL.iter().map(|k| view! { <option value=k.as_str()>{t.kind(*k)}</option> }).collect_view()}
            </select>
            <label class=LABEL for="name">{t.name}</label>
            <input id="name" name="name" class=FIELD maxlength="50" required=true />
            <label class=LABEL for="street">{t.serves}</label>
            <select id="street" name="street_id" class=FIELD>
                <option value="">{t.whole_district}</option>
                {streets.iter().map(|s| view! { <option value=s.id.to_string()>{s.name.clone()}</option> }).collect_view()}
            </select>
            <button class=BUTTON>{t.add_organisation}</button>
        </form>
    }
    .into_any()
}
