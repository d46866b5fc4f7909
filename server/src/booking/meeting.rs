//! A video consultation's meeting: a room the booking gets from `MEETING_URL_PATTERN` when it is
//! made (`seats`), or, without one, a link its lawyer pastes here. Both sides see it only while
//! the consultation connects (`views::connects_now`); whether it took place the lawyer records
//! as for every consultation (`desk/decide`: completed or no-show).

use super::{message, views, BookingService};
use crate::audit;
use crate::caller::Caller;
use crate::failure::Failure;
use crate::scope::desk::own_lawyers;
use crate::store::now_ms;
use app::domain::Channel;
use app::error::{AppError, ErrorKind};
use app::model::{DeskBooking, MeetingLinkRequest};

/// The longest meeting address.
const MAX_URL_CHARS: usize = 300;

/// `url` as a meeting address: `https`, a host, no user name or password in it, at most 300
/// characters; `None` otherwise.
fn checked(url: &str) -> Option<String> {
    let url = url.trim();
    if url.chars().count() > MAX_URL_CHARS || url.chars().any(char::is_whitespace) {
        return None;
    }
    let parsed = reqwest::Url::parse(url).ok()?;
    let plain = parsed.username().is_empty() && parsed.password().is_none();
    (parsed.scheme() == "https" && parsed.host_str().is_some_and(|h| !h.is_empty()) && plain)
        .then(|| parsed.to_string())
}

/// `desk/meeting-link`: the lawyer of a live video booking (or their assistant) gives or
/// replaces its meeting address before it ends. Another's booking: 404; not video, not live or
/// over: 409; not an `https` address: 422 on `url`. Audited.
pub async fn link(
    service: &BookingService,
    caller: &Caller,
    request: MeetingLinkRequest,
) -> Result<DeskBooking, Failure> {
    let user = caller.user()?;
    let own = own_lawyers(&service.store, caller).await?;
    let loaded = views::one(&service.store, request.booking_id).await?;
    let Some(loaded) = loaded.filter(|l| own.contains(&l.lawyer_id)) else {
        return Err(caller.error(ErrorKind::NotFound).into());
    };
    let view = &loaded.view;
    if view.channel != Channel::Video || !view.status.is_live() || view.end.0 < now_ms() {
        return Err(message(caller, ErrorKind::Conflict, |t| t.err_meeting_booking).into());
    }
    let url = checked(&request.url).ok_or_else(|| AppError::invalid("url", caller.lang.messages().err_meeting_url))?;
    sqlx::query("UPDATE bookings SET meeting_url = $1, updated_at = $2 WHERE id = $3")
        .bind(&url)
        .bind(now_ms())
        .bind(view.id)
        .execute(service.store.writer())
        .await?;
    audit::record_by(&service.store, caller, user.id, "meeting_link", &format!("booking:{}", view.id)).await?;
    let again = views::one(&service.store, view.id).await?.ok_or_else(|| caller.error(ErrorKind::NotFound))?;
    Ok(again.for_desk(&own))
}

#[cfg(test)]
mod tests {
    use super::checked;

    #[test]
    fn only_plain_https_addresses_are_meeting_links() {
        assert_eq!(
            checked(" https://meet.example.gov.cn/fai-1 ").as_deref(),
            Some("https://meet.example.gov.cn/fai-1")
        );
        for bad in [
            "http://meet.example.gov.cn/1",
            "javascript:alert(1)",
            "https://user:pass@meet.example.gov.cn/1",
            "ftp://meet.example.gov.cn/1",
            "https://meet.example.gov.cn/a b",
            "meet.example.gov.cn/1",
            "",
        ] {
            assert_eq!(checked(bad), None, "{bad}");
        }
        assert_eq!(checked(&format!("https://meet.example.gov.cn/{}", "a".repeat(300))), None);
    }
}
