//! The built front ends: precompressed files, long caching for hashed names, and the SPA fallback
//! that answers every page path with its front end's `index.html`: the workbench's under
//! `/desk/`, the residents' everywhere else.

use axum::extract::{Request, State};
use axum::handler::Handler;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Router;
use base64::Engine;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use tower::ServiceExt;
use tower_http::services::{ServeDir, ServeFile};

/// Where the workbench is served (its build sits in `site_dir/desk/`).
pub const WORKBENCH_PREFIX: &str = "/desk";

/// The front end a page path belongs to: its `index.html` under `site_dir`.
pub fn index_for(site_dir: &Path, path: &str) -> PathBuf {
    let workbench = path.strip_prefix(WORKBENCH_PREFIX).is_some_and(|rest| rest.is_empty() || rest.starts_with('/'));
    if workbench {
        site_dir.join("desk").join("index.html")
    } else {
        site_dir.join("index.html")
    }
}

/// Serves `site_dir`; paths that look like pages get their front end's `index.html`, missing
/// files 404.
pub fn service(site_dir: &Path) -> Router {
    let fallback = spa_fallback.with_state(site_dir.to_path_buf());
    let files = ServeDir::new(site_dir).precompressed_br().precompressed_gzip().fallback(fallback);
    Router::new().fallback_service(files).layer(axum::middleware::from_fn(cache_headers))
}

async fn spa_fallback(State(site_dir): State<PathBuf>, request: Request) -> Response {
    let path = request.uri().path();
    let last = path.rsplit('/').next().unwrap_or("");
    if last.contains('.') || path.starts_with("/api/") {
        return (StatusCode::NOT_FOUND, "not found").into_response();
    }
    let index = index_for(&site_dir, path);
    match ServeFile::new(index).precompressed_br().precompressed_gzip().oneshot(request).await {
        Ok(response) => no_cache(response.into_response()),
        Err(never) => match never {},
    }
}

fn no_cache(mut response: Response) -> Response {
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}

/// Hashed assets never change: cache them for a year. Everything else is revalidated.
async fn cache_headers(request: Request, next: Next) -> Response {
    let hashed = is_hashed(request.uri().path());
    let mut response = next.run(request).await;
    if response.status().is_success() && !response.headers().contains_key(header::CACHE_CONTROL) {
        let value = if hashed { "public, max-age=31536000, immutable" } else { "no-cache" };
        response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    }
    response
}

/// Whether a file name carries a content hash, as `app-1a2b3c4d5e6f7a8b_bg.wasm` does.
fn is_hashed(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or("");
    name.rsplit_once('-').is_some_and(|(_, tail)| {
        let hash: String = tail.chars().take_while(char::is_ascii_hexdigit).collect();
        hash.len() >= 12
    })
}

/// The first stylesheet `index.html` links (its name carries the build's hash).
pub fn stylesheet(html: &str) -> Option<String> {
    html.split("<link").skip(1).find_map(|tail| {
        let tag = &tail[..tail.find('>')?];
        if !tag.contains("stylesheet") {
            return None;
        }
        let href = &tag[tag.find("href=\"")? + 6..];
        let href = &href[..href.find('"')?];
        (href.starts_with('/') && href.ends_with(".css")).then(|| href.to_owned())
    })
}

/// The CSP hashes (`sha256-…`) of the inline `<script>` and `<style>` blocks of `index.html`.
pub fn inline_hashes(html: &str) -> (Vec<String>, Vec<String>) {
    (blocks(html, "script"), blocks(html, "style"))
}

fn blocks(html: &str, tag: &str) -> Vec<String> {
    let open = format!("<{tag}");
    let close = format!("</{tag}>");
    let mut hashes = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find(&open) {
        let after = &rest[start..];
        let Some(tag_end) = after.find('>') else {
            break;
        };
        let Some(body_end) = after.find(&close) else {
            break;
        };
        let attributes = &after[..tag_end];
        let body = &after[tag_end + 1..body_end.max(tag_end + 1)];
        if !attributes.contains(" src=") && !body.trim().is_empty() {
            let digest = Sha256::digest(body.as_bytes());
            hashes.push(format!("sha256-{}", base64::engine::general_purpose::STANDARD.encode(digest)));
        }
        rest = &after[body_end + close.len()..];
    }
    hashes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_residents_stylesheet() {
        let html = "<link rel=\"manifest\" href=\"/m.webmanifest\"/><link rel=\"stylesheet\" href=\"/resident-0a1b2c3d4e5f6a7b.css\" />";
        assert_eq!(stylesheet(html).as_deref(), Some("/resident-0a1b2c3d4e5f6a7b.css"));
        assert_eq!(stylesheet("<title>x</title>"), None);
        assert_eq!(stylesheet("<link rel=\"stylesheet\" href=\"https://evil.example/x.css\">"), None);
    }

    #[test]
    fn recognises_hashed_asset_names() {
        assert!(is_hashed("/app-1a2b3c4d5e6f7a8b_bg.wasm"));
        assert!(is_hashed("/style-0123456789abcdef.css"));
        assert!(is_hashed("/app-13d4b8990b301aa_bg.wasm"), "trunk drops leading zeros");
        assert!(!is_hashed("/index.html"));
        assert!(!is_hashed("/sw.js"));
        assert!(!is_hashed("/icons/icon-192.png"));
    }

    #[test]
    fn workbench_paths_get_the_workbench() {
        let site = Path::new("/site");
        assert_eq!(index_for(site, "/desk"), Path::new("/site/desk/index.html"));
        assert_eq!(index_for(site, "/desk/sign-in"), Path::new("/site/desk/index.html"));
        assert_eq!(index_for(site, "/desktop"), Path::new("/site/index.html"));
        assert_eq!(index_for(site, "/communities/4"), Path::new("/site/index.html"));
    }

    #[test]
    fn hashes_inline_blocks_but_not_external_scripts() {
        let html = r#"<style>body{}</style><script src="/a.js"></script><script type="module">boot()</script>"#;
        let (scripts, styles) = inline_hashes(html);
        assert_eq!(scripts.len(), 1);
        assert_eq!(styles.len(), 1);
        assert!(scripts[0].starts_with("sha256-"));
    }
}
