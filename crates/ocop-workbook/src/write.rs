//! Writing a council workbook: a cover, one tab per scoring member, the self-assessment, and a
//! hidden record of what it was made for. Only answer cells are unlocked; no cell holds a
//! formula, so nothing in the workbook computes a score.

use ocop_core::rubric::LeafRef;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, ExcelDateTime, Format, FormatAlign,
    FormatBorder, Formula, Workbook, Worksheet, XlsxError,
};
use serde_json::Value;

use crate::form::{Form, FormMember};
use crate::labels::{self, EVALUATIONS, KNOCKOUT_MARK, NO, YES};
use crate::layout::{self, COVER_TAB, LABEL_COLUMN, RECORD_TAB, SELF_ASSESSMENT_TAB, VALUE_COLUMN};
use crate::layout::{cover, record, sheet};

/// A4 in the spreadsheet's paper codes.
const A4: u8 = 9;

/// Writes the workbook of a form, as the bytes of an `.xlsx` file.
pub fn council_workbook(form: &Form<'_>) -> Result<Vec<u8>, XlsxError> {
    let styles = Styles::new();
    let mut workbook = Workbook::new();
    let lists = Lists::of(form);

    let cover = workbook.add_worksheet();
    write_cover(cover, form, &styles)?;
    let mut number = 0;
    for member in form.members.iter().filter(|member| form.has_tab(member)) {
        number += 1;
        let tab = layout::member_tab(number);
        let worksheet = workbook.add_worksheet();
        worksheet.set_name(&tab)?;
        write_member(worksheet, form, member, &lists, &styles)?;
    }
    let assessment = workbook.add_worksheet();
    assessment.set_name(SELF_ASSESSMENT_TAB)?;
    write_self_assessment(assessment, form, &lists, &styles)?;
    let recorded = workbook.add_worksheet();
    recorded.set_name(RECORD_TAB)?;
    write_record(recorded, form, &lists)?;
    workbook.save_to_buffer()
}

/// The formats of the workbook.
struct Styles {
    title: Format,
    label: Format,
    fixed: Format,
    header: Format,
    text: Format,
    number: Format,
    input: Format,
    date_input: Format,
    note: Format,
}

impl Styles {
    fn new() -> Self {
        let cell = || {
            Format::new()
                .set_border(FormatBorder::Thin)
                .set_align(FormatAlign::Top)
        };
        let input = cell()
            .set_unlocked()
            .set_background_color(Color::RGB(0x00FF_F8DC))
            .set_text_wrap();
        Self {
            title: Format::new().set_bold().set_font_size(14),
            label: Format::new().set_bold(),
            fixed: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            header: cell()
                .set_bold()
                .set_background_color(Color::RGB(0x00D9_E2EC))
                .set_text_wrap(),
            text: cell().set_text_wrap(),
            number: cell().set_align(FormatAlign::Center),
            date_input: input.clone().set_num_format("dd/mm/yyyy"),
            input,
            note: Format::new().set_italic().set_text_wrap(),
        }
    }
}

/// The dropdown lists, one column of the hidden record per criterion that has one.
struct Lists {
    columns: Vec<(String, Vec<String>)>,
}

impl Lists {
    fn of(form: &Form<'_>) -> Self {
        let columns = form
            .loaded
            .set
            .leaves()
            .map(|leaf| {
                (
                    leaf.criterion.code.clone(),
                    labels::dropdown(leaf.criterion),
                )
            })
            .filter(|(_, entries)| !entries.is_empty())
            .collect();
        Self { columns }
    }

    /// The dropdown of a criterion's `Chọn` cell, if it has one.
    fn validation(&self, code: &str) -> Option<DataValidation> {
        let (index, (_, entries)) = self
            .columns
            .iter()
            .enumerate()
            .find(|(_, (listed, _))| listed == code)?;
        let column = record::FIRST_LIST_COLUMN + u16::try_from(index).ok()?;
        let last = u32::try_from(entries.len()).ok()?;
        let range = layout::absolute_range(RECORD_TAB, column, 1, last);
        // A typed option number is an answer too: the list only informs, it does not refuse.
        Some(
            DataValidation::new()
                .allow_list_formula(Formula::new(format!("={range}")))
                .set_error_style(DataValidationErrorStyle::Information),
        )
    }
}

