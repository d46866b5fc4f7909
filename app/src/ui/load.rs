//! Reads from the server into a signal.
//!
//! Why not `LocalResource`: each one instantiates the async-derived machinery (suspense
//! notification, ready states, a send wrapper) for its own future type, about 3 KB of wasm per
//! read; the pages need only "not yet / the answer", and this is one effect and one task.

use crate::error::AppError;
use leptos::prelude::*;
use std::cell::Cell;
use std::future::Future;
use std::rc::Rc;

/// What a read has answered so far: `None` until the first answer arrives.
pub type Answer<T> = ReadSignal<Option<Result<T, AppError>>>;

/// Runs `fetch` now and again whenever a signal it reads changes. The previous answer stays until
/// the next arrives, and a late answer to an earlier request never replaces a newer one.
pub fn load<T, Fut>(fetch: impl Fn() -> Fut + 'static) -> Answer<T>
where
    T: Send + Sync + 'static,
    Fut: Future<Output = Result<T, AppError>> + 'static,
{
    let answer = RwSignal::new(None);
    let latest = Rc::new(Cell::new(0u32));
    Effect::new(move |_| {
        let request = fetch();
        let this = latest.get().wrapping_add(1);
        latest.set(this);
        let latest = Rc::clone(&latest);
        leptos::task::spawn_local(async move {
            let result = request.await;
            if latest.get() == this {
                answer.set(Some(result));
            }
        });
    });
    answer.read_only()
}
