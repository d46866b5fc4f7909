//! `GET /api/openapi.json`: the OpenAPI 3.1 document of the API, built from the endpoint
//! declarations the router is built from (path, roles, doc comment, request and answer types),
//! so an endpoint cannot be served and left out of it. The few routes that are not JSON
//! endpoints (the upload, the board's exports) are described by hand below.

use crate::caller::SESSION_COOKIE;
use crate::http::routes::operations;
use app::api::Access;
use app::error::AppError;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use schemars::generate::SchemaSettings;
use schemars::Schema;
use serde_json::{json, Map, Value};
use std::sync::LazyLock;

/// One declared endpoint, as the document describes it.
#[derive(Debug)]
pub struct Operation {
    pub path: &'static str,
    pub access: Access,
    pub doc: &'static str,
    pub request: Schema,
    pub response: Schema,
}

/// The document, built once.
static DOCUMENT: LazyLock<Vec<u8>> = LazyLock::new(|| serde_json::to_vec(&document()).unwrap_or_default());

/// Serves the document.
pub async fn serve() -> Response {
    ([(header::CONTENT_TYPE, HeaderValue::from_static("application/json"))], DOCUMENT.as_slice()).into_response()
}

/// The whole document.
pub fn document() -> Value {
    let mut generator =
        SchemaSettings::draft2020_12().with(|s| s.definitions_path = "/components/schemas".into()).into_generator();
    let error = generator.subschema_for::<AppError>();
    let mut paths = Map::new();
    for operation in operations(&mut generator) {
        paths.insert(operation.path.to_owned(), json!({ "post": post(&operation, &error) }));
    }
    paths.extend(by_hand(&error));
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "法i社区 API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Every endpoint is POST with a JSON body ({} when it takes nothing) and answers JSON; \
                an error is an AppError with the status of its kind. docs/API.md explains the rules each endpoint keeps.",
        },
        "paths": paths,
        "components": {
            "schemas": generator.take_definitions(true),
            "securitySchemes": {
                "session": { "type": "apiKey", "in": "cookie", "name": SESSION_COOKIE },
                "apiKey": { "type": "http", "scheme": "bearer",
                    "description": "A partner system's key, issued by an admin (admin/save-api-key)." },
            },
        },
    })
}

/// A declared endpoint's `post` operation.
fn post(operation: &Operation, error: &Schema) -> Value {
    let (summary, description) = operation.doc.trim().split_once('\n').unwrap_or((operation.doc.trim(), ""));
    let scopes: Vec<&str> = crate::auth::api_keys::SCOPE_PATHS
        .iter()
        .filter(|(_, paths)| paths.contains(&operation.path))
        .map(|(scope, _)| *scope)
        .collect();
    let mut security = match operation.access {
        Access::Anyone => vec![json!({}), json!({ "session": [] })],
        _ => vec![json!({ "session": [] })],
    };
    if !scopes.is_empty() {
        security.push(json!({ "apiKey": [] }));
    }
    json!({
        "operationId": operation.path.trim_start_matches("/api/").replace(['/', '-'], "_"),
        "summary": summary.trim(),
        "description": description.split_whitespace().collect::<Vec<_>>().join(" "),
        "x-access": access(operation.access),
        "x-api-key-scopes": scopes,
        "security": security,
        "requestBody": { "required": true, "content": { "application/json": { "schema": operation.request } } },
        "responses": {
            "200": { "description": "Done.", "content": { "application/json": { "schema": operation.response } } },
            "default": { "description": "Refused: see the error's kind.", "content": { "application/json": { "schema": error } } },
        },
    })
}

/// Who may call, in words and role names.
fn access(access: Access) -> Value {
    match access {
        Access::Anyone => json!("anyone"),
        Access::SignedIn => json!("signed_in"),
        Access::District => json!("district_staff_and_admins"),
        Access::Roles(roles) => json!(roles.iter().map(|r| r.as_str()).collect::<Vec<_>>()),
    }
}

/// The routes under `/api/` that are not JSON endpoints.
fn by_hand(error: &Schema) -> Map<String, Value> {
    let refused = json!({ "description": "Refused.", "content": { "application/json": { "schema": error } } });
    let export = |format: &str, media: &str| {
        json!({ "get": {
            "operationId": format!("staff_board_{format}"),
            "summary": format!("The coverage board as {format}: a row per community, or per lawyer, or per kind of referral and special group, or per special group, or per emergency team."),
            "x-access": ["staff", "admin"],
            "security": [{ "session": [] }],
            "parameters": [
                { "name": "from", "in": "query", "required": true, "schema": { "type": "string", "format": "date" } },
                { "name": "to", "in": "query", "required": true, "schema": { "type": "string", "format": "date" } },
                { "name": "street", "in": "query", "schema": { "type": "integer" } },
                { "name": "by", "in": "query", "schema": { "enum": ["lawyer", "referral", "group", "incident"] } },
            ],
            "responses": { "200": { "description": "The file.", "content": { media: {} } }, "default": refused },
        }})
    };
    let mut paths = Map::new();
    paths.insert(
        "/api/files/upload".to_owned(),
        json!({ "post": {
            "operationId": "files_upload",
            "summary": "Uploads one file (multipart, field `file`); answers its token.",
            "x-access": "signed_in",
            "security": [{ "session": [] }],
            "requestBody": { "required": true, "content": { "multipart/form-data": {} } },
            "responses": { "200": { "description": "Stored." }, "default": refused },
        }}),
    );
    const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    paths.insert("/api/staff/board.csv".to_owned(), export("csv", "text/csv"));
    paths.insert("/api/staff/board.xlsx".to_owned(), export("xlsx", XLSX));
    paths.insert("/api/staff/scorecards.csv".to_owned(), scorecards("csv", "text/csv", &refused));
    paths.insert("/api/staff/scorecards.xlsx".to_owned(), scorecards("xlsx", XLSX, &refused));
    paths
}

/// The yearly evaluation's export as `format`.
fn scorecards(format: &str, media: &str, refused: &Value) -> Value {
    json!({ "get": {
        "operationId": format!("staff_scorecards_{format}"),
        "summary": format!("The lawyers' yearly evaluation as {format}: a row per lawyer in scope with the card's figures, the score's parts, the conclusion and the lawyer's answer."),
        "x-access": ["staff", "admin"],
        "security": [{ "session": [] }],
        "parameters": [
            { "name": "year", "in": "query", "required": true, "schema": { "type": "integer" } },
            { "name": "street", "in": "query", "schema": { "type": "integer" } },
        ],
        "responses": { "200": { "description": "The file.", "content": { media: {} } }, "default": refused },
    }})
}