fn set_up_page(worksheet: &mut Worksheet) {
    worksheet
        .set_paper_size(A4)
        .set_landscape()
        .set_print_fit_to_pages(1, 0);
}

fn write_cover(
    worksheet: &mut Worksheet,
    form: &Form<'_>,
    styles: &Styles,
) -> Result<(), XlsxError> {
    let (instrument, set) = (&form.loaded.instrument, &form.loaded.set);
    worksheet.set_name(COVER_TAB)?;
    set_up_page(worksheet);
    worksheet.set_column_width(0, 22)?;
    worksheet.set_column_width(1, 18)?;
    worksheet.set_column_width(2, 36)?;
    worksheet.set_column_width(3, 18)?;
    worksheet.set_column_width(4, 16)?;
    worksheet.write_string_with_format(
        0,
        0,
        "HỘI ĐỒNG ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP",
        &styles.title,
    )?;
    worksheet.write_string_with_format(1, 0, &instrument.title, &styles.fixed)?;

    let label = |worksheet: &mut Worksheet, (row, text): (u32, &str)| {
        worksheet
            .write_string_with_format(row, LABEL_COLUMN, text, &styles.label)
            .map(drop)
    };
    label(worksheet, cover::RUBRIC)?;
    worksheet.write_string(cover::RUBRIC.0, VALUE_COLUMN, instrument.key())?;
    worksheet.write_string(
        cover::RUBRIC.0,
        VALUE_COLUMN + 1,
        format!("Quyết định {}", instrument.decision.number),
    )?;
    label(worksheet, cover::PRODUCT_SET)?;
    worksheet.write_number(cover::PRODUCT_SET.0, VALUE_COLUMN, f64::from(set.number))?;
    worksheet.write_string(cover::PRODUCT_SET.0, VALUE_COLUMN + 1, &set.name)?;

    label(worksheet, cover::PRODUCT)?;
    let product = form.product.as_ref();
    let name = product.map(|product| product.name.as_str()).unwrap_or("");
    worksheet.write_string_with_format(cover::PRODUCT.0, VALUE_COLUMN, name, &styles.input)?;
    label(worksheet, cover::PRODUCT_CODE)?;
    let code = product
        .and_then(|product| product.code.as_deref())
        .unwrap_or("");
    worksheet.write_string_with_format(cover::PRODUCT_CODE.0, VALUE_COLUMN, code, &styles.input)?;

    label(worksheet, cover::LEVEL)?;
    let level = form.level.map(labels::level_label).unwrap_or_default();
    worksheet.write_string_with_format(cover::LEVEL.0, VALUE_COLUMN, level, &styles.input)?;
    let levels: Vec<String> = labels::LEVELS
        .iter()
        .map(|level| labels::level_label(*level))
        .collect();
    worksheet.add_data_validation(
        cover::LEVEL.0,
        VALUE_COLUMN,
        cover::LEVEL.0,
        VALUE_COLUMN,
        &DataValidation::new().allow_list_strings(&levels)?,
    )?;

    label(worksheet, cover::DATE)?;
    match form.evaluated_on {
        Some(date) => {
            let (year, month, day) = (date.year(), date.month(), date.day());
            let datetime = ExcelDateTime::from_ymd(
                u16::try_from(year).unwrap_or_default(),
                u8::try_from(month).unwrap_or_default(),
                u8::try_from(day).unwrap_or_default(),
            )?;
            worksheet.write_datetime_with_format(
                cover::DATE.0,
                VALUE_COLUMN,
                &datetime,
                &styles.date_input,
            )?;
        }
        None => {
            worksheet.write_blank(cover::DATE.0, VALUE_COLUMN, &styles.date_input)?;
        }
    }
    worksheet.write_string_with_format(
        cover::DATE.0,
        VALUE_COLUMN + 1,
        "ngày/tháng/năm",
        &styles.note,
    )?;

    label(worksheet, cover::EVALUATION)?;
    let evaluation = form
        .evaluation
        .as_deref()
        .map(|key| {
            EVALUATIONS
                .iter()
                .find(|(known, _)| *known == key)
                .map_or(key, |(_, label)| label)
        })
        .unwrap_or("");
    worksheet.write_string_with_format(
        cover::EVALUATION.0,
        VALUE_COLUMN,
        evaluation,
        &styles.input,
    )?;
    let kinds: Vec<&str> = EVALUATIONS.iter().map(|(_, label)| *label).collect();
    worksheet.add_data_validation(
        cover::EVALUATION.0,
        VALUE_COLUMN,
        cover::EVALUATION.0,
        VALUE_COLUMN,
        &DataValidation::new().allow_list_strings(&kinds)?,
    )?;

    for (column, heading) in (0..).zip(cover::MEMBER_COLUMNS) {
        worksheet.write_string_with_format(
            cover::MEMBERS_HEADER,
            column,
            heading,
            &styles.header,
        )?;
    }
    let mut tab_number = 0;
    for (row, (number, member)) in (cover::MEMBERS_HEADER + 1..).zip((1..).zip(&form.members)) {
        worksheet.write_number_with_format(row, 0, f64::from(number), &styles.number)?;
        worksheet.write_string_with_format(row, cover::MEMBER_ID, &member.id, &styles.text)?;
        let name = member.name.as_deref().unwrap_or("");
        worksheet.write_string_with_format(row, cover::MEMBER_NAME, name, &styles.text)?;
        worksheet.write_string_with_format(
            row,
            cover::MEMBER_ROLE,
            member.role.name_vi(),
            &styles.text,
        )?;
        let tab = if form.has_tab(member) {
            tab_number += 1;
            layout::member_tab(tab_number)
        } else {
            "không chấm điểm".to_owned()
        };
        worksheet.write_string_with_format(row, cover::MEMBER_TAB, tab, &styles.text)?;
    }
    worksheet.protect();
    worksheet.set_active(true);
    Ok(())
}

