use crate::error::AppError;
use crate::ui::use_prefs;
use leptos::prelude::*;

/// An error in the user's language, with the server's message when it sent one. Small pieces
/// like this one are plain functions, not components: a component is type-erased in the browser
/// build, and each erasure costs its own code.
pub fn error_note(error: AppError) -> impl IntoView {
    let prefs = use_prefs();
    let text = if error.message.is_empty() { error.kind.default_message(prefs.t()).to_owned() } else { error.message };
    view! { <p role="alert" class="my-3 rounded border border-danger bg-danger-soft p-3 text-danger">{text}</p> }
}

/// A quiet placeholder while something loads.
pub fn loading() -> impl IntoView {
    let prefs = use_prefs();
    view! { <p class="my-6 text-center text-muted" aria-busy="true">{prefs.t().loading}</p> }
}

/// A resource's state as a view: loading, its error, or `ok` with the value.
pub fn loaded<T>(state: Option<Result<T, AppError>>, ok: impl FnOnce(T) -> AnyView) -> AnyView {
    match state {
        None => loading().into_any(),
        Some(Err(error)) => error_note(error).into_any(),
        Some(Ok(value)) => ok(value),
    }
}
