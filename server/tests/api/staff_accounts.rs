//! Admins keep the staff accounts: a street's staff created, moved to the district, disabled —
//! each taking effect at once — and every bad value refused with nothing written.

use crate::helpers::{new_client, spawn_app, TestApp};
use crate::matrix::signed_in;
use reqwest::StatusCode;
use serde_json::{json, Value};

const PASSWORD: &str = "street-staff-2026";

async fn sign_in(app: &TestApp, login: &str, password: &str) -> (reqwest::Client, StatusCode) {
    let client = new_client();
    let (status, _) =
        app.post_with(&client, "auth/sign-in-password", json!({ "login": login, "password": password })).await;
    (client, status)
}

fn account<'a>(list: &'a Value, login: &str) -> &'a Value {
    list["accounts"].as_array().expect("accounts").iter().find(|a| a["login"] == login).expect("account")
}

#[tokio::test]
async fn an_admin_creates_moves_and_disables_a_staff_account() {
    let app = spawn_app().await;
    let admin = signed_in(&app, "admin").await;
    let xixiang = app.street("西乡街道").await;
    let create = json!({ "login": " XiXiang ", "display_name": "西乡街道司法所", "phone": "13900000009", "role": "staff",
        "street_id": xixiang, "password": PASSWORD });
    let (status, list) = app.post_with(&admin, "admin/save-staff-account", create).await;
    assert_eq!(status, StatusCode::OK, "{list}");
    let created = account(&list, "xixiang").clone();
    assert_eq!((created["street_id"].as_i64(), created["phone_masked"].as_str()), (Some(xixiang), Some("139****0009")));
    assert!(list["streets"].as_array().is_some_and(|s| s.len() == 10));
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'staff_account_create'").await, 1);

    // The new account signs in and sees its street.
    let (staff, status) = sign_in(&app, "xixiang", PASSWORD).await;
    assert_eq!(status, StatusCode::OK);
    let month = json!({ "from": "2026-10-01", "to": "2026-10-31" });
    let (_, board) = app.post_with(&staff, "staff/board", month.clone()).await;
    assert_eq!(board["streets"].as_array().map(|s| s[0]["name"].clone()), Some(json!("西乡街道")));

    // Moved to the district: its session ends; signed in again it sees every street.
    let mut to_district = json!({ "id": created["id"], "login": "xixiang", "display_name": "区司法局 二科",
        "phone": "13900000009", "role": "staff", "street_id": null, "password": "" });
    let (status, list) = app.post_with(&admin, "admin/save-staff-account", to_district.clone()).await;
    assert_eq!(status, StatusCode::OK, "{list}");
    assert!(account(&list, "xixiang")["street_id"].is_null());
    assert_eq!(app.post_with(&staff, "staff/board", month.clone()).await.0, StatusCode::UNAUTHORIZED);
    let (staff, _) = sign_in(&app, "xixiang", PASSWORD).await;
    let (_, board) = app.post_with(&staff, "staff/board", month).await;
    assert_eq!(board["streets_total"].as_i64(), Some(10));

    // Disabled: the session ends and signing in is refused; the password was kept throughout.
    to_district["disabled"] = json!(true);
    let (status, list) = app.post_with(&admin, "admin/save-staff-account", to_district).await;
    assert_eq!((status, account(&list, "xixiang")["disabled"].as_bool()), (StatusCode::OK, Some(true)));
    assert_eq!(app.post_with(&staff, "staff/overview", json!({})).await.0, StatusCode::UNAUTHORIZED);
    assert_ne!(sign_in(&app, "xixiang", PASSWORD).await.1, StatusCode::OK);
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'staff_account_change'").await, 2);
}

