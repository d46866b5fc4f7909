//! An article's Markdown: rendered without panic, and never into a script.
#![no_main]

libfuzzer_sys::fuzz_target!(|text: &str| {
    let html = server::articles::render(text).to_lowercase();
    assert!(!html.contains("<script") && !html.contains("href=\"javascript:"), "{html}");
});
