//! Helpers for bookings: one made and confirmed at a chosen time, and a booking moved in time.

use crate::helpers::TestApp;
use reqwest::StatusCode;
use serde_json::{json, Value};

impl TestApp {
    /// Moves a booking's half-hour slot to start at `start` (ms), as time passing would.
    pub async fn move_booking(&self, booking_id: i64, start: i64) {
        sqlx::query("UPDATE bookings SET slot_start = $1, slot_end = $2 WHERE id = $3")
            .bind(start)
            .bind(start + 1_800_000)
            .bind(booking_id)
            .execute(self.store.writer())
            .await
            .expect("move the booking");
    }

    /// A confirmed booking at 后亭社区 by `resident` over `channel` (a slot not yet booked),
    /// moved to start `minutes` from now; its id.
    pub async fn confirmed_booking(&self, resident: &reqwest::Client, channel: &str, minutes: i64) -> i64 {
        let houting = self.community("后亭社区").await;
        let taken: Vec<i64> =
            sqlx::query_scalar("SELECT slot_start FROM bookings").fetch_all(&self.store.pool).await.expect("taken");
        let free = |s: &Value| {
            s["channels"].as_array().is_some_and(|c| c.contains(&json!(channel)))
                && !taken.contains(&s["start"].as_i64().unwrap_or(0))
        };
        let slot = self.free_slots(houting).await.into_iter().find(free).expect("a slot");
        let body = json!({ "community_id": houting, "slot_start": slot["start"], "channel": channel, "topic": "debt", "description": "借款" });
        let (status, booking) = self.post_with(resident, "booking/book", body).await;
        assert_eq!(status, StatusCode::OK, "{booking}");
        let id = booking["id"].as_i64().expect("id");
        self.move_booking(id, server::store::now_ms() + minutes * 60_000).await;
        sqlx::query("UPDATE bookings SET status = 'confirmed' WHERE id = $1")
            .bind(id)
            .execute(self.store.writer())
            .await
            .expect("confirm");
        id
    }
}
