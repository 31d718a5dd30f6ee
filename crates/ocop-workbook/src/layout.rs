//! Where everything stands in a council workbook: tab names, labels, rows and columns. The
//! writer and the reader both take their places from here, so that they cannot disagree.

use ocop_core::sheet::Cell;

/// The layout version recorded in the hidden tab; a workbook of another layout is refused.
pub(crate) const FORMAT: &str = "ocop-workbook/1";

/// The cover tab: product, product set, council, date, evaluation kind, members and roles.
pub(crate) const COVER_TAB: &str = "Thông tin chung";
/// The producer's self-assessment (Mẫu số 02, Phần III).
pub(crate) const SELF_ASSESSMENT_TAB: &str = "Tự đánh giá";
/// The hidden tab recording what the workbook was made for, and the dropdown lists.
pub(crate) const RECORD_TAB: &str = "ocop";

/// The tab of the `n`-th scoring member, from 1.
pub(crate) fn member_tab(n: usize) -> String {
    format!("Thành viên {n}")
}

/// Column of labels on the cover and at the top of a member's tab.
pub(crate) const LABEL_COLUMN: u16 = 0;
/// Column of the value beside each label.
pub(crate) const VALUE_COLUMN: u16 = 1;

/// The cover's labelled rows (0-based), each with its label.
pub(crate) mod cover {
    /// The rubric, its revision and decision (fixed).
    pub(crate) const RUBRIC: (u32, &str) = (3, "Bộ tiêu chí");
    /// The product set's number (fixed); its name stands to its right.
    pub(crate) const PRODUCT_SET: (u32, &str) = (4, "Bộ sản phẩm");
    /// The product's name.
    pub(crate) const PRODUCT: (u32, &str) = (5, "Sản phẩm");
    /// The product's code.
    pub(crate) const PRODUCT_CODE: (u32, &str) = (6, "Mã sản phẩm");
    /// The council's level.
    pub(crate) const LEVEL: (u32, &str) = (7, "Cấp Hội đồng");
    /// The evaluation date.
    pub(crate) const DATE: (u32, &str) = (8, "Ngày đánh giá");
    /// The kind of evaluation (Mẫu 01, mục 4).
    pub(crate) const EVALUATION: (u32, &str) = (9, "Loại đánh giá");
    /// The members' table heading.
    pub(crate) const MEMBERS_HEADER: u32 = 11;
    /// The headings of the members' table.
    pub(crate) const MEMBER_COLUMNS: [&str; 5] =
        ["STT", "Mã thành viên", "Họ tên", "Vai trò", "Trang"];
    /// Column of the member's id in the members' table.
    pub(crate) const MEMBER_ID: u16 = 1;
    /// Column of the member's name.
    pub(crate) const MEMBER_NAME: u16 = 2;
    /// Column of the member's role.
    pub(crate) const MEMBER_ROLE: u16 = 3;
    /// Column of the member's tab, for those who score.
    pub(crate) const MEMBER_TAB: u16 = 4;
}

/// A scoring member's tab and the self-assessment tab.
pub(crate) mod sheet {
    /// The member's id (fixed).
    pub(crate) const ID: (u32, &str) = (1, "Mã thành viên");
    /// The member's name.
    pub(crate) const NAME: (u32, &str) = (2, "Họ tên");
    /// The member's role (fixed).
    pub(crate) const ROLE: (u32, &str) = (3, "Vai trò");
    /// The sheet-level knock-out "Hồ sơ bị loại khi: …", where the set prints one.
    pub(crate) const DOSSIER: (u32, &str) = (4, "Hồ sơ bị loại");
    /// The header row of the criteria table.
    pub(crate) const HEADER: u32 = 6;
    /// The first criterion's row.
    pub(crate) const FIRST: u32 = 7;
    /// Criterion code as printed.
    pub(crate) const CODE: u16 = 0;
    /// Criterion name and notes.
    pub(crate) const NAME_COLUMN: u16 = 1;
    /// The criterion's maximum.
    pub(crate) const MAX: u16 = 2;
    /// The options with their points and star marks.
    pub(crate) const OPTIONS: u16 = 3;
    /// The answer.
    pub(crate) const CHOICE: u16 = 4;
    /// `x` where the member invokes the criterion's knock-out.
    pub(crate) const KNOCKOUT: u16 = 5;
    /// The headings of a member's criteria table.
    pub(crate) const MEMBER_COLUMNS: [&str; 6] =
        ["Mã", "Tiêu chí", "Điểm tối đa", "Phương án", "Chọn", "Loại"];
    /// The headings of the self-assessment's table (the producer asserts no knock-out).
    pub(crate) const SELF_COLUMNS: [&str; 5] =
        ["Mã", "Tiêu chí", "Điểm tối đa", "Phương án", "Chọn"];
}

