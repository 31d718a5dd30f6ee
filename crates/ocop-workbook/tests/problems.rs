//! Workbooks filled in, and misfilled, as people do: every answer form is read, and every
//! problem names its tab, cell and criterion; altered workbooks are refused with the reason.

use calamine::{Data, Reader, SheetVisible, Xlsx, open_workbook_from_rs};
use ocop_core::council::{self, SessionOptions};
use ocop_core::rubric::Catalog;
use ocop_core::sheet::{Completeness, InputProblem};
use ocop_workbook::{Form, council_workbook, read};
use rust_xlsxwriter::Workbook;
use serde_json::Value;

/// A cell's new content in an edit.
#[derive(Clone)]
enum Put {
    Text(&'static str),
    Number(f64),
    Clear,
}

/// The workbook rewritten cell by cell with some cells changed, as a person editing it in a
/// spreadsheet would leave it (without its dropdowns and protection, which the reader does not
/// rely on). Tabs listed in `drop` are left out.
fn edited(bytes: &[u8], edits: &[(&str, u32, u16, Put)], drop: &[&str]) -> Vec<u8> {
    let mut original: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let sheets = original.sheets_metadata().to_vec();
    let mut copy = Workbook::new();
    for sheet in sheets
        .iter()
        .filter(|sheet| !drop.contains(&sheet.name.as_str()))
    {
        let range = original.worksheet_range(&sheet.name).unwrap();
        let worksheet = copy.add_worksheet();
        worksheet.set_name(&sheet.name).unwrap();
        worksheet.set_hidden(sheet.visible != SheetVisible::Visible);
        for (row, column, data) in range.used_cells() {
            let (row, column) = (row as u32 + range.start().unwrap().0, column as u16);
            let column = column + range.start().unwrap().1 as u16;
            match data {
                Data::String(text) => drop_err(worksheet.write_string(row, column, text)),
                Data::Float(number) => drop_err(worksheet.write_number(row, column, *number)),
                Data::Int(number) => drop_err(worksheet.write_number(row, column, *number as f64)),
                Data::Bool(value) => drop_err(worksheet.write_boolean(row, column, *value)),
                Data::DateTime(date) => {
                    drop_err(worksheet.write_number(row, column, date.as_f64()))
                }
                _ => {}
            }
        }
        for (tab, row, column, put) in edits.iter().filter(|edit| edit.0 == sheet.name) {
            let _ = tab;
            match put {
                Put::Text(text) => drop_err(worksheet.write_string(*row, *column, *text)),
                Put::Number(number) => drop_err(worksheet.write_number(*row, *column, *number)),
                Put::Clear => {
                    worksheet.clear_cell(*row, *column);
                }
            }
        }
    }
    copy.save_to_buffer().unwrap()
}

fn drop_err<T>(result: Result<T, rust_xlsxwriter::XlsxError>) {
    result.map(drop).unwrap();
}

/// A blank workbook for three members of set 10 under QĐ 26/2026, province level filled in.
fn blank() -> Vec<u8> {
    let form = Form::blank(Catalog::bundled(), "qd26-2026", 10, 3).unwrap();
    let bytes = council_workbook(&form).unwrap();
    edited(
        &bytes,
        &[("Thông tin chung", 7, 1, Put::Text("Cấp tỉnh"))],
        &[],
    )
}

/// The example session's workbook: five members and a secretary, every answer given.
fn example() -> Vec<u8> {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/examples/council-toi-den-ly-son.json"
    ))
    .unwrap();
    council_workbook(&Form::from_session(Catalog::bundled(), &text).unwrap()).unwrap()
}

const MEMBER_1: &str = "Thành viên 1";
/// Row of criterion 1.1 (the first) and 1.2 on a member's tab, 0-based.
const ROW_1_1: u32 = 7;
const ROW_1_2: u32 = 8;
const CHOICE: u16 = 4;
const KNOCKOUT: u16 = 5;

fn session_of(bytes: &[u8]) -> Value {
    let workbook = read(Catalog::bundled(), bytes).unwrap_or_else(|p| panic!("{p:#?}"));
    serde_json::from_str(workbook.session().text()).unwrap()
}

