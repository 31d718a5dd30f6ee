//! A province's register kept as a workbook: its first sheet read into the same table as a CSV
//! file, so that `ocop register` follows it the same way.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use ocop_core::register::{Table, TableError};

use crate::read::{cell_text, serial_date};

/// Reads the first sheet of a workbook as a register's table: the first non-empty row is the
/// header, blank rows are skipped, and row numbers are the sheet's own. A date cell reads as
/// `YYYY-MM-DD`, a whole number without its `.0`.
pub fn register_table(bytes: &[u8]) -> Result<Table, TableError> {
    let unreadable = |message: String| TableError { row: 0, message };
    let mut workbook: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes))
        .map_err(|error: calamine::XlsxError| unreadable(format!("not a workbook: {error}")))?;
    let range = workbook
        .worksheet_range_at(0)
        .ok_or_else(|| unreadable("the workbook has no sheet".to_owned()))?
        .map_err(|error| unreadable(error.to_string()))?;
    let first_row = range.start().map_or(0, |(row, _)| u64::from(row));
    let rows = (0_u64..).zip(range.rows()).map(|(offset, cells)| {
        let cells = cells.iter().map(register_cell).collect();
        Ok((first_row + offset + 1, cells))
    });
    Table::from_rows(rows, "sheet")
}

/// A cell as the register reads text: dates as `YYYY-MM-DD`.
fn register_cell(data: &Data) -> String {
    match data {
        Data::DateTime(datetime) => {
            serial_date(datetime.as_f64()).map_or_else(|| cell_text(data), |date| date.to_string())
        }
        other => cell_text(other),
    }
}
