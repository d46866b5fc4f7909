//! 普法与资料: the library for lawyers and staff, articles for staff.

use super::articles::ArticlesDesk;
use super::library::LibraryDesk;
use crate::ui::components::page_title;
use crate::ui::{use_prefs, use_session};
use leptos::prelude::*;

#[component]
pub fn PublishPage() -> impl IntoView {
    let prefs = use_prefs();
    let session = use_session();
    let is_staff = move || session.me.get().is_some_and(|me| me.role.is_staff());
    view! {
        {page_title(prefs.desk().nav_publish)}
        {move || is_staff().then(|| view! { <ArticlesDesk /> })}
        <LibraryDesk />
    }
}
