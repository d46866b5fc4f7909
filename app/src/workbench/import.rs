//! 导入律师: a CSV table of lawyers (律师姓名, 律师事务所, 执业证号), pasted or chosen as a file,
//! checked row by row first — each row's error beside it — and added only when no row is wrong.

use super::log::{BUTTON, FIELD};
use crate::api::call;
use crate::api::staff::ImportLawyers;
use crate::error::AppError;
use crate::model::{ImportReport, LawyersCsv};
use crate::ui::components::{error_note, page_title};
use crate::ui::platform;
use crate::ui::submit::Submit;
use crate::ui::use_prefs;
use leptos::prelude::*;

const CELL: &str = "border-b border-line px-2 py-1 text-left";

#[component]
pub fn ImportPage() -> impl IntoView {
    let t = use_prefs().desk();
    let csv = RwSignal::new(String::new());
    let report = RwSignal::new(None::<Result<ImportReport, AppError>>);
    let send =
        Submit::new(move |write: &bool| call::<ImportLawyers>(LawyersCsv { csv: csv.get_untracked(), write: *write }))
            .then(move |result| report.set(Some(result.clone())));
    // A chosen file's text goes into the box, to be read and checked like pasted text.
    let pick = move |event: leptos::ev::Event| {
        leptos::task::spawn_local(async move {
            if let Some(text) = platform::chosen_file_text(&event).await {
                csv.set(text);
                report.set(None);
            }
        });
    };
    let ready = move || matches!(report.get(), Some(Ok(ref r)) if !r.written && !r.rows.is_empty() && r.rows.iter().all(|row| row.error.is_none()));
    view! {
        {page_title(t.nav_import)}
        <p class="mb-2 text-sm text-muted">{t.import_hint}</p>
        <label class="mb-2 flex flex-col">{t.import_file}
            <input type="file" accept=".csv,text/csv" class=FIELD on:change=pick />
        </label>
        <label class="mb-2 flex flex-col">{t.import_table}
            <textarea class=FIELD rows="8" bind:value=csv on:input=move |_| report.set(None)></textarea>
        </label>
        <p class="mb-4 flex gap-2">
            <button class=BUTTON on:click=move |_| send.dispatch(false) disabled=move || send.pending().get()>{t.import_check}</button>
            <button class=BUTTON on:click=move |_| send.dispatch(true) disabled=move || !ready() || send.pending().get()>{t.import_write}</button>
        </p>
        {move || report.get().map(|r| match r {
            Err(error) => error_note(error).into_any(),
            Ok(report) => {
                let wrong = report.rows.iter().filter(|r| r.error.is_some()).count();
                let words = if report.written {
                    t.import_written.replace("{n}", &report.rows.len().to_string())
                } else {
                    t.import_checked.replace("{n}", &report.rows.len().to_string()).replace("{wrong}", &wrong.to_string())
                };
                view! {
                    <p role="status" class="mb-2 font-bold">{words}</p>
                    <table class="w-full text-sm">
                        <thead><tr>
                            <th class=CELL>{t.import_line}</th>
                            <th class=CELL>{t.col_lawyer}</th>
                            <th class=CELL>{t.col_firm}</th>
                            <th class=CELL>{t.col_licence}</th>
                            <th class=CELL>{t.import_problem}</th>
                        </tr></thead>
                        <tbody>
                            {report.rows.into_iter().map(|row| {
                                let class = if row.error.is_some() { "border-b border-line px-2 py-1 font-bold text-danger" } else { CELL };
                                view! {
                                <tr>
                                    <td class=CELL>{row.line}</td>
                                    <td class=CELL>{row.name}</td>
                                    <td class=CELL>{row.firm}</td>
                                    <td class=CELL>{row.licence_no}</td>
                                    <td class=class>{row.error.unwrap_or_else(|| "✓".to_owned())}</td>
                                </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                }
                .into_any()
            }
        })}
    }
}
