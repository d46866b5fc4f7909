//! The board's referrals: for each kind, how many were handed over (the resident agreed) and
//! where they stand, those past their answer's due time, and those of special groups.

use crate::domain::{ReferralKind, ReferralStatus, ServiceCategory};
use crate::model::ReferralTally;
use crate::ui::use_prefs;
use leptos::prelude::*;

const CELL: &str = "border-b border-line px-2 py-1 text-left";

/// The kinds in the board's order, with the service category that names each.
const KINDS: [(ReferralKind, ServiceCategory); 3] = [
    (ReferralKind::LegalAid, ServiceCategory::ReferralLegalAid),
    (ReferralKind::Mediation, ServiceCategory::ReferralMediation),
    (ReferralKind::Notary, ServiceCategory::ReferralNotary),
];

/// Where a handed-over referral can stand, in the table's order.
const STANDING: [ReferralStatus; 4] =
    [ReferralStatus::Sent, ReferralStatus::Accepted, ReferralStatus::Declined, ReferralStatus::Closed];

#[component]
pub fn Referrals(tallies: Vec<ReferralTally>) -> impl IntoView {
    let t = use_prefs().desk();
    let count = move |kind: ReferralKind, keep: &dyn Fn(&ReferralTally) -> i64| -> i64 {
        tallies.iter().filter(|r| r.kind == kind && STANDING.contains(&r.status)).map(keep).sum()
    };
    let rows: Vec<(ServiceCategory, [i64; 7])> = KINDS
        .iter()
        .map(|(kind, category)| {
            let of = |status: ReferralStatus| count(*kind, &|r| if r.status == status { r.referrals } else { 0 });
            let green = count(*kind, &|r| if r.special_group.is_some() { r.referrals } else { 0 });
            let row = [
                count(*kind, &|r| r.referrals),
                of(STANDING[0]),
                of(STANDING[1]),
                of(STANDING[2]),
                of(STANDING[3]),
                count(*kind, &|r| r.overdue),
                green,
            ];
            (*category, row)
        })
        .filter(|(_, row)| row[0] > 0)
        .collect();
    (!rows.is_empty()).then(|| {
        let head = [t.ref_handed, t.ref_sent, t.ref_accepted, t.ref_declined, t.ref_closed, t.ref_overdue, t.ref_green];
        view! {
            <h2 class="mb-2 text-lg font-bold">{t.board_referrals}</h2>
            <div class="mb-4 overflow-x-auto">
                <table class="w-full text-sm">
                    <thead><tr>
                        <th class=CELL>{t.board_referrals}</th>
                        {head.into_iter().map(|h| view! { <th class=CELL>{h}</th> }).collect_view()}
                    </tr></thead>
                    <tbody>
                        {rows.into_iter().map(|(category, row)| view! {
                            <tr>
                                <th class=CELL scope="row">{category.label(t)}</th>
                                {row.into_iter().map(|n| view! { <td class=CELL>{n}</td> }).collect_view()}
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
    })
}
