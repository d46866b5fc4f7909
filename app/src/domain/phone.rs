use serde::{Deserialize, Serialize};
use std::fmt;

/// A mainland China mobile number: 11 digits starting with 1 and a digit from 3 to 9.
///
/// Every spelling a person would type is the same number: full-width digits and signs are read
/// as ASCII; spaces (ideographic too), dashes, dots and brackets are dropped; a leading `+86`,
/// `0086` or `86` is the country code. Limits and look-ups key on the 11 digits, so no spelling
/// starts a count of its own.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(try_from = "String", into = "String")]
pub struct PhoneNumber(String);

/// Why a phone number was rejected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InvalidPhone;

impl PhoneNumber {
    /// Parses user input.
    pub fn parse(input: &str) -> Result<Self, InvalidPhone> {
        let digits: String = input.chars().map(fold_width).filter(|c| !is_separator(*c)).collect();
        let digits = digits
            .strip_prefix("+86")
            .or_else(|| digits.strip_prefix("0086"))
            .or_else(|| digits.strip_prefix("86").filter(|rest| rest.len() == 11))
            .unwrap_or(&digits);
        let bytes = digits.as_bytes();
        let valid = bytes.len() == 11
            && bytes.iter().all(u8::is_ascii_digit)
            && bytes[0] == b'1'
            && (b'3'..=b'9').contains(&bytes[1]);
        if valid {
            Ok(PhoneNumber(digits.to_owned()))
        } else {
            Err(InvalidPhone)
        }
    }

    /// The 11 digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The number with its middle four digits hidden (`138****5678`), for logs and screens.
    pub fn masked(&self) -> String {
        format!("{}****{}", &self.0[..3], &self.0[7..])
    }
}

/// A full-width character (`１`, `＋`) as its ASCII twin; others unchanged.
pub fn fold_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// Characters people put between digit groups.
fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | '.' | '(' | ')' | '·' | '—' | '–' | '_' | '/')
}

impl TryFrom<String> for PhoneNumber {
    type Error = String;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        PhoneNumber::parse(&value).map_err(|_| "invalid mobile number".to_owned())
    }
}

impl From<PhoneNumber> for String {
    fn from(value: PhoneNumber) -> Self {
        value.0
    }
}

impl fmt::Display for PhoneNumber {
    /// Shows the masked form: a phone number in a log line or a debug print is a leak.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.masked())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_mainland_mobile_numbers_in_common_spellings() {
        for input in [
            "13812345678",
            "138 1234 5678",
            "138-1234-5678",
            "+8613812345678",
            "8613812345678",
            "+86 138 1234 5678",
            "0086-138-1234-5678",
            "(+86) 138.1234.5678",
            "１３８１２３４５６７８",
            "＋８６　１３８－１２３４－５６７８",
            "138\u{00A0}1234\u{00A0}5678",
        ] {
            assert_eq!(PhoneNumber::parse(input).map(|p| p.as_str().to_owned()), Ok("13812345678".into()), "{input}");
        }
        assert!(PhoneNumber::parse("19912345678").is_ok());
    }

    #[test]
    fn rejects_anything_else() {
        for input in [
            "",
            "1381234567",
            "138123456789",
            "12812345678",
            "23812345678",
            "1381234567a",
            "075512345678",
            "+1 4155550100",
        ] {
            assert_eq!(PhoneNumber::parse(input), Err(InvalidPhone), "{input}");
        }
    }

    #[test]
    fn display_masks_the_middle_digits() {
        let phone = PhoneNumber::parse("13812345678").expect("valid");
        assert_eq!(phone.to_string(), "138****5678");
    }
}
