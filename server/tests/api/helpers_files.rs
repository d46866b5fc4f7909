//! Helpers for uploads and downloads: a file sent as a client would, and the blob store counted.

use crate::helpers::{read, TestApp};
use reqwest::StatusCode;
use serde_json::Value;

impl TestApp {
    /// Uploads `bytes` as a file named `name` with `client`.
    pub async fn upload(&self, client: &reqwest::Client, name: &str, bytes: Vec<u8>) -> (StatusCode, Value) {
        let response = client
            .post(format!("{}/api/files/upload", self.address))
            .query(&[("name", name)])
            .body(bytes)
            .send()
            .await
            .expect("upload");
        read(response).await
    }

    /// Uploads and returns the new file's token, asserting it was accepted.
    pub async fn uploaded(&self, client: &reqwest::Client, name: &str, bytes: Vec<u8>) -> String {
        let (status, body) = self.upload(client, name, bytes).await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        body["token"].as_str().expect("token").to_owned()
    }

    /// GETs `/files/<token><query>` with `client`.
    pub async fn download(&self, client: &reqwest::Client, token: &str, query: &str) -> reqwest::Response {
        client.get(format!("{}/files/{token}{query}", self.address)).send().await.expect("download")
    }

    /// Files in the blob store (thumbnails included).
    pub fn stored_blobs(&self) -> usize {
        fn count(dir: &std::path::Path) -> usize {
            std::fs::read_dir(dir).map_or(0, |entries| {
                entries.flatten().map(|e| if e.path().is_dir() { count(&e.path()) } else { 1 }).sum()
            })
        }
        count(&self.data_dir.join("files"))
    }
}
