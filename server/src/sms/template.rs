//! What a message says, as providers send it: a template key with named parameters. China's SMS
//! providers send only templates the bureau had approved under its signature, so every message
//! the portal sends is one of these, and the text the log sender writes and the inbox shows is
//! the same template filled in the resident's language.

use crate::text::fill;
use app::i18n::{Lang, Messages};
use std::collections::BTreeMap;

/// The Shanghai hours when only urgent messages go out unless configured otherwise: 21:00 to 08:00.
pub const QUIET_HOURS: (u32, u32) = (21, 8);

/// Whether `now` (ms) falls in the quiet `hours` (from the first hour to the second, across
/// midnight when the first is later).
pub fn quiet_at(now: i64, (from, until): (u32, u32)) -> bool {
    let hour = app::time::Instant(now).to_shanghai().1 / 60;
    if from <= until {
        from <= hour && hour < until
    } else {
        hour >= from || hour < until
    }
}

/// Every kind of message, each a template the bureau registers with its provider.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Template {
    /// A sign-in code.
    Code,
    /// A booking made.
    Booked,
    /// A booking confirmed by the lawyer.
    Confirmed,
    /// A booking declined, with the reason.
    Declined,
    /// A booking cancelled by the resident.
    Cancelled,
    /// A booking cancelled by the office, with the reason.
    CancelledByOffice,
    /// A booking handed to another of the community's lawyers.
    HandedOver,
    /// A booking moved to the backup while the lawyer is on leave.
    MovedToBackup,
    /// A seat free for someone on the waitlist.
    WaitlistOffer,
    /// A reminder before a consultation.
    Reminder,
    /// A question answered.
    QuestionAnswered,
    /// A question that needs more from the resident.
    QuestionNeedsInfo,
    /// An important article pushed to residents.
    Article,
    /// A lawyer suggests a referral; the resident confirms it in 我的.
    ReferralToConfirm,
    /// The receiving body accepted a referral.
    ReferralAccepted,
    /// The receiving body declined a referral, with the reason.
    ReferralDeclined,
    /// The receiving body recorded a referral's outcome.
    ReferralClosed,
    /// A notary's home visit booked.
    HomeVisitBooked,
    /// A notary's home visit called off by its office, with the reason.
    HomeVisitCancelled,
}

impl Template {
    /// Every template.
    pub const ALL: [Template; 19] = [
        Template::Code,
        Template::Booked,
        Template::Confirmed,
        Template::Declined,
        Template::Cancelled,
        Template::CancelledByOffice,
        Template::HandedOver,
        Template::MovedToBackup,
        Template::WaitlistOffer,
        Template::Reminder,
        Template::QuestionAnswered,
        Template::QuestionNeedsInfo,
        Template::Article,
        Template::ReferralToConfirm,
        Template::ReferralAccepted,
        Template::ReferralDeclined,
        Template::ReferralClosed,
        Template::HomeVisitBooked,
        Template::HomeVisitCancelled,
    ];

    /// The key stored with a message and named in the configuration (`SMS_TEMPLATE_<KEY>`).
    pub fn key(self) -> &'static str {
        match self {
            Template::Code => "code",
            Template::Booked => "booked",
            Template::Confirmed => "confirmed",
            Template::Declined => "declined",
            Template::Cancelled => "cancelled",
            Template::CancelledByOffice => "cancelled_by_office",
            Template::HandedOver => "handed_over",
            Template::MovedToBackup => "moved_to_backup",
            Template::WaitlistOffer => "waitlist_offer",
            Template::Reminder => "reminder",
            Template::QuestionAnswered => "question_answered",
            Template::QuestionNeedsInfo => "question_needs_info",
            Template::Article => "article",
            Template::ReferralToConfirm => "referral_to_confirm",
            Template::ReferralAccepted => "referral_accepted",
            Template::ReferralDeclined => "referral_declined",
            Template::ReferralClosed => "referral_closed",
            Template::HomeVisitBooked => "home_visit_booked",
            Template::HomeVisitCancelled => "home_visit_cancelled",
        }
    }

    /// The template of a stored key.
    pub fn from_key(key: &str) -> Option<Template> {
        Template::ALL.into_iter().find(|t| t.key() == key)
    }

    /// Its parameters, in the order positional templates (Tencent's `{1}`, `{2}`…) number them.
    pub fn params(self) -> &'static [&'static str] {
        match self {
            Template::Code => &["code"],
            Template::Booked => &["community", "when", "code", "status"],
            Template::Confirmed | Template::Cancelled | Template::HandedOver | Template::MovedToBackup => {
                &["when", "code"]
            }
            Template::Declined | Template::CancelledByOffice => &["when", "code", "reason"],
            Template::WaitlistOffer => &["when"],
            Template::Reminder => &["when", "place", "code"],
            Template::QuestionAnswered | Template::QuestionNeedsInfo => &["title"],
            Template::Article => &["title", "link"],
            Template::ReferralToConfirm | Template::ReferralAccepted => &["body"],
            Template::ReferralDeclined => &["body", "reason"],
            Template::ReferralClosed => &["body", "outcome"],
            Template::HomeVisitBooked => &["office", "when", "address", "code"],
            Template::HomeVisitCancelled => &["office", "when", "reason"],
        }
    }

    /// Whether it may go at night: a sign-in code, and anything about a consultation or a seat.
    /// Answers to questions, referrals' news and pushed articles wait for the morning (the quiet
    /// hours).
    pub fn urgent(self) -> bool {
        !matches!(
            self,
            Template::QuestionAnswered
                | Template::QuestionNeedsInfo
                | Template::Article
                | Template::ReferralToConfirm
                | Template::ReferralAccepted
                | Template::ReferralDeclined
                | Template::ReferralClosed
        )
    }

    /// Its text in a language, with `{name}` for each parameter.
    pub fn text(self, m: &Messages) -> &'static str {
        match self {
            Template::Code => m.sms_code,
            Template::Booked => m.sms_booked,
            Template::Confirmed => m.sms_confirmed,
            Template::Declined => m.sms_declined,
            Template::Cancelled => m.sms_cancelled,
            Template::CancelledByOffice => m.sms_cancelled_by_office,
            Template::HandedOver => m.sms_handed_over,
            Template::MovedToBackup => m.sms_moved_to_backup,
            Template::WaitlistOffer => m.sms_waitlist_offer,
            Template::Reminder => m.sms_reminder,
            Template::QuestionAnswered => m.sms_question_answered,
            Template::QuestionNeedsInfo => m.sms_question_needs_info,
            Template::Article => m.sms_article,
            Template::ReferralToConfirm => m.sms_referral_to_confirm,
            Template::ReferralAccepted => m.sms_referral_accepted,
            Template::ReferralDeclined => m.sms_referral_declined,
            Template::ReferralClosed => m.sms_referral_closed,
            Template::HomeVisitBooked => m.sms_home_visit_booked,
            Template::HomeVisitCancelled => m.sms_home_visit_cancelled,
        }
    }
}

