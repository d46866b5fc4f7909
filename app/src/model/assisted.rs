//! Assisted service: a lawyer, assistant or staff member books or asks for a resident who walked
//! in or phoned, with the resident's consent recorded.

use super::{AskRequest, BookRequest};
use serde::{Deserialize, Serialize};

/// How the resident agreed to be helped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Consent {
    /// The resident read back a code sent to their phone.
    Code,
    /// The resident agreed on the phone; the helper says so.
    Phone,
    /// The resident agreed at the desk; the helper says so.
    Desk,
}

impl Consent {
    /// The name stored and audited.
    pub fn as_str(self) -> &'static str {
        match self {
            Consent::Code => "code",
            Consent::Phone => "phone",
            Consent::Desk => "desk",
        }
    }
}

/// The resident a worker acts for, and their consent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct ForResident {
    /// Their mobile number: their account, made now if they have none.
    pub phone: String,
    /// How they agreed.
    pub consent: Consent,
    /// The code they read back, when [`Consent::Code`].
    #[serde(default)]
    pub code: String,
}

/// Sends a consent code to a resident's phone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct ConsentCodeRequest {
    /// Their mobile number.
    pub phone: String,
}

/// Books a slot for a resident.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct AssistedBooking {
    /// For whom.
    pub resident: ForResident,
    /// What, as a resident books it.
    pub booking: BookRequest,
}

/// Asks a question for a resident (no attachments: the resident adds files once signed in).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct AssistedQuestion {
    /// For whom.
    pub resident: ForResident,
    /// What, as a resident asks it (`community_id` required).
    pub question: AskRequest,
}
