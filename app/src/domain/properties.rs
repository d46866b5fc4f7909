//! Properties of the parsers of what people type, over generated input: no input makes them
//! panic, what they accept they accept in every spelling, and what they produce is clean.

use super::{clean_text, identifying, is_hidden, month_bounds, PhoneNumber};
use crate::time::{Instant, LocalDate, EARLIEST_YEAR, LATEST_YEAR};
use proptest::prelude::*;

/// One digit spelled as a person might.
fn spelled_digit(d: u8, style: u8) -> String {
    const STYLES: [[&str; 10]; 3] = [
        ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"],
        ["０", "１", "２", "３", "４", "５", "６", "７", "８", "９"],
        ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"],
    ];
    STYLES[usize::from(style % 3)][usize::from(d)].to_owned()
}

fn separator() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec!["", "", "", " ", "　", "-", ".", "·", "－", " - "])
}

proptest! {
    #[test]
    fn dates_parse_only_within_the_portal_years_and_round_trip(text in ".{0,24}") {
        if let Some(date) = LocalDate::parse(&text) {
            prop_assert!((EARLIEST_YEAR..=LATEST_YEAR).contains(&date.year));
            prop_assert_eq!(LocalDate::parse(&date.to_string()), Some(date));
        }
    }

    #[test]
    fn any_instant_converts_without_overflow(ms in any::<i64>(), days in -1000i64..1000) {
        let (date, minutes) = Instant(ms).to_shanghai();
        prop_assert!(minutes < 24 * 60);
        let _ = date.plus_days(days).at_minute(minutes);
    }

    #[test]
    fn months_never_panic(text in ".{0,12}") {
        if let Some((first, last)) = month_bounds(&text) {
            prop_assert!(first <= last && first.day == 1);
        }
    }

    #[test]
    fn a_number_in_any_spelling_is_the_same_number(
        digits in proptest::collection::vec(0u8..10, 9),
        second in 3u8..10,
        prefix in prop::sample::select(vec!["", "+86", "+86 ", "0086", "86", "＋８６ "]),
        seps in proptest::collection::vec(separator(), 11),
        widths in proptest::collection::vec(any::<bool>(), 11),
    ) {
        let plain: String = std::iter::once(1).chain(std::iter::once(second)).chain(digits).map(|d| char::from(b'0' + d)).collect();
        let mut spelled = prefix.to_owned();
        for (k, c) in plain.chars().enumerate() {
            spelled.push_str(seps[k]);
            spelled.push(if widths[k] { char::from_u32(c as u32 + 0xFEE0).unwrap_or(c) } else { c });
        }
        prop_assert_eq!(PhoneNumber::parse(&spelled).map(|p| p.as_str().to_owned()), Ok(plain));
    }

    #[test]
    fn phone_parsing_never_panics_and_keeps_eleven_digits(text in ".{0,30}") {
        if let Ok(phone) = PhoneNumber::parse(&text) {
            prop_assert!(phone.as_str().len() == 11 && phone.as_str().bytes().all(|b| b.is_ascii_digit()));
        }
    }

    #[test]
    fn a_mobile_number_is_found_in_any_spelling(
        digits in proptest::collection::vec(0u8..10, 11),
        styles in proptest::collection::vec(any::<u8>(), 11),
        seps in proptest::collection::vec(separator(), 11),
        before in "[a-z借款 ]{0,8}",
    ) {
        let mut text = format!("{before}电话");
        for k in 0..11 {
            if k > 0 {
                text.push_str(seps[k]);
            }
            text.push_str(&spelled_digit(digits[k], styles[k]));
        }
        text.push_str("，谢谢");
        prop_assert!(identifying(&text, None), "{}", text);
    }

    #[test]
    fn cleaned_text_holds_nothing_hidden_and_cleaning_twice_changes_nothing(text in "\\PC{0,40}|.{0,40}") {
        match clean_text(&text) {
            None => prop_assert!(text.contains('\0')),
            Some(clean) => {
                prop_assert!(!clean.chars().any(is_hidden));
                prop_assert_eq!(clean_text(&clean), Some(clean.clone()));
            }
        }
    }
}
