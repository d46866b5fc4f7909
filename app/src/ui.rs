//! What both front ends share: state (preferences, session), browser glue and reusable components.
//! Each front end (`resident`, `workbench`) has its own routes, shell and pages.

pub mod components;
pub mod load;
pub mod platform;
pub mod router;
mod state;
pub mod submit;

use leptos::prelude::*;
pub use state::{use_prefs, use_session, Prefs, SessionState};

/// Mounts `app` on `<body>` and clears the loading screen painted by `index.html`.
pub fn mount<F, N>(app: F)
where
    F: FnOnce() -> N + 'static,
    N: IntoView + 'static,
{
    // Readable panics in development builds; release builds leave the formatting code out.
    #[cfg(all(feature = "csr", debug_assertions))]
    console_error_panic_hook::set_once();
    #[cfg(feature = "csr")]
    {
        platform::remove_loading_screen();
        leptos::mount::mount_to_body(app);
        platform::register_service_worker();
    }
    #[cfg(not(feature = "csr"))]
    let _ = app;
}
