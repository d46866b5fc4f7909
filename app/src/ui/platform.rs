//! The few browser APIs the app touches, behind functions that do nothing natively so that
//! the same components compile for the server.

use crate::i18n::Lang;

#[cfg(feature = "csr")]
mod browser {
    use crate::i18n::Lang;
    use gloo_storage::{LocalStorage, Storage};
    use wasm_bindgen::JsCast;

    const PREFIX: &str = "fai.";

    pub fn load_pref(key: &str) -> Option<String> {
        LocalStorage::get::<String>(format!("{PREFIX}{key}")).ok()
    }

    pub fn store_pref(key: &str, value: &str) {
        // Private browsing may refuse storage; the choice then lasts for this visit only.
        let _ = LocalStorage::set(format!("{PREFIX}{key}"), value);
    }

    fn root() -> Option<web_sys::Element> {
        web_sys::window()?.document()?.document_element()
    }

    pub fn set_root_class(class: &str, on: bool) {
        if let Some(root) = root() {
            let _ = if on { root.class_list().add_1(class) } else { root.class_list().remove_1(class) };
        }
        // The pages the server renders read the same choice from this cookie, right on first paint.
        set_cookie(class, if on { "1" } else { "0" });
    }

    pub fn set_document_lang(lang: Lang) {
        if let Some(root) = root() {
            let _ = root.set_attribute("lang", lang.tag());
        }
        // The server answers in the language of this cookie when nobody is signed in.
        set_cookie("lang", lang.tag());
    }

    fn set_cookie(name: &str, value: &str) {
        if let Some(doc) =
            web_sys::window().and_then(|w| w.document()).and_then(|d| d.dyn_into::<web_sys::HtmlDocument>().ok())
        {
            let _ = doc.set_cookie(&format!("{name}={value}; Path=/; Max-Age=31536000; SameSite=Lax"));
        }
    }

    pub fn remove_loading_screen() {
        if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("boot")) {
            el.remove();
        }
    }

    pub fn download(name: &str, mime: &str, content: &str) {
        let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
        let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
        let anchor = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.create_element("a").ok())
            .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok());
        if let Some(anchor) = anchor {
            anchor.set_href(&url);
            anchor.set_download(name);
            anchor.click();
        }
        let _ = web_sys::Url::revoke_object_url(&url);
    }

    pub fn go_to(path: &str) {
        if let Some(window) = web_sys::window() {
            let _ = window.location().assign(path);
        }
    }

    pub fn remove_pref(key: &str) {
        LocalStorage::delete(format!("{PREFIX}{key}"));
    }

    pub fn now_ms() -> i64 {
        js_sys::Date::now() as i64
    }

    pub fn random() -> f64 {
        js_sys::Math::random()
    }

    pub async fn current_position() -> Option<(f64, f64)> {
        let geolocation = web_sys::window()?.navigator().geolocation().ok()?;
        let promise = js_sys::Promise::new(&mut |resolve, reject| {
            let options = web_sys::PositionOptions::new();
            options.set_enable_high_accuracy(true);
            options.set_timeout(10_000);
            options.set_maximum_age(60_000);
            if geolocation
                .get_current_position_with_error_callback_and_options(&resolve, Some(&reject), &options)
                .is_err()
            {
                let _ = reject.call0(&wasm_bindgen::JsValue::NULL);
            }
        });
        let position = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
        let coords = js_sys::Reflect::get(&position, &"coords".into()).ok()?;
        let number = |name: &str| js_sys::Reflect::get(&coords, &name.into()).ok()?.as_f64();
        Some((number("latitude")?, number("longitude")?))
    }

    pub async fn chosen_table(event: &web_sys::Event) -> Option<super::ChosenTable> {
        let input = event.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()?;
        let file = input.files()?.get(0)?;
        let name = file.name();
        if !name.to_lowercase().ends_with(".xlsx") {
            let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.ok()?.as_string()?;
            return Some(super::ChosenTable::Text(text));
        }
        let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await.ok()?;
        // Bytes as Latin-1 characters, which is what `btoa` encodes.
        let binary: String = js_sys::Uint8Array::new(&buffer).to_vec().into_iter().map(char::from).collect();
        let base64 = web_sys::window()?.btoa(&binary).ok()?;
        Some(super::ChosenTable::Workbook { name, base64 })
    }

    pub fn register_service_worker() {
        if let Some(window) = web_sys::window() {
            let _ = window.navigator().service_worker().register("/sw.js");
        }
    }
}

