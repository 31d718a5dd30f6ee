//! Problems found in a member's sheet, each with its place.

use std::fmt;

use serde::Serialize;

use crate::json::{self, JsonPath, Position, SyntaxError};
use crate::lang::{Describe, Lang};

/// How many problems a document lists; the rest are only counted, so that a hostile input with
/// a million mistakes costs neither minutes nor gigabytes to report.
pub const PROBLEM_LIMIT: usize = 1000;

/// One problem in an input document.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
#[non_exhaustive]
pub struct InputProblem {
    /// Where in the document.
    pub path: JsonPath,
    /// Line and column, when known.
    #[serde(flatten)]
    pub position: Option<Position>,
    /// The council member whose sheet it is in, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub member: Option<String>,
    /// The workbook cell, for an input read from a workbook.
    #[serde(flatten)]
    pub cell: Option<Cell>,
    /// The criterion concerned, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub criterion: Option<String>,
    /// What is wrong.
    #[serde(flatten)]
    pub kind: InputProblemKind,
    /// The problem in words (in the language asked for when it was rendered).
    pub message: String,
    /// Byte offset in the text, until the position is computed for every problem at once.
    #[serde(skip)]
    #[schemars(skip)]
    offset: Option<usize>,
}

impl InputProblem {
    pub(crate) fn new(path: JsonPath, position: Option<Position>, kind: InputProblemKind) -> Self {
        let criterion = kind.criterion().map(str::to_owned);
        let message = kind.describe(Lang::Vi);
        Self {
            path,
            position,
            member: None,
            cell: None,
            criterion,
            kind,
            message,
            offset: None,
        }
    }

    /// A problem whose line and column are found later, from its byte offset in the text.
    pub(crate) fn at_offset(path: JsonPath, offset: Option<usize>, kind: InputProblemKind) -> Self {
        let mut problem = Self::new(path, None, kind);
        problem.offset = offset;
        problem
    }

    /// The text that is not UTF-8: where its first invalid byte is.
    pub fn not_utf8(bytes: &[u8], error: &std::str::Utf8Error) -> Self {
        let offset = error.valid_up_to();
        let valid = bytes.get(..offset).unwrap_or_default();
        let line = valid.iter().filter(|byte| **byte == b'\n').count() + 1;
        let line_start = valid
            .iter()
            .rposition(|byte| *byte == b'\n')
            .map_or(0, |newline| newline + 1);
        let column = json::count_chars(valid.get(line_start..).unwrap_or_default()) + 1;
        let kind = InputProblemKind::NotUtf8 { offset };
        Self::new(JsonPath::root(), Some(Position { line, column }), kind)
    }

    /// A problem at a place of a document, for readers outside this crate (a workbook's).
    pub fn at_path(path: JsonPath, kind: InputProblemKind) -> Self {
        Self::new(path, None, kind)
    }

    /// A problem found in a cell of a workbook. `path` is the place of the value in the document
    /// the workbook stands for (its session or sheet), or the root when it has none.
    pub fn in_cell(kind: InputProblemKind, path: JsonPath, cell: Cell) -> Self {
        let mut problem = Self::new(path, None, kind);
        problem.cell = Some(cell);
        problem
    }

    /// Places the problem in the workbook cell its value was read from: a line and column of the
    /// document made from the workbook would mean nothing to its reader.
    pub fn place_in(&mut self, cell: Cell) {
        self.position = None;
        self.cell = Some(cell);
    }

    /// Names the criterion the problem is about, when its kind does not.
    pub fn about_criterion(&mut self, code: &str) {
        self.criterion.get_or_insert_with(|| code.to_owned());
    }

    /// The problem of a text that is not one JSON document.
    pub(crate) fn syntax(error: SyntaxError) -> Self {
        let kind = InputProblemKind::Syntax {
            detail: error.message,
        };
        Self::new(JsonPath::root(), Some(error.position), kind)
    }

    /// A command-line option or document field whose value cannot be used, for the error
    /// document of a command that reads no document.
    pub fn invalid_value(field: &str, detail: String, lang: Lang) -> Self {
        let kind = InputProblemKind::InvalidValue {
            field: field.to_owned(),
            detail,
        };
        let mut problem = Self::new(JsonPath::root().key(field), None, kind);
        problem.localize(lang);
        problem
    }

    /// Rewrites the message in another language.
    pub fn localize(&mut self, lang: Lang) {
        self.message = self.kind.describe(lang);
    }

    /// The problem as found in a council member's sheet.
    pub(crate) fn of_member(mut self, member: Option<&str>) -> Self {
        self.member = member.map(str::to_owned);
        self
    }
}

