//! A receiving body's API keys on `/admin/organisations`: each key with its scopes and last use,
//! revoking it, and issuing one; the secret of a key just issued, shown once.

use super::bits::{BUTTON, BUTTON_OUTLINE, CARD, FIELD, LABEL, META};
use crate::i18n::{Lang, ReferralTexts};
use crate::model::ApiKey;
use crate::time::Instant;
use leptos::prelude::*;

/// Body `id`'s keys and the form that issues one.
pub fn of_body(lang: Lang, id: i64, keys: Vec<ApiKey>) -> AnyView {
    let t = ReferralTexts::of(lang);
    let scope = move |s: &str| if s == "referrals:read" { t.scope_read } else { t.scope_write };
    view! {
        <p class="mt-2 font-bold">{t.api_keys}</p>
        <ul class="space-y-1">
            {keys.into_iter().map(|key| {
                let scopes = key.scopes.iter().map(|s| scope(s)).collect::<Vec<_>>().join("、");
                let used = key.last_used_at.map_or(t.key_never_used.to_owned(), |at| {
                    format!("{}: {}", t.key_last_used, Instant(at).format_shanghai())
                });
                view! {
                    <li>
                        {key.name}" · "{scopes}
                        <span class=META>" · "{if key.revoked { t.revoked_key.to_owned() } else { used }}</span>
                        {(!key.revoked).then(|| view! {
                            <form method="post" action=format!("/admin/api-keys/{}/revoke", key.id) class="inline">
                                " "<button class=BUTTON_OUTLINE>{t.revoke_key}</button>
                            </form>
                        })}
                    </li>
                }
            }).collect_view()}
        </ul>
        <details class="mt-2">
            <summary class="min-h-11 cursor-pointer font-bold text-brand">{t.issue_key}</summary>
            <form method="post" action=format!("/admin/organisations/{id}/keys")>
                <label class=LABEL for=format!("key-name-{id}")>{t.key_name}</label>
                <input id=format!("key-name-{id}") name="name" class=FIELD maxlength="50" required=true />
                <label class="mt-2 block">
                    <input type="checkbox" name="read" value="1" checked=true />" "{t.scope_read}
                </label>
                <label class="block">
                    <input type="checkbox" name="write" value="1" />" "{t.scope_write}
                </label>
                <button class=format!("mt-2 {BUTTON}")>{t.issue_key}</button>
            </form>
        </details>
    }
    .into_any()
}

/// The secret of the key just issued.
pub fn secret(lang: Lang, secret: String) -> AnyView {
    view! {
        <p class=format!("my-3 {CARD}") role="status">
            {ReferralTexts::of(lang).key_secret_once}<br />
            <code class="break-all font-bold">{secret}</code>
        </p>
    }
    .into_any()
}
