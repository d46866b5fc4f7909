//! An iCalendar (.ics) file for a booking, so residents can put it in their phone's calendar.
//! Times carry `TZID=Asia/Shanghai` with the zone defined in the file (UTC+8, no daylight saving).

use crate::i18n::Texts;
use crate::model::BookingView;
use crate::time::Instant;

fn local(instant: Instant) -> String {
    let (date, minutes) = instant.to_shanghai();
    format!("{:04}{:02}{:02}T{:02}{:02}00", date.year, date.month, date.day, minutes / 60, minutes % 60)
}

fn utc(instant: Instant) -> String {
    let shifted = Instant(instant.0 - crate::time::SHANGHAI_OFFSET_MS);
    format!("{}Z", local(shifted))
}

/// Escapes text for an iCalendar value.
fn text(value: &str) -> String {
    value.replace('\\', "\\\\").replace(';', "\\;").replace(',', "\\,").replace('\n', "\\n")
}

/// The .ics file for `booking`, stamped `now`.
pub fn booking_ics(booking: &BookingView, t: &Texts, now: Instant) -> String {
    let lines = [
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//fai-shequ//booking//ZH".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        "BEGIN:VTIMEZONE".to_owned(),
        "TZID:Asia/Shanghai".to_owned(),
        "BEGIN:STANDARD".to_owned(),
        "DTSTART:19700101T000000".to_owned(),
        "TZOFFSETFROM:+0800".to_owned(),
        "TZOFFSETTO:+0800".to_owned(),
        "TZNAME:CST".to_owned(),
        "END:STANDARD".to_owned(),
        "END:VTIMEZONE".to_owned(),
        "BEGIN:VEVENT".to_owned(),
        format!("UID:{}@fai-shequ", booking.code),
        format!("DTSTAMP:{}", utc(now)),
        format!("DTSTART;TZID=Asia/Shanghai:{}", local(booking.start)),
        format!("DTEND;TZID=Asia/Shanghai:{}", local(booking.end)),
        format!("SUMMARY:{}", text(&format!("{} · {}", t.app_name, booking.community_name))),
        format!("LOCATION:{}", text(&booking.office_address)),
        format!(
            "DESCRIPTION:{}",
            text(&format!("{} {} · {} {}", t.book_code, booking.code, t.lawyer_label, booking.lawyer_name))
        ),
        "END:VEVENT".to_owned(),
        "END:VCALENDAR".to_owned(),
    ];
    lines.join("\r\n") + "\r\n"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{BookingStatus, Channel, Topic};
    use crate::i18n::Lang;

    fn booking() -> BookingView {
        BookingView {
            id: 1,
            code: "ABCD2345".into(),
            status: BookingStatus::Confirmed,
            status_reason: String::new(),
            community_id: 2,
            community_name: "后亭社区".into(),
            office_address: "沙井街道后亭社区党群服务中心, 法律服务室".into(),
            lawyer_name: "王律师".into(),
            // 2026-12-01 09:00 and 09:30 in Shanghai.
            start: Instant(1_796_086_800_000),
            end: Instant(1_796_088_600_000),
            channel: Channel::InPerson,
            topic: Topic::Labour,
            description: String::new(),
            rating: None,
            changeable: true,
            meeting_url: None,
        }
    }

    #[test]
    fn the_event_is_at_shanghai_local_time_with_the_zone_defined() {
        let ics = booking_ics(&booking(), Lang::Zh.texts(), Instant(1_795_887_000_000));
        assert!(ics.contains("DTSTART;TZID=Asia/Shanghai:20261201T090000\r\n"), "{ics}");
        assert!(ics.contains("DTEND;TZID=Asia/Shanghai:20261201T093000\r\n"));
        assert!(ics.contains("TZOFFSETTO:+0800"));
        assert!(ics.contains("DTSTAMP:20261128T173000Z"));
        assert!(ics.contains("UID:ABCD2345@fai-shequ"));
        assert!(ics.contains("LOCATION:沙井街道后亭社区党群服务中心\\, 法律服务室"), "commas escaped");
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.ends_with("END:VCALENDAR\r\n"));
    }
}
