//! 导入: tables pasted, or chosen as a CSV or Excel file — lawyers (律师姓名, 律师事务所, 执业证号) or their
//! assignments (社区, 角色, 执业证号, 开始日期) — checked row by row first, each row's error beside
//! it, and written only when no row is wrong. A street's staff import their street's assignments.

use super::log::{BUTTON, FIELD};
use crate::api::call;
use crate::api::registers::ImportAssignments;
use crate::api::staff::ImportLawyers;
use crate::error::AppError;
use crate::model::{AssignmentsCsv, LawyersCsv};
use crate::ui::components::{error_note, page_title};
use crate::ui::platform::{self, ChosenTable};
use crate::ui::router::{query_param, use_location};
use crate::ui::submit::Submit;
use crate::ui::{use_prefs, use_session};
use leptos::prelude::*;
use std::future::Future;

const CELL: &str = "border-b border-line px-2 py-1 text-left";
const WRONG: &str = "border-b border-line px-2 py-1 font-bold text-danger";

/// The page; `?kind=assignments` for assignments (a street's staff see only those).
#[component]
pub fn ImportPage() -> impl IntoView {
    let t = use_prefs().desk();
    let location = use_location();
    let session = use_session();
    let district = move || session.me.get().is_some_and(|me| me.street_id.is_none());
    let assignments =
        move || !district() || query_param(&location.query.get(), "kind").as_deref() == Some("assignments");
    let tab = move |on: bool| if on { "font-bold underline" } else { "underline text-muted" };
    view! {
        {page_title(t.nav_import)}
        <Show when=district>
            <nav class="mb-3 flex gap-4" aria-label=t.nav_import>
                <a href="/desk/import" class=move || tab(!assignments())>{t.import_lawyers}</a>
                <a href="/desk/import?kind=assignments" class=move || tab(assignments())>{t.import_assignments}</a>
            </nav>
        </Show>
        {move || if assignments() { view! { <AssignmentsImport /> }.into_any() } else { view! { <LawyersImport /> }.into_any() }}
    }
}

/// A row's last cell: what is wrong with it, or a tick.
fn problem(error: Option<String>) -> impl IntoView {
    let class = if error.is_some() { WRONG } else { CELL };
    view! { <td class=class>{error.unwrap_or_else(|| "✓".to_owned())}</td> }
}

/// Rows checked, and whether they were written: the line above the table.
fn counted(written: bool, n: usize, wrong: usize, written_text: &str) -> String {
    let t = use_prefs().desk();
    if written {
        written_text.replace("{n}", &n.to_string())
    } else {
        t.import_checked.replace("{n}", &n.to_string()).replace("{wrong}", &wrong.to_string())
    }
}

/// What is to be imported: pasted (or chosen) CSV text, or a chosen workbook (its name and
/// base64), which is read instead of the text.
#[derive(Clone, Copy)]
struct Source {
    csv: RwSignal<String>,
    workbook: RwSignal<Option<(String, String)>>,
}

impl Source {
    fn new() -> Source {
        Source { csv: RwSignal::new(String::new()), workbook: RwSignal::new(None) }
    }

    /// The text and the workbook, as a request carries them.
    fn get(self) -> (String, Option<String>) {
        (self.csv.get_untracked(), self.workbook.get_untracked().map(|(_, base64)| base64))
    }
}

/// The table's input — a CSV or Excel file, or pasted text — and the buttons that check and
/// write it. `report_reset` forgets the last report when the table changes; `ready` says a clean
/// check has been made.
fn table_input<T: Send + Sync + 'static>(
    hint: &'static str,
    source: Source,
    report_reset: impl Fn() + Copy + Send + Sync + 'static,
    send: Submit<bool, T>,
    ready: impl Fn() -> bool + Send + Sync + 'static,
) -> impl IntoView {
    let t = use_prefs().desk();
    // A chosen CSV file's text goes into the box, to be read and checked like pasted text; a
    // workbook is sent as it is.
    let pick = move |event: leptos::ev::Event| {
        leptos::task::spawn_local(async move {
            match platform::chosen_table(&event).await {
                Some(ChosenTable::Text(text)) => {
                    source.csv.set(text);
                    source.workbook.set(None);
                }
                Some(ChosenTable::Workbook { name, base64 }) => {
                    source.csv.set(String::new());
                    source.workbook.set(Some((name, base64)));
                }
                None => return,
            }
            report_reset();
        });
    };
    let typed = move |_| {
        source.workbook.set(None);
        report_reset();
    };
    view! {
        <p class="mb-2 text-sm text-muted">{hint}</p>
        <label class="mb-2 flex flex-col">{t.import_file}
            <input type="file" accept=".csv,.xlsx,text/csv" class=FIELD on:change=pick />
        </label>
        {move || source.workbook.get().map(|(name, _)| view! { <p class="mb-2 font-bold">{t.import_workbook}{name}</p> })}
        <label class="mb-2 flex flex-col">{t.import_table}
            <textarea class=FIELD rows="8" bind:value=source.csv on:input=typed></textarea>
        </label>
        <p class="mb-4 flex gap-2">
            <button class=BUTTON on:click=move |_| send.dispatch(false) disabled=move || send.pending().get()>{t.import_check}</button>
            <button class=BUTTON on:click=move |_| send.dispatch(true) disabled=move || !ready() || send.pending().get()>{t.import_write}</button>
        </p>
    }
}

