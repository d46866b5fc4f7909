//! CSV import on any text.
#![no_main]

libfuzzer_sys::fuzz_target!(|text: &str| {
    let _ = server::admin::table::csv(text);
});
