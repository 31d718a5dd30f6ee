//! The reference transcriptions (`ALL_SHEETS.json`), as they are.
//!
//! Fields are optional wherever one transcription lacks what another has; the converter decides
//! what each absence means.

use serde::Deserialize;

/// A whole `ALL_SHEETS.json`.
#[derive(Debug, Deserialize)]
pub struct Transcription {
    /// Where the transcription comes from.
    pub source: String,
    /// The product sets.
    pub sheets: Vec<Sheet>,
}

/// One product set's sheet.
#[derive(Debug, Deserialize)]
pub struct Sheet {
    /// Number in the decision; a number in some files, a string in others.
    pub set_no: SetNumber,
    /// Name above the sheet.
    pub set_name_heading: Option<String>,
    /// Name in the table of contents.
    pub set_name_toc: Option<String>,
    /// Classification line.
    pub classification: Option<String>,
    /// "Hồ sơ bị loại khi: …".
    pub disqualifier: Option<String>,
    /// Notes under the sheet.
    #[serde(default)]
    pub footnotes: Vec<String>,
    /// Parts A, B, C.
    pub parts: Vec<Part>,
}

/// A set number written either way.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum SetNumber {
    /// `1`.
    Number(u8),
    /// `"1"`.
    Text(String),
}

impl SetNumber {
    /// The number, if it is one.
    pub fn get(&self) -> Option<u8> {
        match self {
            Self::Number(number) => Some(*number),
            Self::Text(text) => text.parse().ok(),
        }
    }
}

/// A part.
#[derive(Debug, Deserialize)]
pub struct Part {
    /// `A`, `B` or `C`.
    pub part: String,
    /// Heading as printed.
    pub title: String,
    /// Points cell, as read.
    pub max_raw: Option<String>,
    /// Criteria groups.
    pub groups: Vec<Group>,
}

/// A criteria group.
#[derive(Debug, Deserialize)]
pub struct Group {
    /// Code as printed.
    pub code: String,
    /// Name as printed.
    pub name: String,
    /// Points cell, as read.
    pub max_raw: Option<String>,
    /// Notes under the heading.
    #[serde(default)]
    pub notes: Vec<String>,
    /// Criteria.
    pub criteria: Vec<Criterion>,
}

/// A criterion.
#[derive(Debug, Deserialize)]
pub struct Criterion {
    /// Code as printed.
    pub code: String,
    /// Name as printed.
    pub name: String,
    /// Points cell, as read.
    pub max_raw: Option<String>,
    /// Points as a number (used where no raw cell was kept).
    pub max: Option<f64>,
    /// Notes printed with the criterion.
    #[serde(default)]
    pub notes: Vec<String>,
    /// The □ options.
    #[serde(default)]
    pub options: Vec<OptionBox>,
    /// Sub-criteria.
    #[serde(default)]
    pub children: Option<Vec<Criterion>>,
    /// How the transcription says the criterion is scored, where it says so.
    pub scoring_mode: Option<String>,
}

/// One □ option.
#[derive(Debug, Deserialize)]
pub struct OptionBox {
    /// Text, star marks included.
    pub text: String,
    /// Points cell, as read.
    pub points_raw: Option<String>,
    /// The star mark the transcriber read.
    pub min_star: Option<u8>,
    /// The alternative case the option belongs to.
    pub case: Option<String>,
    /// The transcriber's remarks on the row, `; `-separated (QĐ 148 only).
    pub flags: Option<String>,
}
