use crate::ui::use_prefs;
use leptos::prelude::*;

/// A tab: where it goes, its icon, its label.
type Tab = (&'static str, &'static str, fn(&crate::i18n::Texts) -> &'static str);

/// The residents' bottom tab bar: 首页 / 预约 / 咨询 / 资料 / 我的, the tab of `path` marked.
pub fn tab_bar(path: impl Fn() -> String + Clone + Send + Sync + 'static) -> impl IntoView {
    let prefs = use_prefs();
    let tabs: [Tab; 5] = [
        ("/", "⌂", |t| t.tab_home),
        ("/booking", "◷", |t| t.tab_booking),
        ("/questions", "✉", |t| t.tab_questions),
        ("/library", "▤", |t| t.tab_library),
        ("/me", "☺", |t| t.tab_me),
    ];
    view! {
        <nav class="fixed inset-x-0 bottom-0 z-10 border-t border-line bg-surface pb-[env(safe-area-inset-bottom)]" aria-label="tabs">
            <ul class="mx-auto grid max-w-3xl grid-cols-5">
                {tabs
                    .into_iter()
                    .map(|(href, icon, label)| {
                        let path = path.clone();
                        let current = move || is_current(&path(), href);
                        let also_current = current.clone();
                        view! {
                            <li>
                                <a
                                    href=href
                                    class={move || if current() {
                                        "flex min-h-14 flex-col items-center justify-center text-sm font-bold text-brand"
                                    } else {
                                        "flex min-h-14 flex-col items-center justify-center text-sm text-muted"
                                    }}
                                    aria-current=move || also_current().then_some("page")
                                >
                                    <span aria-hidden="true" class="text-xl leading-none">{icon}</span>
                                    <span>{label(prefs.t())}</span>
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}

/// Whether `href` is the tab for `path`: the home tab only for `/` and community pages.
fn is_current(path: &str, href: &str) -> bool {
    if href == "/" {
        path == "/" || path.starts_with("/streets/") || path.starts_with("/communities/")
    } else {
        path.starts_with(href)
    }
}

#[cfg(test)]
mod tests {
    use super::is_current;

    #[test]
    fn the_home_tab_covers_the_directory_pages() {
        assert!(is_current("/", "/"));
        assert!(is_current("/communities/4", "/"));
        assert!(!is_current("/me", "/"));
        assert!(is_current("/booking", "/booking"));
        assert!(!is_current("/", "/booking"));
    }
}
