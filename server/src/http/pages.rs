//! Residents' pages the server renders itself: 普法 articles, the public library, 我的资料 and
//! online questions.
//! They are plain HTML with a small stylesheet, so a resident on a weak network reads an article
//! or finds a template before any wasm could have arrived, a shared link opens anywhere, and the
//! residents' app (whose first load has a fixed budget) pays not one byte for them. 我的资料
//! adds one small script for uploads with a progress bar. Everything written into a page is
//! escaped; an article's body is the HTML rendered and sanitised when it was saved.

mod articles;
mod layout;
mod library;
mod my_files;
mod questions;

pub use articles::{article, articles, set_sms as set_article_sms};
pub use layout::escape;
pub use library::{document, library};
pub use my_files::my_files;
pub use questions::{ask as ask_question, questions, thread as question};