#[cfg(feature = "csr")]
pub use browser::{register_service_worker, remove_loading_screen};

/// Leaves this front end for a page of the other one (a full page load).
pub fn go_to(path: &str) {
    #[cfg(feature = "csr")]
    browser::go_to(path);
    #[cfg(not(feature = "csr"))]
    let _ = path;
}

/// A stored preference.
pub fn load_pref(key: &str) -> Option<String> {
    #[cfg(feature = "csr")]
    return browser::load_pref(key);
    #[cfg(not(feature = "csr"))]
    {
        let _ = key;
        None
    }
}

/// Stores a preference on this device.
pub fn store_pref(key: &str, value: &str) {
    #[cfg(feature = "csr")]
    browser::store_pref(key, value);
    #[cfg(not(feature = "csr"))]
    let _ = (key, value);
}

/// Saves `content` as a file named `name`.
pub fn download(name: &str, mime: &str, content: &str) {
    #[cfg(feature = "csr")]
    browser::download(name, mime, content);
    #[cfg(not(feature = "csr"))]
    let _ = (name, mime, content);
}

/// Adds or removes a class on `<html>`, and remembers it in the cookie of that name.
pub fn set_root_class(class: &str, on: bool) {
    #[cfg(feature = "csr")]
    browser::set_root_class(class, on);
    #[cfg(not(feature = "csr"))]
    let _ = (class, on);
}

/// Sets `<html lang>` and the `lang` cookie.
pub fn set_document_lang(lang: Lang) {
    #[cfg(feature = "csr")]
    browser::set_document_lang(lang);
    #[cfg(not(feature = "csr"))]
    let _ = lang;
}

/// Forgets a stored value.
pub fn remove_pref(key: &str) {
    #[cfg(feature = "csr")]
    browser::remove_pref(key);
    #[cfg(not(feature = "csr"))]
    let _ = key;
}

/// The device's clock, milliseconds since the epoch (0 natively).
pub fn now_ms() -> i64 {
    #[cfg(feature = "csr")]
    return browser::now_ms();
    #[cfg(not(feature = "csr"))]
    0
}

/// A new key for a request the device may send more than once: the server keeps the first.
pub fn new_key() -> String {
    #[cfg(feature = "csr")]
    let noise = (browser::random() * 1e15) as u64;
    #[cfg(not(feature = "csr"))]
    let noise = 0u64;
    format!("k{:x}-{noise:x}", now_ms())
}

/// A table chosen in a file input: CSV (or any text) as text, an Excel workbook as base64.
#[derive(Debug, Clone, PartialEq)]
pub enum ChosenTable {
    /// The file's text.
    Text(String),
    /// An `.xlsx` file: its name and its bytes in base64.
    Workbook { name: String, base64: String },
}

/// The table chosen in the file input `event` came from.
pub async fn chosen_table(event: &leptos::ev::Event) -> Option<ChosenTable> {
    #[cfg(feature = "csr")]
    return browser::chosen_table(event).await;
    #[cfg(not(feature = "csr"))]
    {
        let _ = event;
        None
    }
}

/// Where the phone is, when its owner allows it and it answers within ten seconds.
pub async fn current_position() -> Option<(f64, f64)> {
    #[cfg(feature = "csr")]
    return browser::current_position().await;
    #[cfg(not(feature = "csr"))]
    None
}