/// Every problem found in one document: the first [`PROBLEM_LIMIT`] in the order found, and how
/// many more there are.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InputProblems {
    listed: Vec<InputProblem>,
    more: usize,
}

impl InputProblems {
    /// One problem.
    pub fn one(problem: InputProblem) -> Self {
        Self {
            listed: vec![problem],
            more: 0,
        }
    }

    /// Records a problem, or only counts it past the limit.
    pub(crate) fn push(&mut self, problem: InputProblem) {
        if self.listed.len() < PROBLEM_LIMIT {
            self.listed.push(problem);
        } else {
            self.more += 1;
        }
    }

    /// Records a problem at a path and byte offset; past the limit it is only counted, and
    /// never built.
    pub(crate) fn push_at(
        &mut self,
        (path, offset, kind): (JsonPath, Option<usize>, InputProblemKind),
    ) {
        if self.listed.len() < PROBLEM_LIMIT {
            self.listed
                .push(InputProblem::at_offset(path, offset, kind));
        } else {
            self.more += 1;
        }
    }

    /// Records the problems of another document part.
    pub(crate) fn append(&mut self, other: InputProblems) {
        self.more += other.more;
        for problem in other.listed {
            self.push(problem);
        }
    }

    /// The problems listed, in the order found.
    pub fn listed(&self) -> &[InputProblem] {
        &self.listed
    }

    /// How many problems were found beyond those listed.
    pub fn more(&self) -> usize {
        self.more
    }

    /// How many problems were found in all.
    pub fn total(&self) -> usize {
        self.listed.len() + self.more
    }

    /// Whether no problem was found.
    pub fn is_empty(&self) -> bool {
        self.listed.is_empty() && self.more == 0
    }

    /// The problems listed, without the count of the rest.
    pub fn into_vec(self) -> Vec<InputProblem> {
        self.listed
    }

    /// Rewrites every message in another language.
    pub fn localize(&mut self, lang: Lang) {
        for problem in &mut self.listed {
            problem.localize(lang);
        }
    }

    /// Names the council member every problem is in.
    pub(crate) fn of_member(mut self, member: &str) -> Self {
        self.name_member_from(0, Some(member));
        self
    }

    /// Names the council member every problem listed from `start` on is in, when known.
    pub(crate) fn name_member_from(&mut self, start: usize, member: Option<&str>) {
        let Some(member) = member else { return };
        for problem in self.listed.iter_mut().skip(start) {
            problem.member = Some(member.to_owned());
        }
    }

    /// Moves every problem's line down by `lines` (a document that starts at line `lines + 1`
    /// of its file, as a line of NDJSON does).
    pub fn shift_lines(&mut self, lines: usize) {
        for problem in &mut self.listed {
            let position = problem
                .position
                .get_or_insert(Position { line: 1, column: 1 });
            position.line += lines;
        }
    }

    /// Fills in every line and column from the document's text: positions of byte offsets in
    /// one pass over the text, whatever the number of problems; the few problems known only by
    /// their path are looked up once per path.
    pub(crate) fn locate(&mut self, text: &str) {
        let offsets: Vec<usize> = self
            .listed
            .iter()
            .filter(|problem| problem.position.is_none())
            .filter_map(|problem| problem.offset)
            .collect();
        let mut positions = json::positions_of(text, &offsets).into_iter();
        for problem in self
            .listed
            .iter_mut()
            .filter(|problem| problem.position.is_none() && problem.offset.is_some())
        {
            problem.position = positions.next();
        }
        if self.listed.iter().all(|problem| problem.position.is_some()) {
            return;
        }
        let Ok(document) = json::Document::parse(text) else {
            return;
        };
        let mut found: Vec<(String, Option<Position>)> = Vec::new();
        for problem in self
            .listed
            .iter_mut()
            .filter(|problem| problem.position.is_none())
        {
            let key = problem.path.to_string();
            problem.position = match found.iter().find(|(path, _)| *path == key) {
                Some((_, position)) => *position,
                None => {
                    let position = document.locate(&problem.path);
                    found.push((key, position));
                    position
                }
            };
        }
    }
}

impl std::ops::Deref for InputProblems {
    type Target = [InputProblem];

    /// The problems listed.
    fn deref(&self) -> &[InputProblem] {
        &self.listed
    }
}

impl From<InputProblem> for InputProblems {
    fn from(problem: InputProblem) -> Self {
        Self::one(problem)
    }
}

impl From<Vec<InputProblem>> for InputProblems {
    fn from(problems: Vec<InputProblem>) -> Self {
        let mut all = Self::default();
        for problem in problems {
            all.push(problem);
        }
        all
    }
}

