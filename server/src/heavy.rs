//! Heavy work — decoding and drawing photos again, reading spreadsheets — runs on the blocking
//! threads behind a small limit, so that many such requests at once wait their turn instead of
//! taking every core and the memory each one needs.

use std::sync::Arc;
use tokio::sync::Semaphore;

/// The limit on heavy work running at once, shared by everything that does it.
#[derive(Debug, Clone)]
pub struct Heavy(Arc<Semaphore>);

impl Heavy {
    /// At most `at_once` pieces of heavy work at a time.
    pub fn new(at_once: usize) -> Heavy {
        Heavy(Arc::new(Semaphore::new(at_once.max(1))))
    }

    /// One piece at a time per core.
    pub fn per_core() -> Heavy {
        Heavy::new(std::thread::available_parallelism().map_or(2, usize::from))
    }

    /// Runs `work` on a blocking thread once a turn is free; `None` if it panicked. The turn is
    /// held by the work itself, so a request that gives up waiting (its deadline) does not free
    /// a turn while its work still runs.
    pub async fn run<T: Send + 'static>(&self, work: impl FnOnce() -> T + Send + 'static) -> Option<T> {
        let turn = self.0.clone().acquire_owned().await.ok()?;
        tokio::task::spawn_blocking(move || {
            let _turn = turn;
            work()
        })
        .await
        .ok()
    }
}

#[cfg(test)]
mod tests {
    use super::Heavy;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    #[tokio::test]
    async fn no_more_than_the_limit_runs_at_once() {
        let heavy = Heavy::new(2);
        let (running, most) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
        let tasks: Vec<_> = (0..8)
            .map(|_| {
                let (heavy, running, most) = (heavy.clone(), running.clone(), most.clone());
                tokio::spawn(async move {
                    heavy
                        .run(move || {
                            let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                            most.fetch_max(now, Ordering::SeqCst);
                            std::thread::sleep(std::time::Duration::from_millis(20));
                            running.fetch_sub(1, Ordering::SeqCst);
                        })
                        .await
                })
            })
            .collect();
        for task in tasks {
            assert_eq!(task.await.ok().flatten(), Some(()));
        }
        assert_eq!(most.load(Ordering::SeqCst), 2);
    }
}
