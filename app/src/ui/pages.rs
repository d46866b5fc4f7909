//! Route targets, one per file.

mod book;
mod booking_slip;
mod community;
mod desk;
mod duty;
mod home;
mod me;
mod my_bookings;
mod not_found;
mod sign_in;
mod soon;
mod street;

pub use book::{BookPage, BookingTab};
pub use booking_slip::BookingSlipPage;
pub use community::CommunityPage;
pub use desk::DeskPage;
pub use home::HomePage;
pub use me::MePage;
pub use my_bookings::MyBookingsPage;
pub use not_found::NotFoundPage;
pub use sign_in::SignInPage;
pub use soon::{Soon, SoonPage};
pub use street::StreetPage;