impl Describe for InputProblem {
    fn describe(&self, lang: Lang) -> String {
        let place = match (&self.cell, self.position) {
            (Some(cell), _) => cell.cell.clone(),
            (None, Some(position)) => format!("{position}"),
            (None, None) => self.path.to_string(),
        };
        format!("{place}: {}", self.kind.describe(lang))
    }
}

impl fmt::Display for InputProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

/// A cell of a workbook, where a problem of an input read from a workbook stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Cell {
    /// The tab (worksheet) it is on, e.g. `Thành viên 3`.
    pub tab: String,
    /// The cell as a spreadsheet writes a reference to it, with its tab: `'Thành viên 3'!E14`.
    pub cell: String,
}

/// What an answer must look like for a kind of criterion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AnswerShape {
    /// One option number.
    OptionNumber,
    /// `true` or `false`.
    Boolean,
    /// A list of option numbers.
    OptionList,
}

impl AnswerShape {
    fn describe(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::OptionNumber, Lang::Vi) => "một số thứ tự phương án (1, 2, …)",
            (Self::OptionNumber, Lang::En) => "one option number (1, 2, …)",
            (Self::Boolean, Lang::Vi) => "true hoặc false",
            (Self::Boolean, Lang::En) => "true or false",
            (Self::OptionList, Lang::Vi) => "một danh sách số thứ tự phương án ([1, 3])",
            (Self::OptionList, Lang::En) => "a list of option numbers ([1, 3])",
        }
    }
}

/// What is wrong in an input document.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum InputProblemKind {
    /// The text is not JSON.
    Syntax {
        /// serde_json's message.
        detail: String,
    },
    /// A file of a round could not be read.
    Unreadable {
        /// What the system said.
        detail: String,
    },
    /// The bytes are not UTF-8 text.
    NotUtf8 {
        /// Byte offset of the first byte that is not UTF-8.
        offset: usize,
    },
    /// A required field is absent.
    MissingField {
        /// The field.
        field: String,
    },
    /// A field the contract does not have.
    UnknownField {
        /// The field.
        field: String,
    },
    /// A key given twice in one object.
    DuplicateKey {
        /// The key.
        field: String,
    },
    /// A value of the wrong JSON type.
    WrongType {
        /// The field.
        field: String,
        /// What was expected.
        expected: String,
        /// What was found.
        found: String,
    },
    /// A value of the right type but not allowed.
    InvalidValue {
        /// The field.
        field: String,
        /// Why.
        detail: String,
    },
    /// The rubric asked for is not known.
    UnknownRubric {
        /// The identifier.
        rubric: String,
        /// Those available.
        known: String,
    },
    /// The rubric has no such product set.
    UnknownProductSet {
        /// The rubric.
        rubric: String,
        /// The number.
        product_set: u8,
    },
    /// No rubric was in force on the evaluation date.
    NoRubricInForce {
        /// The date.
        date: String,
    },
    /// The sheet names a rubric that was not in force on its evaluation date.
    RubricNotInForce {
        /// The rubric named.
        rubric: String,
        /// The evaluation date.
        date: String,
        /// The rubric in force that day, if any.
        in_force: Option<String>,
    },
    /// A file submitted on or after the day a newer instrument took effect names the rubric it
    /// replaced (QĐ 26/2026 Điều 12.2).
    SubmittedAfterTransition {
        /// The rubric named.
        rubric: String,
        /// The instrument that replaced it.
        replaced_by: String,
        /// When the file was submitted.
        submitted_on: String,
        /// Files submitted before this day may continue under the old rubric.
        submitted_before: String,
    },
    /// An evaluation dated after the transition's limit for its kind names the replaced rubric.
    TransitionEnded {
        /// The rubric named.
        rubric: String,
        /// The instrument that replaced it.
        replaced_by: String,
        /// The last day the old rubric could be used for this kind of evaluation.
        until: String,
        /// The kind of evaluation, when given.
        evaluation: Option<crate::rubric::procedure::Evaluation>,
        /// The article.
        source: String,
    },
    /// The kind of evaluation, the filing date and the previous certificate contradict each
    /// other.
    Filing {
        /// What contradicts what.
        problem: crate::filing::FilingProblem,
    },
    /// The rubric data is invalid and cannot score.
    RubricUnusable {
        /// Why.
        detail: String,
    },
    /// An answer for a code the product set does not have.
    UnknownCriterion {
        /// The code.
        code: String,
    },
    /// An answer for a criterion that is answered through its sub-criteria.
    AnswerSubCriteria {
        /// The code.
        code: String,
        /// Its sub-criteria.
        children: Vec<String>,
    },
    /// An answer of the wrong shape for its criterion.
    WrongAnswer {
        /// The criterion.
        code: String,
        /// The shape expected.
        expected: AnswerShape,
        /// The JSON type found.
        found: String,
    },
    /// An option number the criterion does not have.
    OptionOutOfRange {
        /// The criterion.
        code: String,
        /// The number given.
        option: String,
        /// How many options the criterion has.
        options: usize,
    },
    /// An option whose points the rubric's source leaves unreadable: it cannot be scored.
    UnreadableOption {
        /// The criterion.
        code: String,
        /// The option.
        option: u32,
    },
    /// The same option ticked twice.
    DuplicateOption {
        /// The criterion.
        code: String,
        /// The option.
        option: u32,
    },
    /// A criterion left unanswered on a complete sheet.
    MissingAnswer {
        /// The criterion.
        code: String,
    },
    /// A knock-out named for a criterion that has no knock-out note.
    NoKnockoutRule {
        /// The criterion.
        code: String,
    },
    /// `"dossier"` named on a sheet that prints no dossier rule.
    NoDossierRule,
    /// The same knock-out named twice.
    DuplicateKnockout {
        /// The code.
        code: String,
    },
    /// The file is not a workbook that can be read.
    UnreadableWorkbook {
        /// What the workbook reader says.
        detail: String,
    },
    /// The workbook was not made by ocop: it has no hidden tab recording what it was made for.
    ForeignWorkbook,
    /// The workbook was made for something else than what it is read with or what it shows.
    WorkbookMismatch {
        /// What differs.
        what: WorkbookRecord,
        /// What the workbook was made for (or what the engine reads it with).
        expected: String,
        /// What was found.
        found: String,
    },
    /// A cell the workbook fixes (a criterion's code, wording or maximum, a member's id, a
    /// heading) holds something else: rows were moved or the criteria edited.
    WorkbookAltered {
        /// What the cell must hold.
        expected: String,
        /// What it holds.
        found: String,
    },
    /// A tab the workbook needs is missing.
    MissingTab {
        /// The tab's name.
        tab: String,
    },
    /// A knock-out cell (`Loại`) holding something other than `x`.
    UnknownMark {
        /// The criterion, or `dossier`.
        code: String,
        /// What the cell holds.
        text: String,
    },
    /// A choice that names no option of its criterion, nor `Có`/`Không`.
    UnknownChoice {
        /// The criterion.
        code: String,
        /// What the cell holds.
        text: String,
    },
}

