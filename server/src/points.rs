//! Service points beyond communities (入园入企): industrial parks, enterprises and other places are
//! places of a street with the same duty, booking and record model as its communities (rows of
//! `communities` of another kind). Lectures (法治宣传 records) at parks and enterprises count per
//! street against a yearly target, read on staff's page and in the board's summary.

mod read;
mod save;

pub use read::{lectures_so_far, list};
pub use save::{save, set_target};

/// Kinds of places that are service points rather than communities.
pub const KINDS: [&str; 3] = ["park", "enterprise", "other"];
