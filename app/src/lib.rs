//! 法i社区: the browser app and everything the browser and the server share.
//!
//! Built for the browser with `csr` (trunk) and natively with `ssr`, where the `server` crate
//! links the server functions declared in [`api`] and fulfils the [`ports`] they call.

pub mod api;
pub mod calendar;
pub mod domain;
pub mod error;
pub mod i18n;
pub mod model;
#[cfg(feature = "ssr")]
pub mod ports;
pub mod time;
pub mod ui;

pub use error::{AppError, ErrorKind};

/// Mounts the app on `<body>` and clears the loading screen painted by `index.html`.
#[cfg(feature = "csr")]
pub fn mount() {
    // Readable panics in development builds; release builds leave the formatting code out.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    ui::platform::remove_loading_screen();
    leptos::mount::mount_to_body(ui::App);
    ui::platform::register_service_worker();
}
