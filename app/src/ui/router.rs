//! A small client-side router shared by both front ends: the address as signals, same-site link
//! clicks and back/forward turned into updates of them, and [`Location::navigate`]. Each front end
//! matches paths to its pages itself (`resident::Page`, `workbench::Page`), with plain functions
//! that are tested like any other.
//!
//! Why not `leptos_router`: its generic route tree cost the residents' wasm about 70 KB before
//! compression, half the first-load budget's headroom; the two front ends need none of nested
//! routes, outlets or route data. See docs/ARCHITECTURE.md.

use leptos::prelude::*;

/// Where the browser is: the path and the query (without `?`), both reactive.
#[derive(Debug, Clone, Copy)]
pub struct Location {
    /// `/communities/4/book`.
    pub path: RwSignal<String>,
    /// `slot=1700000000000&move=3`.
    pub query: RwSignal<String>,
}

impl Location {
    /// Reads the browser's address, follows it from now on, and provides it to the app.
    pub fn provide() -> Location {
        let (path, query) = platform::current();
        let location = Location { path: RwSignal::new(path), query: RwSignal::new(query) };
        platform::follow(location);
        provide_context(location);
        location
    }

    /// Goes to `href` (a path of this front end, with an optional query) without reloading;
    /// `replace` changes the current history entry instead of adding one.
    pub fn navigate(self, href: &str, replace: bool) {
        // A page the server renders is loaded, not routed (after signing in, say).
        if server_page(href) {
            crate::ui::platform::go_to(href);
            return;
        }
        platform::push(href, replace);
        self.set(href);
    }

    fn set(self, href: &str) {
        let (path, query) = href.split_once('?').unwrap_or((href, ""));
        self.path.set(path.to_owned());
        self.query.set(query.to_owned());
    }
}

/// The app's location.
pub fn use_location() -> Location {
    expect_context::<Location>()
}

/// The decoded value of `name` in a query string (`a=1&b=x%2Fy`).
pub fn query_param(query: &str, name: &str) -> Option<String> {
    query.split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        (key == name).then(|| percent_decode(value))
    })
}

/// `query` with `name` set to `value` (replaced where present, else added).
pub fn with_param(query: &str, name: &str, value: &str) -> String {
    let mut pairs: Vec<String> = query
        .split('&')
        .filter(|pair| !pair.is_empty() && pair.split('=').next() != Some(name))
        .map(str::to_owned)
        .collect();
    pairs.push(format!("{name}={}", percent_encode(value)));
    pairs.join("&")
}

/// Encodes `text` for a query value: everything but unreserved characters and `/` as `%XX`.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"/-_.~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 15)]));
        }
    }
    out
}

const HEX: &[u8; 16] = b"0123456789ABCDEF";

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let hex = |i: usize| bytes.get(i).and_then(|b| char::from(*b).to_digit(16));
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match (bytes[i], hex(i + 1), hex(i + 2)) {
            (b'%', Some(hi), Some(lo)) => {
                out.push((hi * 16 + lo) as u8);
                i += 3;
            }
            (b'+', ..) => {
                out.push(b' ');
                i += 1;
            }
            (b, ..) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The segments of a path: `/communities/4/book` → `["communities", "4", "book"]`, `/` → `[]`.
pub fn segments(path: &str) -> Vec<&str> {
    path.split('/').filter(|s| !s.is_empty()).collect()
}

#[cfg(feature = "csr")]
mod platform {
    use super::Location;
    use leptos::ev;
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;

    pub fn current() -> (String, String) {
        let location = window().location();
        let path = location.pathname().unwrap_or_else(|_| "/".into());
        let query = location.search().unwrap_or_default().trim_start_matches('?').to_owned();
        (path, query)
    }

    pub fn push(href: &str, replace: bool) {
        let Ok(history) = window().history() else { return };
        let _ = if replace {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href))
        } else {
            history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href))
        };
        if !replace {
            window().scroll_to_with_x_and_y(0.0, 0.0);
        }
    }

    /// Back/forward update the location; clicks on same-site links become navigations, except
    /// links marked `rel="external"` (the other front end), pages the server renders, links with
    /// a target, or a download.
    pub fn follow(location: Location) {
        window_event_listener(ev::popstate, move |_| {
            let (path, query) = current();
            location.path.set(path);
            location.query.set(query);
        });
        window_event_listener(ev::click, move |event| {
            if event.default_prevented()
                || event.button() != 0
                || event.ctrl_key()
                || event.meta_key()
                || event.shift_key()
                || event.alt_key()
            {
                return;
            }
            let Some(anchor) = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest("a[href]").ok().flatten())
            else {
                return;
            };
            let href = anchor.get_attribute("href").unwrap_or_default();
            let external = anchor.get_attribute("rel").is_some_and(|rel| rel.contains("external"));
            if external
                || anchor.has_attribute("target")
                || anchor.has_attribute("download")
                || !super::is_local(&href)
                || super::server_page(&href)
            {
                return;
            }
            event.prevent_default();
            location.navigate(&href, false);
        });
    }
}

