//! Files, the public library and legal-education articles: the kinds of file the portal accepts
//! and the rules their titles, tags and names obey.

use serde::{Deserialize, Serialize};

/// The kinds of file the portal accepts, decided from the file's bytes (never its name).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    /// PDF.
    Pdf,
    /// JPEG photo.
    Jpeg,
    /// PNG image.
    Png,
    /// WebP image.
    Webp,
    /// Word document (Office Open XML).
    Docx,
    /// Excel workbook (Office Open XML).
    Xlsx,
}

stored_names!(FileKind { Pdf = "pdf", Jpeg = "jpeg", Png = "png", Webp = "webp", Docx = "docx", Xlsx = "xlsx" });

impl FileKind {
    /// The media type it is sent with.
    pub fn mime(self) -> &'static str {
        match self {
            FileKind::Pdf => "application/pdf",
            FileKind::Jpeg => "image/jpeg",
            FileKind::Png => "image/png",
            FileKind::Webp => "image/webp",
            FileKind::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            FileKind::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }
    }

    /// The file-name extension that goes with it.
    pub fn extension(self) -> &'static str {
        match self {
            FileKind::Jpeg => "jpg",
            other => other.as_str(),
        }
    }

    /// Whether it is a photo or picture (cleaned, with a thumbnail).
    pub fn is_image(self) -> bool {
        matches!(self, FileKind::Jpeg | FileKind::Png | FileKind::Webp)
    }

    /// Whether a browser may show it inline (preview) rather than only download it.
    pub fn previewable(self) -> bool {
        self.is_image() || self == FileKind::Pdf
    }
}

/// The longest file name kept, in characters (extension included).
pub const MAX_FILE_NAME_CHARS: usize = 80;
/// The longest library title or article title, in characters.
pub const MAX_TITLE_CHARS: usize = 100;
/// The longest library summary or version note, in characters.
pub const MAX_SUMMARY_CHARS: usize = 500;
/// The most tags on a library document, each at most [`MAX_TAG_CHARS`].
pub const MAX_TAGS: usize = 8;
/// The longest tag, in characters.
pub const MAX_TAG_CHARS: usize = 20;
/// The longest article body, in characters of Markdown.
pub const MAX_ARTICLE_CHARS: usize = 20_000;
/// The longest library search, in characters.
pub const MAX_QUERY_CHARS: usize = 50;

/// A file name safe to store and to send back in `Content-Disposition`: no folders, no control
/// or quoting characters, no leading dots, at most [`MAX_FILE_NAME_CHARS`], and always ending in
/// the extension of the kind the bytes showed (so `合同.pdf.exe` holding a JPEG becomes
/// `合同.pdf.jpg`, never an `.exe`).
pub fn clean_file_name(name: &str, kind: FileKind) -> String {
    // Whatever came before the last separator is a folder of the sender's, or an attack.
    let base = name.rsplit(['/', '\\']).next().unwrap_or("");
    let mut stem: String = base
        .chars()
        .filter(|c| {
            !super::is_hidden(*c)
                && !c.is_control()
                && !matches!(c, '"' | '\'' | '<' | '>' | ':' | '*' | '?' | '|' | ';' | '%')
        })
        .collect::<String>()
        .trim()
        .trim_start_matches('.')
        .to_owned();
    let ext = kind.extension();
    if let Some((head, tail)) = stem.rsplit_once('.') {
        let tail = tail.to_ascii_lowercase();
        if tail == ext || (kind == FileKind::Jpeg && tail == "jpeg") {
            stem = head.to_owned();
        }
    }
    let stem: String = stem.chars().take(MAX_FILE_NAME_CHARS - ext.len() - 1).collect();
    let stem = stem.trim();
    if stem.is_empty() {
        format!("file.{ext}")
    } else {
        format!("{stem}.{ext}")
    }
}

/// Tags from a comma-separated list (Chinese or Latin commas, spaces trimmed, duplicates
/// dropped), or `None` when there are too many or one is too long.
pub fn parse_tags(text: &str) -> Option<Vec<String>> {
    let mut tags: Vec<String> = Vec::new();
    for tag in text.split([',', '，', '、']).map(str::trim).filter(|t| !t.is_empty()) {
        if tag.chars().count() > MAX_TAG_CHARS {
            return None;
        }
        if !tags.iter().any(|t| t == tag) {
            tags.push(tag.to_owned());
        }
    }
    (tags.len() <= MAX_TAGS).then_some(tags)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_lose_folders_and_take_the_kind_of_their_bytes() {
        assert_eq!(clean_file_name("../../etc/passwd", FileKind::Pdf), "passwd.pdf");
        assert_eq!(clean_file_name("C:\\Users\\me\\借条.PDF", FileKind::Pdf), "借条.pdf");
        assert_eq!(clean_file_name("合同.pdf.exe", FileKind::Jpeg), "合同.pdf.exe.jpg");
        assert_eq!(clean_file_name("photo.jpeg", FileKind::Jpeg), "photo.jpg");
        assert_eq!(clean_file_name("..hidden", FileKind::Png), "hidden.png");
        assert_eq!(clean_file_name("a\"b<script>\n.png", FileKind::Png), "abscript.png");
        assert_eq!(clean_file_name("", FileKind::Docx), "file.docx");
        assert_eq!(clean_file_name("///", FileKind::Xlsx), "file.xlsx");
        let long = "长".repeat(200);
        assert_eq!(clean_file_name(&long, FileKind::Pdf).chars().count(), MAX_FILE_NAME_CHARS);
    }

    #[test]
    fn tags_split_on_either_comma_and_have_limits() {
        assert_eq!(
            parse_tags("劳动仲裁，工资, 模板、工资"),
            Some(vec!["劳动仲裁".into(), "工资".into(), "模板".into()])
        );
        assert_eq!(parse_tags(""), Some(vec![]));
        assert_eq!(parse_tags(&"长".repeat(21)), None);
        assert_eq!(parse_tags("1,2,3,4,5,6,7,8,9"), None);
    }
}
