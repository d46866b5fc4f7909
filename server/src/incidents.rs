//! Emergency teams (应急法律服务队): staff form a team of lawyers for a named incident, such as a
//! mass wage dispute, in the community where it happens; its members log their services against
//! it there until staff close it. The services count for the community like any other, and the
//! incident has a line of its own: on staff's page, in the board's summary and in its export.

mod lawyer;
mod staff;
mod view;

pub use lawyer::{mine, record};
pub use staff::{choices, close, list, open, set_team};
pub use view::{in_period, of_period};
