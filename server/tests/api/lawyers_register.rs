//! The lawyers' register: district staff find a lawyer, correct their firm and licence and
//! verify it; firms are created and renamed; bad values and a street's staff are refused with
//! nothing written.

use crate::helpers::spawn_app;
use reqwest::StatusCode;
use serde_json::{json, Value};

fn find(register: &Value, id: i64) -> &Value {
    register["lawyers"].as_array().expect("lawyers").iter().find(|l| l["id"] == id).expect("lawyer listed")
}

#[tokio::test]
async fn staff_correct_a_lawyer_and_verify_the_new_licence() {
    let app = spawn_app().await;
    let staff = app.staff_client("staff").await;
    let lawyer =
        app.count("SELECT l.id FROM lawyers l JOIN users u ON u.id = l.user_id WHERE u.login = 'lawyer'").await;
    let licence: String = sqlx::query_scalar("SELECT licence_no FROM lawyers WHERE id = $1")
        .bind(lawyer)
        .fetch_one(&app.store.pool)
        .await
        .expect("licence");

    let (status, register) = app.post_with(&staff, "staff/lawyers", json!({ "text": &licence[10..] })).await;
    assert_eq!(status, StatusCode::OK, "{register}");
    let listed = find(&register, lawyer);
    assert!(listed["verified_at"].is_i64(), "the demo's licences are verified: {listed}");
    assert_eq!(listed["serving"], json!(["沙井社区 B", "后亭社区 A"]));
    assert!(register["firms"].as_array().is_some_and(|f| f.len() >= 6));

    // A new firm, then the lawyer moves to it with a new licence number: unverified until checked.
    let (status, register) = app
        .post_with(&staff, "staff/save-firm", json!({ "name": "广东新桥律师事务所", "address": "深圳市宝安区新桥" }))
        .await;
    assert_eq!(status, StatusCode::OK, "{register}");
    let firm =
        register["firms"].as_array().expect("firms").iter().find(|f| f["name"] == "广东新桥律师事务所").expect("firm")
            ["id"]
            .clone();
    let edit = json!({ "lawyer_id": lawyer, "name": " 张律师 ", "firm_id": firm, "licence_no": "14403202699999999", "verified": true });
    let (status, register) = app.post_with(&staff, "staff/save-lawyer", edit).await;
    assert_eq!(status, StatusCode::OK, "{register}");
    let saved = find(&register, lawyer);
    assert_eq!((saved["name"].as_str(), saved["firm"].as_str()), (Some("张律师"), Some("广东新桥律师事务所")));
    assert!(saved["verified_at"].is_null(), "a new licence number must be verified again");
    let verify = json!({ "lawyer_id": lawyer, "name": "张律师", "firm_id": firm, "licence_no": "14403202699999999", "verified": true });
    let (_, register) = app.post_with(&staff, "staff/save-lawyer", verify).await;
    assert!(find(&register, lawyer)["verified_at"].is_i64());
    assert_eq!(
        app.count(&format!("SELECT verified_by FROM lawyers WHERE id = {lawyer}")).await,
        app.count("SELECT id FROM users WHERE login = 'staff'").await
    );
    // Renaming the firm renames it everywhere.
    let (status, register) =
        app.post_with(&staff, "staff/save-firm", json!({ "firm_id": firm, "name": "广东新桥明理律师事务所" })).await;
    assert_eq!(status, StatusCode::OK, "{register}");
    assert_eq!(find(&register, lawyer)["firm"], "广东新桥明理律师事务所");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_events WHERE action IN ('lawyer_change', 'firm_change')").await,
        4
    );
}

