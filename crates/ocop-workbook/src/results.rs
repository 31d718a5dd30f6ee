//! Results as workbooks (`--format xlsx`): a council's result and a round's ranking, with real
//! numbers in number cells and Vietnamese headings, so nobody fights a CSV's encoding in a
//! spreadsheet. The numbers are the engine's; no cell holds a formula.

use ocop_core::council::{CouncilResult, MemberResult};
use ocop_core::decimal::Exact;
use ocop_core::lang::{Describe, Lang};
use ocop_core::round::{Ranked, RoundFailure};
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{Color, Format, FormatBorder, Workbook, Worksheet, XlsxError};

use crate::labels;

struct Styles {
    header: Format,
    label: Format,
    number: Format,
}

impl Styles {
    fn new() -> Self {
        Self {
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_border(FormatBorder::Thin)
                .set_background_color(Color::RGB(0x00D9_E2EC)),
            label: Format::new().set_bold(),
            number: Format::new().set_num_format("0.##"),
        }
    }
}

fn number(value: Exact) -> f64 {
    value.0.to_f64().unwrap_or_default()
}

fn headings(
    worksheet: &mut Worksheet,
    row: u32,
    headings: &[&str],
    styles: &Styles,
) -> Result<(), XlsxError> {
    for (column, heading) in (0..).zip(headings) {
        worksheet.write_string_with_format(row, column, *heading, &styles.header)?;
    }
    worksheet.set_freeze_panes(row + 1, 0)?;
    Ok(())
}

/// A cell value of a results table.
enum Value {
    Text(String),
    Number(f64),
    Empty,
}

fn write_row(
    worksheet: &mut Worksheet,
    row: u32,
    values: Vec<Value>,
    styles: &Styles,
) -> Result<(), XlsxError> {
    for (column, value) in (0..).zip(values) {
        match value {
            Value::Text(text) => {
                worksheet.write_string(row, column, text)?;
            }
            Value::Number(number) => {
                worksheet.write_number_with_format(row, column, number, &styles.number)?;
            }
            Value::Empty => {}
        }
    }
    Ok(())
}

/// Stars, or an empty cell where there is no result to band.
fn stars(stars: Option<u8>) -> Value {
    stars.map_or(Value::Empty, |stars| Value::Number(f64::from(stars)))
}

fn text(value: impl Into<String>) -> Value {
    Value::Text(value.into())
}

fn yes_no(value: bool) -> Value {
    text(if value { labels::YES } else { labels::NO })
}

/// The council's result: the verdict, the summary table (criteria × members, with the mean) and
/// the members.
pub fn council_result_workbook(result: &CouncilResult) -> Result<Vec<u8>, XlsxError> {
    let styles = Styles::new();
    let mut workbook = Workbook::new();
    let lang = Lang::Vi;

    let verdict = workbook.add_worksheet();
    verdict.set_name("Kết quả")?;
    verdict.set_column_width(0, 34)?;
    verdict.set_column_width(1, 40)?;
    let product = result.product.as_ref();
    let rows = [
        (
            "Sản phẩm",
            text(product.map(|p| p.name.clone()).unwrap_or_default()),
        ),
        (
            "Mã sản phẩm",
            text(product.and_then(|p| p.code.clone()).unwrap_or_default()),
        ),
        (
            "Bộ sản phẩm",
            text(format!(
                "{}: {}",
                result.product_set, result.product_set_name
            )),
        ),
        (
            "Bộ tiêu chí",
            text(format!(
                "{} (dữ liệu bản {})",
                result.rubric, result.rubric_revision
            )),
        ),
        ("Cấp Hội đồng", text(labels::level_label(result.level))),
        (
            "Ngày đánh giá",
            text(
                result
                    .evaluated_on
                    .as_deref()
                    .map(|date| lang.date_text(date))
                    .unwrap_or_default(),
            ),
        ),
        ("Trạng thái", text(result.status.label(lang))),
        ("Điểm trung bình", Value::Number(number(result.mean_total))),
        (
            "Điểm trung bình (phân số chính xác)",
            text(result.mean_total_fraction.clone()),
        ),
        ("Hạng theo điểm trung bình (sao)", stars(result.band_stars)),
        (
            "Tối đa theo tiêu chí bắt buộc (sao)",
            stars(result.gate_cap),
        ),
        ("Hạng sao", stars(result.stars)),
        ("Đủ điều kiện công nhận", yes_no(result.certifiable)),
        ("Tiềm năng 5 sao", yes_no(result.potential_five_star)),
    ];
    for (row, (label, value)) in (0..).zip(rows) {
        verdict.write_string_with_format(row, 0, label, &styles.label)?;
        write_row(verdict, row, vec![Value::Empty, value], &styles)?;
    }

    let scored: Vec<&MemberResult> = result
        .members
        .iter()
        .filter(|member| {
            result
                .criteria
                .iter()
                .any(|c| c.points.contains_key(&member.id))
        })
        .collect();
    let summary = workbook.add_worksheet();
    summary.set_name("Bảng tổng hợp")?;
    summary.set_column_width(1, 48)?;
    let member_headings: Vec<String> = scored
        .iter()
        .map(|member| match &member.name {
            Some(name) => format!("{} ({name})", member.id),
            None => member.id.clone(),
        })
        .collect();
    let mut heading: Vec<&str> = vec!["Mã", "Tiêu chí", "Điểm tối đa"];
    heading.extend(member_headings.iter().map(String::as_str));
    heading.push("Trung bình");
    headings(summary, 0, &heading, &styles)?;
    let mut row = 1;
    for criterion in &result.criteria {
        let mut values = vec![
            text(criterion.code.clone()),
            text(criterion.name.clone()),
            Value::Number(number(criterion.max)),
        ];
        values.extend(scored.iter().map(|member| {
            criterion
                .points
                .get(&member.id)
                .map_or(Value::Empty, |points| Value::Number(number(*points)))
        }));
        values.push(
            criterion
                .mean
                .map_or(Value::Empty, |mean| Value::Number(number(mean))),
        );
        write_row(summary, row, values, &styles)?;
        row += 1;
    }
    let mut totals = vec![text("Tổng điểm"), Value::Empty, Value::Empty];
    totals.extend(scored.iter().map(|member| {
        member
            .total
            .map_or(Value::Empty, |total| Value::Number(number(total)))
    }));
    totals.push(Value::Number(number(result.mean_total)));
    write_row(summary, row, totals, &styles)?;

    let members = workbook.add_worksheet();
    members.set_name("Thành viên")?;
    members.set_column_width(1, 28)?;
    headings(
        members,
        0,
        &[
            "Mã thành viên",
            "Họ tên",
            "Vai trò",
            "Được tính điểm",
            "Tổng điểm",
            "Hạng sao",
        ],
        &styles,
    )?;
    for (row, member) in (1..).zip(&result.members) {
        let values = vec![
            text(member.id.clone()),
            text(member.name.clone().unwrap_or_default()),
            text(member.role.name_vi()),
            yes_no(member.counted),
            member
                .total
                .map_or(Value::Empty, |total| Value::Number(number(total))),
            member
                .stars
                .map_or(Value::Empty, |stars| Value::Number(f64::from(stars))),
        ];
        write_row(members, row, values, &styles)?;
    }
    workbook.save_to_buffer()
}

