//! The signed-in account: who am I, my language, my community.

use crate::error::AppError;
use crate::model::{CommunityRequest, Empty, Me, Notice, Session, SetLanguageRequest};
#[cfg(feature = "ssr")]
use crate::{domain::Role, ports};
use leptos::server;

/// The current session: the account, or nobody.
#[server(prefix = "/api", endpoint = "account/session", input = server_fn::codec::Json)]
pub async fn get_session(#[server(flatten)] _request: Empty) -> Result<Session, AppError> {
    let (ports, caller) = ports::current()?;
    Ok(Session { me: ports.auth.me(&caller).await? })
}

/// Remembers the account's language for messages and later visits.
#[server(prefix = "/api", endpoint = "account/set-language", input = server_fn::codec::Json)]
pub async fn set_language(#[server(flatten)] request: SetLanguageRequest) -> Result<Me, AppError> {
    let (ports, caller) = ports::current()?;
    caller.user()?;
    ports.auth.set_language(&caller, request.lang).await
}

/// Remembers a resident's own community.
#[server(prefix = "/api", endpoint = "account/set-community", input = server_fn::codec::Json)]
pub async fn set_my_community(#[server(flatten)] request: CommunityRequest) -> Result<Me, AppError> {
    let (ports, caller) = ports::current()?;
    caller.require(&[Role::Resident])?;
    ports.auth.set_my_community(&caller, request.community_id).await
}

/// The caller's in-app inbox: booking messages, newest first.
#[server(prefix = "/api", endpoint = "account/inbox", input = server_fn::codec::Json)]
pub async fn get_inbox(#[server(flatten)] _request: Empty) -> Result<Vec<Notice>, AppError> {
    let (ports, caller) = ports::current()?;
    caller.user()?;
    ports.auth.inbox(&caller).await
}
