//! What people type: dates, months, phone numbers, de-identification and text cleaning, each
//! on any text, with the promises each parser makes checked.
#![no_main]

use app::domain::{clean_text, identifying, is_hidden, month_bounds, PhoneNumber};
use app::time::{LocalDate, EARLIEST_YEAR, LATEST_YEAR};

libfuzzer_sys::fuzz_target!(|text: &str| {
    if let Some(date) = LocalDate::parse(text) {
        assert!((EARLIEST_YEAR..=LATEST_YEAR).contains(&date.year));
        assert_eq!(LocalDate::parse(&date.to_string()), Some(date));
    }
    let _ = month_bounds(text);
    if let Ok(phone) = PhoneNumber::parse(text) {
        assert!(phone.as_str().len() == 11);
        assert!(identifying(text, None), "a phone number the parser accepts is identifying: {text}");
    }
    if let Some(clean) = clean_text(text) {
        assert!(!clean.chars().any(is_hidden));
    }
});