/// The hidden record tab.
pub(crate) mod record {
    /// Rows of the record: key in column A, value in column B.
    pub(crate) const FORMAT: u32 = 0;
    /// The rubric id.
    pub(crate) const RUBRIC: u32 = 1;
    /// The rubric's data revision.
    pub(crate) const REVISION: u32 = 2;
    /// The product set's number.
    pub(crate) const PRODUCT_SET: u32 = 3;
    /// The product set's fingerprint.
    pub(crate) const FINGERPRINT: u32 = 4;
    /// Session fields the workbook does not show, as JSON.
    pub(crate) const CARRIED: u32 = 6;
    /// The heading of the list of member tabs.
    pub(crate) const TABS_HEADER: u32 = 7;
    /// The keys of the record's rows, in order.
    pub(crate) const KEYS: [&str; 6] = [
        "format",
        "rubric",
        "revision",
        "product_set",
        "fingerprint",
        "generator",
    ];
    /// The first column of the dropdown lists, one column per criterion.
    pub(crate) const FIRST_LIST_COLUMN: u16 = 4;
}

/// A cell's reference with its tab, as a spreadsheet writes it: `'Thành viên 3'!E14`.
pub(crate) fn cell(tab: &str, row: u32, column: u16) -> Cell {
    Cell {
        tab: tab.to_owned(),
        cell: format!("{}!{}", quoted(tab), a1(row, column)),
    }
}

/// A range on a tab, absolute, for a dropdown's source: `ocop!$E$2:$E$5`.
pub(crate) fn absolute_range(tab: &str, column: u16, first: u32, last: u32) -> String {
    let letters = column_letters(column);
    format!(
        "{}!${letters}${}:${letters}${}",
        quoted(tab),
        first + 1,
        last + 1
    )
}

/// `E14` for row 13, column 4 (both 0-based).
pub(crate) fn a1(row: u32, column: u16) -> String {
    format!("{}{}", column_letters(column), row + 1)
}

fn column_letters(column: u16) -> String {
    let mut letters = Vec::new();
    let mut rest = u32::from(column) + 1;
    while rest > 0 {
        let digit = (rest - 1) % 26;
        letters.push(char::from(b'A' + digit as u8));
        rest = (rest - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// A tab name as a reference writes it: quoted (with `'` doubled) unless it is a plain word.
fn quoted(tab: &str) -> String {
    if !tab.is_empty() && tab.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        tab.to_owned()
    } else {
        format!("'{}'", tab.replace('\'', "''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_name_the_tab_and_the_cell_as_spreadsheets_do() {
        assert_eq!(cell("Thành viên 3", 13, 4).cell, "'Thành viên 3'!E14");
        assert_eq!(cell("ocop", 0, 1).cell, "ocop!B1");
        assert_eq!(cell("Tab's", 0, 0).cell, "'Tab''s'!A1");
        assert_eq!(a1(0, 26), "AA1");
        assert_eq!(a1(9, 701), "ZZ10");
        assert_eq!(absolute_range("ocop", 4, 1, 4), "ocop!$E$2:$E$5");
    }
}
