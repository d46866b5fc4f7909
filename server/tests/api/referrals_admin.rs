//! The receiving bodies as admins keep them: adding, closing and reopening a body, giving it an
//! account that signs in to its own queue; bad input refused and nothing written; the pages.

use crate::helpers::{new_client, spawn_app, TestApp};
use crate::matrix::signed_in;
use crate::referrals::{organisation, question_with_photo, refer};
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

async fn bodies(app: &TestApp) -> i64 {
    app.count("SELECT COUNT(*) FROM organisations").await
}

fn account(login: &str, organisation: Option<i64>, role: &str) -> Value {
    json!({ "login": login, "display_name": "第二公证处 受理窗口", "role": role, "password": server::demo::DEMO_PASSWORD,
            "organisation_id": organisation })
}

async fn save_body(app: &TestApp, admin: &Client, body: Value) -> (StatusCode, Value) {
    app.post_with(admin, "admin/save-organisation", body).await
}

#[tokio::test]
async fn admins_add_a_body_give_it_an_account_and_close_it() {
    let app = spawn_app().await;
    let admin = signed_in(&app, "admin").await;
    let (status, list) = app.post_with(&admin, "admin/organisations", json!({})).await;
    assert_eq!(status, StatusCode::OK, "{list}");
    assert_eq!(list.as_array().map(Vec::len), Some(3));
    assert!(list.to_string().contains("legalaid"), "each body with its accounts: {list}");

    let before = bodies(&app).await;
    let shajing = app.street("沙井街道").await;
    for (bad, expected) in [
        (json!({ "kind": "notary", "name": "  " }), StatusCode::UNPROCESSABLE_ENTITY),
        (json!({ "kind": "notary", "name": "公".repeat(51) }), StatusCode::UNPROCESSABLE_ENTITY),
        (json!({ "kind": "notary", "name": "某公证处", "street_id": 999_999 }), StatusCode::UNPROCESSABLE_ENTITY),
        (json!({ "kind": "notary", "name": "深圳市宝安公证处" }), StatusCode::CONFLICT),
        (json!({ "kind": "court", "name": "某法院" }), StatusCode::BAD_REQUEST),
        (json!({ "id": 999_999, "kind": "notary", "name": "某公证处" }), StatusCode::NOT_FOUND),
    ] {
        let (status, answer) = save_body(&app, &admin, bad.clone()).await;
        assert_eq!(status, expected, "{bad}: {answer}");
        assert_eq!(bodies(&app).await, before, "{bad} changed nothing");
    }
    let (status, list) =
        save_body(&app, &admin, json!({ "kind": "notary", "name": "沙井公证处", "street_id": shajing })).await;
    assert_eq!(status, StatusCode::OK, "{list}");
    let id = list.as_array().expect("list").iter().find(|b| b["name"] == "沙井公证处").expect("added")["id"].clone();

    // Its account: an agency account needs an open body, and no other account has one.
    let before = app.count("SELECT COUNT(*) FROM users").await;
    for bad in [
        account("notary2", None, "agency"),
        account("notary2", Some(999_999), "agency"),
        account("notary2", id.as_i64(), "staff"),
        json!({ "login": "notary2", "display_name": "x", "role": "agency", "password": "fai-notary-2026",
                "organisation_id": id, "street_id": shajing }),
    ] {
        let (status, answer) = app.post_with(&admin, "admin/save-staff-account", bad.clone()).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}: {answer}");
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, before);
    let (status, accounts) =
        app.post_with(&admin, "admin/save-staff-account", account("notary2", id.as_i64(), "agency")).await;
    assert_eq!(status, StatusCode::OK, "{accounts}");
    assert!(!accounts.to_string().contains("notary2"), "the workbench's staff list keeps to staff: {accounts}");
    let office = new_client();
    app.sign_in_password(&office, "notary2").await;
    let (status, queue) = app.post_with(&office, "referrals/queue", json!({})).await;
    assert_eq!((status, queue), (StatusCode::OK, json!([])));

    // Closed, the body takes no new referral and no new account; reopened, it does.
    let lawyer = app.staff_client("lawyer").await;
    let close = json!({ "id": id, "kind": "notary", "name": "沙井公证处", "street_id": shajing, "closed": true });
    assert_eq!(save_body(&app, &admin, close).await.0, StatusCode::OK);
    let (_, offered) = app.post_with(&lawyer, "referrals/organisations", json!({})).await;
    assert!(!offered.to_string().contains("沙井公证处"), "{offered}");
    let (_, question, _) = question_with_photo(&app, "13722227001").await;
    let (status, _) = refer(&app, &lawyer, question, id.as_i64().expect("id"), &[]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, _) =
        app.post_with(&admin, "admin/save-staff-account", account("notary3", id.as_i64(), "agency")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let reopen = json!({ "id": id, "kind": "notary", "name": "沙井公证处", "street_id": shajing, "closed": false });
    assert_eq!(save_body(&app, &admin, reopen).await.0, StatusCode::OK);
    let (status, view) = refer(&app, &lawyer, question, id.as_i64().expect("id"), &[]).await;
    assert_eq!(status, StatusCode::OK, "{view}");
    let audited = app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'organisation_save'").await;
    assert_eq!(audited, 3);

    // The same new name twice at once: one body.
    let twice = json!({ "kind": "legal_aid", "name": "宝安区法律援助处沙井工作站" });
    let (a, b) = tokio::join!(save_body(&app, &admin, twice.clone()), save_body(&app, &admin, twice));
    let mut statuses = [a.0, b.0];
    statuses.sort();
    assert_eq!(statuses, [StatusCode::OK, StatusCode::CONFLICT]);
}

