//! Printable documents (`--format html`): one self-contained file each, styles and charts
//! inline, laid out for A4, headed as a Vietnamese state document, with lines for names, dates
//! and signatures. Templates are `maud` macros, which escape every value they are given.

mod advice;
mod charts;
mod council;
mod round;
mod sheet;

use maud::{DOCTYPE, Markup, PreEscaped, html};
use ocop_core::lang::Lang;
use ocop_core::score::UnmetGate;
use rust_decimal::Decimal;

pub use advice::advice;
pub use council::council;
pub use round::ranking;
pub use sheet::{blank_sheet, scorecard};

/// The language of the documents: the paperwork of Vietnamese councils.
const LANG: Lang = Lang::Vi;

const STYLE: &str = r#"
@page { size: A4; margin: 15mm 15mm 18mm 20mm; }
* { box-sizing: border-box; }
html { font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; font-size: 12pt;
  line-height: 1.3; color: #000; }
body { margin: 0; }
.state { display: flex; justify-content: space-between; text-align: center; margin-bottom: 6mm; }
.state .issuer { width: 42%; font-weight: bold; }
.state .nation { width: 58%; }
.state .nation .motto { font-weight: bold; text-decoration: underline; }
.state .nation .place { font-style: italic; margin-top: 2mm; }
h1 { font-size: 14pt; text-align: center; margin: 4mm 0 1mm; }
h2 { font-size: 12.5pt; margin: 5mm 0 2mm; }
.subtitle { text-align: center; font-style: italic; margin-bottom: 4mm; }
.fields p { margin: 1.5mm 0; }
.blank { display: inline-block; min-width: 60mm; border-bottom: 1px dotted #000; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0; }
th, td { border: 1px solid #000; padding: 1mm 1.5mm; vertical-align: top; }
th { background: #eee; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
td.num, th.num { text-align: center; white-space: nowrap; }
tr.part td { font-weight: bold; background: #f2f2f2; }
tr.group td { font-weight: bold; }
tr.total td { font-weight: bold; }
.small { font-size: 9.5pt; }
table.summary { table-layout: fixed; }
table.summary th.code { width: 6%; }
th.name, td.name { width: 34%; }
th.member { font-size: 8pt; font-weight: normal; }
.option { margin: 0.5mm 0; }
.option.ticked { font-weight: bold; }
blockquote { margin: 1mm 0 1mm 4mm; padding-left: 2mm; border-left: 2px solid #888;
  font-style: italic; font-size: 10.5pt; }
.verdict { border: 1.5px solid #000; padding: 2mm 3mm; margin: 3mm 0; break-inside: avoid; }
.verdict p { margin: 1mm 0; }
.signatures { display: flex; justify-content: space-around; text-align: center; margin-top: 8mm;
  break-inside: avoid; }
.signatures > div { width: 45%; }
.signatures .role { font-weight: bold; }
.signatures .hint { font-style: italic; }
.signatures .space { height: 22mm; }
.page-break { break-before: page; }
svg { display: block; margin: 2mm auto; }
svg text { font-family: "DejaVu Sans", sans-serif; font-size: 9px; }
"#;

/// A whole document: the state header, then the body.
fn page(title: &str, issuer: &[&str], place_date: Option<&str>, body: Markup) -> String {
    html! {
        (DOCTYPE)
        html lang="vi" {
            head {
                meta charset="utf-8";
                meta name="generator" content=(format!("ocop {}", env!("CARGO_PKG_VERSION")));
                title { (title) }
                style { (PreEscaped(STYLE)) }
            }
            body {
                (state_header(issuer, place_date))
                (body)
            }
        }
    }
    .into_string()
}

/// The issuer on the left; the national title and motto on the right, with the place and date.
fn state_header(issuer: &[&str], place_date: Option<&str>) -> Markup {
    html! {
        header.state {
            div.issuer {
                @for line in issuer { div { (line) } }
            }
            div.nation {
                div { b { "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" } }
                div.motto { "Độc lập - Tự do - Hạnh phúc" }
                div.place {
                    @match place_date {
                        Some(date) => { "……………, " (date) }
                        None => { "……………, ngày …… tháng …… năm ………" }
                    }
                }
            }
        }
    }
}

/// `ngày 15 tháng 6 năm 2026`, from a `YYYY-MM-DD` date.
fn long_date(date: &str) -> Option<String> {
    let date: jiff::civil::Date = date.parse().ok()?;
    Some(format!(
        "ngày {:02} tháng {:02} năm {}",
        date.day(),
        date.month(),
        date.year()
    ))
}

/// A labelled line to fill in, or the value when known.
fn field(label: &str, value: Option<&str>) -> Markup {
    html! {
        p {
            (label) ": "
            @match value {
                Some(value) if !value.is_empty() => b { (value) },
                _ => span.blank { (PreEscaped("&nbsp;")) },
            }
        }
    }
}

/// Signature blocks: a role, "(Ký, ghi rõ họ tên)", space to sign, and the name when known.
fn signatures(blocks: &[(&str, Option<&str>)]) -> Markup {
    html! {
        div.signatures {
            @for (role, name) in blocks {
                div {
                    div.role { (role) }
                    div.hint { "(Ký, ghi rõ họ tên)" }
                    div.space {}
                    div { b { (name.unwrap_or("")) } }
                }
            }
        }
    }
}

/// A number as Vietnamese writes it: `73,8`.
fn number(value: Decimal) -> String {
    LANG.decimal(value)
}

/// What an unmet star gate asks for: "ít nhất phương án 5 (5 điểm)", or "đạt trên 0 điểm" for a
/// mark on the criterion's heading.
fn gate_requirement(gate: &UnmetGate) -> Markup {
    html! {
        @match gate.marked_option {
            Some(option) => { "ít nhất phương án " (option) " (" (number(gate.required_points.0)) " điểm)" }
            None => { "đạt trên 0 điểm" }
        }
    }
}

/// `★★★☆☆` for 3 of 5 stars.
fn stars(count: u8) -> String {
    let filled = usize::from(count.min(5));
    format!("{}{}", "★".repeat(filled), "☆".repeat(5 - filled))
}

/// The star mark printed after an option: ` ***`.
fn star_mark(star: Option<u8>) -> String {
    star.map(|stars| format!(" {}", "*".repeat(usize::from(stars))))
        .unwrap_or_default()
}