fn knockout_rule_vi(code: &str) -> String {
    if code == super::DOSSIER {
        "hồ sơ (\"Hồ sơ bị loại khi\")".to_owned()
    } else {
        format!("chỉ tiêu {code}")
    }
}

fn knockout_rule_en(code: &str) -> String {
    if code == super::DOSSIER {
        "the dossier rule".to_owned()
    } else {
        format!("criterion {code}")
    }
}

/// What a workbook records about what it was made for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum WorkbookRecord {
    /// The layout version of the workbook.
    Format,
    /// The rubric and its data revision.
    Rubric,
    /// The product set.
    ProductSet,
    /// The fingerprint of the product set's data.
    Fingerprint,
}

impl WorkbookRecord {
    fn describe(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Format, Lang::Vi) => "mẫu sổ tính",
            (Self::Format, Lang::En) => "workbook layout",
            (Self::Rubric, Lang::Vi) => "bộ tiêu chí",
            (Self::Rubric, Lang::En) => "rubric",
            (Self::ProductSet, Lang::Vi) => "bộ sản phẩm",
            (Self::ProductSet, Lang::En) => "product set",
            (Self::Fingerprint, Lang::Vi) => "dữ liệu bộ sản phẩm (dấu vân tay)",
            (Self::Fingerprint, Lang::En) => "product set data (fingerprint)",
        }
    }
}