/// Every problem of a workbook: refused whole, or found by the engine and placed.
fn problems(bytes: &[u8], completeness: Completeness) -> Vec<InputProblem> {
    let catalog = Catalog::bundled();
    let workbook = match read(catalog, bytes) {
        Ok(workbook) => workbook,
        Err(problems) => return problems.into_vec(),
    };
    let document = workbook.session();
    let options = SessionOptions {
        completeness,
        rules_file: None,
    };
    document
        .check(council::score_session(catalog, document.text(), options))
        .err()
        .unwrap_or_default()
        .into_vec()
}

fn only(problems: &[InputProblem]) -> &InputProblem {
    assert_eq!(problems.len(), 1, "{problems:#?}");
    &problems[0]
}

fn kind(problem: &InputProblem) -> &'static str {
    problem.kind.name()
}

#[test]
fn options_are_read_as_numbers_dropdown_entries_yes_no_and_lists() {
    let entry = "2. Sử dụng nguyên liệu có nguồn gốc trong tỉnh từ 50% đến dưới 75% (2 điểm)";
    let bytes = edited(
        &blank(),
        &[
            (MEMBER_1, ROW_1_1, CHOICE, Put::Text(entry)),
            (MEMBER_1, ROW_1_2, CHOICE, Put::Number(3.0)),
            // Criterion 2.4 (bilingual labelling) is printed without options.
            (MEMBER_1, ROW_1_1 + 10, CHOICE, Put::Text("có")),
            (MEMBER_1, ROW_1_1, KNOCKOUT, Put::Text("x")),
            (MEMBER_1, 4, 1, Put::Text("x")),
            ("Thông tin chung", 8, 1, Put::Text("15/6/2026")),
        ],
        &[],
    );
    let session = session_of(&bytes);
    let member = &session["members"][0];
    assert_eq!(member["answers"]["1.1"], 2);
    assert_eq!(member["answers"]["1.2"], 3);
    assert_eq!(member["answers"]["2.4"], true);
    assert_eq!(member["answers"]["1.3"], Value::Null);
    assert_eq!(member["knockouts"], serde_json::json!(["dossier", "1.1"]));
    assert_eq!(session["evaluated_on"], "2026-06-15");
    assert_eq!(session["council"]["level"], "province");
    assert_eq!(session["rubric"], "qd26-2026@2");
    // Members who left their tab untouched did not score.
    assert!(session["members"][1].get("answers").is_none());
}

#[test]
fn a_choice_naming_no_option_is_reported_in_its_cell_with_its_criterion() {
    let bytes = edited(
        &blank(),
        &[(MEMBER_1, ROW_1_2, CHOICE, Put::Text("tốt"))],
        &[],
    );
    let problems = problems(&bytes, Completeness::Partial);
    let problem = only(&problems);
    assert_eq!(kind(problem), "unknown_choice");
    assert_eq!(problem.cell.as_ref().unwrap().cell, "'Thành viên 1'!E9");
    assert_eq!(problem.cell.as_ref().unwrap().tab, "Thành viên 1");
    assert_eq!(problem.criterion.as_deref(), Some("1.2"));
    assert!(problem.message.contains("\"tốt\""), "{}", problem.message);
}

#[test]
fn the_engines_problems_are_placed_in_the_cells_they_come_from() {
    let bytes = edited(
        &example(),
        &[("Thành viên 3", ROW_1_2, CHOICE, Put::Number(9.0))],
        &[],
    );
    let problem = only(&problems(&bytes, Completeness::Complete)).clone();
    assert_eq!(kind(&problem), "option_out_of_range");
    assert_eq!(problem.cell.unwrap().cell, "'Thành viên 3'!E9");
    assert_eq!(problem.criterion.as_deref(), Some("1.2"));
    assert_eq!(problem.path.to_string(), "/members/2/answers/1.2");
    assert_eq!(problem.position, None);
}

