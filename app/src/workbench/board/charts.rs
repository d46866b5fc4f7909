//! The board's charts, drawn as inline SVG and CSS: duty-days over the period against the
//! quotas, and the streets side by side. No chart library: these two need a few dozen
//! elements, print as they show, and each carries its numbers in words for screen readers.

use crate::i18n::DeskTexts;
use crate::model::{StreetLine, TimePoint};
use crate::ui::use_prefs;
use leptos::prelude::*;

const WIDTH: f64 = 720.0;
const HEIGHT: f64 = 160.0;

/// `MM-DD` of a `YYYY-MM-DD` date.
fn short(date: &str) -> &str {
    date.get(5..).unwrap_or(date)
}

fn stretch(point: &TimePoint) -> String {
    if point.first == point.last {
        short(&point.first).to_owned()
    } else {
        format!("{}–{}", short(&point.first), short(&point.last))
    }
}

/// Duty-days of each stretch as columns, the quota as a line across them.
#[component]
pub fn OverTime(points: Vec<TimePoint>) -> impl IntoView {
    let t: &DeskTexts = use_prefs().desk();
    if points.is_empty() {
        return ().into_any();
    }
    let top = points.iter().map(|p| p.duty_days.max(p.quota)).max().unwrap_or(0).max(1) as f64;
    let step = WIDTH / points.len() as f64;
    let y = move |v: i64| HEIGHT - v as f64 / top * (HEIGHT - 16.0);
    let quota_line = points
        .iter()
        .enumerate()
        .map(|(k, p)| {
            format!("{:.1},{:.1} {:.1},{:.1}", k as f64 * step, y(p.quota), (k + 1) as f64 * step, y(p.quota))
        })
        .collect::<Vec<_>>()
        .join(" ");
    let (done, asked) = points.iter().fold((0, 0), |(d, q), p| (d + p.duty_days, q + p.quota));
    let label = format!("{} — {}: {done} / {asked}", t.board_over_time, t.board_duty_days);
    let first = short(&points[0].first).to_owned();
    let last = short(&points[points.len() - 1].last).to_owned();
    view! {
        <figure class="mb-4">
            <figcaption class="mb-1 text-lg font-bold">{t.board_over_time}</figcaption>
            <svg viewBox=format!("0 0 {WIDTH} {}", HEIGHT + 2.0) class="h-40 w-full" role="img" aria-label=label preserveAspectRatio="none">
                {points.iter().enumerate().map(|(k, p)| {
                    let tip = format!("{}: {} / {}", stretch(p), p.duty_days, p.quota);
                    let short_of = p.duty_days < p.quota;
                    view! {
                        <rect x=format!("{:.1}", k as f64 * step + step * 0.15) y=format!("{:.1}", y(p.duty_days))
                            width=format!("{:.1}", step * 0.7) height=format!("{:.1}", HEIGHT - y(p.duty_days))
                            class=if short_of { "fill-danger" } else { "fill-brand" }>
                            <title>{tip}</title>
                        </rect>
                    }
                }).collect_view()}
                <polyline points=quota_line fill="none" stroke="currentColor" stroke-width="2" stroke-dasharray="6 4" />
            </svg>
            <p class="flex justify-between text-sm text-muted"><span>{first}</span><span>{t.board_chart_key}</span><span>{last}</span></p>
        </figure>
    }
    .into_any()
}

/// Each street's duty-days against its quota, as bars on one scale.
#[component]
pub fn StreetBars(streets: Vec<StreetLine>) -> impl IntoView {
    let t: &DeskTexts = use_prefs().desk();
    let most = streets.iter().map(|s| s.figures.duty_days.max(s.figures.quota)).max().unwrap_or(0).max(1);
    view! {
        <figure class="mb-4">
            <figcaption class="mb-1 text-lg font-bold">{t.board_street_chart}</figcaption>
            <ul class="space-y-1 text-sm">
                {streets.into_iter().map(|s| {
                    let f = &s.figures;
                    let quota = format!("width: {}%", f.quota * 100 / most);
                    let done = format!("width: {}%", f.duty_days * 100 / most);
                    let short_of = f.duty_days < f.quota;
                    view! {
                        <li class="grid grid-cols-[8rem_1fr_6rem] items-center gap-2">
                            <span>{s.name.clone()}</span>
                            <span class="relative h-3 rounded bg-surface">
                                <span class="absolute inset-y-0 left-0 rounded border border-line" style=quota></span>
                                <span class=if short_of { "absolute inset-y-0 left-0 rounded bg-danger" } else { "absolute inset-y-0 left-0 rounded bg-brand" } style=done></span>
                            </span>
                            <span class="text-right">{format!("{} / {}", f.duty_days, f.quota)}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </figure>
    }
}
