use serde::{Deserialize, Serialize};

/// A six-digit one-time sign-in code as typed by the user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct OneTimeCode(String);

/// Why a code was rejected before it was checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MalformedCode;

impl OneTimeCode {
    /// How many digits a code has.
    pub const LEN: usize = 6;

    /// Parses user input; surrounding spaces are dropped.
    pub fn parse(input: &str) -> Result<Self, MalformedCode> {
        let code = input.trim();
        if code.len() == Self::LEN && code.bytes().all(|b| b.is_ascii_digit()) {
            Ok(OneTimeCode(code.to_owned()))
        } else {
            Err(MalformedCode)
        }
    }

    /// The digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_exactly_six_digits() {
        assert_eq!(OneTimeCode::parse(" 012345 ").map(|c| c.as_str().to_owned()), Ok("012345".into()));
        for bad in ["", "12345", "1234567", "12345a", "１２３４５６"] {
            assert_eq!(OneTimeCode::parse(bad), Err(MalformedCode), "{bad}");
        }
    }
}
