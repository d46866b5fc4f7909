//! Two reminders before a consultation, through the SMS outbox, as long before it as the
//! community's booking rules say (by default the day before and two hours before). A booking
//! made inside the second reminder's lead gets only that one. Each reminder is claimed with a
//! conditional update, so several servers send it once.

use crate::sms::{Message, Outbox, Template};
use crate::store::{now_ms, Store};
use app::i18n::Lang;
use app::time::Instant;
use std::time::Duration;
use tokio::sync::watch;

use super::rules;
use app::domain::BookingRules;

/// A booking whose reminder is due, with where and to whom.
#[derive(sqlx::FromRow)]
struct DueBooking {
    id: i64,
    slot_start: i64,
    code: String,
    office_address: String,
    phone: Option<String>,
    lang: String,
}

/// Queues every reminder due at `now`; returns how many.
pub async fn queue_due(store: &Store, now: i64) -> Result<usize, sqlx::Error> {
    let (first, second) = (
        rules::column("first_reminder_minutes", BookingRules::DEFAULT.first_reminder_minutes),
        rules::column("second_reminder_minutes", BookingRules::DEFAULT.second_reminder_minutes),
    );
    // The first reminder only while the second is not yet due.
    let passes = [
        (
            "reminded_day_before",
            format!("{first} > 0 AND b.slot_start <= $1 + {first} * 60000 AND b.slot_start > $1 + {second} * 60000"),
        ),
        ("reminded_two_hours", format!("{second} > 0 AND b.slot_start <= $1 + {second} * 60000")),
    ];
    let mut queued = 0;
    for (flag, due_now) in passes {
        let due: Vec<DueBooking> = sqlx::query_as(&format!(
            "SELECT b.id, b.slot_start, b.code, c.office_address, u.phone, u.lang FROM bookings b \
             JOIN communities c ON c.id = b.community_id JOIN users u ON u.id = b.resident_id {} \
             WHERE b.status IN ('pending', 'confirmed') AND b.{flag} = 0 AND b.slot_start > $1 AND {due_now}",
            rules::JOIN
        ))
        .bind(now)
        .fetch_all(&store.pool)
        .await?;
        for DueBooking { id, slot_start: start, code, office_address: place, phone, lang } in due {
            let mut tx = store.writer().begin().await?;
            let claimed = sqlx::query(&format!("UPDATE bookings SET {flag} = 1 WHERE id = $1 AND {flag} = 0"))
                .bind(id)
                .execute(&mut *tx)
                .await?;
            if claimed.rows_affected() == 0 {
                continue;
            }
            if let Some(phone) = phone {
                let message = Message::new(
                    Template::Reminder,
                    Lang::from_tag(&lang),
                    &[("when", &Instant(start).format_shanghai()), ("place", &place), ("code", &code)],
                )
                .about(format!("/bookings/{id}"));
                Outbox::enqueue_with_inbox(&mut tx, &phone, &message).await?;
                queued += 1;
            }
            tx.commit().await?;
        }
    }
    Ok(queued)
}

/// Looks for due reminders every minute until `stop` turns true.
pub async fn run(store: Store, outbox: Outbox, mut stop: watch::Receiver<bool>) {
    loop {
        match queue_due(&store, now_ms()).await {
            Ok(0) => {}
            Ok(_) => outbox.wake(),
            Err(error) => tracing::warn!(error = %error, "reminder pass failed"),
        }
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_secs(60)) => {}
            _ = stop.changed() => return,
        }
    }
}
