//! Hostile requests on every endpoint, as every role: each body names the fields requests carry,
//! all set to one hostile value of their type (the extremes of a number, far dates, NUL, long
//! text, markup, paths, wrong types, deep nesting). None may answer 5xx. The test prints how many
//! it sent.

use crate::helpers::{spawn_app, TestApp};
use crate::matrix::signed_in;
use reqwest::Client;
use serde_json::{json, Map, Value};

/// Fields that hold a number: ids, counts, instants, ratings.
const NUMBERS: [&str; 25] = [
    "community_id",
    "id",
    "lawyer_id",
    "street_id",
    "booking_id",
    "question_id",
    "firm_id",
    "duty_id",
    "document_id",
    "correction_id",
    "member_id",
    "resident_id",
    "leave_id",
    "article_id",
    "before_id",
    "rating",
    "people_served",
    "slot_start",
    "publish_at",
    "weekday",
    "seats",
    "slot_minutes",
    "duty_days_per_month",
    "version",
    "sort_order",
];
/// Fields that hold text: names, dates, months, codes, free text.
const TEXTS: [&str; 34] = [
    "name",
    "category",
    "reason",
    "title",
    "role",
    "note",
    "served_on",
    "token",
    "summary",
    "start",
    "end",
    "office_address",
    "kind",
    "body",
    "topic",
    "starts_on",
    "ends_on",
    "query",
    "phone",
    "month",
    "login",
    "password",
    "code",
    "comment",
    "date",
    "from",
    "to",
    "theme",
    "subject",
    "csv",
    "workbook",
    "client_key",
    "action",
    "channel",
];

/// Hostile numbers.
fn numbers() -> Vec<Value> {
    vec![json!(i64::MAX), json!(i64::MIN), json!(-1), json!(0), json!(1e308), json!(u64::MAX), json!("1"), json!(null)]
}

/// Hostile text.
fn texts() -> Vec<Value> {
    vec![
        json!(""),
        json!("9999-12-31"),
        json!("2147483647-12-31"),
        json!("0000-00-00"),
        json!("a\u{0}b"),
        json!("\u{202E}gnp.exe"),
        json!("长".repeat(5_000)),
        json!("../../etc/passwd"),
        json!("<script>alert(1)</script>"),
        json!("'; DROP TABLE users; --"),
        json!("%00%2e%2e"),
        json!(["not", "text"]),
    ]
}

/// A body with every field set to the `k`-th hostile value of its type.
fn body(k: usize) -> Value {
    let (numbers, texts) = (numbers(), texts());
    let mut fields = Map::new();
    for name in NUMBERS {
        fields.insert(name.to_owned(), numbers[k % numbers.len()].clone());
    }
    for name in TEXTS {
        fields.insert(name.to_owned(), texts[k % texts.len()].clone());
    }
    fields.insert("tags".into(), json!([texts[k % texts.len()].clone()]));
    fields.insert("write".into(), json!(k.is_multiple_of(2)));
    fields.insert("consent".into(), json!(true));
    fields.insert("position".into(), json!({ "latitude": f64::MAX, "longitude": -f64::MAX }));
    fields.insert("extra".into(), json!({ "lawyer_id": numbers[k % numbers.len()].clone(), "weekday": 99 }));
    Value::Object(fields)
}

/// Bodies that are not requests at all.
fn shapeless() -> Vec<String> {
    vec![
        String::new(),
        "null".into(),
        "[]".into(),
        "\"x\"".into(),
        "{\"a\":".into(),
        format!("{}{}", "[".repeat(5_000), "]".repeat(5_000)),
        format!("{{\"x\":\"{}\"}}", "y".repeat(70_000)),
    ]
}

async fn send(app: &TestApp, client: &Client, path: &str, body: String) -> u16 {
    let response = client
        .post(format!("{}{path}", app.address))
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .expect("an answer");
    response.status().as_u16()
}

#[tokio::test]
async fn hostile_requests_on_every_endpoint_as_every_role_never_get_a_5xx() {
    let app = spawn_app().await;
    let mut who: Vec<(&str, Client)> =
        vec![("visitor", Client::new()), ("resident", app.resident("13755550001").await)];
    for role in ["lawyer", "assistant", "staff", "shajing", "admin"] {
        who.push((role, signed_in(&app, role).await));
    }
    let mut paths: Vec<&str> = server::http::routes::DECLARED.iter().map(|(path, _)| *path).collect();
    paths.sort_unstable();
    let (mut sent, mut failures) = (0, Vec::new());
    for path in paths {
        // Signing out would end the role's session for the rest of the run.
        if path.ends_with("/sign-out") {
            continue;
        }
        for (role, client) in &who {
            let bodies = (0..12).map(|k| body(k).to_string()).chain(shapeless());
            for text in bodies {
                sent += 1;
                let status = send(&app, client, path, text).await;
                if status >= 500 {
                    failures.push(format!("{role} {path}: {status}"));
                }
            }
        }
    }
    println!("hostile requests: {sent} sent, {} answered 5xx", failures.len());
    assert!(failures.is_empty(), "{failures:#?}");
}
