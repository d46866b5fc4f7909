//! Text helpers every feature shares: filling a message template, and a LIKE pattern that
//! matches the user's text literally.

/// Fills `{name}` placeholders of a message template.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values.iter().fold(template.to_owned(), |text, (name, value)| text.replace(&format!("{{{name}}}"), value))
}

/// A `LIKE … ESCAPE '\\'` pattern that finds `text` anywhere, its wildcards matched literally.
pub fn like_contains(text: &str) -> String {
    format!("%{}%", text.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_are_filled() {
        assert_eq!(fill("{code} at {when}", &[("code", "AB23"), ("when", "09:00")]), "AB23 at 09:00");
    }

    #[test]
    fn like_patterns_match_text_not_wildcards() {
        assert_eq!(like_contains("借条"), "%借条%");
        assert_eq!(like_contains("100%_a\\B"), "%100\\%\\_a\\\\B%");
    }
}
