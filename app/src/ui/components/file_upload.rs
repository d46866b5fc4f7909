//! Picks one file and sends it to `POST /api/files/upload` with a progress bar: on a weak
//! network a scan takes a while, and whoever sends it should see it moving (the workbench; the
//! residents' 我的资料 page does the same with a small script). The
//! server decides what the file is and answers with its `FileRef` or a plain error.

use crate::error::AppError;
use crate::model::FileRef;
use crate::ui::components::error_note;
use crate::ui::use_prefs;
use leptos::prelude::*;

/// What the picker accepts (the server decides for itself).
pub const ACCEPT: &str = "image/jpeg,image/png,image/webp,application/pdf,.docx,.xlsx";

/// A file picker that uploads what is picked and hands the stored file to `done`.
#[component]
pub fn FileUpload(#[prop(into)] label: String, done: Callback<FileRef>) -> impl IntoView {
    let prefs = use_prefs();
    let progress = RwSignal::new(None::<u32>);
    let error = RwSignal::new(None::<AppError>);
    let pick = move |event: leptos::ev::Event| {
        #[cfg(feature = "csr")]
        {
            use wasm_bindgen::JsCast;
            let input = event.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
            let Some(input) = input else { return };
            let Some(file) = input.files().and_then(|files| files.get(0)) else { return };
            input.set_value("");
            error.set(None);
            progress.set(Some(0));
            leptos::task::spawn_local(async move {
                let answer = send(file, progress).await;
                progress.set(None);
                match answer {
                    Ok(file) => done.run(file),
                    Err(e) => error.set(Some(e)),
                }
            });
        }
        #[cfg(not(feature = "csr"))]
        let _ = (event, done);
    };
    view! {
        <label class="flex min-h-12 cursor-pointer items-center justify-center rounded-lg border-2 border-dashed border-brand font-bold text-brand">
            {label}
            <input type="file" class="sr-only" accept=ACCEPT on:change=pick disabled=move || progress.get().is_some() />
        </label>
        {move || progress.get().map(|p| view! {
            <p class="mt-2 text-sm" role="status">{prefs.desk().uploading}" "{p}"%"</p>
            <progress class="w-full" max="100" value=p aria-label=prefs.desk().uploading></progress>
        })}
        {move || error.get().map(error_note)}
    }
}

/// Sends `file`, reporting percentages to `progress`.
#[cfg(feature = "csr")]
async fn send(file: web_sys::File, progress: RwSignal<Option<u32>>) -> Result<FileRef, AppError> {
    use crate::api::call::{bare, error_of};
    use crate::error::ErrorKind;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;

    let network = |_| bare(ErrorKind::Network);
    let xhr = web_sys::XmlHttpRequest::new().map_err(network)?;
    let name = String::from(js_sys::encode_uri_component(&file.name()));
    xhr.open("POST", &format!("/api/files/upload?name={name}")).map_err(network)?;
    let on_progress = Closure::<dyn FnMut(web_sys::ProgressEvent)>::new(move |e: web_sys::ProgressEvent| {
        if e.length_computable() && e.total() > 0.0 {
            progress.set(Some((e.loaded() / e.total() * 100.0) as u32));
        }
    });
    xhr.upload().map_err(network)?.set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
    let finished = js_sys::Promise::new(&mut |resolve, _| xhr.set_onloadend(Some(&resolve)));
    xhr.send_with_opt_blob(Some(&file)).map_err(network)?;
    let _ = wasm_bindgen_futures::JsFuture::from(finished).await;
    drop(on_progress);
    let status = xhr.status().unwrap_or(0);
    let text = xhr.response_text().ok().flatten().unwrap_or_default();
    match status {
        0 => Err(bare(ErrorKind::Network)),
        200..=299 => serde_json::from_str(&text).map_err(|_| bare(ErrorKind::Internal)),
        _ => Err(error_of(status, &text)),
    }
}
