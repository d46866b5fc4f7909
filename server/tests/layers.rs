//! The server's top-level modules and the imports between them (`crate::…` paths, as written in
//! `server/src`). The rule is one direction: three layers (`LAYERS`), each importing only itself
//! and the layers below, no import circle anywhere, and no feature reaching into another's
//! submodules (docs/ARCHITECTURE.md).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers, lowest first. A module imports modules of its own layer or a lower one, never a
/// higher one, and never in a circle; a new top-level module must be placed in one of them.
const LAYERS: [(&str, &[&str]); 3] = [
    (
        "low: state-free helpers, the store and the rules every feature applies",
        &[
            "audit",
            "calendar",
            "caller",
            "config",
            "failure",
            "heavy",
            "markdown",
            "scope",
            "sms",
            "store",
            "telemetry",
            "text",
            "webhooks",
            "wechat",
        ],
    ),
    (
        "features: each answers its endpoints with plain functions",
        &[
            "admin",
            "articles",
            "assisted",
            "auth",
            "board",
            "booking",
            "directory",
            "duty",
            "evaluation",
            "feedback",
            "files",
            "incidents",
            "library",
            "points",
            "privacy",
            "questions",
            "quizzes",
            "referrals",
        ],
    ),
    ("top: wiring, HTTP, commands and data loaders", &["commands", "demo", "generate", "http", "startup", "state"]),
];

fn source_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("server/src").flatten() {
        let path = entry.path();
        if path.is_dir() {
            source_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every module named after `crate::` in `text`, including those in `crate::{a, b}` lists.
fn named_modules(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (at, _) in text.match_indices("crate::") {
        let rest = &text[at + "crate::".len()..];
        if let Some(list) = rest.strip_prefix('{') {
            let inner = list.split('}').next().unwrap_or_default();
            out.extend(inner.split(',').map(|part| identifier(part.trim())));
        } else {
            out.insert(identifier(rest));
        }
    }
    out
}

fn identifier(text: &str) -> String {
    text.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect()
}

#[test]
fn modules_import_down_the_layers_and_never_in_a_circle() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    source_files(&root, &mut files);
    // A top-level module is a file or folder of src/, but for the crate's roots and binaries.
    let top = |path: &Path| -> Option<String> {
        let first = path.strip_prefix(&root).ok()?.components().next()?.as_os_str().to_str()?.to_owned();
        let name = first.trim_end_matches(".rs").to_owned();
        (!matches!(name.as_str(), "lib" | "main" | "bin")).then_some(name)
    };
    let modules: BTreeSet<String> = files.iter().filter_map(|f| top(f)).collect();
    let mut imports: BTreeMap<String, BTreeSet<String>> =
        modules.iter().map(|m| (m.clone(), BTreeSet::new())).collect();
    for file in &files {
        let Some(from) = top(file) else { continue };
        let text = std::fs::read_to_string(file).expect("source");
        for to in named_modules(&text) {
            if to != from && modules.contains(&to) {
                imports.entry(from.clone()).or_default().insert(to);
            }
        }
    }
    // What each module reaches, through any number of imports.
    let mut reach = imports.clone();
    loop {
        let mut grown = false;
        for module in &modules {
            let through: BTreeSet<String> = reach[module].iter().flat_map(|m| reach[m].clone()).collect();
            let entry = reach.entry(module.clone()).or_default();
            let before = entry.len();
            entry.extend(through);
            grown |= entry.len() > before;
        }
        if !grown {
            break;
        }
    }
    let in_circle: Vec<&String> = modules.iter().filter(|m| reach[*m].contains(*m)).collect();
    assert!(in_circle.is_empty(), "these modules import in a circle: {in_circle:?}");
    let layer_of = |module: &str| LAYERS.iter().position(|(_, members)| members.contains(&module));
    for module in &modules {
        let Some(layer) = layer_of(module) else { panic!("place module `{module}` in one of LAYERS") };
        for to in &imports[module] {
            let below = layer_of(to).is_some_and(|l| l <= layer);
            assert!(below, "`{module}` ({}) imports `{to}`, a higher layer", LAYERS[layer].0);
        }
    }
}

/// The submodules of another feature that `text` names (`crate::booking::calendar_store::…`).
fn reached_internals(text: &str, feature: &str, features: &[&str], root: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices("crate::") {
        let path: String = text[at + "crate::".len()..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == ':')
            .collect();
        let mut parts = path.split("::");
        let (Some(other), Some(next)) = (parts.next(), parts.next()) else { continue };
        // `crate::files::{a, b}` names each of a list.
        let names: Vec<String> = if next.is_empty() {
            let rest = &text[at + "crate::".len() + path.len()..];
            let list = rest.strip_prefix('{').and_then(|r| r.split('}').next()).unwrap_or_default();
            list.split(',').map(|part| identifier(part.trim())).collect()
        } else {
            vec![next.to_owned()]
        };
        for inner in names.iter().filter(|n| !n.is_empty()) {
            let submodule =
                root.join(other).join(format!("{inner}.rs")).exists() || root.join(other).join(inner).is_dir();
            if other != feature && features.contains(&other) && submodule {
                out.push(format!("{other}::{inner}"));
            }
        }
    }
    out
}

#[test]
fn a_feature_uses_only_what_another_feature_offers_at_its_top() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let features = LAYERS[1].1;
    let mut files = Vec::new();
    source_files(&root, &mut files);
    let mut reached = Vec::new();
    for file in &files {
        let Some(feature) = file.strip_prefix(&root).ok().and_then(|p| p.iter().next()).and_then(|p| p.to_str()) else {
            continue;
        };
        let feature = feature.trim_end_matches(".rs");
        if !features.contains(&feature) {
            continue;
        }
        let text = std::fs::read_to_string(file).expect("source");
        for inner in reached_internals(&text, feature, features, &root) {
            reached.push(format!("{} reaches into {inner}", file.display()));
        }
    }
    assert!(reached.is_empty(), "re-export what other features need at the feature's top: {reached:#?}");
}

/// The files that may wrap a string as HTML to print unescaped: the renderer, the readers of
/// what it stored, and the model's reading of a lawyer's message.
const MAKE_SAFE_HTML: &[&str] =
    &["server/src/markdown.rs", "server/src/articles.rs", "server/src/questions/faq.rs", "app/src/model/questions.rs"];

#[test]
fn only_the_renderer_and_its_readers_make_safe_html() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("workspace");
    let mut files = Vec::new();
    source_files(&root.join("server/src"), &mut files);
    source_files(&root.join("app/src"), &mut files);
    let mut makers: Vec<String> = files
        .iter()
        .filter(|f| std::fs::read_to_string(f).expect("source").contains("SafeHtml::from_sanitiser("))
        .map(|f| f.strip_prefix(root).expect("in the workspace").to_string_lossy().into_owned())
        .collect();
    makers.sort();
    let mut allowed: Vec<String> = MAKE_SAFE_HTML.iter().map(|s| (*s).to_owned()).collect();
    allowed.sort();
    assert_eq!(makers, allowed, "only the Markdown renderer and the readers of what it stored make SafeHtml");
}

#[test]
fn module_names_are_read_from_paths_and_lists() {
    let names = named_modules(
        "use crate::store::{now_ms, Store};\nuse crate::{audit, auth::internal};\n crate::booking::today()",
    );
    assert_eq!(names, ["audit", "auth", "booking", "store"].into_iter().map(String::from).collect());
}
