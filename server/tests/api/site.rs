//! The two front ends: the residents' app everywhere, the workbench under `/desk/`.

use crate::helpers::spawn_app_with;

/// A site folder with a marked `index.html` for each front end.
fn fake_site() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("fai-site-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("desk")).expect("site folder");
    std::fs::write(dir.join("index.html"), "<!DOCTYPE html><title>residents</title>").expect("index");
    std::fs::write(dir.join("desk/index.html"), "<!DOCTYPE html><title>workbench</title>").expect("desk index");
    dir
}

#[tokio::test]
async fn workbench_pages_get_the_workbench_and_every_other_page_the_residents_app() {
    let site = fake_site();
    let app = spawn_app_with(|c| c.site_dir = site.clone()).await;
    for (path, front_end) in [
        ("/", "residents"),
        ("/communities/4/book", "residents"),
        ("/desktop", "residents"),
        ("/desk", "workbench"),
        ("/desk/", "workbench"),
        ("/desk/sign-in", "workbench"),
    ] {
        let response = app.client.get(format!("{}{path}", app.address)).send().await.expect("request");
        assert_eq!(response.status(), 200, "{path}");
        assert_eq!(response.headers()["cache-control"], "no-cache", "{path}: pages are revalidated");
        let body = response.text().await.expect("body");
        assert!(body.contains(&format!("<title>{front_end}</title>")), "{path}: {body}");
    }
    let missing = app.client.get(format!("{}/desk/nothing.wasm", app.address)).send().await.expect("request");
    assert_eq!(missing.status(), 404);
}