impl InputProblemKind {
    /// Stable machine name.
    pub fn name(&self) -> &'static str {
        match self {
            Self::Syntax { .. } => "syntax",
            Self::NotUtf8 { .. } => "not_utf8",
            Self::Unreadable { .. } => "unreadable",
            Self::MissingField { .. } => "missing_field",
            Self::UnknownField { .. } => "unknown_field",
            Self::DuplicateKey { .. } => "duplicate_key",
            Self::WrongType { .. } => "wrong_type",
            Self::InvalidValue { .. } => "invalid_value",
            Self::UnknownRubric { .. } => "unknown_rubric",
            Self::UnknownProductSet { .. } => "unknown_product_set",
            Self::NoRubricInForce { .. } => "no_rubric_in_force",
            Self::RubricNotInForce { .. } => "rubric_not_in_force",
            Self::SubmittedAfterTransition { .. } => "submitted_after_transition",
            Self::TransitionEnded { .. } => "transition_ended",
            Self::Filing { .. } => "filing",
            Self::RubricUnusable { .. } => "rubric_unusable",
            Self::UnknownCriterion { .. } => "unknown_criterion",
            Self::AnswerSubCriteria { .. } => "answer_sub_criteria",
            Self::WrongAnswer { .. } => "wrong_answer",
            Self::OptionOutOfRange { .. } => "option_out_of_range",
            Self::UnreadableOption { .. } => "unreadable_option",
            Self::DuplicateOption { .. } => "duplicate_option",
            Self::MissingAnswer { .. } => "missing_answer",
            Self::NoKnockoutRule { .. } => "no_knockout_rule",
            Self::NoDossierRule => "no_dossier_rule",
            Self::DuplicateKnockout { .. } => "duplicate_knockout",
            Self::UnreadableWorkbook { .. } => "unreadable_workbook",
            Self::ForeignWorkbook => "foreign_workbook",
            Self::WorkbookMismatch { .. } => "workbook_mismatch",
            Self::WorkbookAltered { .. } => "workbook_altered",
            Self::MissingTab { .. } => "missing_tab",
            Self::UnknownMark { .. } => "unknown_mark",
            Self::UnknownChoice { .. } => "unknown_choice",
        }
    }

    /// The criterion the problem is about, if any.
    pub fn criterion(&self) -> Option<&str> {
        match self {
            Self::UnknownCriterion { code }
            | Self::AnswerSubCriteria { code, .. }
            | Self::WrongAnswer { code, .. }
            | Self::OptionOutOfRange { code, .. }
            | Self::UnreadableOption { code, .. }
            | Self::DuplicateOption { code, .. }
            | Self::MissingAnswer { code }
            | Self::NoKnockoutRule { code }
            | Self::DuplicateKnockout { code }
            | Self::UnknownChoice { code, .. }
            | Self::UnknownMark { code, .. } => Some(code),
            _ => None,
        }
    }
}

