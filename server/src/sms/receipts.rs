//! Delivery receipts: what the provider learnt from the network about each message it sent —
//! on the phone, or not and why. Providers push them to the portal (Alibaba Cloud's `SmsReport`
//! HTTP push, Tencent Cloud's status callback); a receipt counts only when it names a message the
//! portal sent, by the provider's id and the same number, and only the first one counts.

use crate::store::{now_ms, Store};
#[cfg(test)]
use app::time::Instant;
use app::time::LocalDate;
use serde::Deserialize;

/// One receipt, as either provider's is read.
#[derive(Debug, Clone, PartialEq)]
pub struct Receipt {
    /// The provider's id for the message (BizId, sid).
    pub provider_id: String,
    /// The number it went to, without a country code.
    pub phone: String,
    /// Whether it reached the phone.
    pub delivered: bool,
    /// The network's code and words when it did not.
    pub reason: String,
    /// When the phone received it or the network gave up.
    pub at: i64,
}

/// `2026-12-04 09:30:00` in Shanghai time, as milliseconds.
fn shanghai_ms(text: &str) -> Option<i64> {
    let date = LocalDate::parse(text.get(..10)?)?;
    let parts: Vec<i64> = text.get(11..19)?.split(':').map(|n| n.parse().ok()).collect::<Option<_>>()?;
    let [h, m, s] = parts[..] else { return None };
    let minute = u32::try_from(h * 60 + m).ok().filter(|m| *m < 24 * 60)?;
    Some(date.at_minute(minute).0 + s * 1000)
}

#[derive(Deserialize)]
struct AliyunReport {
    phone_number: String,
    success: bool,
    #[serde(default)]
    err_code: String,
    #[serde(default)]
    err_msg: String,
    biz_id: String,
    #[serde(default)]
    report_time: String,
}

#[derive(Deserialize)]
struct TencentReport {
    mobile: String,
    report_status: String,
    #[serde(default)]
    errmsg: String,
    #[serde(default)]
    description: String,
    sid: String,
    #[serde(default)]
    user_receive_time: String,
}

/// Alibaba Cloud's `SmsReport` push: a JSON array.
pub fn aliyun(body: &str) -> Result<Vec<Receipt>, String> {
    let reports: Vec<AliyunReport> = serde_json::from_str(body).map_err(|e| e.to_string())?;
    Ok(reports
        .into_iter()
        .map(|r| Receipt {
            provider_id: r.biz_id,
            phone: r.phone_number,
            delivered: r.success,
            reason: if r.success { String::new() } else { format!("{} {}", r.err_code, r.err_msg).trim().to_owned() },
            at: shanghai_ms(&r.report_time).unwrap_or_else(now_ms),
        })
        .collect())
}

/// Tencent Cloud's status callback: a JSON array.
pub fn tencent(body: &str) -> Result<Vec<Receipt>, String> {
    let reports: Vec<TencentReport> = serde_json::from_str(body).map_err(|e| e.to_string())?;
    Ok(reports
        .into_iter()
        .map(|r| {
            let delivered = r.report_status == "SUCCESS";
            Receipt {
                provider_id: r.sid,
                phone: r.mobile.trim_start_matches("+86").to_owned(),
                delivered,
                reason: if delivered {
                    String::new()
                } else {
                    format!("{} {}", r.errmsg, r.description).trim().to_owned()
                },
                at: shanghai_ms(&r.user_receive_time).unwrap_or_else(now_ms),
            }
        })
        .collect())
}

/// Stores the receipts that name a sent message and have not been heard of; answers how many.
/// A message has a provider id only once the provider took it, which is all "sent" means here:
/// its `sent_at` is written with the rest of its batch, and a quick receipt may come first.
pub async fn record(store: &Store, receipts: &[Receipt]) -> Result<usize, sqlx::Error> {
    let mut recorded = 0;
    for receipt in receipts {
        let done = sqlx::query(
            "UPDATE outbox SET delivered_at = $1, undelivered = $2 WHERE provider_id = $3 AND recipient = $4 \
             AND delivered_at IS NULL AND undelivered IS NULL",
        )
        .bind(receipt.delivered.then_some(receipt.at))
        .bind((!receipt.delivered).then(|| receipt.reason.chars().take(200).collect::<String>()))
        .bind(&receipt.provider_id)
        .bind(&receipt.phone)
        .execute(store.writer())
        .await?;
        recorded += done.rows_affected() as usize;
    }
    Ok(recorded)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn when(receipt: &Receipt) -> String {
        Instant(receipt.at).format_shanghai()
    }

    #[test]
    fn both_providers_receipts_read_alike() {
        let ali = aliyun(
            r#"[{"phone_number":"13912340000","send_time":"2026-12-04 09:29:58","report_time":"2026-12-04 09:30:00","success":false,"err_code":"MK:0001","err_msg":"空号","sms_size":"1","biz_id":"biz-1","out_id":"7"}]"#,
        )
        .expect("aliyun");
        assert_eq!(
            (ali[0].delivered, ali[0].reason.as_str(), when(&ali[0]).as_str()),
            (false, "MK:0001 空号", "2026-12-04 09:30")
        );
        let tx = tencent(
            r#"[{"user_receive_time":"2026-12-04 09:30:00","nationcode":"86","mobile":"13912340000","report_status":"SUCCESS","errmsg":"DELIVRD","description":"用户短信送达成功","sid":"serial-1"}]"#,
        )
        .expect("tencent");
        assert_eq!(
            (tx[0].delivered, tx[0].provider_id.as_str(), tx[0].phone.as_str()),
            (true, "serial-1", "13912340000")
        );
        assert!(aliyun("{}").is_err() && tencent("[{\"sid\": 1}]").is_err());
    }
}
