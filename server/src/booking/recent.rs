//! Availability answers kept in memory for a moment.
//!
//! A look-up reads six tables and computes two weeks of slots, and most look-ups repeat one asked
//! a moment ago. An answer is kept for `fresh_ms` (`AVAILABILITY_CACHE_MS`, default 1 000). A
//! change made through this server forgets the answers at once; a change made through another
//! server is seen here within `fresh_ms`. Seats are decided by the booking's own insert, never by
//! this answer, so a stale answer can only show a seat that is already gone.

use app::model::Availability;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Recent availability answers by community.
#[derive(Clone, Debug)]
pub struct RecentAnswers {
    fresh_ms: i64,
    inner: Arc<Mutex<Inner>>,
}

#[derive(Debug, Default)]
struct Inner {
    /// Bumped by every forget: an answer read before a change is not kept after it.
    generation: u64,
    answers: HashMap<i64, (i64, Arc<Availability>)>,
}

impl RecentAnswers {
    /// Keeps answers for `fresh_ms` milliseconds; 0 keeps none.
    pub fn new(fresh_ms: i64) -> RecentAnswers {
        RecentAnswers { fresh_ms, inner: Arc::default() }
    }

    fn inner(&self) -> std::sync::MutexGuard<'_, Inner> {
        // A panic elsewhere cannot leave the map half-written: every change is one statement.
        self.inner.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The answer for `community_id` if it is younger than `fresh_ms` at `now_ms`.
    pub fn get(&self, community_id: i64, now_ms: i64) -> Option<Arc<Availability>> {
        let inner = self.inner();
        let (at, answer) = inner.answers.get(&community_id)?;
        (now_ms - at < self.fresh_ms && now_ms >= *at).then(|| answer.clone())
    }

    /// Call before reading the database for an answer; pass the result to [`RecentAnswers::put`].
    pub fn generation(&self) -> u64 {
        self.inner().generation
    }

    /// Keeps an answer read at `now_ms`, unless something changed since `generation`.
    pub fn put(&self, community_id: i64, generation: u64, now_ms: i64, answer: Arc<Availability>) {
        if self.fresh_ms <= 0 {
            return;
        }
        let mut inner = self.inner();
        if inner.generation == generation {
            inner.answers.insert(community_id, (now_ms, answer));
        }
    }

    /// Forgets every answer: after any change to bookings, schedules, leave or holidays.
    pub fn forget(&self) {
        let mut inner = self.inner();
        inner.generation += 1;
        inner.answers.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(community_id: i64) -> Arc<Availability> {
        Arc::new(Availability { community_id, days: Vec::new() })
    }

    #[test]
    fn an_answer_is_kept_for_the_stated_time_only() {
        let recent = RecentAnswers::new(1_000);
        recent.put(7, recent.generation(), 10_000, answer(7));
        assert!(recent.get(7, 10_999).is_some());
        assert!(recent.get(7, 11_000).is_none());
        assert!(recent.get(8, 10_500).is_none());
        // A clock that went back does not make an answer fresher.
        assert!(recent.get(7, 9_000).is_none());
    }

    #[test]
    fn a_change_forgets_answers_and_an_answer_read_before_it_is_not_kept() {
        let recent = RecentAnswers::new(1_000);
        recent.put(7, recent.generation(), 10_000, answer(7));
        let before = recent.generation();
        recent.forget();
        assert!(recent.get(7, 10_001).is_none());
        recent.put(7, before, 10_002, answer(7));
        assert!(recent.get(7, 10_003).is_none());
        recent.put(7, recent.generation(), 10_004, answer(7));
        assert!(recent.get(7, 10_005).is_some());
    }

    #[test]
    fn zero_keeps_nothing() {
        let recent = RecentAnswers::new(0);
        recent.put(7, recent.generation(), 10_000, answer(7));
        assert!(recent.get(7, 10_000).is_none());
    }
}
