//! The residents' pages the server renders (普法 articles, the public library, 我的资料, online
//! questions) and the communities' printable posters: each handler reads what its page shows and renders the page's view from
//! `app::pages` in the residents' frame. 我的资料 and the questions add one small script each
//! for uploads with a progress bar and actions through the JSON API.

mod articles;
mod directory;
mod evaluations;
mod feedback;
mod incidents;
mod layout;
mod library;
mod my_files;
mod my_places;
mod organisations;
mod points;
mod posters;
mod privacy;
mod questions;
mod quiz;
mod referrals;
mod reviews;
mod visits;
mod work;

pub use articles::{article, feed as articles, set_sms as set_article_sms};
pub use directory::{community, make_mine as make_my_community, street};
pub use evaluations::{
    answer as answer_evaluation, conclude as conclude_year, mine as my_evaluation, staff as staff_evaluations,
};
pub use feedback::{
    mine as my_feedback, reply as reply_to_complaint, send as send_feedback, staff as staff_feedback,
    thanks as record_thanks,
};
pub use incidents::{
    manage as manage_incidents, mine as my_incidents, record as record_incident_service, staff as staff_incidents,
};
pub use library::{document, search as library};
pub use my_files::page as my_files;
pub use my_places::{community as my_community, inbox as my_messages, leave_waitlist, waitlist as my_waitlist};
pub use organisations::{
    add_account as add_agency_account, issue_key as issue_api_key, list as organisations, revoke_key as revoke_api_key,
    save as save_organisation,
};
pub use points::{act as points_act, staff as staff_points};
pub use posters::{community as community_poster, qr as poster_qr, street as street_posters};
pub use privacy::{
    agree as agree_to_notice, erase as erase_account, export as export_my_data, notice as privacy_notice,
    page as privacy,
};
pub use questions::{ask as ask_question, list as questions, thread as question};
pub use quiz::{resident as quiz, save as save_theme, staff as staff_themes, take as take_quiz};
pub use referrals::{
    answer as answer_referral, close as close_referral, consent as consent_to_referral, create as create_referral,
    mine as my_referrals, new as new_referral, queue as referral_queue, send_code as send_referral_code,
    sent as sent_referrals, withdraw as withdraw_referral,
};
pub use reviews::{act as review_act, mine as my_reviews, staff as staff_reviews};
pub use visits::{
    book as book_visit, cancel as cancel_visit, finish as finish_visit, mine as my_visits, office as office_visits,
    offices as visit_offices, save_hours as save_visit_hours, send_code as send_visit_code,
};
pub use work::hub as work;