/// The top of a member's tab and of the self-assessment: title and guidance.
fn write_sheet_heading(
    worksheet: &mut Worksheet,
    title: &str,
    guidance: &str,
    styles: &Styles,
) -> Result<(), XlsxError> {
    set_up_page(worksheet);
    worksheet.set_column_width(sheet::CODE, 8)?;
    worksheet.set_column_width(sheet::NAME_COLUMN, 48)?;
    worksheet.set_column_width(sheet::MAX, 8)?;
    worksheet.set_column_width(sheet::OPTIONS, 64)?;
    worksheet.set_column_width(sheet::CHOICE, 18)?;
    worksheet.set_column_width(sheet::KNOCKOUT, 7)?;
    worksheet.write_string_with_format(0, 0, title, &styles.title)?;
    worksheet.write_string_with_format(sheet::HEADER - 1, 0, guidance, &styles.note)?;
    worksheet.set_freeze_panes(sheet::FIRST, 0)?;
    worksheet.set_repeat_rows(sheet::HEADER, sheet::HEADER)?;
    Ok(())
}

fn set_title(form: &Form<'_>) -> String {
    let set = &form.loaded.set;
    format!("Bộ sản phẩm {}: {}", set.number, set.name)
}

const MEMBER_GUIDANCE: &str = "Chọn: số thứ tự phương án (1, 2, …) hoặc chọn trong danh sách; \
     Có/Không cho chỉ tiêu không có phương án; các số cách nhau bằng dấu ; cho chỉ tiêu cộng điểm. \
     Loại: ghi x nếu sản phẩm bị loại theo ghi chú của chỉ tiêu. Sổ tính không tính điểm: \
     điểm, tổng điểm và hạng sao do ocop tính từ các phương án đã chọn.";