#[tokio::test]
async fn bad_account_values_are_refused_with_nothing_written() {
    let app = spawn_app().await;
    let admin = signed_in(&app, "admin").await;
    let admin_id = app.count("SELECT id FROM users WHERE login = 'admin'").await;
    let good = json!({ "login": "newstaff", "display_name": "新同事", "phone": "", "role": "staff", "street_id": null,
        "password": PASSWORD });
    let with = |pairs: &[(&str, Value)]| {
        let mut body = good.clone();
        for (key, value) in pairs {
            body[*key] = value.clone();
        }
        body
    };
    let self_edit = |pairs: &[(&str, Value)]| {
        let mut body = json!({ "id": admin_id, "login": "admin", "display_name": "系统管理员", "phone": "13900000001",
            "role": "admin", "password": "" });
        for (key, value) in pairs {
            body[*key] = value.clone();
        }
        body
    };
    let before = app.count("SELECT COUNT(*) FROM users").await;
    let cases = [
        (with(&[("login", json!("ab"))]), StatusCode::UNPROCESSABLE_ENTITY, "登录名为3到32位小写字母、数字或 . _ -"),
        (
            with(&[("login", json!("new staff"))]),
            StatusCode::UNPROCESSABLE_ENTITY,
            "登录名为3到32位小写字母、数字或 . _ -",
        ),
        (with(&[("login", json!("Staff"))]), StatusCode::CONFLICT, "该登录名或手机号已被其他账号使用"),
        (with(&[("phone", json!("13900000002"))]), StatusCode::CONFLICT, "该登录名或手机号已被其他账号使用"),
        (with(&[("display_name", json!("  "))]), StatusCode::UNPROCESSABLE_ENTITY, "请填写名称(不超过50字)"),
        (with(&[("phone", json!("12345"))]), StatusCode::UNPROCESSABLE_ENTITY, "请输入正确的11位中国大陆手机号"),
        (with(&[("role", json!("lawyer"))]), StatusCode::UNPROCESSABLE_ENTITY, "只能设为工作人员或管理员"),
        (
            with(&[("role", json!("admin"))]),
            StatusCode::UNPROCESSABLE_ENTITY,
            "管理员须有手机号(用于短信验证)，且不属于某个街道",
        ),
        (
            with(&[("role", json!("admin")), ("phone", json!("13900000019")), ("street_id", json!(1))]),
            StatusCode::UNPROCESSABLE_ENTITY,
            "管理员须有手机号(用于短信验证)，且不属于某个街道",
        ),
        (with(&[("street_id", json!(999_999))]), StatusCode::UNPROCESSABLE_ENTITY, "请选择街道"),
        (with(&[("password", json!("short"))]), StatusCode::UNPROCESSABLE_ENTITY, "密码至少10位"),
        (with(&[("password", json!(""))]), StatusCode::UNPROCESSABLE_ENTITY, "密码至少10位"),
        (
            self_edit(&[("disabled", json!(true))]),
            StatusCode::UNPROCESSABLE_ENTITY,
            "不能停用自己的账号或取消自己的管理员角色",
        ),
        (
            self_edit(&[("role", json!("staff"))]),
            StatusCode::UNPROCESSABLE_ENTITY,
            "不能停用自己的账号或取消自己的管理员角色",
        ),
        (with(&[("id", json!(999_999))]), StatusCode::NOT_FOUND, ""),
        (with(&[("role", json!("superuser"))]), StatusCode::BAD_REQUEST, ""),
    ];
    for (body, expected, message) in cases {
        let (status, answer) = app.post_with(&admin, "admin/save-staff-account", body.clone()).await;
        assert_eq!(status, expected, "{body}: {answer}");
        if !message.is_empty() {
            assert_eq!(answer["message"], message, "{body}");
        }
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, before, "no account created");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM users WHERE login = 'admin' AND role = 'admin' AND disabled_at IS NULL").await,
        1
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action LIKE 'staff_account_%'").await, 0);

    // District staff are not admins: they neither read nor change accounts.
    let staff = app.staff_client("staff").await;
    assert_eq!(app.post_with(&staff, "admin/staff-accounts", json!({})).await.0, StatusCode::FORBIDDEN);
    assert_eq!(app.post_with(&staff, "admin/save-staff-account", good).await.0, StatusCode::FORBIDDEN);
}