/// A round's ranking, and the sessions that could not be scored with their problems.
pub fn ranking_workbook(ranked: &Ranked, failures: &[RoundFailure]) -> Result<Vec<u8>, XlsxError> {
    let styles = Styles::new();
    let mut workbook = Workbook::new();
    let lang = Lang::Vi;
    let list = workbook.add_worksheet();
    list.set_name("Xếp hạng")?;
    list.set_column_width(2, 32)?;
    headings(
        list,
        0,
        &[
            "Hạng",
            "Đồng hạng",
            "Sản phẩm",
            "Mã sản phẩm",
            "Bộ sản phẩm",
            "Bộ tiêu chí",
            "Trạng thái",
            "Điểm trung bình",
            "Hạng theo điểm (sao)",
            "Hạng sao",
            "Đủ điều kiện công nhận",
            "Số thành viên tính điểm",
            "Nguồn",
        ],
        &styles,
    )?;
    for (row, entry) in (1..).zip(&ranked.rows) {
        let count = |value: usize| Value::Number(value as f64);
        let values = vec![
            count(entry.rank),
            count(entry.tied_rank),
            text(entry.product.clone().unwrap_or_default()),
            text(entry.product_code.clone().unwrap_or_default()),
            Value::Number(f64::from(entry.product_set)),
            text(entry.rubric.clone()),
            text(entry.status.label(lang)),
            Value::Number(number(entry.mean_total)),
            stars(entry.band_stars),
            stars(entry.stars),
            yes_no(entry.certifiable),
            count(entry.counted_members),
            text(entry.source.clone()),
        ];
        write_row(list, row, values, &styles)?;
    }
    let failed = workbook.add_worksheet();
    failed.set_name("Không chấm được")?;
    failed.set_column_width(0, 32)?;
    failed.set_column_width(3, 80)?;
    headings(failed, 0, &["Nguồn", "Vị trí", "Chỉ tiêu", "Lỗi"], &styles)?;
    let mut row = 1;
    for failure in failures {
        for problem in &failure.problems {
            let place = match (&problem.cell, problem.position) {
                (Some(cell), _) => cell.cell.clone(),
                (None, Some(position)) => position.to_string(),
                (None, None) => problem.path.to_string(),
            };
            let values = vec![
                text(failure.source.clone()),
                text(place),
                text(problem.criterion.clone().unwrap_or_default()),
                text(problem.kind.describe(lang)),
            ];
            write_row(failed, row, values, &styles)?;
            row += 1;
        }
    }
    workbook.save_to_buffer()
}
