//! Praise and complaints (表扬与投诉): a resident praises or complains about a consultation they
//! had or an answer they got, once each; staff of its street or district reply to a complaint,
//! which the resident reads in 我的 and is told of in the inbox; staff record the letters of
//! thanks and banners (锦旗) that reach a lawyer offline. Each names its lawyer, for their year.

mod resident;
mod staff;
mod view;

pub use resident::{matters, mine, send};
pub use staff::{list, recipients, record_thanks, reply};

/// Where feedback's notices lead.
pub const MY_FEEDBACK: &str = "/me/feedback";

/// How far back a resident may speak of a consultation or an answer.
const SPOKEN_OF_DAYS: i64 = 180;
