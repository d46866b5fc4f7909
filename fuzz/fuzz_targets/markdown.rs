//! An article's Markdown: rendered without panic, never into a script or an element that loads
//! anything, and links only to web, mail and phone addresses and this site. (Text may say anything: a `<` in
//! text is escaped, so only a real tag starts with one.)
#![no_main]

libfuzzer_sys::fuzz_target!(|text: &str| {
    let html = server::articles::render(text).to_lowercase();
    for forbidden in ["<script", "<iframe", "<img", "<object", "<embed", "<svg", "<style", "<link", "<meta"] {
        assert!(!html.contains(forbidden), "{html}");
    }
    for link in html.split("<a href=\"").skip(1) {
        // Web, mail and phone addresses, this site's pages and anchors; anything else became `#`.
        let site = link.starts_with('/') && !link.starts_with("//");
        assert!(site || ["http://", "https://", "mailto:", "tel:", "#"].iter().any(|s| link.starts_with(s)), "{html}");
    }
});
