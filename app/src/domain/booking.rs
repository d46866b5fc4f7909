use crate::i18n::Texts;
use serde::{Deserialize, Serialize};

/// How a consultation takes place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// At the community office.
    InPerson,
    /// By phone: the lawyer calls the resident.
    Phone,
    /// By video call.
    Video,
}

/// What a consultation is about, as residents choose it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    /// 劳动争议.
    Labour,
    /// 婚姻家庭.
    Family,
    /// 借贷纠纷.
    Debt,
    /// 房屋租赁.
    Tenancy,
    /// 交通事故.
    Traffic,
    /// 消费维权.
    Consumer,
    /// 邻里纠纷.
    Neighbours,
    /// 其他.
    Other,
}

/// Where a booking stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum BookingStatus {
    /// Waiting for the lawyer to confirm.
    Pending,
    /// The lawyer will see the resident.
    Confirmed,
    /// The lawyer declined, with a reason.
    Declined,
    /// The resident (or staff) cancelled, with a reason.
    Cancelled,
    /// The consultation took place.
    Completed,
    /// The resident did not come.
    NoShow,
}

stored_names!(Channel { InPerson = "in_person", Phone = "phone", Video = "video" });
stored_names!(Topic {
    Labour = "labour",
    Family = "family",
    Debt = "debt",
    Tenancy = "tenancy",
    Traffic = "traffic",
    Consumer = "consumer",
    Neighbours = "neighbours",
    Other = "other",
});
stored_names!(BookingStatus {
    Pending = "pending",
    Confirmed = "confirmed",
    Declined = "declined",
    Cancelled = "cancelled",
    Completed = "completed",
    NoShow = "no_show",
});

impl Channel {
    /// Its label.
    pub fn label(self, t: &Texts) -> &'static str {
        match self {
            Channel::InPerson => t.channel_in_person,
            Channel::Phone => t.channel_phone,
            Channel::Video => t.channel_video,
        }
    }
}

impl Topic {
    /// Its label.
    pub fn label(self, t: &Texts) -> &'static str {
        match self {
            Topic::Labour => t.topic_labour,
            Topic::Family => t.topic_family,
            Topic::Debt => t.topic_debt,
            Topic::Tenancy => t.topic_tenancy,
            Topic::Traffic => t.topic_traffic,
            Topic::Consumer => t.topic_consumer,
            Topic::Neighbours => t.topic_neighbours,
            Topic::Other => t.topic_other,
        }
    }
}

impl BookingStatus {
    /// Its label.
    pub fn label(self, t: &Texts) -> &'static str {
        match self {
            BookingStatus::Pending => t.status_pending,
            BookingStatus::Confirmed => t.status_confirmed,
            BookingStatus::Declined => t.status_declined,
            BookingStatus::Cancelled => t.status_cancelled,
            BookingStatus::Completed => t.status_completed,
            BookingStatus::NoShow => t.status_no_show,
        }
    }

    /// Whether the booking still holds its seat.
    pub fn is_live(self) -> bool {
        matches!(self, BookingStatus::Pending | BookingStatus::Confirmed)
    }
}

/// The longest description a resident may write.
pub const MAX_DESCRIPTION_CHARS: usize = 500;
/// The longest reason for a cancellation or a decline.
pub const MAX_REASON_CHARS: usize = 200;

/// Why a description or reason was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextProblem {
    /// Nothing written.
    Empty,
    /// Over the limit.
    TooLong,
}

/// Trims `text` and checks it is present and at most `max` characters.
pub fn required_text(text: &str, max: usize) -> Result<String, TextProblem> {
    let text = text.trim();
    if text.is_empty() {
        Err(TextProblem::Empty)
    } else if text.chars().count() > max {
        Err(TextProblem::TooLong)
    } else {
        Ok(text.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_names_round_trip() {
        for c in Channel::ALL {
            assert_eq!(Channel::from_db(c.as_str()), Some(*c));
        }
        for t in Topic::ALL {
            assert_eq!(Topic::from_db(t.as_str()), Some(*t));
        }
        for s in BookingStatus::ALL {
            assert_eq!(BookingStatus::from_db(s.as_str()), Some(*s));
        }
        assert_eq!(Topic::ALL.len(), 8);
    }

    #[test]
    fn texts_are_trimmed_and_bounded() {
        assert_eq!(required_text("  工资被拖欠 ", 10), Ok("工资被拖欠".into()));
        assert_eq!(required_text("   ", 10), Err(TextProblem::Empty));
        assert_eq!(required_text(&"字".repeat(11), 10), Err(TextProblem::TooLong));
    }
}
