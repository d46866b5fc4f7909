//! Properties of the server's parsers of client input over generated input: uploads of any
//! bytes (and of real files with bytes changed), tables as CSV or as a workbook's sheet, and
//! Markdown. None may panic; what they accept stays within their limits; nothing they render
//! can run, and links go only to web, mail and phone addresses and this site.

use proptest::prelude::*;
use server::admin::table::{csv, TableError, MAX_COLUMNS, MAX_ROWS};
use server::files::inspect::{inspect, samples};

/// The elements an article may hold.
const ALLOWED_TAGS: [&str; 27] = [
    "p",
    "em",
    "strong",
    "a",
    "ul",
    "ol",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "code",
    "pre",
    "blockquote",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "br",
    "hr",
    "del",
    "div",
    "span",
];

/// Real files of each kind, to change bytes of.
fn originals() -> Vec<Vec<u8>> {
    vec![
        samples::pdf("Letter"),
        samples::docx(&["借条", "今借到"]),
        samples::png(),
        samples::jpeg_with_location(),
        samples::office_zip(&[("[Content_Types].xml", "<Types/>".into()), ("xl/workbook.xml", "<workbook/>".into())]),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn uploads_of_any_bytes_are_judged_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = inspect(&bytes);
    }

    #[test]
    fn real_files_with_bytes_changed_are_judged_without_panic(
        which in 0usize..5,
        changes in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
        cut in any::<prop::sample::Index>(),
        truncate in any::<bool>(),
    ) {
        let mut bytes = originals().swap_remove(which);
        for (at, value) in changes {
            let at = at.index(bytes.len());
            bytes[at] = value;
        }
        if truncate {
            bytes.truncate(cut.index(bytes.len()));
        }
        if let Ok(cleaned) = inspect(&bytes) {
            prop_assert!(!cleaned.bytes.is_empty());
        }
    }

    #[test]
    fn csv_tables_stay_within_their_limits(text in "[a-z0-9,\"\\n ]{0,400}") {
        match csv(&text) {
            Ok(rows) => prop_assert!(rows.rows.len() <= MAX_ROWS + 1 && rows.rows.iter().all(|(_, c)| c.len() <= MAX_COLUMNS)),
            Err(error) => prop_assert_eq!(error, TableError::TooBig),
        }
    }

    #[test]
    fn workbooks_of_any_sheet_are_read_without_panic(sheet in "(<row( r=\"[0-9]{1,7}\")?>(<c( r=\"[A-Z]{1,3}[0-9]{1,7}\")?( t=\"s\")?><v>[0-9]{1,3}</v></c>){0,4}</row>){0,20}") {
        let book = samples::office_zip(&[
            ("xl/workbook.xml", "<workbook xmlns:r=\"r\"><sheets><sheet r:id=\"rId1\"/></sheets></workbook>".into()),
            ("xl/_rels/workbook.xml.rels", "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>".into()),
            ("xl/worksheets/sheet1.xml", format!("<worksheet><sheetData>{sheet}</sheetData></worksheet>")),
            ("xl/sharedStrings.xml", "<sst><si><t>a</t></si></sst>".into()),
        ]);
        if let Ok(rows) = server::admin::xlsx::first_sheet(&book) {
            prop_assert!(rows.rows.iter().all(|(_, cells)| cells.len() <= MAX_COLUMNS));
        }
    }

    #[test]
    fn markdown_never_renders_anything_that_runs(text in "([<>\\[\\]()!#*`\"' =/:a-z]|javascript|script|onerror|data|img|iframe|href|src|http){0,60}") {
        let html = server::markdown::render(&text).into_string();
        for tag in html.split('<').skip(1) {
            let name: String = tag.trim_start_matches('/').chars().take_while(char::is_ascii_alphanumeric).collect();
            prop_assert!(ALLOWED_TAGS.contains(&name.as_str()), "<{} in {}", name, html);
            let head = tag.split('>').next().unwrap_or_default();
            for attribute in head.split(' ').skip(1) {
                let (key, value) = attribute.split_once('=').unwrap_or((attribute, ""));
                prop_assert!(matches!(key, "href" | "title" | "rel" | "class" | "align" | "style"), "{} in {}", attribute, html);
                if key == "href" {
                    let target = value.trim_matches('"').to_lowercase();
                    let site = target.starts_with('/') && !target.starts_with("//");
                    prop_assert!(site || ["http://", "https://", "mailto:", "tel:", "#"].iter().any(|s| target.starts_with(s)), "{} in {}", attribute, html);
                }
            }
        }
    }
}
