//! Every visible string, in Chinese (the default) and English, in one table per audience:
//! [`Texts`] for both front ends, [`DeskTexts`] for the workbench only, [`Messages`] for what only
//! the server says (error messages and SMS). Each front end's wasm then carries only the tables
//! its pages use.
//!
//! Both languages of a string sit on one line of a `texts!` table, so a missing translation is a
//! compile error rather than a blank on the screen.

use serde::{Deserialize, Serialize};

/// Declares a table of strings: a struct with one field per key, and its Chinese and English
/// values, reached with `Table::of(lang)`.
macro_rules! texts {
    ($(#[$meta:meta])* $name:ident { $($key:ident: $zh:literal, $en:literal;)* }) => {
        $(#[$meta])*
        #[derive(Debug)]
        pub struct $name { $(#[doc = $zh] pub $key: &'static str,)* }

        impl $name {
            /// The strings in `lang`.
            pub fn of(lang: $crate::i18n::Lang) -> &'static $name {
                static ZH: $name = $name { $($key: $zh,)* };
                static EN: $name = $name { $($key: $en,)* };
                match lang {
                    $crate::i18n::Lang::Zh => &ZH,
                    $crate::i18n::Lang::En => &EN,
                }
            }
        }
    };
}

mod assist;
mod common;
mod desk;
mod evaluations;
mod feedback;
mod groups;
mod incidents;
mod messages;
mod points;
mod quizzes;
mod referrals;
mod setup;
mod visits;

pub use assist::AssistTexts;
pub use common::Texts;
pub use desk::DeskTexts;
pub use evaluations::EvaluationTexts;
pub use feedback::FeedbackTexts;
pub use groups::GroupTexts;
pub use incidents::IncidentTexts;
pub use messages::Messages;
pub use points::PointTexts;
pub use quizzes::QuizTexts;
pub use referrals::ReferralTexts;
pub use setup::SetupTexts;
pub use visits::VisitTexts;

/// A language the portal speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub enum Lang {
    /// 简体中文, the default.
    #[default]
    #[serde(rename = "zh-CN")]
    Zh,
    /// English.
    #[serde(rename = "en")]
    En,
}

impl Lang {
    /// The BCP 47 tag, as used in `<html lang>`, the `lang` cookie and storage.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// Reads a stored tag; anything unknown falls back to Chinese.
    pub fn from_tag(tag: &str) -> Lang {
        if tag.trim().to_ascii_lowercase().starts_with("en") {
            Lang::En
        } else {
            Lang::Zh
        }
    }

    /// Picks the first supported language of an `Accept-Language` header (weights ignored:
    /// browsers list languages in order of preference).
    pub fn from_accept_language(header: &str) -> Lang {
        header
            .split(',')
            .map(|part| part.split(';').next().unwrap_or("").trim().to_ascii_lowercase())
            .find_map(|tag| {
                if tag.starts_with("zh") {
                    Some(Lang::Zh)
                } else if tag.starts_with("en") {
                    Some(Lang::En)
                } else {
                    None
                }
            })
            .unwrap_or_default()
    }

    /// The short name of weekday `n` (1 = Monday … 7 = Sunday).
    pub fn weekday(self, n: u8) -> &'static str {
        const ZH: [&str; 7] = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"];
        const EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
        let i = usize::from(n.clamp(1, 7) - 1);
        match self {
            Lang::Zh => ZH[i],
            Lang::En => EN[i],
        }
    }

    /// This language's strings for both front ends.
    pub fn texts(self) -> &'static Texts {
        Texts::of(self)
    }

    /// This language's error messages and SMS texts (the server's).
    pub fn messages(self) -> &'static Messages {
        Messages::of(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_picks_the_first_supported_language() {
        assert_eq!(Lang::from_accept_language("en-US,en;q=0.9,zh;q=0.8"), Lang::En);
        assert_eq!(Lang::from_accept_language("zh-CN,zh;q=0.9,en;q=0.8"), Lang::Zh);
        assert_eq!(Lang::from_accept_language("fr-FR, en;q=0.5"), Lang::En);
        assert_eq!(Lang::from_accept_language("fr-FR"), Lang::Zh);
        assert_eq!(Lang::from_accept_language(""), Lang::Zh);
    }

    #[test]
    fn tags_round_trip_and_unknown_tags_fall_back_to_chinese() {
        for lang in [Lang::Zh, Lang::En] {
            assert_eq!(Lang::from_tag(lang.tag()), lang);
        }
        assert_eq!(Lang::from_tag("de"), Lang::Zh);
    }
}