#[cfg(not(feature = "csr"))]
mod platform {
    use super::Location;

    pub fn current() -> (String, String) {
        ("/".into(), String::new())
    }

    pub fn push(_href: &str, _replace: bool) {}

    pub fn follow(_location: Location) {}
}

/// Whether `href` is a page the server renders itself (普法, the library, 我的资料 and 个人信息,
/// questions, files, a street, a community but not its booking page, referrals): the browser
/// loads it.
pub fn server_page(href: &str) -> bool {
    let path = href.split(['?', '#']).next().unwrap_or_default();
    let community = path.strip_prefix("/communities/").is_some_and(|rest| !rest.contains('/'));
    community
        || [
            "/articles",
            "/library",
            "/me/",
            "/files/",
            "/questions",
            "/streets/",
            "/referrals",
            "/agency",
            "/admin/",
            "/visits",
        ]
        .iter()
        .any(|p| href.starts_with(p))
}

/// Whether `href` is a path of this site (`/x`), not another site (`//host`, `https:`), and
/// fit for a `Location` header (no control characters).
pub fn is_local(href: &str) -> bool {
    href.starts_with('/') && !href.starts_with("//") && !href.contains('\\') && !href.chars().any(char::is_control)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_pages_are_left_to_the_browser() {
        assert!(server_page("/library?q=借条"));
        assert!(server_page("/articles/3"));
        assert!(server_page("/me/files") && server_page("/me/privacy"));
        assert!(server_page("/questions/12"));
        assert!(!server_page("/me"));
        assert!(server_page("/communities/4") && server_page("/communities/4?x=1") && server_page("/streets/2"));
        assert!(!server_page("/communities/4/book") && !server_page("/communities/4/book?move=9"));
    }

    #[test]
    fn query_values_are_found_and_decoded() {
        let query = "slot=1700000000000&next=/communities/4/book%3Fslot%3D1&q=%E5%90%8E+%E4%BA%AD";
        assert_eq!(query_param(query, "slot").as_deref(), Some("1700000000000"));
        assert_eq!(query_param(query, "next").as_deref(), Some("/communities/4/book?slot=1"));
        assert_eq!(query_param(query, "q").as_deref(), Some("后 亭"));
        assert_eq!(query_param(query, "missing"), None);
        assert_eq!(query_param("", "slot"), None);
        assert_eq!(query_param("bad=%zz%", "bad").as_deref(), Some("%zz%"));
    }

    #[test]
    fn a_parameter_is_replaced_or_added() {
        assert_eq!(with_param("", "slot", "5"), "slot=5");
        assert_eq!(with_param("move=3&slot=1", "slot", "5"), "move=3&slot=5");
        assert_eq!(with_param("move=3", "slot", "5"), "move=3&slot=5");
    }

    #[test]
    fn encoding_round_trips() {
        for text in ["/communities/4/book?slot=1&move=2", "后亭 社区", "100%"] {
            assert_eq!(percent_decode(&percent_encode(text)), text);
        }
        assert_eq!(percent_encode("/a?b=c"), "/a%3Fb%3Dc");
    }

    #[test]
    fn paths_split_into_segments() {
        assert_eq!(segments("/"), Vec::<&str>::new());
        assert_eq!(segments("/communities/4/book"), vec!["communities", "4", "book"]);
        assert_eq!(segments("/desk/"), vec!["desk"]);
    }

    #[test]
    fn only_paths_of_this_site_are_local() {
        assert!(is_local("/communities/4"));
        assert!(!is_local("//evil.example/x"));
        assert!(!is_local("https://evil.example"));
        assert!(!is_local("/\\evil.example"));
        assert!(!is_local("mailto:x@y"));
    }
}