/// A checked table as shown: each row's line, cells and error, and whether it was written.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Checked {
    pub written: bool,
    pub rows: Vec<(usize, Vec<String>, Option<String>)>,
}

impl Checked {
    /// A clean check, not yet written: the import may go ahead.
    fn ready(&self) -> bool {
        !self.written && !self.rows.is_empty() && self.rows.iter().all(|row| row.2.is_none())
    }
}

/// An import: the input, and the report of the last check or write under `head`. `run` sends
/// the CSV text, the workbook and whether to write.
pub(super) fn importer<Fut>(
    hint: &'static str,
    head: Vec<&'static str>,
    written_text: &'static str,
    run: impl Fn(String, Option<String>, bool) -> Fut + 'static,
) -> impl IntoView
where
    Fut: Future<Output = Result<Checked, AppError>> + 'static,
{
    let t = use_prefs().desk();
    let source = Source::new();
    let report = RwSignal::new(None::<Result<Checked, AppError>>);
    let send = Submit::new(move |write: &bool| {
        let (csv, workbook) = source.get();
        run(csv, workbook, *write)
    })
    .then(move |result| report.set(Some(result.clone())));
    let ready = move || matches!(report.get(), Some(Ok(ref checked)) if checked.ready());
    view! {
        {table_input(hint, source, move || report.set(None), send, ready)}
        {move || report.get().map(|r| match r {
            Err(error) => error_note(error).into_any(),
            Ok(checked) => {
                let wrong = checked.rows.iter().filter(|r| r.2.is_some()).count();
                let head = head.clone();
                view! {
                    <p role="status" class="mb-2 font-bold">{counted(checked.written, checked.rows.len(), wrong, written_text)}</p>
                    <table class="w-full text-sm">
                        <thead><tr>
                            <th class=CELL>{t.import_line}</th>
                            {head.into_iter().map(|h| view! { <th class=CELL>{h}</th> }).collect_view()}
                            <th class=CELL>{t.import_problem}</th>
                        </tr></thead>
                        <tbody>
                            {checked.rows.into_iter().map(|(line, cells, error)| view! {
                                <tr>
                                    <td class=CELL>{line}</td>
                                    {cells.into_iter().map(|c| view! { <td class=CELL>{c}</td> }).collect_view()}
                                    {problem(error)}
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }
                .into_any()
            }
        })}
    }
}

#[component]
fn LawyersImport() -> impl IntoView {
    let t = use_prefs().desk();
    importer(
        t.import_hint,
        vec![t.col_lawyer, t.col_firm, t.col_licence],
        t.import_written,
        |csv, workbook, write| async move {
            let report = call::<ImportLawyers>(LawyersCsv { csv, write, workbook }).await?;
            let rows = report.rows.into_iter().map(|r| (r.line as usize, vec![r.name, r.firm, r.licence_no], r.error));
            Ok(Checked { written: report.written, rows: rows.collect() })
        },
    )
}

#[component]
fn AssignmentsImport() -> impl IntoView {
    let t = use_prefs().desk();
    let head = vec![t.board_community, t.team_role, t.col_licence, t.col_lawyer, t.team_starts];
    importer(t.import_assignments_hint, head, t.import_assignments_written, |csv, workbook, write| async move {
        let report = call::<ImportAssignments>(AssignmentsCsv { csv, write, workbook }).await?;
        let rows = report.rows.into_iter().map(|r| {
            let cells = vec![r.community, r.role, r.licence_no, r.lawyer_name.unwrap_or_default(), r.starts_on];
            (r.line, cells, r.error)
        });
        Ok(Checked { written: report.written, rows: rows.collect() })
    })
}
