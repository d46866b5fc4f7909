//! Printable posters: a community's A4 sheet with its lawyers, duty hours and a QR code to its
//! page; a street's sheets together; the QR code itself.

use crate::helpers::{new_client, spawn_app};
use reqwest::StatusCode;

#[tokio::test]
async fn a_community_poster_names_its_lawyers_and_hours_and_links_its_page() {
    let app = spawn_app().await;
    let houting = app.community("后亭社区").await;
    let get = |path: String| {
        let address = app.address.clone();
        async move {
            let response = new_client().get(format!("{address}{path}")).send().await.expect("poster");
            let status = response.status();
            let kind = response.headers().get("content-type").map(|v| v.to_str().unwrap_or("").to_owned());
            (status, kind.unwrap_or_default(), response.text().await.expect("body"))
        }
    };
    let a_lawyer: String = sqlx::query_scalar(
        "SELECT l.name FROM assignments a JOIN lawyers l ON l.id = a.lawyer_id WHERE a.community_id = $1 AND a.role = 'a' AND a.ends_on IS NULL",
    )
    .bind(houting)
    .fetch_one(&app.store.pool)
    .await
    .expect("A lawyer");
    let (status, kind, html) = get(format!("/posters/communities/{houting}")).await;
    assert_eq!((status, kind.as_str()), (StatusCode::OK, "text/html; charset=utf-8"));
    for needed in ["后亭社区", a_lawyer.as_str(), "周一", &format!("/posters/qr/{houting}.svg"), "/poster.css"] {
        assert!(html.contains(needed), "{needed} in {html}");
    }
    assert!(html.contains(&format!("/communities/{houting}</figcaption>")), "the address under the code: {html}");

    let street: i64 = sqlx::query_scalar("SELECT street_id FROM communities WHERE id = $1")
        .bind(houting)
        .fetch_one(&app.store.pool)
        .await
        .expect("street");
    let communities = app.count(&format!("SELECT COUNT(*) FROM communities WHERE street_id = {street}")).await;
    let (status, _, html) = get(format!("/posters/streets/{street}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(html.matches("<article class=\"poster\"").count() as i64, communities, "one sheet per community");

    let (status, kind, svg) = get(format!("/posters/qr/{houting}.svg")).await;
    assert_eq!((status, kind.as_str()), (StatusCode::OK, "image/svg+xml"));
    assert!(svg.contains("<svg") && svg.contains("<path"), "{svg}");

    for path in
        ["/posters/communities/abc", "/posters/communities/999999", "/posters/streets/999999", "/posters/qr/1.png"]
    {
        assert_eq!(get(path.to_owned()).await.0, StatusCode::NOT_FOUND, "{path}");
    }
}
