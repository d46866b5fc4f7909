//! The records of processing: every column that holds or points at a person, why, who sees it,
//! where it goes, how long it is kept, what export and erasure do. `docs/PRIVACY.md` is this
//! table; tests fail on a person's column missing here, or a document that differs.

mod work;

/// What a resident's export does with a column's rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Export {
    /// Their rows are in the archive.
    Rows,
    /// Not exported: the reason.
    Not(&'static str),
}

/// What erasing a resident's account does with a column's rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Erase {
    /// The rows are deleted.
    Delete,
    /// The rows stay for the programme's figures, their personal content emptied.
    Anonymise,
    /// Kept: the reason.
    Keep(&'static str),
}

/// One kind of personal data.
#[derive(Debug, Clone, Copy)]
pub struct Held {
    pub table: &'static str,
    /// The columns that hold the person or point at them.
    pub columns: &'static [&'static str],
    /// SQL: the resident's rows, `{id}` standing for their account and `{phone}` for their number
    /// (empty where none are a resident's).
    pub rows_of: &'static str,
    pub what: &'static str,
    pub why: &'static str,
    pub seen_by: &'static str,
    /// Where it goes outside the portal, if anywhere.
    pub goes_to: &'static str,
    pub kept: &'static str,
    pub export: Export,
    pub erase: Erase,
}

/// A worker's record of their own work: not a resident's data.
const WORK: Export = Export::Not("a lawyer's or staff member's record of their work");
const WORKER: Erase = Erase::Keep("a worker's record; residents are not named in it");

