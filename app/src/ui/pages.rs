//! Route targets, one per file.

mod community;
mod desk;
mod home;
mod me;
mod not_found;
mod sign_in;
mod soon;
mod street;

pub use community::CommunityPage;
pub use desk::DeskPage;
pub use home::HomePage;
pub use me::MePage;
pub use not_found::NotFoundPage;
pub use sign_in::SignInPage;
pub use soon::{Soon, SoonPage};
pub use street::StreetPage;
