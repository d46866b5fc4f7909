//! One rule for the text people send, applied to every string a request carries before anything
//! reads it: characters that change how text is shown without being seen are dropped, so a name
//! cannot show `...exe.pdf` reversed or hide a word, and a NUL byte, which no field may hold
//! (PostgreSQL refuses it), is reported so the request is refused whole.

/// Whether `c` is dropped from text: bidirectional embeddings, overrides and isolates, the Arabic
/// letter mark, zero-width spaces and joiners, word joiner and invisible operators, the byte-order
/// mark, the Mongolian vowel separator, and control characters other than tab and line breaks.
pub fn is_hidden(c: char) -> bool {
    matches!(
        c,
        '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
            | '\u{061C}'
            | '\u{200B}'..='\u{200D}'
            | '\u{2060}'..='\u{2064}'
            | '\u{FEFF}'
            | '\u{180E}'
    ) || (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
}

/// `text` without its hidden characters; `None` when it holds a NUL.
pub fn clean_text(text: &str) -> Option<String> {
    if text.contains('\0') {
        return None;
    }
    Some(text.chars().filter(|c| !is_hidden(*c)).collect())
}

#[cfg(test)]
mod tests {
    use super::clean_text;

    #[test]
    fn hidden_characters_are_dropped_in_every_spelling() {
        assert_eq!(clean_text("invoice\u{202E}fdp.exe").as_deref(), Some("invoicefdp.exe"));
        assert_eq!(clean_text("\u{2067}张三\u{2069}").as_deref(), Some("张三"));
        assert_eq!(clean_text("法\u{200B}律\u{200D}顾\u{FEFF}问\u{2060}").as_deref(), Some("法律顾问"));
        assert_eq!(clean_text("a\u{7}b\u{1B}[31mc\u{85}d").as_deref(), Some("ab[31mcd"));
        assert_eq!(clean_text("第一行\n第二行\t（完）\r\n").as_deref(), Some("第一行\n第二行\t（完）\r\n"));
        assert_eq!(clean_text("no\0pe"), None);
    }

    #[test]
    fn ordinary_text_is_kept_as_it_is() {
        for text in ["沙井街道后亭社区", "Zhang San, 138 0013 8000", "😀 👍", "ﾃｽﾄ", "ÀÉÎ"] {
            assert_eq!(clean_text(text).as_deref(), Some(text));
        }
    }
}
