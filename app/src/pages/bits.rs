//! Small pieces the server's pages share: card and button looks, sizes, dates, template numbers.

use crate::time::Instant;

/// A card of a list.
pub const CARD: &str = "rounded-lg border border-line bg-surface p-3";
/// The main action of a page or a card.
pub const BUTTON: &str =
    "inline-flex min-h-12 items-center justify-center rounded-lg bg-brand px-4 font-bold text-white";
/// A second action.
pub const BUTTON_OUTLINE: &str =
    "inline-flex min-h-12 items-center justify-center rounded-lg border-2 border-brand px-4 font-bold text-brand";
/// A text box, a list box.
pub const FIELD: &str = "min-h-12 w-full rounded-lg border border-line px-3";
/// A field's label.
pub const LABEL: &str = "mb-1 block font-bold";
/// Small grey words under a title.
pub const META: &str = "text-sm text-muted";
/// A row of actions.
pub const ACTIONS: &str = "my-3 flex flex-wrap items-center gap-3";
/// A message that something went wrong, filled in by a page's script (kept hidden till then).
pub const PROBLEM: &str = "my-3 rounded border border-danger bg-danger-soft p-3 text-danger";

/// A file's size the way people read it: `12 KB`, `1.5 MB`.
pub fn size(bytes: i64) -> String {
    if bytes < 1024 * 1024 {
        format!("{} KB", (bytes + 1023) / 1024)
    } else {
        format!("{:.1} MB", bytes as f64 / 1_048_576.0)
    }
}

/// The day of `at` in Shanghai.
pub fn date(at: Instant) -> String {
    at.to_shanghai().0.to_string()
}

/// `template` with `{n}` filled.
pub fn with_n(template: &str, n: i64) -> String {
    template.replace("{n}", &n.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_people_say_them() {
        assert_eq!(size(1), "1 KB");
        assert_eq!(size(1024), "1 KB");
        assert_eq!(size(1025), "2 KB");
        assert_eq!(size(3 * 1_048_576 / 2), "1.5 MB");
        assert_eq!(with_n("下载{n}次", 7), "下载7次");
    }
}