/// A message to send: its template, the values of its parameters, and the text they make.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    /// The template.
    pub template: Template,
    /// Each parameter's value, by name.
    pub params: BTreeMap<String, String>,
    /// The template filled in the recipient's language (the log and the inbox show it).
    pub text: String,
    /// The page the inbox opens for it (`/bookings/12`); not sent.
    pub link: Option<String>,
}

impl Message {
    /// `template` with `values` (those the template does not name are left out), in `lang`.
    pub fn new(template: Template, lang: Lang, values: &[(&str, &str)]) -> Message {
        let params: BTreeMap<String, String> = template
            .params()
            .iter()
            .map(|name| {
                let value = values.iter().find(|(key, _)| key == name).map_or("", |(_, value)| value);
                debug_assert!(values.iter().any(|(key, _)| key == name), "{name} missing for {}", template.key());
                ((*name).to_owned(), value.to_owned())
            })
            .collect();
        let text = fill(template.text(lang.messages()), values);
        Message { template, params, text, link: None }
    }

    /// This message, opening `link` (a page of the portal) from the inbox.
    pub fn about(self, link: String) -> Message {
        Message { link: Some(link), ..self }
    }

    /// The parameters as stored: a JSON object.
    pub fn params_json(&self) -> String {
        serde_json::to_string(&self.params).unwrap_or_else(|_| "{}".to_owned())
    }

    /// The values in the template's order.
    pub fn ordered(&self) -> Vec<String> {
        self.template.params().iter().map(|name| self.params.get(*name).cloned().unwrap_or_default()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_names_exactly_the_parameters_its_texts_use() {
        for template in Template::ALL {
            assert_eq!(Template::from_key(template.key()), Some(template));
            for lang in [Lang::Zh, Lang::En] {
                let text = template.text(lang.messages());
                let mut used: Vec<&str> = text.split('{').skip(1).filter_map(|s| s.split('}').next()).collect();
                used.sort_unstable();
                used.dedup();
                let mut named = template.params().to_vec();
                named.sort_unstable();
                assert_eq!(used, named, "{} in {lang:?}", template.key());
            }
        }
    }

    #[test]
    fn the_deployment_guide_lists_every_template_with_its_parameters_in_order() {
        let guide = include_str!("../../../docs/DEPLOY.md");
        let table =
            guide.split("<!-- templates").nth(1).and_then(|t| t.split("<!-- /templates -->").next()).expect("table");
        let rows: Vec<String> = table.lines().filter(|l| l.starts_with("| `")).map(str::to_owned).collect();
        let expected: Vec<String> =
            Template::ALL.iter().map(|t| format!("| `{}` | {} |", t.key(), t.params().join(", "))).collect();
        assert_eq!(rows, expected);
    }

    #[test]
    fn only_urgent_messages_go_out_at_night() {
        let at = |hh: u32, mm: u32| app::time::LocalDate { year: 2026, month: 12, day: 4 }.at_minute(hh * 60 + mm).0;
        let quiet = |t| quiet_at(t, QUIET_HOURS);
        assert!(quiet(at(21, 0)) && quiet(at(23, 59)) && quiet(at(0, 0)) && quiet(at(7, 59)));
        assert!(!quiet(at(8, 0)) && !quiet(at(20, 59)));
        assert!(quiet_at(at(13, 0), (12, 14)) && !quiet_at(at(14, 0), (12, 14)));
        assert!(Template::Code.urgent() && Template::Reminder.urgent() && !Template::Article.urgent());
    }

    #[test]
    fn a_message_keeps_its_parameters_in_order_and_fills_its_text() {
        let message = Message::new(
            Template::Reminder,
            Lang::Zh,
            &[("code", "K7M3"), ("when", "12月8日 09:00"), ("place", "党群服务中心")],
        );
        assert_eq!(message.ordered(), ["12月8日 09:00", "党群服务中心", "K7M3"]);
        assert!(message.text.contains("党群服务中心") && message.text.contains("K7M3"));
        assert_eq!(message.params_json(), r#"{"code":"K7M3","place":"党群服务中心","when":"12月8日 09:00"}"#);
    }
}