#[tokio::test]
async fn the_organisations_page_is_an_admins_and_its_forms_change_what_they_say() {
    let app = spawn_app().await;
    let admin = signed_in(&app, "admin").await;
    let page = admin.get(format!("{}/admin/organisations", app.address)).send().await.expect("page");
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.expect("html");
    assert!(html.contains("宝安区法律援助处") && html.contains("legalaid") && html.contains("沙井街道"), "{html}");
    for login in ["staff", "legalaid", "lawyer"] {
        let other = app.staff_client(login).await;
        let page = other.get(format!("{}/admin/organisations", app.address)).send().await.expect("page");
        assert_eq!(page.status(), StatusCode::FORBIDDEN, "{login}");
        let form =
            other.post(format!("{}/admin/organisations", app.address)).form(&[("kind", "notary"), ("name", "x")]);
        assert_eq!(form.send().await.expect("form").status(), StatusCode::FORBIDDEN, "{login}");
    }
    let added = admin
        .post(format!("{}/admin/organisations", app.address))
        .form(&[("kind", "mediation"), ("name", "福永街道人民调解委员会"), ("street_id", "")])
        .send()
        .await
        .expect("form");
    assert_eq!(added.url().path(), "/admin/organisations");
    assert!(added.text().await.expect("html").contains("福永街道人民调解委员会"));
    let again = admin
        .post(format!("{}/admin/organisations", app.address))
        .form(&[("kind", "mediation"), ("name", "福永街道人民调解委员会")])
        .send()
        .await
        .expect("form");
    assert_eq!(again.status(), StatusCode::CONFLICT);
    assert!(again.text().await.expect("html").contains("已有同名机构"));
    let body = organisation(&app, "福永街道人民调解委员会").await;
    let form = [("login", "fuyong"), ("display_name", "福永调委会"), ("phone", ""), ("password", "fai-fuyong-2026")];
    let account = admin.post(format!("{}/admin/organisations/{body}/accounts", app.address)).form(&form).send();
    assert!(account.await.expect("form").text().await.expect("html").contains("fuyong"));
    let forged = admin
        .post(format!("{}/admin/organisations", app.address))
        .header("origin", "https://evil.example")
        .form(&[("kind", "notary"), ("name", "伪造公证处")])
        .send()
        .await
        .expect("form");
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.count("SELECT COUNT(*) FROM organisations WHERE name = '伪造公证处'").await, 0);
}
