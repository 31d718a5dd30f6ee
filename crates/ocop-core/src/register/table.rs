//! A register as a table of text cells, whatever file it came from: a CSV file now, a workbook
//! sheet when one is read into the same [`Table`].

use schemars::JsonSchema;
use serde::Serialize;

/// A table: a header row and data rows, each row with its number in the file (the header is
/// row 1 when it is the file's first line).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Table {
    /// The header cells, trimmed.
    pub headers: Vec<String>,
    /// The header's row number.
    pub header_row: u64,
    /// The data rows.
    pub rows: Vec<TableRow>,
}

/// A data row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableRow {
    /// Its row number in the file (1-based, counting the header).
    pub number: u64,
    /// Its cells, trimmed, in the header's order (missing cells are empty).
    pub cells: Vec<String>,
}

/// Why a file cannot be read as a table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema, thiserror::Error)]
#[error("row {row}: {message}")]
pub struct TableError {
    /// The row where reading stopped.
    pub row: u64,
    /// What is wrong.
    pub message: String,
}

/// Reads CSV: UTF-8 with or without a byte-order mark, comma- or semicolon-separated (whichever
/// the header row uses more of), the first non-empty row being the header. Blank rows are
/// skipped.
pub fn read_csv(bytes: &[u8]) -> Result<Table, TableError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let header_line = bytes
        .split(|byte| *byte == b'\n')
        .find(|line| line.iter().any(|byte| !byte.is_ascii_whitespace()))
        .unwrap_or_default();
    let count = |separator: u8| {
        header_line
            .iter()
            .filter(|byte| **byte == separator)
            .count()
    };
    let delimiter = if count(b';') > count(b',') {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let rows = reader.byte_records().map(|record| {
        let record = record.map_err(|error| TableError {
            row: error.position().map_or(0, csv::Position::line),
            message: error.to_string(),
        })?;
        let row = record.position().map_or(0, csv::Position::line);
        let cells = record
            .iter()
            .map(|cell| {
                std::str::from_utf8(cell)
                    .map(|text| text.trim().to_owned())
                    .map_err(|_| TableError {
                        row,
                        message: "not UTF-8 text (save the file as CSV UTF-8)".to_owned(),
                    })
            })
            .collect::<Result<Vec<String>, TableError>>()?;
        Ok((row, cells))
    });
    Table::from_rows(rows, "file")
}

impl Table {
    /// A table from rows of cells, each with its row number, as a file or a sheet gives them:
    /// blank rows are skipped and the first other row is the header. The first error stops the
    /// reading; `source` names what was read when it has no header row ("file", "sheet").
    pub fn from_rows(
        rows: impl IntoIterator<Item = Result<(u64, Vec<String>), TableError>>,
        source: &str,
    ) -> Result<Table, TableError> {
        let mut table = Table::default();
        let mut header_seen = false;
        for row in rows {
            let (number, cells) = row?;
            if cells.iter().all(String::is_empty) {
                continue;
            }
            if header_seen {
                table.rows.push(TableRow { number, cells });
            } else {
                table.headers = cells;
                table.header_row = number;
                header_seen = true;
            }
        }
        if !header_seen {
            return Err(TableError {
                row: 1,
                message: format!("the {source} has no header row"),
            });
        }
        Ok(table)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bom_and_semicolons_are_read() {
        let table =
            read_csv("\u{feff}Mã;Tên sản phẩm\nA1;\"Tỏi; đen\"\n\n;\nA2;Mắm\n".as_bytes()).unwrap();
        assert_eq!(table.headers, ["Mã", "Tên sản phẩm"]);
        assert_eq!(table.rows.len(), 2);
        assert_eq!(table.rows[0].cells, ["A1", "Tỏi; đen"]);
        assert_eq!(table.rows[1].number, 5);
    }

    #[test]
    fn text_that_is_not_utf8_is_refused_at_its_row() {
        let error = read_csv(b"code,name\nA1,T\xf4i\n").unwrap_err();
        assert_eq!(error.row, 2);
    }
}
