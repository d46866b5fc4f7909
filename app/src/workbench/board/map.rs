//! The board's map: each listed community's office as a dot where it is — red with a gap, blue
//! without — and each street's name amid its communities. Drawn as SVG from the offices'
//! coordinates alone: no map tiles to fetch, so it works offline and prints as it shows. Each
//! dot links to the community's team (the SVG is a group, so the links stay reachable).

use crate::model::{CommunityLine, StreetLine};
use crate::ui::use_prefs;
use leptos::prelude::*;

const WIDTH: f64 = 720.0;
/// Room around the dots for the street names.
const MARGIN: f64 = 24.0;

/// The map of `communities` (those with a position), named by `streets`.
#[component]
pub fn Map(communities: Vec<CommunityLine>, streets: Vec<StreetLine>) -> impl IntoView {
    let t = use_prefs().desk();
    let placed: Vec<(CommunityLine, f64, f64)> =
        communities.into_iter().filter_map(|c| c.position.map(|(lat, lng)| (c, lat, lng))).collect();
    if placed.len() < 2 {
        return ().into_any();
    }
    let (min_lat, max_lat) = placed.iter().fold((f64::MAX, f64::MIN), |(lo, hi), p| (lo.min(p.1), hi.max(p.1)));
    let (min_lng, max_lng) = placed.iter().fold((f64::MAX, f64::MIN), |(lo, hi), p| (lo.min(p.2), hi.max(p.2)));
    // Degrees of longitude shrink away from the equator; a little span keeps one point drawable.
    let shrink = ((min_lat + max_lat) / 2.0).to_radians().cos();
    let (span_x, span_y) = (((max_lng - min_lng) * shrink).max(1e-4), (max_lat - min_lat).max(1e-4));
    let scale = ((WIDTH - 2.0 * MARGIN) / span_x).min(360.0 / span_y);
    let height = span_y * scale + 2.0 * MARGIN;
    let x = move |lng: f64| MARGIN + (lng - min_lng) * shrink * scale;
    let y = move |lat: f64| MARGIN + (max_lat - lat) * scale;
    let with_gaps = placed.iter().filter(|p| !p.0.gaps.is_empty()).count();
    let caption =
        t.board_map_caption.replace("{n}", &placed.len().to_string()).replace("{gaps}", &with_gaps.to_string());
    // Each street's name at the middle of its communities.
    let labels: Vec<(String, f64, f64)> = streets
        .iter()
        .filter_map(|s| {
            let own: Vec<&(CommunityLine, f64, f64)> = placed.iter().filter(|p| p.0.street_id == s.id).collect();
            let n = own.len() as f64;
            (n > 0.0).then(|| {
                (
                    s.name.clone(),
                    own.iter().map(|p| x(p.2)).sum::<f64>() / n,
                    own.iter().map(|p| y(p.1)).sum::<f64>() / n,
                )
            })
        })
        .collect();
    let labels = apart(labels);
    view! {
        <figure class="mb-4">
            <figcaption id="board-map" class="mb-1 font-bold">{caption}</figcaption>
            <svg viewBox=format!("0 0 {WIDTH} {height:.0}") class="w-full rounded-lg border border-line bg-surface" role="group" aria-labelledby="board-map">
                {placed.into_iter().map(|(line, lat, lng)| {
                    let words: Vec<&str> = line.gaps.iter().map(|g| g.label(t)).collect();
                    let title = if words.is_empty() { line.name.clone() } else { format!("{}: {}", line.name, words.join("、")) };
                    let class = if words.is_empty() { "fill-brand" } else { "fill-danger" };
                    let label = title.clone();
                    // Inside `<g>`, so that `a` and `title` are made as SVG elements.
                    view! {
                        <g>
                            <a href=format!("/desk/team?community={}", line.id) aria-label=label>
                                <title>{title}</title>
                                <circle cx=format!("{:.1}", x(lng)) cy=format!("{:.1}", y(lat)) r="6" class=class />
                            </a>
                        </g>
                    }
                }).collect_view()}
                {labels.into_iter().map(|(name, lx, ly)| view! {
                    <text x=format!("{lx:.1}") y=format!("{ly:.1}") text-anchor="middle" class="fill-muted text-xs" aria-hidden="true">{name}</text>
                }).collect_view()}
            </svg>
        </figure>
    }
    .into_any()
}

/// The height of a label's line, in the map's units (its text is 12 high).
const LINE: f64 = 14.0;

/// Street labels `(name, x, y)` at their streets' middles, each moved to the nearest baseline
/// (above its point first, then below, further each time) where it overlaps no label placed
/// before it: neighbouring streets' names stay readable.
fn apart(labels: Vec<(String, f64, f64)>) -> Vec<(String, f64, f64)> {
    // Wide characters are about as wide as the text is high; Latin ones about half.
    let width = |name: &str| name.chars().map(|c| if c.is_ascii() { 7.0 } else { 12.0 }).sum::<f64>() + 4.0;
    let mut placed: Vec<(String, f64, f64, f64)> = Vec::with_capacity(labels.len());
    for (name, x, y) in labels {
        let w = width(&name);
        let clear = |baseline: f64| {
            placed.iter().all(|(_, px, py, pw)| (x - px).abs() * 2.0 >= w + pw || (baseline - py).abs() >= LINE)
        };
        let baseline = (0..40)
            .map(|k| {
                let step = f64::from(k / 2 + 1) * LINE;
                if k % 2 == 0 {
                    y - 10.0 - (step - LINE)
                } else {
                    y + 10.0 + step - LINE / 2.0
                }
            })
            .find(|b| clear(*b))
            .unwrap_or(y - 10.0);
        placed.push((name, x, baseline, w));
    }
    placed.into_iter().map(|(name, x, y, _)| (name, x, y)).collect()
}

#[cfg(test)]
mod tests {
    use super::apart;

    #[test]
    fn labels_of_close_streets_do_not_overlap() {
        let labels = vec![
            ("新安街道".to_owned(), 300.0, 200.0),
            ("西乡街道".to_owned(), 310.0, 204.0),
            ("航城街道".to_owned(), 305.0, 198.0),
        ];
        let placed = apart(labels);
        for (i, a) in placed.iter().enumerate() {
            for b in &placed[i + 1..] {
                assert!((a.2 - b.2).abs() >= 14.0 || (a.1 - b.1).abs() * 2.0 >= 2.0 * 52.0, "{a:?} overlaps {b:?}");
            }
        }
        assert_eq!(placed[0].2, 190.0, "the first stays just above its point");
        let far = apart(vec![("A".to_owned(), 10.0, 100.0), ("B".to_owned(), 500.0, 100.0)]);
        assert_eq!((far[0].2, far[1].2), (90.0, 90.0), "labels apart stay where they are");
    }
}
