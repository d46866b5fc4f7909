//! The signed-in account: who am I, my language, my community.

use super::endpoint::{endpoints, Access};
use crate::model::{CommunityRequest, Empty, Me, Notice, Session, SetLanguageRequest};

endpoints! {
    /// The current session: the account, or nobody.
    GetSession = "account/session", Empty => Session, Access::Anyone;

    /// Remembers the account's language for messages and later visits.
    SetLanguage = "account/set-language", SetLanguageRequest => Me, Access::SignedIn;

    /// Remembers a resident's own community.
    SetMyCommunity = "account/set-community", CommunityRequest => Me, Access::RESIDENTS;

    /// The caller's in-app inbox: booking messages, newest first.
    GetInbox = "account/inbox", Empty => Vec<Notice>, Access::SignedIn;
}