fn write_member(
    worksheet: &mut Worksheet,
    form: &Form<'_>,
    member: &FormMember,
    lists: &Lists,
    styles: &Styles,
) -> Result<(), XlsxError> {
    let title = format!("PHIẾU ĐÁNH GIÁ SẢN PHẨM OCOP — {}", set_title(form));
    write_sheet_heading(worksheet, &title, MEMBER_GUIDANCE, styles)?;
    let label = |worksheet: &mut Worksheet, (row, text): (u32, &str)| {
        worksheet
            .write_string_with_format(row, LABEL_COLUMN, text, &styles.label)
            .map(drop)
    };
    label(worksheet, sheet::ID)?;
    worksheet.write_string(sheet::ID.0, VALUE_COLUMN, &member.id)?;
    label(worksheet, sheet::NAME)?;
    let name = member.name.as_deref().unwrap_or("");
    worksheet.write_string_with_format(sheet::NAME.0, VALUE_COLUMN, name, &styles.input)?;
    label(worksheet, sheet::ROLE)?;
    worksheet.write_string(sheet::ROLE.0, VALUE_COLUMN, member.role.name_vi())?;
    if let Some(rule) = &form.loaded.set.dossier_rule {
        label(worksheet, sheet::DOSSIER)?;
        let marked = member
            .knockouts
            .iter()
            .any(|code| code == ocop_core::sheet::DOSSIER);
        let mark = if marked { KNOCKOUT_MARK } else { "" };
        worksheet.write_string_with_format(sheet::DOSSIER.0, VALUE_COLUMN, mark, &styles.input)?;
        worksheet.add_data_validation(
            sheet::DOSSIER.0,
            VALUE_COLUMN,
            sheet::DOSSIER.0,
            VALUE_COLUMN,
            &knockout_validation()?,
        )?;
        worksheet.write_string_with_format(
            sheet::DOSSIER.0,
            VALUE_COLUMN + 1,
            rule,
            &styles.fixed,
        )?;
    }
    write_criteria(
        worksheet,
        form,
        &sheet::MEMBER_COLUMNS,
        |code| member.answers.get(code),
        |code| member.knockouts.iter().any(|claimed| claimed == code),
        lists,
        styles,
    )?;
    worksheet.protect();
    Ok(())
}

fn write_self_assessment(
    worksheet: &mut Worksheet,
    form: &Form<'_>,
    lists: &Lists,
    styles: &Styles,
) -> Result<(), XlsxError> {
    let title = format!(
        "BÁO CÁO TỰ ĐÁNH GIÁ VỀ SẢN PHẨM (Mẫu số 02) — Phần III. Đánh giá kết quả thực hiện \
         theo Bộ tiêu chí sản phẩm OCOP — {}",
        set_title(form)
    );
    let guidance = "Chủ thể tự đánh giá điểm số có thể đạt theo từng chỉ tiêu. Chọn: số thứ tự \
                    phương án hoặc chọn trong danh sách; Có/Không cho chỉ tiêu không có phương án.";
    write_sheet_heading(worksheet, &title, guidance, styles)?;
    write_criteria(
        worksheet,
        form,
        &sheet::SELF_COLUMNS,
        |code| form.self_assessment.get(code),
        |_| false,
        lists,
        styles,
    )?;
    worksheet.protect();
    Ok(())
}

fn knockout_validation() -> Result<DataValidation, XlsxError> {
    DataValidation::new().allow_list_strings(&[KNOCKOUT_MARK])
}

/// The criteria table: one row per answerable criterion, in printed order.
fn write_criteria<'f>(
    worksheet: &mut Worksheet,
    form: &'f Form<'_>,
    headings: &[&str],
    answer: impl Fn(&str) -> Option<&'f Value>,
    knocked_out: impl Fn(&str) -> bool,
    lists: &Lists,
    styles: &Styles,
) -> Result<(), XlsxError> {
    for (column, heading) in (0..).zip(headings) {
        worksheet.write_string_with_format(sheet::HEADER, column, *heading, &styles.header)?;
    }
    let with_knockouts = headings.len() > usize::from(sheet::KNOCKOUT);
    for (row, leaf) in (sheet::FIRST..).zip(form.loaded.set.leaves()) {
        let criterion = leaf.criterion;
        write_fixed(worksheet, row, &leaf, styles)?;
        let choice = answer(&criterion.code).map(choice_text).unwrap_or_default();
        match choice {
            Choice::Number(number) => {
                worksheet.write_number_with_format(row, sheet::CHOICE, number, &styles.input)?
            }
            Choice::Text(text) => {
                worksheet.write_string_with_format(row, sheet::CHOICE, text, &styles.input)?
            }
            Choice::Empty => worksheet.write_blank(row, sheet::CHOICE, &styles.input)?,
        };
        if let Some(validation) = lists.validation(&criterion.code) {
            worksheet.add_data_validation(row, sheet::CHOICE, row, sheet::CHOICE, &validation)?;
        }
        if with_knockouts {
            if criterion.knockout.is_some() {
                let mark = if knocked_out(&criterion.code) {
                    KNOCKOUT_MARK
                } else {
                    ""
                };
                worksheet.write_string_with_format(row, sheet::KNOCKOUT, mark, &styles.input)?;
                worksheet.add_data_validation(
                    row,
                    sheet::KNOCKOUT,
                    row,
                    sheet::KNOCKOUT,
                    &knockout_validation()?,
                )?;
            } else {
                worksheet.write_blank(row, sheet::KNOCKOUT, &styles.text)?;
            }
        }
    }
    Ok(())
}