#[tokio::test]
async fn bad_register_values_are_refused_with_nothing_written() {
    let app = spawn_app().await;
    let staff = app.staff_client("staff").await;
    let (lawyer, other) =
        (app.count("SELECT MIN(id) FROM lawyers").await, app.count("SELECT MAX(id) FROM lawyers").await);
    let taken: String = sqlx::query_scalar("SELECT licence_no FROM lawyers WHERE id = $1")
        .bind(other)
        .fetch_one(&app.store.pool)
        .await
        .expect("licence");
    let firm = app.count("SELECT MIN(id) FROM law_firms").await;
    let firm_name: String = sqlx::query_scalar("SELECT name FROM law_firms WHERE id = $1")
        .bind(firm + 1)
        .fetch_one(&app.store.pool)
        .await
        .expect("firm");
    let snapshot = || async {
        let row: (i64, String) = sqlx::query_as(
            "SELECT (SELECT COUNT(*) FROM law_firms), (SELECT name || licence_no || firm_id FROM lawyers WHERE id = $1)",
        )
        .bind(lawyer)
        .fetch_one(&app.store.pool)
        .await
        .expect("snapshot");
        row
    };
    let before = snapshot().await;
    let good = json!({ "lawyer_id": lawyer, "name": "某律师", "firm_id": firm, "licence_no": "14403202688888888", "verified": true });
    let with = |key: &str, value: Value| {
        let mut body = good.clone();
        body[key] = value;
        body
    };
    let cases = [
        ("staff/save-lawyer", with("name", json!(" ")), StatusCode::UNPROCESSABLE_ENTITY, "姓名须为1到40个字"),
        (
            "staff/save-lawyer",
            with("licence_no", json!("1440320")),
            StatusCode::UNPROCESSABLE_ENTITY,
            "执业证号须为17位数字",
        ),
        ("staff/save-lawyer", with("firm_id", json!(999_999)), StatusCode::UNPROCESSABLE_ENTITY, "请选择律师事务所"),
        ("staff/save-lawyer", with("licence_no", json!(taken)), StatusCode::CONFLICT, "该执业证号已登记给其他律师"),
        ("staff/save-lawyer", with("lawyer_id", json!(999_999)), StatusCode::NOT_FOUND, ""),
        ("staff/save-firm", json!({ "name": "" }), StatusCode::UNPROCESSABLE_ENTITY, "律师事务所须为1到80个字"),
        (
            "staff/save-firm",
            json!({ "name": "某所", "address": "路".repeat(201) }),
            StatusCode::UNPROCESSABLE_ENTITY,
            "地址不超过200字",
        ),
        ("staff/save-firm", json!({ "firm_id": firm, "name": firm_name }), StatusCode::CONFLICT, "已有同名律师事务所"),
        ("staff/save-firm", json!({ "firm_id": 999_999, "name": "无此所" }), StatusCode::NOT_FOUND, ""),
        ("staff/lawyers", json!({ "text": "查".repeat(101) }), StatusCode::UNPROCESSABLE_ENTITY, "筛选条件不超过100字"),
    ];
    for (path, body, expected, message) in cases {
        let (status, answer) = app.post_with(&staff, path, body.clone()).await;
        assert_eq!(status, expected, "{path} {body}: {answer}");
        if !message.is_empty() {
            assert_eq!(answer["message"], message, "{path} {body}");
        }
    }
    assert_eq!(snapshot().await, before, "nothing written");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_events WHERE action IN ('lawyer_change', 'firm_change')").await,
        0
    );

    // A street's staff do not keep the register.
    let street = app.staff_client("shajing").await;
    let (status, answer) = app.post_with(&street, "staff/save-lawyer", good).await;
    assert_eq!((status, answer["message"].as_str()), (StatusCode::FORBIDDEN, Some("此项工作由区司法局办理")));
    assert_eq!(app.post_with(&street, "staff/lawyers", json!({ "text": "" })).await.0, StatusCode::FORBIDDEN);
    assert_eq!(snapshot().await, before);
}

#[tokio::test]
async fn staff_add_and_remove_a_lawyers_team_members() {
    let app = spawn_app().await;
    let staff = app.staff_client("staff").await;
    let lawyer =
        app.count("SELECT l.id FROM lawyers l JOIN users u ON u.id = l.user_id WHERE u.login = 'lawyer'").await;
    let add = json!({ "lawyer_id": lawyer, "name": " 赵专家 ", "kind": "expert" });
    let (status, register) = app.post_with(&staff, "staff/add-member", add).await;
    assert_eq!(status, StatusCode::OK, "{register}");
    let members = find(&register, lawyer)["members"].as_array().expect("members").clone();
    let names: Vec<&str> = members.iter().filter_map(|m| m["name"].as_str()).collect();
    assert_eq!(names, ["林晓", "何志愿", "赵专家"]);
    assert_eq!((members[0]["signs_in"].as_bool(), members[2]["signs_in"].as_bool()), (Some(true), Some(false)));
    // Residents see the new member on the community's page.
    let houting = app.community("后亭社区").await;
    let (_, community) = app.post("directory/community", json!({ "community_id": houting })).await;
    assert!(community["members"].as_array().is_some_and(|m| m.iter().any(|m| m["name"] == "赵专家")), "{community}");

    // The assistant taken off the team no longer works the lawyer's desk.
    let assistant = app.staff_client("assistant").await;
    assert_eq!(app.post_with(&assistant, "duty/lawyers", json!({})).await.1.as_array().map(Vec::len), Some(1));
    let (status, register) =
        app.post_with(&staff, "staff/remove-member", json!({ "member_id": members[0]["id"] })).await;
    assert_eq!(status, StatusCode::OK, "{register}");
    assert_eq!(find(&register, lawyer)["members"].as_array().map(Vec::len), Some(2));
    assert_eq!(app.post_with(&assistant, "duty/lawyers", json!({})).await.1.as_array().map(Vec::len), Some(0));
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_events WHERE action IN ('member_add', 'member_remove')").await, 2);

    // Bad values and unknown records change nothing.
    let before = app.count("SELECT COUNT(*) FROM team_members").await;
    for (body, expected) in [
        (json!({ "lawyer_id": lawyer, "name": "", "kind": "expert" }), StatusCode::UNPROCESSABLE_ENTITY),
        (json!({ "lawyer_id": lawyer, "name": "某人", "kind": "boss" }), StatusCode::UNPROCESSABLE_ENTITY),
        (json!({ "lawyer_id": 999_999, "name": "某人", "kind": "expert" }), StatusCode::NOT_FOUND),
    ] {
        assert_eq!(app.post_with(&staff, "staff/add-member", body.clone()).await.0, expected, "{body}");
    }
    assert_eq!(
        app.post_with(&staff, "staff/remove-member", json!({ "member_id": 999_999 })).await.0,
        StatusCode::NOT_FOUND
    );
    let street = app.staff_client("shajing").await;
    let add = json!({ "lawyer_id": lawyer, "name": "某人", "kind": "expert" });
    assert_eq!(app.post_with(&street, "staff/add-member", add).await.0, StatusCode::FORBIDDEN);
    assert_eq!(app.count("SELECT COUNT(*) FROM team_members").await, before);
}
