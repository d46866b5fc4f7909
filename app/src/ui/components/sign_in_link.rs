use crate::ui::router::{is_local, percent_encode, use_location};
use leptos::prelude::*;

/// A link to the residents' sign-in page that brings the resident back here afterwards, with the
/// page's query (a chosen slot, a booking being moved) intact.
#[component]
pub fn SignInLink(#[prop(into)] class: String, children: Children) -> impl IntoView {
    let location = use_location();
    let href = move || sign_in_href(&location.path.get(), &location.query.get());
    view! { <a href=href class=class>{children()}</a> }
}

/// `/sign-in?next=<this page>`, the page percent-encoded.
fn sign_in_href(path: &str, query: &str) -> String {
    let here = if query.is_empty() { path.to_owned() } else { format!("{path}?{query}") };
    if here == "/" || here.starts_with("/sign-in") {
        return "/sign-in".to_owned();
    }
    format!("/sign-in?next={}", percent_encode(&here))
}

/// Where to go after signing in: `next` when it is a page of this site, else `fallback`. Refuses
/// other sites (`//host`, `https://…`) so the link cannot be used to send residents elsewhere.
pub fn after_sign_in(next: Option<&str>, fallback: &'static str) -> String {
    match next {
        Some(path) if is_local(path) => path.to_owned(),
        _ => fallback.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_link_carries_the_page_and_its_query() {
        assert_eq!(
            sign_in_href("/communities/4/book", "slot=1700000000000"),
            "/sign-in?next=/communities/4/book%3Fslot%3D1700000000000"
        );
        assert_eq!(sign_in_href("/communities/4", ""), "/sign-in?next=/communities/4");
        assert_eq!(sign_in_href("/", ""), "/sign-in");
        assert_eq!(sign_in_href("/sign-in", "next=/me"), "/sign-in");
    }

    #[test]
    fn only_pages_of_this_site_are_followed() {
        assert_eq!(after_sign_in(Some("/communities/4/book?slot=1"), "/"), "/communities/4/book?slot=1");
        assert_eq!(after_sign_in(Some("//evil.example/x"), "/"), "/");
        assert_eq!(after_sign_in(Some("https://evil.example"), "/"), "/");
        assert_eq!(after_sign_in(None, "/"), "/");
    }
}
