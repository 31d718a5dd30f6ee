//! Charts drawn as inline SVG: nothing to load, nothing to run, and they print as sharply as
//! the text around them.

use maud::{Markup, html};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::LANG;

const WIDTH: f64 = 640.0;

/// A vertical bar per label, with its count above it.
pub(super) fn bars(title: &str, bars: &[(String, usize)]) -> Markup {
    let height = 180.0;
    let top = bars
        .iter()
        .map(|(_, count)| *count)
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let slot = (WIDTH - 40.0) / bars.len().max(1) as f64;
    html! {
        svg width=(WIDTH) height=(height + 40.0) viewBox=(format!("0 0 {WIDTH} {}", height + 40.0))
            xmlns="http://www.w3.org/2000/svg" role="img" aria-label=(title) {
            title { (title) }
            line x1="30" y1=(height) x2=(WIDTH - 10.0) y2=(height) stroke="#000" {}
            @for (index, (label, count)) in bars.iter().enumerate() {
                @let bar = (*count as f64 / top) * (height - 30.0);
                @let x = 30.0 + slot * index as f64 + slot * 0.2;
                rect x=(x) y=(height - bar) width=(slot * 0.6) height=(bar) fill="#4a6fa5" {}
                text x=(x + slot * 0.3) y=(height - bar - 4.0) text-anchor="middle" { (count) }
                text x=(x + slot * 0.3) y=(height + 14.0) text-anchor="middle" { (label) }
            }
        }
    }
}

/// A horizontal bar per member around a zero line: positive to the right (lenient), negative
/// to the left (strict).
pub(super) fn diverging(title: &str, rows: &[(String, Decimal)]) -> Markup {
    let row_height = 18.0;
    let height = row_height * rows.len() as f64 + 20.0;
    let reach = rows
        .iter()
        .filter_map(|(_, value)| value.abs().to_f64())
        .fold(1.0_f64, f64::max);
    let centre = WIDTH / 2.0;
    let scale = (WIDTH / 2.0 - 90.0) / reach;
    html! {
        svg width=(WIDTH) height=(height) viewBox=(format!("0 0 {WIDTH} {height}"))
            xmlns="http://www.w3.org/2000/svg" role="img" aria-label=(title) {
            title { (title) }
            line x1=(centre) y1="0" x2=(centre) y2=(height) stroke="#000" {}
            @for (index, (label, value)) in rows.iter().enumerate() {
                @let y = 4.0 + row_height * index as f64;
                @let length = value.to_f64().unwrap_or_default() * scale;
                @let (x, fill) = if length >= 0.0 { (centre, "#c0504d") } else { (centre + length, "#4a6fa5") };
                rect x=(x) y=(y) width=(length.abs()) height=(row_height - 6.0) fill=(fill) {}
                text x="4" y=(y + 10.0) { (label) }
                text x=(WIDTH - 4.0) y=(y + 10.0) text-anchor="end" { (LANG.quotient(*value, true)) }
            }
        }
    }
}

/// A criteria × members grid, each cell shaded by how far the member sits from the council's
/// mean on that criterion: red above, blue below, white where they agree.
pub(super) fn heat_map(
    title: &str,
    members: &[String],
    criteria: &[String],
    cells: &[Vec<Option<Decimal>>],
) -> Markup {
    let (cell_width, cell_height, left, top) = (44.0, 12.0, 50.0, 20.0);
    let width = left + cell_width * members.len() as f64 + 10.0;
    let height = top + cell_height * criteria.len() as f64 + 10.0;
    let reach = cells
        .iter()
        .flatten()
        .flatten()
        .filter_map(|value| value.abs().to_f64())
        .fold(0.5_f64, f64::max);
    html! {
        svg width=(width) height=(height) viewBox=(format!("0 0 {width} {height}"))
            xmlns="http://www.w3.org/2000/svg" role="img" aria-label=(title) {
            title { (title) }
            @for (column, member) in members.iter().enumerate() {
                text x=(left + cell_width * (column as f64 + 0.5)) y="12" text-anchor="middle" { (member) }
            }
            @for (row, code) in criteria.iter().enumerate() {
                @let y = top + cell_height * row as f64;
                text x="4" y=(y + 9.0) { (code) }
                @for (column, cell) in cells.get(row).into_iter().flatten().enumerate() {
                    rect x=(left + cell_width * column as f64) y=(y) width=(cell_width) height=(cell_height)
                        fill=(shade(*cell, reach)) stroke="#fff" {
                        title { (code) " · " (members.get(column).map(String::as_str).unwrap_or("")) ": "
                            (cell.map_or_else(|| "—".to_owned(), |value| LANG.approx(value))) }
                    }
                }
            }
        }
    }
}

fn shade(value: Option<Decimal>, reach: f64) -> String {
    let Some(value) = value.and_then(|value| value.to_f64()) else {
        return "#ddd".to_owned();
    };
    let strength = (value.abs() / reach).min(1.0);
    let fade = (255.0 - 155.0 * strength).round() as u8;
    if value >= 0.0 {
        format!("rgb(255,{fade},{fade})")
    } else {
        format!("rgb({fade},{fade},255)")
    }
}