impl Describe for InputProblemKind {
    fn describe(&self, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        match self {
            Self::Syntax { detail } if vi => format!("không phải JSON hợp lệ: {}", vi::detail(detail)),
            Self::Syntax { detail } => format!("not valid JSON: {detail}"),
            Self::Unreadable { detail } if vi => format!("không đọc được tệp: {detail}"),
            Self::Unreadable { detail } => format!("the file cannot be read: {detail}"),
            Self::NotUtf8 { offset } if vi => {
                format!("không phải văn bản UTF-8 (byte không hợp lệ ở vị trí {offset})")
            }
            Self::NotUtf8 { offset } => {
                format!("not UTF-8 text (invalid byte at offset {offset})")
            }
            Self::MissingField { field } if vi => format!("thiếu trường bắt buộc \"{field}\""),
            Self::MissingField { field } => format!("the required field \"{field}\" is missing"),
            Self::UnknownField { field } if vi => {
                format!("trường \"{field}\" không có trong mẫu phiếu")
            }
            Self::UnknownField { field } => format!("\"{field}\" is not a field of this document"),
            Self::DuplicateKey { field } if vi => format!("khóa \"{field}\" xuất hiện hai lần"),
            Self::DuplicateKey { field } => format!("the key \"{field}\" appears twice"),
            Self::WrongType {
                field,
                expected,
                found,
            } if vi => format!(
                "\"{field}\" phải là {}, không phải {}",
                vi::expected(expected),
                vi::json_type(found)
            ),
            Self::WrongType {
                field,
                expected,
                found,
            } => format!("\"{field}\" must be {expected}, not {found}"),
            Self::InvalidValue { field, detail } if vi => {
                format!("giá trị của \"{field}\" không hợp lệ: {}", vi::detail(detail))
            }
            Self::InvalidValue { field, detail } => format!("invalid \"{field}\": {detail}"),
            Self::UnknownRubric { rubric, known } if vi => {
                format!("không có bộ tiêu chí \"{rubric}\" (hiện có: {known})")
            }
            Self::UnknownRubric { rubric, known } => {
                format!("unknown rubric \"{rubric}\" (available: {known})")
            }
            Self::UnknownProductSet {
                rubric,
                product_set,
            } if vi => format!("bộ tiêu chí {rubric} không có bộ sản phẩm số {product_set}"),
            Self::UnknownProductSet {
                rubric,
                product_set,
            } => format!("rubric {rubric} has no product set {product_set}"),
            Self::NoRubricInForce { date } if vi => format!(
                "không có bộ tiêu chí nào có hiệu lực vào ngày {}",
                lang.date_text(date)
            ),
            Self::NoRubricInForce { date } => format!("no rubric was in force on {date}"),
            Self::SubmittedAfterTransition {
                rubric,
                replaced_by,
                submitted_on,
                submitted_before,
            } => {
                if vi {
                    format!(
                        "hồ sơ nộp ngày {}, không trước ngày {}: không còn được đánh giá theo {rubric}, mà theo {replaced_by} (QĐ 26/2026/QĐ-TTg Điều 12 khoản 2)",
                        lang.date_text(submitted_on),
                        lang.date_text(submitted_before)
                    )
                } else {
                    format!(
                        "the file was submitted on {submitted_on}, not before {submitted_before}: it is evaluated under {replaced_by}, not {rubric} (QĐ 26/2026/QĐ-TTg Điều 12 khoản 2)"
                    )
                }
            }
            Self::TransitionEnded {
                rubric,
                replaced_by,
                until,
                evaluation,
                source,
            } => {
                if vi {
                    let kind = evaluation.map_or("đang xử lý", |kind| kind.name_vi());
                    format!(
                        "{rubric} chỉ còn được dùng cho hồ sơ {kind} đến hết ngày {} ({source}); đánh giá sau ngày đó theo {replaced_by}",
                        lang.date_text(until)
                    )
                } else {
                    let kind = evaluation.map_or("files in progress", |kind| kind.as_str());
                    format!(
                        "{rubric} may be used for {kind} only until {until} ({source}); later evaluations are under {replaced_by}"
                    )
                }
            }
            Self::Filing { problem } => problem.describe(lang),
            Self::RubricNotInForce {
                rubric,
                date,
                in_force,
            } => {
                let current = in_force.as_deref().unwrap_or("—");
                if vi {
                    format!(
                        "bộ tiêu chí {rubric} không có hiệu lực vào ngày đánh giá {} \
                         (bộ có hiệu lực: {current})",
                        lang.date_text(date)
                    )
                } else {
                    format!(
                        "rubric {rubric} was not in force on the evaluation date {date} \
                         (in force: {current})"
                    )
                }
            }
            Self::RubricUnusable { detail } if vi => format!(
                "dữ liệu bộ tiêu chí không hợp lệ, không thể chấm: {}",
                vi::detail(detail)
            ),
            Self::RubricUnusable { detail } => {
                format!("the rubric data is invalid and cannot score: {detail}")
            }
            Self::UnknownCriterion { code } if vi => {
                format!("bộ sản phẩm không có chỉ tiêu \"{code}\"")
            }
            Self::UnknownCriterion { code } => {
                format!("the product set has no criterion \"{code}\"")
            }
            Self::AnswerSubCriteria { code, children } if vi => format!(
                "chỉ tiêu {code} được chấm qua các chỉ tiêu con: {}",
                children.join(", ")
            ),
            Self::AnswerSubCriteria { code, children } => format!(
                "criterion {code} is answered through its sub-criteria: {}",
                children.join(", ")
            ),
            Self::WrongAnswer {
                code,
                expected,
                found,
            } if vi => format!(
                "câu trả lời cho chỉ tiêu {code} phải là {}, không phải {}",
                expected.describe(lang),
                vi::json_type(found)
            ),
            Self::WrongAnswer {
                code,
                expected,
                found,
            } => format!(
                "the answer to criterion {code} must be {}, not {found}",
                expected.describe(lang)
            ),
            Self::OptionOutOfRange {
                code,
                option,
                options,
            } if vi => {
                format!("chỉ tiêu {code} không có phương án {option} (có {options} phương án)")
            }
            Self::OptionOutOfRange {
                code,
                option,
                options,
            } => format!("criterion {code} has no option {option} (it has {options})"),
            Self::UnreadableOption { code, option } if vi => format!(
                "không chấm được phương án {option} của chỉ tiêu {code}: văn bản nguồn của bộ tiêu chí \
                 không đọc được điểm của phương án này"
            ),
            Self::UnreadableOption { code, option } => format!(
                "option {option} of criterion {code} cannot be scored: the rubric's source leaves \
                 its points unreadable"
            ),
            Self::DuplicateOption { code, option } if vi => {
                format!("phương án {option} của chỉ tiêu {code} được đánh dấu hai lần")
            }
            Self::DuplicateOption { code, option } => {
                format!("option {option} of criterion {code} is ticked twice")
            }
            Self::MissingAnswer { code } if vi => format!("chưa chấm chỉ tiêu {code}"),
            Self::MissingAnswer { code } => format!("criterion {code} is not answered"),
            Self::NoKnockoutRule { code } if vi => {
                format!("chỉ tiêu {code} không có quy định loại sản phẩm")
            }
            Self::NoKnockoutRule { code } => format!("criterion {code} has no knock-out rule"),
            Self::NoDossierRule if vi => {
                "phiếu của bộ sản phẩm này không có quy định \"Hồ sơ bị loại khi\"".to_owned()
            }
            Self::NoDossierRule => {
                "this product set's sheet prints no \"Hồ sơ bị loại khi\" rule".to_owned()
            }
            Self::DuplicateKnockout { code } if vi => {
                format!("\"{code}\" được nêu hai lần trong knockouts")
            }
            Self::DuplicateKnockout { code } => format!("\"{code}\" is named twice in knockouts"),
            Self::UnreadableWorkbook { .. } if vi => {
                "tệp không phải sổ tính Excel (.xlsx) đọc được".to_owned()
            }
            Self::UnreadableWorkbook { detail } => {
                format!("not a readable Excel workbook (.xlsx): {detail}")
            }
            Self::ForeignWorkbook if vi => "sổ tính này không do ocop tạo: không có trang ẩn ghi \
                 bộ tiêu chí, bộ sản phẩm và dấu vân tay dữ liệu; hãy tạo sổ tính bằng ocop workbook"
                .to_owned(),
            Self::ForeignWorkbook => "this workbook was not made by ocop: it has no hidden tab \
                 recording its rubric, product set and data fingerprint; make one with ocop workbook"
                .to_owned(),
            Self::WorkbookMismatch {
                what,
                expected,
                found,
            } if vi => format!(
                "sổ tính được tạo cho {} {expected}, không phải {found}: không đọc sổ tính này",
                what.describe(lang)
            ),
            Self::WorkbookMismatch {
                what,
                expected,
                found,
            } => format!(
                "the workbook was made for {} {expected}, not {found}: it is not read",
                what.describe(lang)
            ),
            Self::WorkbookAltered { expected, found } if vi => format!(
                "ô này phải ghi \"{expected}\" nhưng đang ghi \"{found}\": các hàng đã bị di chuyển \
                 hoặc tiêu chí đã bị sửa; không đọc sổ tính này"
            ),
            Self::WorkbookAltered { expected, found } => format!(
                "this cell must hold \"{expected}\" but holds \"{found}\": rows were moved or \
                 criteria edited; the workbook is not read"
            ),
            Self::MissingTab { tab } if vi => format!("sổ tính thiếu trang \"{tab}\""),
            Self::MissingTab { tab } => format!("the workbook has no tab \"{tab}\""),
            Self::UnknownMark { code, text } if vi => format!(
                "\"{text}\" trong cột Loại: ghi x nếu sản phẩm bị loại theo quy định của {}, \
                 hoặc để trống",
                knockout_rule_vi(code)
            ),
            Self::UnknownMark { code, text } => format!(
                "\"{text}\" in the Loại column: write x when {} eliminates the product, or leave \
                 it empty",
                knockout_rule_en(code)
            ),
            Self::UnknownChoice { code, text } if vi => format!(
                "\"{text}\" không phải phương án nào của chỉ tiêu {code}: ghi số thứ tự phương án, \
                 chọn trong danh sách, hoặc Có/Không"
            ),
            Self::UnknownChoice { code, text } => format!(
                "\"{text}\" is no option of criterion {code}: write the option's number, pick it \
                 from the list, or Có/Không"
            ),
        }
    }
}

