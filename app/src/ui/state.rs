//! App-wide state: display preferences (kept on the device) and the session (asked of the server).

use crate::api::account::GetSession;
use crate::api::call;
use crate::i18n::{AssistTexts, DeskTexts, Lang, SetupTexts, Texts};
use crate::model::{Empty, Me};
use crate::ui::platform;
use leptos::prelude::*;

/// Language and accessibility choices, remembered on this device.
#[derive(Debug, Clone, Copy)]
pub struct Prefs {
    /// The display language.
    pub lang: RwSignal<Lang>,
    /// 适老化: everything one and a quarter times larger.
    pub large_text: RwSignal<bool>,
    /// Black on white with strong outlines.
    pub high_contrast: RwSignal<bool>,
}

impl Prefs {
    /// Reads the stored choices; the language defaults to Chinese.
    fn load() -> Prefs {
        Prefs {
            lang: RwSignal::new(platform::load_pref("lang").map(|tag| Lang::from_tag(&tag)).unwrap_or_default()),
            large_text: RwSignal::new(platform::load_pref("large_text").is_some_and(|v| v == "1")),
            high_contrast: RwSignal::new(platform::load_pref("high_contrast").is_some_and(|v| v == "1")),
        }
    }

    /// Loads the stored choices, keeps the document in step with them and provides them.
    pub fn provide() {
        let prefs = Prefs::load();
        prefs.apply_to_document();
        provide_context(prefs);
    }

    /// Keeps `<html>` (lang attribute, size and contrast classes) and storage in step.
    fn apply_to_document(self) {
        Effect::new(move |_| {
            let lang = self.lang.get();
            platform::store_pref("lang", lang.tag());
            platform::set_document_lang(lang);
        });
        Effect::new(move |_| {
            let on = self.large_text.get();
            platform::store_pref("large_text", if on { "1" } else { "0" });
            platform::set_root_class("large-text", on);
        });
        Effect::new(move |_| {
            let on = self.high_contrast.get();
            platform::store_pref("high_contrast", if on { "1" } else { "0" });
            platform::set_root_class("high-contrast", on);
        });
    }

    /// The strings of the current language. Not reactive: views show them as plain text, and a
    /// change of language renders the whole app again (each front end's `App` tracks
    /// [`Prefs::lang`]), so no text needs an effect of its own to follow it.
    pub fn t(self) -> &'static Texts {
        self.lang.get_untracked().texts()
    }

    /// The workbench's own strings, likewise.
    pub fn desk(self) -> &'static DeskTexts {
        DeskTexts::of(self.lang.get_untracked())
    }

    /// The workbench's strings for assisted service, likewise.
    pub fn assist(self) -> &'static AssistTexts {
        AssistTexts::of(self.lang.get_untracked())
    }

    /// The workbench's strings for running the programme, in the chosen language.
    pub fn setup(self) -> &'static SetupTexts {
        SetupTexts::of(self.lang.get_untracked())
    }
}

/// Who is signed in, as last told by the server.
#[derive(Debug, Clone, Copy)]
pub struct SessionState {
    /// The account, or `None` when signed out.
    pub me: RwSignal<Option<Me>>,
    /// False until the server has answered once.
    pub known: RwSignal<bool>,
}

impl SessionState {
    /// Starts asking the server who is signed in, and provides the answer.
    pub fn provide() {
        provide_context(SessionState::load());
    }

    /// Starts asking the server who is signed in.
    fn load() -> SessionState {
        let state = SessionState { me: RwSignal::new(None), known: RwSignal::new(false) };
        leptos::task::spawn_local(async move {
            if let Ok(session) = call::<GetSession>(Empty {}).await {
                state.me.set(session.me);
            }
            state.known.set(true);
        });
        state
    }
}

/// The display preferences.
pub fn use_prefs() -> Prefs {
    expect_context::<Prefs>()
}

/// The session.
pub fn use_session() -> SessionState {
    expect_context::<SessionState>()
}
