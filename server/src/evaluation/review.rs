//! Quality review (质量评查): staff draw a seeded sample of a period's answers and service records,
//! stratified by street, and score each against the district's checklist; the lawyer reads the
//! findings about their own work.

mod draw;
mod read;
mod score;

pub use draw::draw;
pub use score::{list, mine, score};
