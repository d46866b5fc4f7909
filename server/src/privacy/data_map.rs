//! The records of processing: every column that holds a person or points at one, why it is
//! held, who sees it, where it goes, how long it is kept, and what a resident's export and
//! erasure do with it. `docs/PRIVACY.md` is this table; a test reads the schema and fails when
//! a column that names a person is missing here, and another when the document differs.

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

/// Every kind of personal data the portal holds.
pub const DATA_MAP: &[Held] = &[
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
        kept: "signed in for 30 days at most; the row until the account is erased",
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
        kept: "usable for minutes; the row until the account is erased",
        export: Export::Not("expired codes that identify nothing to the resident"),
        erase: Erase::Delete,
    },
    Held {
        table: "bookings",
        columns: &["resident_id"],
        rows_of: "resident_id = {id}",
        what: "consultations booked: time, place, topic, the resident's description, rating",
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
        what: "questions asked online: category, title, text, rating",
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
        kept: "until the account is erased",
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
        kept: "the counts for good; number and text until the account is erased",
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
        kept: "usable for 15 minutes",
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
        kept: "as long as the programme runs",
        export: Export::Not("the programme's security record"),
        erase: Erase::Keep("the programme's security record, kept for its period"),
    },
    Held {
        table: "lawyers",
        columns: &["user_id", "verified_by"],
        rows_of: "",
        what: "lawyers' accounts and licence checks",
        why: "the programme's register",
        seen_by: "everyone (names, firms); staff",
        goes_to: "",
        kept: "the programme's register",
        export: WORK,
        erase: WORKER,
    },
    Held {
        table: "team_members",
        columns: &["user_id"],
        rows_of: "",
        what: "assistants and volunteers of a lawyer",
        why: "the register",
        seen_by: "staff",
        goes_to: "",
        kept: "the programme's register",
        export: WORK,
        erase: WORKER,
    },
    Held {
        table: "service_records",
        columns: &["recorded_by"],
        rows_of: "",
        what: "services a lawyer records (counts, no resident named)",
        why: "the programme's figures",
        seen_by: "the lawyer; staff",
        goes_to: "",
        kept: "the programme's records",
        export: WORK,
        erase: WORKER,
    },
    Held {
        table: "duty_logs",
        columns: &["entered_by"],
        rows_of: "",
        what: "duty days, who entered them",
        why: "the programme's figures",
        seen_by: "the lawyer; staff",
        goes_to: "",
        kept: "the programme's records",
        export: WORK,
        erase: WORKER,
    },
    Held {
        table: "month_reviews",
        columns: &["updated_by"],
        rows_of: "",
        what: "a lawyer's month confirmed and locked",
        why: "the programme's figures",
        seen_by: "the lawyer; staff",
        goes_to: "",
        kept: "the programme's records",
        export: WORK,
        erase: WORKER,
    },
    Held {
        table: "duty_corrections",
        columns: &["requested_by", "decided_by"],
        rows_of: "",
        what: "corrections to a locked month",
        why: "the programme's figures",
        seen_by: "the lawyer; staff",
        goes_to: "",
        kept: "the programme's records",
        export: WORK,
        erase: WORKER,
    },
    Held {
        table: "question_routes",
        columns: &["by_user"],
        rows_of: "",
        what: "who handed a question on",
        why: "answering questions on time",
        seen_by: "staff",
        goes_to: "",
        kept: "with the question",
        export: WORK,
        erase: WORKER,
    },
    Held {
        table: "documents",
        columns: &["published_by"],
        rows_of: "",
        what: "who published a library document",
        why: "the library",
        seen_by: "staff",
        goes_to: "",
        kept: "with the document",
        export: WORK,
        erase: WORKER,
    },
    Held {
        table: "document_versions",
        columns: &["created_by"],
        rows_of: "",
        what: "who revised a library document",
        why: "the library",
        seen_by: "staff",
        goes_to: "",
        kept: "with the document",
        export: WORK,
        erase: WORKER,
    },
    Held {
        table: "articles",
        columns: &["author_id"],
        rows_of: "",
        what: "who wrote a 普法 article",
        why: "the feed",
        seen_by: "staff",
        goes_to: "",
        kept: "with the article",
        export: WORK,
        erase: WORKER,
    },
    Held {
        table: "faqs",
        columns: &["published_by"],
        rows_of: "",
        what: "who published a question as an FAQ (de-identified)",
        why: "the FAQ",
        seen_by: "staff",
        goes_to: "",
        kept: "with the FAQ",
        export: WORK,
        erase: WORKER,
    },
    Held {
        table: "booking_rules",
        columns: &["updated_by"],
        rows_of: "",
        what: "who changed the booking rules",
        why: "accountability",
        seen_by: "staff",
        goes_to: "",
        kept: "with the rules",
        export: WORK,
        erase: WORKER,
    },
];

/// The map as a Markdown table (the body of `docs/PRIVACY.md`).
pub fn markdown() -> String {
    let mut out = String::from(
        "| table (columns) | what | why | who sees it | goes to | kept | export | erasure |\n\
         |---|---|---|---|---|---|---|---|\n",
    );
    for held in DATA_MAP {
        let export = match held.export {
            Export::Rows => "in the archive".to_owned(),
            Export::Not(why) => format!("not: {why}"),
        };
        let erase = match held.erase {
            Erase::Delete => "deleted".to_owned(),
            Erase::Anonymise => "emptied, figures kept".to_owned(),
            Erase::Keep(why) => format!("kept: {why}"),
        };
        let goes_to = if held.goes_to.is_empty() { "—" } else { held.goes_to };
        out.push_str(&format!(
            "| `{}` ({}) | {} | {} | {} | {} | {} | {} | {} |\n",
            held.table,
            held.columns.join(", "),
            held.what,
            held.why,
            held.seen_by,
            goes_to,
            held.kept,
            export,
            erase
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_privacy_document_is_the_data_map() {
        let document = include_str!("../../../docs/PRIVACY.md");
        let table = document.split("<!-- data map -->\n").nth(1).and_then(|t| t.split("<!-- /data map -->").next());
        assert_eq!(table, Some(super::markdown().as_str()), "regenerate docs/PRIVACY.md's table from the data map");
    }
}
