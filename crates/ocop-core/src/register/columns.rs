//! The columns of a register, named in English or Vietnamese, and one row read through them.

use jiff::civil::Date;
use unicode_normalization::UnicodeNormalization;

use super::Failure;
use super::table::{Table, TableRow};
use crate::rubric::{Level, Stars};

/// A column the register reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Column {
    Code,
    Name,
    Owner,
    Commune,
    District,
    Province,
    Stars,
    Decision,
    DecidedOn,
    Level,
}

impl Column {
    const ALL: [Column; 10] = [
        Column::Code,
        Column::Name,
        Column::Owner,
        Column::Commune,
        Column::District,
        Column::Province,
        Column::Stars,
        Column::Decision,
        Column::DecidedOn,
        Column::Level,
    ];

    /// The English name, and the Vietnamese names a published list uses (compared in lower
    /// case, NFC, spaces collapsed).
    fn names(self) -> &'static [&'static str] {
        match self {
            Self::Code => &["code", "mã", "mã sản phẩm", "mã số"],
            Self::Name => &["name", "tên sản phẩm", "sản phẩm", "tên"],
            Self::Owner => &["owner", "chủ thể", "chủ thể ocop", "tên chủ thể"],
            Self::Commune => &["commune", "xã", "xã, phường", "xã/phường", "phường, xã"],
            Self::District => &["district", "huyện", "quận, huyện", "huyện/thị xã"],
            Self::Province => &["province", "tỉnh", "tỉnh, thành phố", "tỉnh/thành phố"],
            Self::Stars => &["stars", "hạng sao", "số sao", "hạng"],
            Self::Decision => &["decision", "số quyết định", "quyết định"],
            Self::DecidedOn => &["decided_on", "ngày quyết định", "ngày công nhận"],
            Self::Level => &["level", "cấp", "cấp công nhận"],
        }
    }

    /// The English name.
    pub(crate) fn name(self) -> &'static str {
        self.names().first().copied().unwrap_or_default()
    }

    fn required(self) -> bool {
        !matches!(self, Self::District | Self::Province | Self::Level)
    }
}

/// Lower case, NFC, spaces collapsed: how header cells, and a target's places, are compared.
pub(super) fn normalize(text: &str) -> String {
    text.nfc()
        .collect::<String>()
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Where each column stands in a table's header.
pub(crate) struct Layout {
    /// Per column of [`Column::ALL`]: its index in the header, and its header cell.
    found: Vec<Option<(usize, String)>>,
    /// Header cells the register does not read.
    pub(crate) ignored: Vec<String>,
}

impl Layout {
    /// Finds the columns; a required column missing or a column given twice is a failure of the
    /// header row.
    pub(crate) fn of(table: &Table) -> Result<Layout, Vec<Failure>> {
        let mut found: Vec<Option<(usize, String)>> = vec![None; Column::ALL.len()];
        let mut ignored = Vec::new();
        let mut failures = Vec::new();
        for (index, header) in table.headers.iter().enumerate() {
            let wanted = normalize(header);
            let column = Column::ALL
                .iter()
                .position(|column| column.names().contains(&wanted.as_str()));
            match column.and_then(|position| found.get_mut(position).map(|slot| (position, slot))) {
                Some((_, slot @ None)) => *slot = Some((index, header.clone())),
                Some((position, Some((_, first)))) => failures.push(Failure {
                    row: table.header_row,
                    column: Some(header.clone()),
                    message: format!(
                        "cột \"{header}\" trùng với cột \"{first}\" ({})",
                        Column::ALL.get(position).map_or("", |column| column.name())
                    ),
                }),
                None if header.is_empty() => {}
                None => ignored.push(header.clone()),
            }
        }
        for (column, slot) in Column::ALL.iter().zip(&found) {
            if column.required() && slot.is_none() {
                let names = column.names().join("\", \"");
                failures.push(Failure {
                    row: table.header_row,
                    column: Some(column.name().to_owned()),
                    message: format!("thiếu cột bắt buộc \"{names}\""),
                });
            }
        }
        if failures.is_empty() {
            Ok(Layout { found, ignored })
        } else {
            Err(failures)
        }
    }

    /// A row's cell in a column, and the column's header as the file writes it.
    fn cell<'r>(&self, row: &'r TableRow, column: Column) -> Option<(&'r str, &str)> {
        let position = Column::ALL.iter().position(|known| *known == column)?;
        let (index, header) = self.found.get(position)?.as_ref()?;
        let cell = row.cells.get(*index).map_or("", String::as_str);
        Some((cell, header.as_str()))
    }
}

