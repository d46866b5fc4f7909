//! The directory as pages the server renders: a street's communities with a search that needs no
//! script, a community's team, and a resident making a community theirs with a same-site form.

use crate::helpers::{new_client, spawn_app, TestApp};
use reqwest::{Client, StatusCode};

/// GETs `path` with `client`: the status and the HTML.
async fn page(app: &TestApp, client: &Client, path: &str) -> (StatusCode, String) {
    let answer = client.get(format!("{}{path}", app.address)).send().await.expect("page");
    (answer.status(), answer.text().await.expect("html"))
}

/// POSTs the "make it mine" form for `community` with `client`, as the browser sends it.
async fn make_mine(app: &TestApp, client: &Client, community: &str) -> StatusCode {
    let url = format!("{}/communities/{community}/mine", app.address);
    client.post(url).header("content-type", "application/x-www-form-urlencoded").send().await.expect("post").status()
}

#[tokio::test]
async fn a_street_and_a_community_are_pages_for_everyone_and_bad_addresses_are_not_found() {
    let app = spawn_app().await;
    let houting = app.community("后亭社区").await;
    let street: i64 = sqlx::query_scalar("SELECT street_id FROM communities WHERE id = $1")
        .bind(houting)
        .fetch_one(&app.store.pool)
        .await
        .expect("its street");
    let visitor = new_client();
    let (status, html) = page(&app, &visitor, &format!("/streets/{street}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("沙井街道") && html.contains(&format!("href=\"/communities/{houting}\"")), "{html}");
    let neighbour: String =
        sqlx::query_scalar("SELECT name FROM communities WHERE street_id = $1 AND id <> $2 ORDER BY id LIMIT 1")
            .bind(street)
            .bind(houting)
            .fetch_one(&app.store.pool)
            .await
            .expect("another community of the street");
    assert!(html.contains(&neighbour));
    let (_, narrowed) = page(&app, &visitor, &format!("/streets/{street}?q=%E5%90%8E%E4%BA%AD")).await; // 后亭
    assert!(narrowed.contains("后亭社区") && !narrowed.contains(&neighbour), "{narrowed}");
    for nothing in ["%25", "_", "%E4%B8%8D%E5%AD%98%E5%9C%A8"] {
        let (status, html) = page(&app, &visitor, &format!("/streets/{street}?q={nothing}")).await;
        assert_eq!(status, StatusCode::OK, "{nothing}");
        assert!(!html.contains("href=\"/communities/"), "{nothing}: wildcards are matched as written");
    }
    let (status, html) = page(&app, &visitor, &format!("/streets/{street}?q={}", "a".repeat(300))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("role=\"alert\""), "{html}");

    let (status, html) = page(&app, &visitor, &format!("/communities/{houting}")).await;
    assert_eq!(status, StatusCode::OK);
    let a_lawyer: String = sqlx::query_scalar(
        "SELECT l.name FROM assignments a JOIN lawyers l ON l.id = a.lawyer_id WHERE a.community_id = $1 AND a.role = 'a' AND a.ends_on IS NULL",
    )
    .bind(houting)
    .fetch_one(&app.store.pool)
    .await
    .expect("its A lawyer");
    for shown in
        ["后亭社区", "法律顾问团队", a_lawyer.as_str(), &format!("/communities/{houting}/book"), "/sign-in?next="]
    {
        assert!(html.contains(shown), "{shown}: {html}");
    }
    for missing in ["/streets/abc", "/streets/999999", "/communities/abc", "/communities/999999", "/communities/-1"] {
        assert_eq!(page(&app, &visitor, missing).await.0, StatusCode::NOT_FOUND, "{missing}");
    }
}

#[tokio::test]
async fn a_resident_makes_a_community_theirs_and_nobody_else_can() {
    let app = spawn_app().await;
    let houting = app.community("后亭社区").await;
    let resident = app.resident("13782220001").await;
    let (_, html) = page(&app, &resident, &format!("/communities/{houting}")).await;
    assert!(
        html.contains(&format!("action=\"/communities/{houting}/mine\"")) && html.contains("设为我的社区"),
        "{html}"
    );
    let theirs = || async {
        sqlx::query_scalar::<_, Option<i64>>("SELECT community_id FROM users WHERE phone = '13782220001'")
            .fetch_one(&app.store.pool)
            .await
            .expect("theirs")
    };

    // Refused, nothing changed: another site's form, a visitor, a worker, no such community.
    let cross = resident
        .post(format!("{}/communities/{houting}/mine", app.address))
        .header("origin", "https://evil.example")
        .header("sec-fetch-site", "cross-site")
        .send()
        .await
        .expect("cross");
    assert_eq!(cross.status(), StatusCode::FORBIDDEN);
    assert_eq!(make_mine(&app, &new_client(), &houting.to_string()).await, StatusCode::FORBIDDEN);
    let lawyer = app.staff_client("lawyer").await;
    assert_eq!(make_mine(&app, &lawyer, &houting.to_string()).await, StatusCode::FORBIDDEN);
    for missing in ["999999", "abc"] {
        assert_eq!(make_mine(&app, &resident, missing).await, StatusCode::NOT_FOUND, "{missing}");
    }
    assert_eq!(theirs().await, None);

    // The form: back on the page, which now says it is theirs.
    assert_eq!(make_mine(&app, &resident, &houting.to_string()).await, StatusCode::OK, "followed to the page");
    assert_eq!(theirs().await, Some(houting));
    let (_, html) = page(&app, &resident, &format!("/communities/{houting}")).await;
    assert!(html.contains("这是我的社区") && !html.contains("/mine\""), "{html}");
    let (_, as_worker) = page(&app, &lawyer, &format!("/communities/{houting}")).await;
    assert!(!as_worker.contains("设为我的社区"), "workers have no community of their own");
}