/// Vietnamese for the English details the readers record in the JSON contract (where they stay
/// English, for programs): the JSON types, what was expected, and the details of invalid values
/// and of JSON syntax. A detail not known here is shown as written.
mod vi {
    /// A JSON type in Vietnamese.
    pub(super) fn json_type(name: &str) -> &str {
        match name {
            "string" => "chuỗi",
            "number" => "số",
            "boolean" => "true/false",
            "object" => "đối tượng",
            "array" => "danh sách",
            "null" => "null",
            other => other,
        }
    }

    /// What a field must be, in Vietnamese.
    pub(super) fn expected(expected: &str) -> String {
        match expected {
            "an object" => "một đối tượng".to_owned(),
            "a string" => "một chuỗi".to_owned(),
            "a whole number" => "một số nguyên".to_owned(),
            "a list of strings" => "một danh sách chuỗi".to_owned(),
            "a list of members" => "một danh sách thành viên".to_owned(),
            "a decimal string such as \"2.5\"" => "một chuỗi số thập phân như \"2.5\"".to_owned(),
            other => other.to_owned(),
        }
    }

    /// "no district council under qd26-2026 (levels: province, central)".
    fn level_detail(detail: &str) -> Option<String> {
        let rest = detail.strip_prefix("no ")?;
        let (level, rest) = rest.split_once(" council under ")?;
        let (rubric, levels) = rest.split_once(" (levels: ")?;
        let name = |level: &str| {
            crate::rubric::Level::parse(level)
                .map_or_else(|| level.to_owned(), |l| l.name_vi().to_owned())
        };
        let levels: Vec<String> = levels.trim_end_matches(')').split(", ").map(name).collect();
        Some(format!(
            "không có hội đồng {} theo {rubric} (các cấp: {})",
            name(level),
            levels.join(", ")
        ))
    }