/// The cells of a criterion's row that the reader checks are unchanged.
fn write_fixed(
    worksheet: &mut Worksheet,
    row: u32,
    leaf: &LeafRef<'_>,
    styles: &Styles,
) -> Result<(), XlsxError> {
    let criterion = leaf.criterion;
    worksheet.write_string_with_format(row, sheet::CODE, &criterion.code, &styles.text)?;
    worksheet.write_string_with_format(
        row,
        sheet::NAME_COLUMN,
        labels::criterion_text(leaf),
        &styles.text,
    )?;
    worksheet.write_number_with_format(
        row,
        sheet::MAX,
        criterion.max.to_f64().unwrap_or_default(),
        &styles.number,
    )?;
    worksheet.write_string_with_format(
        row,
        sheet::OPTIONS,
        labels::options_text(criterion),
        &styles.text,
    )?;
    Ok(())
}

/// What a `Chọn` cell holds for an answer given in JSON.
#[derive(Default)]
enum Choice {
    Number(f64),
    Text(String),
    #[default]
    Empty,
}

fn choice_text(value: &Value) -> Choice {
    match value {
        Value::Number(number) => number.as_f64().map_or(Choice::Empty, Choice::Number),
        Value::Bool(true) => Choice::Text(YES.to_owned()),
        Value::Bool(false) => Choice::Text(NO.to_owned()),
        // An additive criterion on which nothing applies.
        Value::Array(numbers) if numbers.is_empty() => Choice::Text(NO.to_owned()),
        Value::Array(numbers) => Choice::Text(
            numbers
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(";"),
        ),
        _ => Choice::Empty,
    }
}

fn write_record(
    worksheet: &mut Worksheet,
    form: &Form<'_>,
    lists: &Lists,
) -> Result<(), XlsxError> {
    let (instrument, set) = (&form.loaded.instrument, &form.loaded.set);
    let values = [
        layout::FORMAT.to_owned(),
        instrument.id.clone(),
        instrument.revision.to_string(),
        set.number.to_string(),
        set.fingerprint.clone(),
        format!("ocop {}", env!("CARGO_PKG_VERSION")),
    ];
    for (row, (key, value)) in (0..).zip(record::KEYS.iter().zip(values)) {
        worksheet.write_string(row, 0, *key)?;
        worksheet.write_string(row, 1, value)?;
    }
    let carried = serde_json::to_string(&form.carried).unwrap_or_default();
    worksheet.write_string(record::CARRIED, 0, "carried")?;
    worksheet.write_string(record::CARRIED, 1, carried)?;
    worksheet.write_string(record::TABS_HEADER, 0, "tab")?;
    worksheet.write_string(record::TABS_HEADER, 1, "member")?;
    let scoring = form.members.iter().filter(|member| form.has_tab(member));
    for (row, (number, member)) in (record::TABS_HEADER + 1..).zip((1..).zip(scoring)) {
        worksheet.write_string(row, 0, layout::member_tab(number))?;
        worksheet.write_string(row, 1, &member.id)?;
    }
    for (column, (code, entries)) in (record::FIRST_LIST_COLUMN..).zip(&lists.columns) {
        worksheet.write_string(0, column, code)?;
        for (row, entry) in (1..).zip(entries) {
            worksheet.write_string(row, column, entry)?;
        }
    }
    worksheet.set_hidden(true);
    worksheet.protect();
    Ok(())
}
