//! The bodies that receive referrals, each with one account: the district's legal-aid centre,
//! 沙井街道's people's mediation committee and the district's notary office, which visits
//! residents at home on Tuesday and Thursday afternoons (two notaries, 90 minutes a visit).

use super::user;
use sqlx::{Any, Transaction};

/// The bodies: kind, name, login, number, whether it serves only 沙井街道.
const BODIES: [(&str, &str, &str, &str, bool); 3] = [
    ("legal_aid", "宝安区法律援助处", "legalaid", "13900000005", false),
    ("mediation", "沙井街道人民调解委员会", "mediation", "13900000006", true),
    ("notary", "深圳市宝安公证处", "notary", "13900000007", false),
];

/// Loads them; `shajing` is 沙井街道's id.
pub async fn load(tx: &mut Transaction<'_, Any>, hash: &str, shajing: i64) -> Result<(), sqlx::Error> {
    for (kind, name, login, phone, street_only) in BODIES {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO organisations (kind, name, street_id, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(kind)
        .bind(name)
        .bind(street_only.then_some(shajing))
        .bind(crate::store::now_ms())
        .fetch_one(&mut **tx)
        .await?;
        let account = user(tx, "agency", login, phone, &format!("{name} 受理窗口"), hash, false).await?;
        sqlx::query("UPDATE users SET organisation_id = $1 WHERE id = $2")
            .bind(id)
            .bind(account)
            .execute(&mut **tx)
            .await?;
        if kind == "notary" {
            for weekday in [2, 4] {
                sqlx::query(
                    "INSERT INTO home_visit_hours (organisation_id, weekday, start_minute, end_minute, slot_minutes, seats, created_at) \
                     VALUES ($1, $2, 840, 1020, 90, 2, $3)",
                )
                .bind(id)
                .bind(weekday)
                .bind(crate::store::now_ms())
                .execute(&mut **tx)
                .await?;
            }
        }
    }
    Ok(())
}
