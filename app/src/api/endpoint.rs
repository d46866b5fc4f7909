//! What an endpoint is: a path, a request, an answer and who may call it, declared once.
//!
//! The browser calls an endpoint by its declaration ([`call`](super::call)); the server routes
//! every declaration through one function that checks [`Endpoint::ACCESS`], so the roles of an
//! endpoint are data that the authorisation tests and the API document read too.

use crate::domain::Role;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// Who may call an endpoint. The handler still checks scope (own objects, the caller's street).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone, signed in or not.
    Anyone,
    /// Any signed-in account.
    SignedIn,
    /// Accounts with one of these roles.
    Roles(&'static [Role]),
    /// The district's staff (not a street's) and admins.
    District,
}

impl Access {
    /// Residents only.
    pub const RESIDENTS: Access = Access::Roles(&[Role::Resident]);
    /// Staff (district and street) and admins.
    pub const STAFF: Access = Access::Roles(&[Role::Staff, Role::Admin]);
    /// Admins only.
    pub const ADMINS: Access = Access::Roles(&[Role::Admin]);
    /// Lawyers and assistants: whoever logs a lawyer's work.
    pub const ADVISERS: Access = Access::Roles(&[Role::Lawyer, Role::Assistant]);
    /// A matter's parties: its resident and their lawyers (staff open it with a reason).
    pub const PARTIES: Access = Access::Roles(&[Role::Resident, Role::Lawyer, Role::Assistant]);
    /// Everyone who works a community's desk.
    pub const DESK: Access = Access::Roles(&[Role::Lawyer, Role::Assistant, Role::Staff, Role::Admin]);
    /// The staff of a receiving body (legal-aid centre, mediation committee, notary office).
    pub const AGENCY: Access = Access::Roles(&[Role::Agency]);
    /// Whoever may change a community's duty and publish for residents.
    pub const LAWYERS_AND_STAFF: Access = Access::Roles(&[Role::Lawyer, Role::Staff, Role::Admin]);

    /// Whether an account of `role` (a street's staff when `street` is set) may call.
    /// `None` is a caller who is not signed in.
    pub fn allows(self, account: Option<(Role, Option<i64>)>) -> bool {
        match (self, account) {
            (Access::Anyone, _) => true,
            (_, None) => false,
            (Access::SignedIn, Some(_)) => true,
            (Access::Roles(roles), Some((role, _))) => roles.contains(&role),
            (Access::District, Some((role, street))) => {
                role == Role::Admin || (role == Role::Staff && street.is_none())
            }
        }
    }
}

/// One endpoint of the HTTP API: `POST PATH` with a JSON `Request`, answered with a JSON
/// `Response` or an [`AppError`](crate::error::AppError).
pub trait Endpoint {
    /// The path, under `/api/`.
    const PATH: &'static str;
    /// What it does, from its declaration's doc comment (for the API document).
    const DOC: &'static str;
    /// Who may call it.
    const ACCESS: Access;
    /// What the client sends.
    type Request: Serialize + DeserializeOwned + Send + 'static;
    /// What the server answers.
    type Response: Serialize + DeserializeOwned + Send + 'static;
}

/// Declares endpoints: `/// doc` `Name = "area/verb", Request => Response, access;`.
macro_rules! endpoints {
    ($($(#[doc = $doc:literal])* $name:ident = $path:literal, $request:ty => $response:ty, $access:expr;)*) => {$(
        $(#[doc = $doc])*
        #[derive(Debug)]
        pub enum $name {}

        impl $crate::api::Endpoint for $name {
            const PATH: &'static str = concat!("/api/", $path);
            const DOC: &'static str = concat!($($doc, "\n",)*);
            const ACCESS: $crate::api::Access = $access;
            type Request = $request;
            type Response = $response;
        }
    )*};
}
pub(crate) use endpoints;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_streets_staff_is_not_the_districts() {
        let street_staff = Some((Role::Staff, Some(3)));
        assert!(Access::STAFF.allows(street_staff));
        assert!(!Access::District.allows(street_staff));
        assert!(Access::District.allows(Some((Role::Staff, None))));
        assert!(Access::District.allows(Some((Role::Admin, None))));
        assert!(!Access::District.allows(Some((Role::Lawyer, None))));
    }

    #[test]
    fn only_anyone_lets_the_signed_out_in() {
        assert!(Access::Anyone.allows(None));
        for access in [Access::SignedIn, Access::RESIDENTS, Access::District] {
            assert!(!access.allows(None), "{access:?}");
        }
        assert!(Access::SignedIn.allows(Some((Role::Resident, None))));
        assert!(!Access::RESIDENTS.allows(Some((Role::Lawyer, None))));
    }
}