#[test]
fn an_unanswered_criterion_is_reported_in_its_empty_cell() {
    let bytes = edited(
        &example(),
        &[("Thành viên 2", ROW_1_1 + 6, CHOICE, Put::Clear)],
        &[],
    );
    let problem = only(&problems(&bytes, Completeness::Complete)).clone();
    assert_eq!(kind(&problem), "missing_answer");
    assert_eq!(problem.cell.unwrap().cell, "'Thành viên 2'!E14");
    assert_eq!(problem.criterion.as_deref(), Some("1.7"));
}

#[test]
fn a_knockout_cell_holds_x_or_nothing() {
    let bytes = edited(
        &blank(),
        &[(MEMBER_1, ROW_1_1, KNOCKOUT, Put::Text("có"))],
        &[],
    );
    let problem = only(&problems(&bytes, Completeness::Partial)).clone();
    assert_eq!(kind(&problem), "unknown_mark");
    assert_eq!(problem.cell.unwrap().cell, "'Thành viên 1'!F8");
    assert_eq!(problem.criterion.as_deref(), Some("1.1"));
}

#[test]
fn moved_rows_are_refused_with_the_reason() {
    let bytes = edited(
        &example(),
        &[
            (MEMBER_1, ROW_1_1, 0, Put::Text("1.2")),
            (MEMBER_1, ROW_1_2, 0, Put::Text("1.1")),
        ],
        &[],
    );
    let problems = problems(&bytes, Completeness::Complete);
    assert!(problems.len() >= 2, "{problems:#?}");
    assert!(problems.iter().all(|p| kind(p) == "workbook_altered"));
    let first = &problems[0];
    assert_eq!(first.cell.as_ref().unwrap().cell, "'Thành viên 1'!A8");
    assert_eq!(first.criterion.as_deref(), Some("1.1"));
    assert!(first.message.contains("di chuyển"), "{}", first.message);
}

#[test]
fn an_edited_criterion_is_refused() {
    let bytes = edited(&example(), &[(MEMBER_1, ROW_1_2, 2, Put::Number(5.0))], &[]);
    let problem = only(&problems(&bytes, Completeness::Complete)).clone();
    assert_eq!(kind(&problem), "workbook_altered");
    assert_eq!(problem.cell.unwrap().cell, "'Thành viên 1'!C9");
    assert_eq!(problem.criterion.as_deref(), Some("1.2"));
}

#[test]
fn a_workbook_for_other_data_is_refused() {
    let fingerprint = edited(&example(), &[("ocop", 4, 1, Put::Text("sha256:0000"))], &[]);
    let problem = only(&problems(&fingerprint, Completeness::Complete)).clone();
    assert_eq!(kind(&problem), "workbook_mismatch");
    assert!(
        problem.message.contains("sha256:0000"),
        "{}",
        problem.message
    );

    let revision = edited(&example(), &[("ocop", 2, 1, Put::Text("9"))], &[]);
    let problem = only(&problems(&revision, Completeness::Complete)).clone();
    assert_eq!(kind(&problem), "workbook_mismatch");
    assert!(
        problem.message.contains("qd26-2026@9"),
        "{}",
        problem.message
    );

    let set = edited(
        &example(),
        &[("Thông tin chung", 4, 1, Put::Number(11.0))],
        &[],
    );
    let problem = only(&problems(&set, Completeness::Complete)).clone();
    assert_eq!(kind(&problem), "workbook_mismatch");
    assert_eq!(problem.cell.unwrap().cell, "'Thông tin chung'!B5");
}

#[test]
fn a_missing_tab_a_foreign_workbook_and_other_files_are_refused() {
    let missing = edited(&example(), &[], &["Thành viên 2"]);
    assert_eq!(
        kind(only(&problems(&missing, Completeness::Complete))),
        "missing_tab"
    );

    let mut foreign = Workbook::new();
    foreign.add_worksheet().write_string(0, 0, "Mã").unwrap();
    let foreign = foreign.save_to_buffer().unwrap();
    assert_eq!(
        kind(only(&problems(&foreign, Completeness::Complete))),
        "foreign_workbook"
    );

    let text = b"{\"rubric\": \"qd26-2026\"}";
    assert_eq!(
        kind(only(&problems(text, Completeness::Complete))),
        "unreadable_workbook"
    );
}
