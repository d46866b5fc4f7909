//! Writes to the server from a form or a button.
//!
//! Why not `Action`: each one instantiates its own copy of the action machinery (versions,
//! in-flight tracking, a send wrapper) for its input and output types; the pages need only
//! "send this", "is it on its way" and "what came back".

use crate::error::AppError;
use leptos::prelude::*;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

type Run<I, T> = Rc<dyn Fn(&I) -> Pin<Box<dyn Future<Output = Result<T, AppError>>>>>;
type Then<T> = Rc<dyn Fn(&Result<T, AppError>)>;

/// A write: [`Submit::dispatch`] sends it; [`Submit::value`] is the last answer and
/// [`Submit::pending`] is true while a write is on its way; [`Submit::then`] acts on each answer.
pub struct Submit<I: 'static, T: 'static> {
    run: StoredValue<Run<I, T>, LocalStorage>,
    then: StoredValue<Option<Then<T>>, LocalStorage>,
    value: RwSignal<Option<Result<T, AppError>>>,
    pending: RwSignal<bool>,
}

impl<I: 'static, T: 'static> Clone for Submit<I, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<I: 'static, T: 'static> Copy for Submit<I, T> {}

impl<I: 'static, T: Send + Sync + 'static> Submit<I, T> {
    /// A write that calls `run` with each dispatched input.
    pub fn new<Fut>(run: impl Fn(&I) -> Fut + 'static) -> Self
    where
        Fut: Future<Output = Result<T, AppError>> + 'static,
    {
        let run: Run<I, T> = Rc::new(move |input| Box::pin(run(input)));
        Submit {
            run: StoredValue::new_local(run),
            then: StoredValue::new_local(None),
            value: RwSignal::new(None),
            pending: RwSignal::new(false),
        }
    }

    /// Calls `on_answer` with each answer as it arrives (to navigate, or to update the session),
    /// before [`Submit::value`] changes.
    pub fn then(self, on_answer: impl Fn(&Result<T, AppError>) + 'static) -> Self {
        self.then.set_value(Some(Rc::new(on_answer)));
        self
    }

    /// Sends `input`; the answer lands in [`Submit::value`].
    pub fn dispatch(self, input: I) {
        let Some(run) = self.run.try_get_value() else { return };
        let request = run(&input);
        self.pending.set(true);
        leptos::task::spawn_local(async move {
            let answer = request.await;
            if let Some(then) = self.then.try_get_value().flatten() {
                then(&answer);
            }
            self.value.set(Some(answer));
            self.pending.set(false);
        });
    }

    /// The last answer, `None` before the first.
    pub fn value(self) -> ReadSignal<Option<Result<T, AppError>>> {
        self.value.read_only()
    }

    /// Whether a write is on its way.
    pub fn pending(self) -> ReadSignal<bool> {
        self.pending.read_only()
    }
}
