//! A ranked round as a table (text) and as CSV.

use std::fmt::Write as _;

use ocop_core::council::SessionStatus;
use ocop_core::lang::Lang;
use ocop_core::round::{Ranked, status_name};

use super::csv_field;

fn status_label(status: SessionStatus, lang: Lang) -> &'static str {
    status.label(lang)
}

/// The ranked table, then the distribution by stars and by status.
pub(crate) fn ranking(ranking: &Ranked, lang: Lang) -> String {
    let t = |vi, en| lang.pick(vi, en);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} — {} {}",
        t("XẾP HẠNG ĐỢT ĐÁNH GIÁ SẢN PHẨM OCOP", "OCOP ROUND RANKING"),
        ranking.rows.len() + ranking.distribution.failed,
        t("phiên", "sessions")
    );
    let _ = writeln!(
        out,
        "{:>5}  {:<32} {:<14} {:>3} {:>9} {:>4}  {:<16} {}",
        t("Hạng", "Rank"),
        t("Sản phẩm", "Product"),
        t("Mã", "Code"),
        t("Bộ", "Set"),
        t("Điểm TB", "Mean"),
        t("Sao", "Stars"),
        t("Trạng thái", "Status"),
        t("Nguồn", "Source")
    );
    for row in &ranking.rows {
        let rank = if row.tied_rank == row.rank {
            row.rank.to_string()
        } else {
            format!("={}", row.tied_rank)
        };
        let _ = writeln!(
            out,
            "{rank:>5}  {:<32} {:<14} {:>3} {:>9} {:>4}  {:<16} {}",
            row.product.as_deref().unwrap_or("—"),
            row.product_code.as_deref().unwrap_or("—"),
            row.product_set,
            lang.approx(row.mean_total.0),
            row.stars
                .map_or_else(|| "—".to_owned(), |stars| format!("{stars}★")),
            status_label(row.status, lang),
            row.source
        );
    }
    let distribution = &ranking.distribution;
    let stars: Vec<String> = distribution
        .by_stars
        .iter()
        .rev()
        .map(|(stars, count)| format!("{stars}★: {count}"))
        .collect();
    let _ = writeln!(
        out,
        "\n{}: {}",
        t(
            "Theo hạng sao (sản phẩm xếp hạng)",
            "By stars (ranked products)"
        ),
        joined_or_dash(&stars)
    );
    let statuses: Vec<String> = distribution
        .by_status
        .iter()
        .map(|(status, count)| format!("{}: {count}", status_label(*status, lang)))
        .collect();
    let _ = writeln!(
        out,
        "{}: {}",
        t("Theo trạng thái", "By status"),
        joined_or_dash(&statuses)
    );
    if distribution.failed > 0 {
        let _ = writeln!(
            out,
            "{}: {}",
            t(
                "Không chấm được (xem lỗi)",
                "Could not be scored (see errors)"
            ),
            distribution.failed
        );
    }
    out
}

/// The items of a tally, or "—" when it counted nothing (a round in which every session failed).
fn joined_or_dash(items: &[String]) -> String {
    if items.is_empty() {
        "—".to_owned()
    } else {
        items.join(", ")
    }
}

/// One CSV row per ranked session.
pub(crate) fn ranking_csv(ranking: &Ranked) -> String {
    let mut out = String::from(
        "rank,tied_rank,product,product_code,product_set,rubric,status,mean_total,band_stars,stars,certifiable,counted_members,source\n",
    );
    for row in &ranking.rows {
        let _ = writeln!(
            out,
            "{},{},{},{},{},{},{},{},{},{},{},{},{}",
            row.rank,
            row.tied_rank,
            csv_field(row.product.as_deref().unwrap_or("")),
            csv_field(row.product_code.as_deref().unwrap_or("")),
            row.product_set,
            row.rubric,
            status_name(row.status),
            row.mean_total,
            stars_field(row.band_stars),
            stars_field(row.stars),
            row.certifiable,
            row.counted_members,
            csv_field(&row.source)
        );
    }
    out
}

/// Stars in a CSV field: "—" when there are none (no member's sheet counted).
fn stars_field(stars: Option<u8>) -> String {
    stars.map_or_else(|| "—".to_owned(), |stars| stars.to_string())
}
