//! `docs/PRIVACY.md`'s table, written from the data map; a test fails when the document differs.

use super::data_map::{self, Erase, Export};

/// The map as a Markdown table (the body of `docs/PRIVACY.md`).
pub fn markdown() -> String {
    let mut out = String::from(
        "| table (columns) | what | why | who sees it | goes to | kept | export | erasure |\n\
         |---|---|---|---|---|---|---|---|\n",
    );
    for held in data_map::all() {
        let export = match held.export {
            Export::Rows => "in the archive".to_owned(),
            Export::Not(why) => format!("not: {why}"),
        };
        let erase = match held.erase {
            Erase::Delete => "deleted".to_owned(),
            Erase::Anonymise => "emptied, figures kept".to_owned(),
            Erase::Keep(why) => format!("kept: {why}"),
        };
        let goes_to = if held.goes_to.is_empty() { "—" } else { held.goes_to };
        out.push_str(&format!(
            "| `{}` ({}) | {} | {} | {} | {} | {} | {} | {} |\n",
            held.table,
            held.columns.join(", "),
            held.what,
            held.why,
            held.seen_by,
            goes_to,
            held.kept,
            export,
            erase
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_privacy_document_is_the_data_map() {
        let document = include_str!("../../../docs/PRIVACY.md");
        let table = document.split("<!-- data map -->\n").nth(1).and_then(|t| t.split("<!-- /data map -->").next());
        assert_eq!(table, Some(super::markdown().as_str()), "regenerate docs/PRIVACY.md's table from the data map");
    }
}
