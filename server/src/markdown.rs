//! Markdown to HTML that can run nothing: articles, common questions' answers and lawyers'
//! replies are written in it and rendered once, when saved. Only what Markdown itself makes is
//! kept: raw HTML is shown as the text it is, links go only to web, mail and phone addresses and
//! this site, pictures become their words.

use app::domain::SafeHtml;
use pulldown_cmark::{CowStr, Event, LinkType, Options, Parser, Tag, TagEnd};

/// Markdown to HTML that can run nothing.
pub fn render(markdown: &str) -> SafeHtml {
    let mut in_image = false;
    let events =
        Parser::new_ext(markdown, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH).filter_map(|event| {
            match event {
                // Raw HTML is shown as the text it is.
                Event::Html(html) | Event::InlineHtml(html) => Some(Event::Text(html)),
                Event::Start(Tag::Image { .. }) => {
                    in_image = true;
                    None
                }
                Event::End(TagEnd::Image) => {
                    in_image = false;
                    None
                }
                Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
                    let dest_url = if safe_url(&dest_url) { dest_url } else { CowStr::Borrowed("#") };
                    Some(Event::Start(Tag::Link {
                        link_type: if link_type == LinkType::Email { link_type } else { LinkType::Inline },
                        dest_url,
                        title,
                        id,
                    }))
                }
                other => Some(other),
            }
            .filter(|e| !in_image || matches!(e, Event::Text(_)))
        });
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events);
    SafeHtml::from_sanitiser(html)
}

fn safe_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    ["https://", "http://", "mailto:", "tel:"].iter().any(|p| lower.starts_with(p))
        || (lower.starts_with('/') && !lower.starts_with("//"))
        || lower.starts_with('#')
}

#[cfg(test)]
mod tests {
    use super::render;

    #[test]
    fn markdown_keeps_its_formatting_and_loses_anything_that_runs() {
        assert_eq!(render("**工资**要按时发").as_str(), "<p><strong>工资</strong>要按时发</p>\n");
        let html = render("<script>alert(1)</script>\n\n[点我](javascript:alert(1)) [法规](https://flk.npc.gov.cn) ![x](https://evil.example/x.png \"t\")").into_string();
        assert!(!html.contains("<script"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(html.contains("href=\"https://flk.npc.gov.cn\""), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(!render("<img src=x onerror=alert(1)>").as_str().contains("<img"));
        assert!(!render("[a](//evil.example)").as_str().contains("evil"));
    }
}
