//! A round's result list, with charts: the stars awarded, the members' leniency, and how each
//! member sits from the council's mean on each criterion.

use maud::html;
use ocop_core::council::{CouncilResult, Panel};
use ocop_core::lang::Describe;
use ocop_core::round::{Ranked, RoundFailure};

use super::charts::{bars, diverging, heat_map};
use super::{LANG, page};

/// The ranked round and the sessions that could not be scored; `results` are the sessions'
/// full results, for the charts about members.
pub fn ranking(ranked: &Ranked, failures: &[RoundFailure], results: &[CouncilResult]) -> String {
    let distribution = &ranked.distribution;
    let star_bars: Vec<(String, usize)> = (1..=5)
        .map(|stars| {
            let count = distribution.by_stars.get(&stars).copied().unwrap_or(0);
            (format!("{stars}★"), count)
        })
        .collect();
    let panel = Panel::of(results);
    let leniency: Vec<_> = panel
        .members
        .iter()
        .cloned()
        .zip(panel.leniency.iter().copied())
        .collect();
    let body = html! {
        h1 { "KẾT QUẢ ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP CỦA ĐỢT" }
        div.subtitle { (ranked.rows.len() + failures.len()) " sản phẩm" }
        table.small {
            thead {
                tr {
                    th.num { "Hạng" } th { "Sản phẩm" } th.num { "Mã" } th.num { "Bộ" }
                    th.num { "Điểm trung bình" } th.num { "Hạng sao" } th { "Trạng thái" } th { "Công nhận" }
                }
            }
            tbody {
                @for row in &ranked.rows {
                    tr {
                        td.num { @if row.tied_rank != row.rank { "=" (row.tied_rank) } @else { (row.rank) } }
                        td { (row.product.as_deref().unwrap_or("—")) }
                        td.num { (row.product_code.as_deref().unwrap_or("—")) }
                        td.num { (row.product_set) }
                        td.num { (LANG.approx(row.mean_total.0)) }
                        td.num { @if let Some(stars) = row.stars { (stars) "★" } @else { "—" } }
                        td { (row.status.label(LANG)) }
                        td { (if row.certifiable { "có" } else { "không" }) }
                    }
                }
            }
        }
        @if !failures.is_empty() {
            h2 { "Hồ sơ không chấm được" }
            ul.small {
                @for failure in failures {
                    @for problem in &failure.problems {
                        li { (failure.source) ": " (problem.describe(LANG)) }
                    }
                }
            }
        }
        h2 { "Phân bố hạng sao (sản phẩm xếp hạng)" }
        (bars("Phân bố hạng sao", &star_bars))
        @if !leniency.is_empty() {
            h2 { "Mức chấm của thành viên so với các thành viên khác (trung bình, điểm)" }
            (diverging("Mức chấm của thành viên", &leniency))
            h2 { "Độ lệch của thành viên so với điểm trung bình Hội đồng, theo chỉ tiêu" }
            (heat_map("Độ lệch theo chỉ tiêu và thành viên", &panel.members, &panel.criteria, &panel.deviation))
        }
    };
    page(
        "Kết quả xếp hạng đợt đánh giá OCOP",
        &["HỘI ĐỒNG ĐÁNH GIÁ, PHÂN HẠNG", "SẢN PHẨM OCOP"],
        None,
        body,
    )
}
