//! HTML that may be printed as it is.

use serde::{Deserialize, Serialize};

/// HTML that the server's Markdown renderer wrote (an article, a common question's answer, a
/// lawyer's reply): the one kind of markup a page prints without escaping. Everything else a page
/// shows is text, escaped by the view. On the wire it is a plain string.
///
/// Only the renderer, and the readers of what it stored, make one: `server/tests/layers.rs`
/// fails when [`SafeHtml::from_sanitiser`] is called anywhere else.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct SafeHtml(String);

impl SafeHtml {
    /// Wraps what the sanitising renderer wrote, now or when it was saved.
    pub fn from_sanitiser(html: String) -> SafeHtml {
        SafeHtml(html)
    }

    /// The markup.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The markup, owned.
    pub fn into_string(self) -> String {
        self.0
    }
}