/// The residents' own data.
const RESIDENTS: &[Held] = &[
    Held {
        table: "users",
        columns: &["id", "phone", "wechat_openid"],
        rows_of: "id = {id}",
        what: "account: phone, name, language, community, WeChat identity",
        why: "signing in, sending the resident what they asked for",
        seen_by: "the resident; lawyers see the phone masked except during a phone consultation",
        goes_to: "the SMS provider (phone); WeChat (openid)",
        kept: "until the resident erases the account",
        export: Export::Rows,
        erase: Erase::Anonymise,
    },
    Held {
        table: "sessions",
        columns: &["user_id"],
        rows_of: "user_id = {id}",
        what: "signed-in sessions (a hash of the cookie)",
        why: "keeping the resident signed in",
        seen_by: "nobody",
        goes_to: "",
        kept: "until it ends (30 days at most)",
        export: Export::Not("a hash that identifies nothing to the resident"),
        erase: Erase::Delete,
    },
    Held {
        table: "one_time_codes",
        columns: &["phone", "client_ip"],
        rows_of: "phone = {phone}",
        what: "sign-in codes sent (hashed) and the address that asked",
        why: "signing in; limits against abuse",
        seen_by: "nobody",
        goes_to: "the SMS provider (the code)",
        kept: "1 day",
        export: Export::Not("expired codes that identify nothing to the resident"),
        erase: Erase::Delete,
    },
    Held {
        table: "bookings",
        columns: &["resident_id"],
        rows_of: "resident_id = {id}",
        what: "consultations booked: time, place, topic, the resident's description, rating, the special group the lawyer recorded",
        why: "the consultation; the programme's figures",
        seen_by: "the resident; the community's lawyers; staff of its street and district",
        goes_to: "the SMS provider or WeChat (notices)",
        kept: "the figures for good; the description until the account is erased",
        export: Export::Rows,
        erase: Erase::Anonymise,
    },
    Held {
        table: "waitlist",
        columns: &["resident_id"],
        rows_of: "resident_id = {id}",
        what: "places on a waitlist",
        why: "offering a freed seat",
        seen_by: "the resident",
        goes_to: "",
        kept: "until the account is erased",
        export: Export::Rows,
        erase: Erase::Delete,
    },
    Held {
        table: "questions",
        columns: &["resident_id"],
        rows_of: "resident_id = {id}",
        what: "questions asked online: category, title, text, rating, the special group the resident stated",
        why: "answering them; the programme's figures",
        seen_by: "the resident; the lawyers it was routed to; staff of its street and district",
        goes_to: "",
        kept: "the figures for good; the text until the account is erased",
        export: Export::Rows,
        erase: Erase::Anonymise,
    },
    Held {
        table: "question_messages",
        columns: &["author_id"],
        rows_of: "(author_id = {id} OR question_id IN (SELECT id FROM questions WHERE resident_id = {id}))",
        what: "the conversation of a question, the resident's and the lawyers' messages",
        why: "answering the question",
        seen_by: "as the question",
        goes_to: "",
        kept: "until the account is erased (the lawyers' answers go with the question)",
        export: Export::Rows,
        erase: Erase::Anonymise,
    },
    Held {
        table: "files",
        columns: &["uploaded_by", "resident_id"],
        rows_of: "(uploaded_by = {id} OR resident_id = {id}) AND deleted_at IS NULL",
        what: "documents and photos a resident shared, and those a lawyer sent them",
        why: "the consultation or the question",
        seen_by: "the resident; the community's lawyers",
        goes_to: "the file store",
        kept: "180 days after the booking or question closes, or until deleted or erased",
        export: Export::Rows,
        erase: Erase::Delete,
    },
    Held {
        table: "notifications",
        columns: &["user_id"],
        rows_of: "user_id = {id}",
        what: "in-app messages",
        why: "the inbox",
        seen_by: "the resident",
        goes_to: "",
        kept: "2 years, or until the account is erased",
        export: Export::Rows,
        erase: Erase::Delete,
    },
    Held {
        table: "outbox",
        columns: &["user_id", "recipient"],
        rows_of: "(user_id = {id} OR recipient = {phone})",
        what: "text messages and WeChat notices: number, text, delivery",
        why: "sending them; counting what was delivered",
        seen_by: "staff see counts by kind, never numbers or texts",
        goes_to: "the SMS provider; WeChat",
        kept: "the counts for good; number and text 180 days after sending, or until the account is erased",
        export: Export::Rows,
        erase: Erase::Anonymise,
    },
    Held {
        table: "wechat_subscriptions",
        columns: &["user_id"],
        rows_of: "user_id = {id}",
        what: "which WeChat notices the resident allowed",
        why: "sending them there instead of by SMS",
        seen_by: "nobody",
        goes_to: "",
        kept: "until used, or the account is erased",
        export: Export::Rows,
        erase: Erase::Delete,
    },
    Held {
        table: "wechat_tickets",
        columns: &["openid"],
        rows_of: "",
        what: "a WeChat identity waiting for its phone sign-in",
        why: "binding it to the account",
        seen_by: "nobody",
        goes_to: "",
        kept: "until it expires (15 minutes)",
        export: Export::Not("bound to no account yet"),
        erase: Erase::Keep("bound to no account, usable for 15 minutes"),
    },
    Held {
        table: "consents",
        columns: &["user_id"],
        rows_of: "user_id = {id}",
        what: "each agreement to the privacy notice: version, time, how",
        why: "showing that the resident agreed",
        seen_by: "the resident",
        goes_to: "",
        kept: "as long as the programme runs",
        export: Export::Rows,
        erase: Erase::Keep("proof of what was agreed; names nobody once the account is emptied"),
    },
    Held {
        table: "audit_events",
        columns: &["actor_user_id", "client_ip"],
        rows_of: "",
        what: "who did what and when, from which address",
        why: "security and accountability",
        seen_by: "the district's staff",
        goes_to: "",
        kept: "3 years",
        export: Export::Not("the programme's security record"),
        erase: Erase::Keep("the programme's security record, kept for its period"),
    },
    Held {
        table: "audit_events",
        columns: &["about_user_id"],
        rows_of: "about_user_id = {id}",
        what: "who opened a resident's question, file or number, when and why",
        why: "accountability to the resident: staff say why they open a resident's matter",
        seen_by: "the resident (个人信息) and the district's staff",
        goes_to: "",
        kept: "3 years",
        export: Export::Rows,
        erase: Erase::Keep(
            "the record of who opened the resident's matters, kept for its period; the account it points at is emptied",
        ),
    },
    Held {
        table: "referrals",
        columns: &["resident_id"],
        rows_of: "resident_id = {id}",
        what: "referrals to legal aid, mediation or a notary: the facts, the documents chosen, the household's size, income and hardship for legal aid, the outcome",
        why: "handing the matter over with the resident's consent; the programme's figures",
        seen_by: "the resident; the referring lawyer; the receiving body once the resident agreed; staff",
        goes_to: "the receiving body (legal-aid centre, mediation committee, notary office), once agreed",
        kept: "the figures for good; the facts until the account is erased",
        export: Export::Rows,
        erase: Erase::Anonymise,
    },
    Held {
        table: "home_visits",
        columns: &["resident_id"],
        rows_of: "resident_id = {id}",
        what: "notary home visits: the time, the home address, the matter, the note and the date of birth stated (a will is free from 65)",
        why: "the notary coming to the resident's home",
        seen_by: "the resident; the notary office; the lawyer who booked it at the desk",
        goes_to: "the notary office",
        kept: "the visits for the figures; the address, note and birth date until the account is erased",
        export: Export::Rows,
        erase: Erase::Anonymise,
    },
    Held {
        table: "feedback",
        columns: &["resident_id"],
        rows_of: "resident_id = {id}",
        what: "praise and complaints about a consultation or an answer: what the resident wrote and wanted, and staff's reply",
        why: "handling the complaint; the lawyer's yearly evaluation",
        seen_by: "the resident; staff of its street and district",
        goes_to: "",
        kept: "the kind and the lawyer for good; the words until the account is erased",
        export: Export::Rows,
        erase: Erase::Anonymise,
    },
    Held {
        table: "quiz_entries",
        columns: &["resident_id"],
        rows_of: "resident_id = {id}",
        what: "the month's quizzes taken: the choices made and the count right, with the resident's community",
        why: "showing the resident how they did; participation per street",
        seen_by: "the resident; staff see counts per street",
        goes_to: "",
        kept: "the counts for good; the choices until the account is erased",
        export: Export::Rows,
        erase: Erase::Anonymise,
    },
];

/// Every kind of personal data the portal holds: the residents', then the workers' records.
pub fn all() -> impl Iterator<Item = &'static Held> {
    RESIDENTS.iter().chain(work::WORK_RECORDS)
}
