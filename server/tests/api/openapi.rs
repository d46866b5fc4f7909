//! The API document at `/api/openapi.json`: every endpoint the router serves is in it with who may
//! call it, its request and its answer, and every schema it names is in it too.

use crate::helpers::spawn_app;
use app::api::Access;
use reqwest::StatusCode;
use serde_json::Value;

/// Every `$ref` under `value`.
fn refs<'a>(value: &'a Value, found: &mut Vec<&'a str>) {
    match value {
        Value::Object(fields) => {
            for (name, item) in fields {
                match (name.as_str(), item) {
                    ("$ref", Value::String(target)) => found.push(target),
                    _ => refs(item, found),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|item| refs(item, found)),
        _ => {}
    }
}

#[tokio::test]
async fn the_api_document_has_every_endpoint_and_every_schema_it_names() {
    let app = spawn_app().await;
    let response = app.client.get(format!("{}/api/openapi.json", app.address)).send().await.expect("document");
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["content-type"], "application/json");
    let document: Value = response.json().await.expect("json");
    assert_eq!(document["openapi"], "3.1.0");
    let paths = document["paths"].as_object().expect("paths");

    for (path, access) in server::http::routes::DECLARED {
        let operation = &paths.get(*path).unwrap_or_else(|| panic!("{path} is missing"))["post"];
        let roles = match access {
            Access::Anyone => Value::from("anyone"),
            Access::SignedIn => Value::from("signed_in"),
            Access::District => Value::from("district_staff_and_admins"),
            Access::Roles(roles) => roles.iter().map(|r| r.as_str()).collect(),
        };
        assert_eq!(operation["x-access"], roles, "{path}");
        assert!(operation["summary"].as_str().is_some_and(|s| !s.is_empty()), "{path} says what it does");
        let request = &operation["requestBody"]["content"]["application/json"]["schema"];
        let answer = &operation["responses"]["200"]["content"]["application/json"]["schema"];
        assert!(request.is_object() && answer.is_object(), "{path}: {operation}");
    }
    let exports =
        ["/api/staff/board.csv", "/api/staff/board.xlsx", "/api/staff/scorecards.csv", "/api/staff/scorecards.xlsx"];
    for route in ["/api/files/upload"].into_iter().chain(exports) {
        assert!(paths.contains_key(route), "{route}, served outside the declarations, is described too");
    }
    assert_eq!(paths.len(), server::http::routes::DECLARED.len() + 5, "and nothing that is not served");

    // What a partner's key may call says so.
    let queue = &paths["/api/referrals/queue"]["post"];
    assert_eq!(queue["x-api-key-scopes"], serde_json::json!(["referrals:read"]));
    assert!(queue["security"].to_string().contains("apiKey"));
    assert!(!paths["/api/referrals/mine"]["post"]["security"].to_string().contains("apiKey"));

    // Every schema a request or an answer names is defined.
    let schemas = document["components"]["schemas"].as_object().expect("schemas");
    let mut found = Vec::new();
    refs(&document, &mut found);
    assert!(found.len() > 100, "the types are named, not inlined: {}", found.len());
    for target in found {
        let name = target.strip_prefix("#/components/schemas/").unwrap_or_else(|| panic!("{target}"));
        assert!(schemas.contains_key(name), "{target} is not defined");
    }
    let booking = &schemas["BookRequest"];
    assert!(booking["required"].to_string().contains("community_id"), "{booking}");
}