/// One row of the register, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entry {
    pub(crate) row: u64,
    pub(crate) code: String,
    pub(crate) name: String,
    pub(crate) owner: String,
    pub(crate) commune: String,
    pub(crate) district: Option<String>,
    pub(crate) province: Option<String>,
    pub(crate) stars: Stars,
    pub(crate) decision: String,
    pub(crate) decided_on: Date,
    pub(crate) level: Option<Level>,
}

/// Reads a row: the entry, or every problem of the row.
pub(crate) fn read_row(layout: &Layout, row: &TableRow) -> Result<Entry, Vec<Failure>> {
    let mut failures = Vec::new();
    let mut fail = |header: &str, message: String| {
        failures.push(Failure {
            row: row.number,
            column: Some(header.to_owned()),
            message,
        });
    };
    let mut text = |column: Column| -> Option<String> {
        let (cell, header) = layout.cell(row, column)?;
        if cell.is_empty() {
            if column.required() {
                fail(header, "ô trống".to_owned());
            }
            return None;
        }
        Some(cell.nfc().collect())
    };
    let code = text(Column::Code);
    let name = text(Column::Name);
    let owner = text(Column::Owner);
    let commune = text(Column::Commune);
    let district = text(Column::District);
    let province = text(Column::Province);
    let decision = text(Column::Decision);
    let stars_text = text(Column::Stars);
    let decided_text = text(Column::DecidedOn);
    let level_text = text(Column::Level);
    let header = |column: Column| {
        layout
            .cell(row, column)
            .map_or(column.name(), |(_, header)| header)
            .to_owned()
    };
    let stars = stars_text.and_then(|text| {
        let parsed = parse_stars(&text);
        if parsed.is_none() {
            fail(
                &header(Column::Stars),
                format!("\"{text}\" không phải hạng sao được công nhận (3, 4 hoặc 5 sao)"),
            );
        }
        parsed
    });
    let decided_on = decided_text.and_then(|text| match crate::dates::parse(&text) {
        Ok(date) => Some(date),
        Err(_) => {
            fail(
                &header(Column::DecidedOn),
                format!("\"{text}\" không phải ngày (YYYY-MM-DD hoặc D/M/YYYY)"),
            );
            None
        }
    });
    let level = match level_text {
        Some(text) => match parse_level(&text) {
            Some(level) => Some(level),
            None => {
                fail(
                    &header(Column::Level),
                    format!("\"{text}\" không phải cấp công nhận (huyện, tỉnh, trung ương)"),
                );
                None
            }
        },
        None => None,
    };
    match (code, name, owner, commune, stars, decision, decided_on) {
        (
            Some(code),
            Some(name),
            Some(owner),
            Some(commune),
            Some(stars),
            Some(decision),
            Some(decided_on),
        ) if failures.is_empty() => Ok(Entry {
            row: row.number,
            code,
            name,
            owner,
            commune,
            district,
            province,
            stars,
            decision,
            decided_on,
            level,
        }),
        _ => Err(failures),
    }
}

/// `3`, `3 sao`, `3★`, `★★★`: a recognised star level (3 to 5).
fn parse_stars(text: &str) -> Option<Stars> {
    let normalized = normalize(text);
    let stars = if !normalized.is_empty() && normalized.chars().all(|c| c == '★' || c == '*') {
        u8::try_from(normalized.chars().count()).ok()?
    } else {
        let number = normalized
            .trim_end_matches("sao")
            .trim_end_matches('★')
            .trim();
        number.parse::<u8>().ok()?
    };
    (3..=5).contains(&stars).then_some(stars)
}

/// `province`, `tỉnh`, `cấp tỉnh`, `trung ương`, `quốc gia`, `huyện`…
fn parse_level(text: &str) -> Option<Level> {
    let normalized = normalize(text);
    let bare = normalized.trim_start_matches("cấp").trim();
    Level::parse(bare).or(match bare {
        "huyện" => Some(Level::District),
        "tỉnh" => Some(Level::Province),
        "trung ương" | "quốc gia" | "tw" => Some(Level::Central),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stars_are_read_as_people_write_them() {
        for (text, stars) in [
            ("3", Some(3)),
            ("4 sao", Some(4)),
            ("5★", Some(5)),
            ("★★★", Some(3)),
        ] {
            assert_eq!(parse_stars(text), stars, "{text}");
        }
        for text in ["2", "6", "ba sao", ""] {
            assert_eq!(parse_stars(text), None, "{text}");
        }
    }

    #[test]
    fn levels_are_read_in_either_language() {
        assert_eq!(parse_level("Cấp tỉnh"), Some(Level::Province));
        assert_eq!(parse_level("Trung ương"), Some(Level::Central));
        assert_eq!(parse_level("district"), Some(Level::District));
        assert_eq!(parse_level("xã"), None);
    }
}
