//! Council workbooks (`.xlsx`): the paperwork of an OCOP council as a spreadsheet it fills in,
//! and read back into the engine's own input.
//!
//! A workbook is made from a council session (its members, roles, product and set, and any
//! answers already given) or for a blank council ([`Form`]). It has a cover tab, one tab per
//! scoring member (`Thành viên 1`, …) with one row per answerable criterion (`Mã`, `Tiêu chí`,
//! `Điểm tối đa`, `Phương án`, `Chọn`, `Loại`), the producer's self-assessment (Mẫu số 02, Phần
//! III), and a hidden tab recording the rubric, revision, product set and data fingerprint it
//! was made for. Only answer cells are unlocked, and no cell computes anything: the engine is
//! the only scorer.
//!
//! Reading a workbook ([`read`]) gives the same session or sheet document the JSON readers take;
//! the engine then checks it, and [`ReadWorkbook::place`] puts each problem back in the tab and
//! cell it came from, with its criterion. A workbook made for other data, or with rows moved or
//! criteria edited, is refused with the reason.

mod form;
mod labels;
mod layout;
mod read;
mod register;
mod results;
mod write;

pub use form::{Form, FormMember};
pub use read::{MemberChoice, ReadWorkbook, WorkbookDocument, is_workbook, read};
pub use register::register_table;
pub use results::{council_result_workbook, ranking_workbook};
pub use write::council_workbook;

/// The error of writing a workbook (only ever a defect: every input is the engine's own).
pub use rust_xlsxwriter::XlsxError;