    /// A detail in Vietnamese, by its known English forms.
    pub(super) fn detail(detail: &str) -> String {
        let rules: [(&str, &str, &str); 21] = [
            ("", " is not one of ", " không thuộc các giá trị "),
            (
                "",
                " is not an allowed whole number",
                " không phải số nguyên hợp lệ",
            ),
            (
                "",
                " is not a date written YYYY-MM-DD",
                " không phải ngày viết dạng YYYY-MM-DD",
            ),
            (
                "member ",
                " appears twice",
                "thành viên {} xuất hiện hai lần",
            ),
            (
                "no member's sheet counts: nothing to advise on",
                "",
                "không có phiếu thành viên nào được tính: không có gì để tư vấn",
            ),
            (
                "",
                " is not a cost: write digits with an optional fraction, e.g. \"2.5\"",
                " không phải chi phí: viết chữ số, có thể có phần thập phân, ví dụ \"2.5\"",
            ),
            (
                "",
                " is above the largest cost accepted ",
                " vượt chi phí lớn nhất được chấp nhận ",
            ),
            ("", " has more than ", " có nhiều hơn "),
            (
                "invalid decimal ",
                ": write digits with an optional fraction, as a string",
                "số thập phân không hợp lệ {}: viết chữ số, có thể có phần thập phân, dạng chuỗi",
            ),
            (
                "unknown variant ",
                ", expected one of ",
                "giá trị {} không hợp lệ, cần một trong: ",
            ),
            (
                "unknown variant ",
                ", expected ",
                "giá trị {} không hợp lệ, cần: ",
            ),
            (
                "unknown field ",
                ", expected one of ",
                "trường {} không có, cần một trong: ",
            ),
            ("invalid type: ", ", expected ", "sai kiểu: {}, cần: "),
            ("missing field ", "", "thiếu trường {}"),
            ("duplicate field ", "", "trường {} xuất hiện hai lần"),
            ("EOF while parsing", "", "văn bản kết thúc giữa chừng"),
            ("expected value", "", "cần một giá trị"),
            ("trailing comma", "", "dấu phẩy thừa"),
            ("trailing characters", "", "có ký tự thừa sau tài liệu"),
            ("key must be a string", "", "khóa phải là chuỗi"),
            (
                "not UTF-8 text (invalid byte at offset ",
                ")",
                "không phải văn bản UTF-8 (byte sai ở vị trí {})",
            ),
        ];
        if let Some(translated) = level_detail(detail) {
            return translated;
        }
        for (prefix, middle, vietnamese) in rules {
            let Some(rest) = detail.strip_prefix(prefix) else {
                continue;
            };
            if middle.is_empty() {
                return vietnamese.replace("{}", rest);
            }
            if let Some((before, after)) = rest.split_once(middle) {
                return match vietnamese.contains("{}") {
                    true => format!("{}{after}", vietnamese.replace("{}", before)),
                    false => format!("{before}{vietnamese}{after}"),
                };
            }
        }
        detail.to_owned()
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn the_readers_details_read_in_vietnamese() {
            assert_eq!(
                detail("\"boss\" is not one of chair, vice_chair, member, secretary, advisor"),
                "\"boss\" không thuộc các giá trị chair, vice_chair, member, secretary, advisor"
            );
            assert_eq!(
                detail("member \"m1\" appears twice"),
                "thành viên \"m1\" xuất hiện hai lần"
            );
            assert_eq!(
                detail("\"2026-13-01\" is not a date written YYYY-MM-DD"),
                "\"2026-13-01\" không phải ngày viết dạng YYYY-MM-DD"
            );
            assert_eq!(
                detail("unknown variant `often`, expected one of `majority`, `any`"),
                "giá trị `often` không hợp lệ, cần một trong: `majority`, `any`"
            );
            assert_eq!(
                detail("no district council under qd26-2026 (levels: province, central)"),
                "không có hội đồng cấp huyện theo qd26-2026 (các cấp: cấp tỉnh, cấp trung ương)"
            );
            assert_eq!(
                detail("EOF while parsing a value"),
                "văn bản kết thúc giữa chừng"
            );
            assert_eq!(detail("something new"), "something new");
            assert_eq!(json_type("string"), "chuỗi");
        }
    }
}
