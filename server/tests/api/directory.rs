use crate::helpers::spawn_app;
use reqwest::StatusCode;
use serde_json::{json, Value};

#[tokio::test]
async fn the_district_lists_its_ten_streets_with_their_communities() {
    let app = spawn_app().await;
    let (status, streets) = app.post("directory/streets", json!({})).await;
    assert_eq!(status, StatusCode::OK);
    let streets = streets.as_array().expect("list");
    let names: Vec<&str> = streets.iter().filter_map(|s| s["name"].as_str()).collect();
    assert_eq!(
        names,
        [
            "新安街道",
            "西乡街道",
            "航城街道",
            "福永街道",
            "福海街道",
            "沙井街道",
            "新桥街道",
            "松岗街道",
            "燕罗街道",
            "石岩街道"
        ]
    );
    let total: i64 = streets.iter().filter_map(|s| s["community_count"].as_i64()).sum();
    assert_eq!(total, 65);

    let shajing = streets.iter().find(|s| s["name"] == "沙井街道").expect("沙井街道");
    let (_, communities) = app.post("directory/communities", json!({ "street_id": shajing["id"] })).await;
    let names: Vec<&str> = communities.as_array().expect("list").iter().filter_map(|c| c["name"].as_str()).collect();
    assert!(names.contains(&"后亭社区"), "{names:?}");
    assert_eq!(names.len(), 7);
}

#[tokio::test]
async fn a_community_shows_its_current_a_b_and_coordinator_lawyers_and_team() {
    let app = spawn_app().await;
    let (_, found) = app.post("directory/communities", json!({ "query": "后亭" })).await;
    assert_eq!(found.as_array().map(Vec::len), Some(1));
    let (status, community) = app.post("directory/community", json!({ "community_id": found[0]["id"] })).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(community["street_name"], "沙井街道");
    let roles: Vec<&str> =
        community["lawyers"].as_array().expect("lawyers").iter().filter_map(|l| l["role"].as_str()).collect();
    assert_eq!(roles, ["a", "b", "coordinator"], "last year's A lawyer is history, not team");
    let a: &Value = &community["lawyers"][0];
    assert!(a["firm"].as_str().is_some_and(|f| f.ends_with("律师事务所")));
    assert!(a["languages"].as_array().is_some_and(|l| l.contains(&json!("普通话"))));
    let members: Vec<&str> =
        community["members"].as_array().expect("members").iter().filter_map(|m| m["kind"].as_str()).collect();
    assert_eq!(members, ["律师助理", "志愿者"]);
}

#[tokio::test]
async fn unknown_streets_and_communities_are_404() {
    let app = spawn_app().await;
    assert_eq!(app.post("directory/community", json!({ "community_id": 424242 })).await.0, StatusCode::NOT_FOUND);
    assert_eq!(app.post("directory/communities", json!({ "street_id": 424242 })).await.0, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_store_migrates_once_and_reopens_cleanly() {
    let app = spawn_app().await;
    let url = app.store.pool.connect_options().database_url.to_string();
    let again = server::store::Store::open(&url, Some(2)).await.expect("reopen");
    let versions: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations").fetch_one(&again.pool).await.expect("count");
    assert_eq!(versions, (server::store::migrations::FILES.len() + server::store::migrations::BY_BACKEND.len()) as i64);
    let loaded = server::demo::load_if_empty(&again, &app.files.blobs).await.expect("demo check");
    assert!(!loaded, "demo data is loaded only into an empty database");
}
