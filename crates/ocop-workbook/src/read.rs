//! Reading a council workbook back: its cells become the session (or a member's sheet) the JSON
//! readers take, with a map from every value's place in that document to the cell it came from.
//!
//! The reader first checks that the workbook is one ocop made for the rubric data it is read
//! with, and that no fixed cell moved or changed; a workbook that fails is refused whole, with
//! every reason. Then it turns each answer cell into the contract's value: an option number, a
//! dropdown entry, `Có`/`Không`, or a list `1;3`. Whether the answers are valid for their
//! criteria is the engine's to say; [`ReadWorkbook::check`] puts its problems in their cells.

use std::collections::HashMap;
use std::io::Cursor;

use calamine::{Data, Range, Reader, Xlsx, open_workbook_from_rs};
use jiff::civil::Date;
use ocop_core::json::{JsonPath, Segment};
use ocop_core::lang::{Describe, Lang};
use ocop_core::rubric::{Catalog, LeafRef, LoadedSet, Scoring};
use ocop_core::sheet::{
    Cell, DOSSIER, InputProblem, InputProblemKind, InputProblems, WorkbookRecord,
};
use rust_decimal::prelude::ToPrimitive;
use serde_json::{Map, Value, json};
use unicode_normalization::UnicodeNormalization;

use crate::labels::{self, EVALUATIONS, KNOCKOUT_MARK, LEVELS, NO, ROLES, YES};
use crate::layout::{self, COVER_TAB, LABEL_COLUMN, RECORD_TAB, SELF_ASSESSMENT_TAB, VALUE_COLUMN};
use crate::layout::{cover, record, sheet};

/// Whether bytes look like an `.xlsx` file (a zip archive), whatever the file is called.
pub fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// A document made from a workbook's cells, with the cell of every value in it.
#[derive(Debug, Clone)]
pub struct WorkbookDocument {
    text: String,
    places: Places,
    problems: Vec<InputProblem>,
}

impl WorkbookDocument {
    /// The document as JSON text, for the engine's readers.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Whether the workbook's own cells have problems (a choice naming no option, say): the
    /// document must not be scored then, whatever the engine says of it.
    pub fn has_problems(&self) -> bool {
        !self.problems.is_empty()
    }

    /// The engine's verdict on [`Self::text`], with its problems put in their cells, together
    /// with the problems the workbook's own cells have (a choice naming no option, say): all of
    /// them at once, or the value when there are none.
    pub fn check<T>(&self, checked: Result<T, InputProblems>) -> Result<T, InputProblems> {
        match checked {
            Ok(value) if self.problems.is_empty() => Ok(value),
            Ok(_) => Err(self.problems.clone().into()),
            Err(found) => {
                let mut problems = self.problems.clone();
                for problem in self.places.place(found.into_vec()) {
                    // A cell already reported by the workbook reader says it best.
                    let reported = problems
                        .iter()
                        .any(|known| known.cell.is_some() && known.cell == problem.cell);
                    if !reported {
                        problems.push(problem);
                    }
                }
                Err(problems.into())
            }
        }
    }
}

/// Cells by the place (a JSON Pointer) of their value in the document.
#[derive(Debug, Clone, Default)]
struct Places {
    cells: HashMap<String, (Cell, Option<String>)>,
}

impl Places {
    fn put(&mut self, path: &JsonPath, cell: Cell, criterion: Option<&str>) {
        self.cells
            .insert(path.to_string(), (cell, criterion.map(str::to_owned)));
    }

    /// Each problem in the cell of its place, or of the nearest enclosing place that has one.
    fn place(&self, mut problems: Vec<InputProblem>) -> Vec<InputProblem> {
        for problem in &mut problems {
            let segments = problem.path.segments();
            let found = (0..=segments.len()).rev().find_map(|depth| {
                let prefix = segments.get(..depth).unwrap_or_default();
                self.cells.get(&pointer(prefix))
            });
            if let Some((cell, criterion)) = found {
                problem.place_in(cell.clone());
                if let Some(code) = criterion {
                    problem.about_criterion(code);
                }
            }
        }
        problems
    }
}

fn pointer(segments: &[&Segment]) -> String {
    let mut path = JsonPath::root();
    for segment in segments {
        path = match segment {
            Segment::Key(key) => path.key(key.as_str()),
            Segment::Index(index) => path.index(*index),
        };
    }
    path.to_string()
}

/// A value read from a cell, with the cell.
#[derive(Debug, Clone)]
struct Read<T> {
    value: T,
    cell: Cell,
}

/// One member as the workbook lists them.
#[derive(Debug, Clone)]
struct Member {
    id: Read<String>,
    name: Option<Read<String>>,
    role: Read<String>,
    /// The member's tab, for those who score.
    tab: Option<String>,
    answers: Vec<Answer>,
    knockouts: Vec<Read<String>>,
}

/// One criterion's answer cell.
#[derive(Debug, Clone)]
struct Answer {
    code: String,
    /// `None`: the cell is empty (or names no option: that is reported already).
    value: Option<Value>,
    cell: Cell,
}

/// A council workbook read back.
#[derive(Debug, Clone)]
pub struct ReadWorkbook {
    rubric: String,
    product_set: u8,
    product_name: Option<Read<String>>,
    product_code: Option<Read<String>>,
    rubric_cell: Cell,
    set_cell: Cell,
    level: Read<String>,
    date: Option<Read<String>>,
    evaluation: Option<Read<String>>,
    members: Vec<Member>,
    members_cell: Cell,
    self_assessment: Vec<Answer>,
    carried: Read<Map<String, Value>>,
    /// Problems of single cells: the workbook can still be read around them.
    problems: Vec<InputProblem>,
}

/// No member can be chosen for a sheet: the one asked for has no tab, or none was asked for and
/// several (or none) score in the workbook.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.describe(Lang::En))]
pub struct MemberChoice {
    /// The member asked for, if one was.
    pub wanted: Option<String>,
    /// The member ids that have a tab, with their tab.
    pub choices: Vec<String>,
}

impl Describe for MemberChoice {
    fn describe(&self, lang: Lang) -> String {
        let choices = self.choices.join(", ");
        match (&self.wanted, lang) {
            (Some(wanted), Lang::Vi) => {
                format!("không có thành viên chấm điểm \"{wanted}\" trong sổ tính (có: {choices})")
            }
            (Some(wanted), Lang::En) => {
                format!("no scoring member \"{wanted}\" in the workbook (one of: {choices})")
            }
            (None, Lang::Vi) => {
                format!("hãy chọn một thành viên bằng --member (một trong: {choices})")
            }
            (None, Lang::En) => format!("choose a member with --member (one of: {choices})"),
        }
    }
}

/// Reads a council workbook made by [`crate::council_workbook`], checking it against the rubric
/// data it was made for. A workbook that cannot be read as one, was made for other data, or
/// whose fixed cells moved or changed is refused with every reason found.
pub fn read(catalog: &Catalog, bytes: &[u8]) -> Result<ReadWorkbook, InputProblems> {
    read_problems(catalog, bytes).map_err(InputProblems::from)
}

fn read_problems(catalog: &Catalog, bytes: &[u8]) -> Result<ReadWorkbook, Vec<InputProblem>> {
    let mut workbook: Xlsx<_> =
        open_workbook_from_rs(Cursor::new(bytes)).map_err(|error: calamine::XlsxError| {
            vec![InputProblem::at_path(
                JsonPath::root(),
                InputProblemKind::UnreadableWorkbook {
                    detail: error.to_string(),
                },
            )]
        })?;
    let names = workbook.sheet_names();
    let mut tab = |name: &str| -> Result<Tab, InputProblemKind> {
        if !names.iter().any(|known| known == name) {
            return Err(InputProblemKind::MissingTab {
                tab: name.to_owned(),
            });
        }
        workbook
            .worksheet_range(name)
            .map(|range| Tab {
                name: name.to_owned(),
                range,
            })
            .map_err(|error| InputProblemKind::UnreadableWorkbook {
                detail: error.to_string(),
            })
    };
    let whole = |kind| InputProblem::at_path(JsonPath::root(), kind);
    let record = tab(RECORD_TAB).map_err(|_| vec![whole(InputProblemKind::ForeignWorkbook)])?;
    let made_for = MadeFor::read(&record)?;
    let loaded = made_for.load(catalog, &record)?;
    let mut reader = WorkbookReader {
        loaded: &loaded,
        made_for: &made_for,
        fatal: Vec::new(),
        problems: Vec::new(),
    };
    let cover = tab(COVER_TAB).map_err(|kind| vec![whole(kind)])?;
    let mut members = reader.cover_members(&cover);
    for member in &mut members {
        let Some(name) = member.tab.clone() else {
            continue;
        };
        match tab(&name) {
            Ok(member_tab) => reader.member(&member_tab, member),
            Err(kind) => reader.fatal.push(whole(kind)),
        }
    }
    let assessment = match tab(SELF_ASSESSMENT_TAB) {
        Ok(assessment) => reader.self_assessment(&assessment),
        Err(kind) => {
            reader.fatal.push(whole(kind));
            Vec::new()
        }
    };
    let fields = reader.cover_fields(&cover);
    let carried = reader.carried(&record);
    if !reader.fatal.is_empty() {
        return Err(reader.fatal);
    }
    Ok(ReadWorkbook {
        rubric: loaded.instrument.key(),
        product_set: loaded.set.number,
        product_name: fields.product_name,
        product_code: fields.product_code,
        rubric_cell: layout::cell(COVER_TAB, cover::RUBRIC.0, VALUE_COLUMN),
        set_cell: layout::cell(COVER_TAB, cover::PRODUCT_SET.0, VALUE_COLUMN),
        level: fields.level,
        date: fields.date,
        evaluation: fields.evaluation,
        members,
        members_cell: layout::cell(COVER_TAB, cover::MEMBERS_HEADER, cover::MEMBER_ID),
        self_assessment: assessment,
        carried,
        problems: reader.problems,
    })
}

impl ReadWorkbook {
    /// The council session the workbook holds, as the session contract writes it.
    pub fn session(&self) -> WorkbookDocument {
        let mut places = Places::default();
        let root = JsonPath::root();
        let mut session = self.carried.value.clone();
        places.put(
            &root.key("council").key("rules"),
            self.carried.cell.clone(),
            None,
        );
        self.common_fields(&mut session, &mut places);
        let mut council = session
            .get("council")
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default();
        if !self.level.value.is_empty() {
            council.insert("level".to_owned(), Value::from(self.level.value.as_str()));
        }
        places.put(&root.key("council"), self.level.cell.clone(), None);
        places.put(
            &root.key("council").key("level"),
            self.level.cell.clone(),
            None,
        );
        session.insert("council".to_owned(), Value::Object(council));
        if let Some(evaluation) = &self.evaluation {
            session.insert(
                "evaluation".to_owned(),
                Value::from(evaluation.value.as_str()),
            );
            places.put(&root.key("evaluation"), evaluation.cell.clone(), None);
        }

        let members_path = root.key("members");
        places.put(&members_path, self.members_cell.clone(), None);
        let members: Vec<Value> = self
            .members
            .iter()
            .enumerate()
            .map(|(index, member)| {
                let path = members_path.index(index);
                let mut object = Map::new();
                object.insert("id".to_owned(), Value::from(member.id.value.as_str()));
                places.put(&path, member.id.cell.clone(), None);
                places.put(&path.key("id"), member.id.cell.clone(), None);
                if let Some(name) = &member.name {
                    object.insert("name".to_owned(), Value::from(name.value.as_str()));
                    places.put(&path.key("name"), name.cell.clone(), None);
                }
                object.insert("role".to_owned(), Value::from(member.role.value.as_str()));
                places.put(&path.key("role"), member.role.cell.clone(), None);
                member_answers(member, &mut object, &path, &mut places);
                Value::Object(object)
            })
            .collect();
        session.insert("members".to_owned(), Value::Array(members));

        let given: Vec<&Answer> = self
            .self_assessment
            .iter()
            .filter(|answer| answer.value.is_some())
            .collect();
        if !given.is_empty() {
            let path = root.key("self_assessment").key("answers");
            let mut answers = Map::new();
            for answer in given {
                answers.insert(
                    answer.code.clone(),
                    answer.value.clone().unwrap_or_default(),
                );
                places.put(
                    &path.key(answer.code.as_str()),
                    answer.cell.clone(),
                    Some(&answer.code),
                );
            }
            session.insert("self_assessment".to_owned(), json!({ "answers": answers }));
        }
        self.document(session, places)
    }

    /// One member's sheet, as the member-sheet contract writes it: the member named by id or
    /// tab, or the only member who scores.
    pub fn member_sheet(&self, member: Option<&str>) -> Result<WorkbookDocument, MemberChoice> {
        let scoring: Vec<&Member> = self.members.iter().filter(|m| m.tab.is_some()).collect();
        let chosen = match member {
            Some(wanted) => scoring
                .iter()
                .find(|m| m.id.value == wanted || m.tab.as_deref() == Some(wanted)),
            None if scoring.len() == 1 => scoring.first(),
            None => None,
        };
        let Some(chosen) = chosen else {
            return Err(MemberChoice {
                wanted: member.map(str::to_owned),
                choices: scoring
                    .iter()
                    .map(|m| format!("{} ({})", m.id.value, m.tab.as_deref().unwrap_or_default()))
                    .collect(),
            });
        };
        let mut places = Places::default();
        let mut sheet = Map::new();
        self.common_fields(&mut sheet, &mut places);
        if let Some(name) = &chosen.name {
            sheet.insert("evaluator".to_owned(), Value::from(name.value.as_str()));
            places.put(&JsonPath::root().key("evaluator"), name.cell.clone(), None);
        }
        member_answers(chosen, &mut sheet, &JsonPath::root(), &mut places);
        if !sheet.contains_key("answers") {
            // A sheet must have answers: an empty tab is a sheet with every criterion unanswered.
            sheet.insert("answers".to_owned(), Value::Object(Map::new()));
        }
        Ok(self.document(sheet, places))
    }

    fn common_fields(&self, document: &mut Map<String, Value>, places: &mut Places) {
        let root = JsonPath::root();
        document.insert("rubric".to_owned(), Value::from(self.rubric.as_str()));
        places.put(&root.key("rubric"), self.rubric_cell.clone(), None);
        if let Some(date) = &self.date {
            document.insert("evaluated_on".to_owned(), Value::from(date.value.as_str()));
            places.put(&root.key("evaluated_on"), date.cell.clone(), None);
        }
        document.insert("product_set".to_owned(), Value::from(self.product_set));
        places.put(&root.key("product_set"), self.set_cell.clone(), None);
        let mut product = Map::new();
        if let Some(name) = &self.product_name {
            product.insert("name".to_owned(), Value::from(name.value.as_str()));
            places.put(&root.key("product"), name.cell.clone(), None);
            places.put(&root.key("product").key("name"), name.cell.clone(), None);
        }
        if let Some(code) = &self.product_code {
            product.insert("code".to_owned(), Value::from(code.value.as_str()));
            places.put(&root.key("product").key("code"), code.cell.clone(), None);
            if self.product_name.is_none() {
                places.put(&root.key("product"), code.cell.clone(), None);
            }
        }
        if !product.is_empty() {
            document.insert("product".to_owned(), Value::Object(product));
        }
    }

    fn document(&self, document: Map<String, Value>, places: Places) -> WorkbookDocument {
        WorkbookDocument {
            text: serde_json::to_string(&Value::Object(document)).unwrap_or_default(),
            places,
            problems: self.problems.clone(),
        }
    }
}

/// A member's `answers` and `knockouts`: absent when the member's tab is untouched (they did
/// not score); otherwise every criterion, `null` where the cell is empty, so that a missing
/// answer is reported in its own cell.
fn member_answers(
    member: &Member,
    object: &mut Map<String, Value>,
    path: &JsonPath,
    places: &mut Places,
) {
    let touched =
        member.answers.iter().any(|answer| answer.value.is_some()) || !member.knockouts.is_empty();
    if !touched {
        return;
    }
    let answers_path = path.key("answers");
    let mut answers = Map::new();
    for answer in &member.answers {
        answers.insert(
            answer.code.clone(),
            answer.value.clone().unwrap_or(Value::Null),
        );
        places.put(
            &answers_path.key(answer.code.as_str()),
            answer.cell.clone(),
            Some(&answer.code),
        );
    }
    object.insert("answers".to_owned(), Value::Object(answers));
    if !member.knockouts.is_empty() {
        let knockouts_path = path.key("knockouts");
        let codes: Vec<Value> = member
            .knockouts
            .iter()
            .enumerate()
            .map(|(index, knockout)| {
                places.put(
                    &knockouts_path.index(index),
                    knockout.cell.clone(),
                    Some(&knockout.value),
                );
                Value::from(knockout.value.as_str())
            })
            .collect();
        object.insert("knockouts".to_owned(), Value::Array(codes));
    }
}

/// A tab's cells.
struct Tab {
    name: String,
    range: Range<Data>,
}

impl Tab {
    fn data(&self, row: u32, column: u16) -> &Data {
        self.range
            .get_value((row, u32::from(column)))
            .unwrap_or(&Data::Empty)
    }

    /// A cell's content as text: numbers as written (`3`, `2.5`), text NFC and trimmed.
    fn text(&self, row: u32, column: u16) -> String {
        cell_text(self.data(row, column))
    }

    fn cell(&self, row: u32, column: u16) -> Cell {
        layout::cell(&self.name, row, column)
    }

    /// The cell's text, or `None` when it is empty.
    fn input(&self, row: u32, column: u16) -> Option<Read<String>> {
        let value = self.text(row, column);
        (!value.is_empty()).then(|| Read {
            value,
            cell: self.cell(row, column),
        })
    }
}

pub(crate) fn cell_text(data: &Data) -> String {
    match data {
        Data::Empty => String::new(),
        Data::String(text) | Data::DateTimeIso(text) | Data::DurationIso(text) => {
            text.trim().nfc().collect()
        }
        Data::Float(number) => number.to_string(),
        Data::Int(number) => number.to_string(),
        Data::Bool(value) => value.to_string(),
        Data::DateTime(datetime) => datetime.as_f64().to_string(),
        Data::Error(error) => error.to_string(),
    }
}

/// What the hidden record says the workbook was made for.
struct MadeFor {
    rubric: String,
    revision: String,
    product_set: String,
    fingerprint: String,
    tabs: Vec<(String, String)>,
}

impl MadeFor {
    fn read(record: &Tab) -> Result<MadeFor, Vec<InputProblem>> {
        let value = |row: u32| record.text(row, 1);
        let keys_match = (0..)
            .zip(record::KEYS)
            .all(|(row, key)| record.text(row, 0) == key);
        if !keys_match {
            return Err(vec![InputProblem::at_path(
                JsonPath::root(),
                InputProblemKind::ForeignWorkbook,
            )]);
        }
        let format = value(record::FORMAT);
        if format != layout::FORMAT {
            return Err(vec![InputProblem::in_cell(
                InputProblemKind::WorkbookMismatch {
                    what: WorkbookRecord::Format,
                    expected: layout::FORMAT.to_owned(),
                    found: format,
                },
                JsonPath::root(),
                record.cell(record::FORMAT, 1),
            )]);
        }
        let mut tabs = Vec::new();
        let mut row = record::TABS_HEADER + 1;
        while !record.text(row, 0).is_empty() {
            tabs.push((record.text(row, 0), record.text(row, 1)));
            row += 1;
        }
        Ok(MadeFor {
            rubric: value(record::RUBRIC),
            revision: value(record::REVISION),
            product_set: value(record::PRODUCT_SET),
            fingerprint: value(record::FINGERPRINT),
            tabs,
        })
    }

    /// The product set the workbook was made for, from the catalog it is read with; refused
    /// when the catalog has not that revision, or its data is not the data it was made with.
    fn load<'c>(
        &self,
        catalog: &'c Catalog,
        record: &Tab,
    ) -> Result<LoadedSet<'c>, Vec<InputProblem>> {
        let key = format!("{}@{}", self.rubric, self.revision);
        let refuse = |what, expected: String, found: String, row| {
            vec![InputProblem::in_cell(
                InputProblemKind::WorkbookMismatch {
                    what,
                    expected,
                    found,
                },
                JsonPath::root().key("rubric"),
                record.cell(row, 1),
            )]
        };
        let number: u8 = self.product_set.parse().map_err(|_| {
            refuse(
                WorkbookRecord::ProductSet,
                self.product_set.clone(),
                "—".to_owned(),
                record::PRODUCT_SET,
            )
        })?;
        let loaded = catalog.product_set(&key, number).map_err(|error| {
            let found = match error {
                ocop_core::rubric::RubricError::UnknownRubric { known, .. } => known,
                other => other.to_string(),
            };
            refuse(WorkbookRecord::Rubric, key.clone(), found, record::REVISION)
        })?;
        if loaded.set.fingerprint != self.fingerprint {
            return Err(refuse(
                WorkbookRecord::Fingerprint,
                self.fingerprint.clone(),
                loaded.set.fingerprint.clone(),
                record::FINGERPRINT,
            ));
        }
        Ok(loaded)
    }
}

/// The cover's fields that people fill in.
struct CoverFields {
    product_name: Option<Read<String>>,
    product_code: Option<Read<String>>,
    level: Read<String>,
    date: Option<Read<String>>,
    evaluation: Option<Read<String>>,
}

struct WorkbookReader<'a> {
    loaded: &'a LoadedSet<'a>,
    made_for: &'a MadeFor,
    /// Problems that refuse the workbook.
    fatal: Vec<InputProblem>,
    /// Problems of single cells.
    problems: Vec<InputProblem>,
}

impl WorkbookReader<'_> {
    /// Checks that a fixed cell holds what the workbook wrote there.
    fn expect(
        &mut self,
        tab: &Tab,
        row: u32,
        column: u16,
        expected: &str,
        criterion: Option<&str>,
    ) {
        let found = tab.text(row, column);
        if found != expected {
            let mut problem = InputProblem::in_cell(
                InputProblemKind::WorkbookAltered {
                    expected: expected.to_owned(),
                    found,
                },
                JsonPath::root(),
                tab.cell(row, column),
            );
            if let Some(code) = criterion {
                problem.about_criterion(code);
            }
            self.fatal.push(problem);
        }
    }

    fn expect_label(&mut self, tab: &Tab, (row, label): (u32, &str)) {
        self.expect(tab, row, LABEL_COLUMN, label, None);
    }

    fn cover_members(&mut self, cover: &Tab) -> Vec<Member> {
        for label in [cover::RUBRIC, cover::PRODUCT_SET] {
            self.expect_label(cover, label);
        }
        let set = cover.text(cover::PRODUCT_SET.0, VALUE_COLUMN);
        if set != self.made_for.product_set {
            self.fatal.push(InputProblem::in_cell(
                InputProblemKind::WorkbookMismatch {
                    what: WorkbookRecord::ProductSet,
                    expected: self.made_for.product_set.clone(),
                    found: set,
                },
                JsonPath::root().key("product_set"),
                cover.cell(cover::PRODUCT_SET.0, VALUE_COLUMN),
            ));
        }
        let key = self.loaded.instrument.key();
        let shown = cover.text(cover::RUBRIC.0, VALUE_COLUMN);
        if shown != key {
            self.fatal.push(InputProblem::in_cell(
                InputProblemKind::WorkbookMismatch {
                    what: WorkbookRecord::Rubric,
                    expected: key,
                    found: shown,
                },
                JsonPath::root().key("rubric"),
                cover.cell(cover::RUBRIC.0, VALUE_COLUMN),
            ));
        }
        for (column, heading) in (0..).zip(cover::MEMBER_COLUMNS) {
            self.expect(cover, cover::MEMBERS_HEADER, column, heading, None);
        }
        let mut members = Vec::new();
        let mut row = cover::MEMBERS_HEADER + 1;
        while let Some(id) = cover.input(row, cover::MEMBER_ID) {
            let tab = self
                .made_for
                .tabs
                .iter()
                .find(|(_, member)| *member == id.value)
                .map(|(tab, _)| tab.clone());
            members.push(Member {
                name: cover.input(row, cover::MEMBER_NAME),
                role: Read {
                    value: role_key(&cover.text(row, cover::MEMBER_ROLE)),
                    cell: cover.cell(row, cover::MEMBER_ROLE),
                },
                id,
                tab,
                answers: Vec::new(),
                knockouts: Vec::new(),
            });
            row += 1;
        }
        for (_, id) in &self.made_for.tabs {
            if !members.iter().any(|member| member.id.value == *id) {
                self.fatal.push(InputProblem::in_cell(
                    InputProblemKind::WorkbookAltered {
                        expected: id.clone(),
                        found: String::new(),
                    },
                    JsonPath::root().key("members"),
                    cover.cell(cover::MEMBERS_HEADER + 1, cover::MEMBER_ID),
                ));
            }
        }
        members
    }

    fn cover_fields(&mut self, cover: &Tab) -> CoverFields {
        for label in [
            cover::PRODUCT,
            cover::PRODUCT_CODE,
            cover::LEVEL,
            cover::DATE,
            cover::EVALUATION,
        ] {
            self.expect_label(cover, label);
        }
        let level_text = cover.text(cover::LEVEL.0, VALUE_COLUMN);
        CoverFields {
            product_name: cover.input(cover::PRODUCT.0, VALUE_COLUMN),
            product_code: cover.input(cover::PRODUCT_CODE.0, VALUE_COLUMN),
            level: Read {
                value: level_key(&level_text),
                cell: cover.cell(cover::LEVEL.0, VALUE_COLUMN),
            },
            date: date(cover, cover::DATE.0, VALUE_COLUMN),
            evaluation: cover
                .input(cover::EVALUATION.0, VALUE_COLUMN)
                .map(|read| Read {
                    value: evaluation_key(&read.value),
                    cell: read.cell,
                }),
        }
    }

    fn member(&mut self, tab: &Tab, member: &mut Member) {
        for label in [sheet::ID, sheet::NAME, sheet::ROLE] {
            self.expect_label(tab, label);
        }
        self.expect(tab, sheet::ID.0, VALUE_COLUMN, &member.id.value, None);
        member.id.cell = tab.cell(sheet::ID.0, VALUE_COLUMN);
        if let Some(name) = tab.input(sheet::NAME.0, VALUE_COLUMN) {
            member.name = Some(name);
        } else if let Some(name) = &mut member.name {
            name.cell = tab.cell(sheet::NAME.0, VALUE_COLUMN);
        }
        member.role = Read {
            value: role_key(&tab.text(sheet::ROLE.0, VALUE_COLUMN)),
            cell: tab.cell(sheet::ROLE.0, VALUE_COLUMN),
        };
        if self.loaded.set.dossier_rule.is_some() {
            self.expect_label(tab, sheet::DOSSIER);
            if let Some(mark) = tab.input(sheet::DOSSIER.0, VALUE_COLUMN)
                && let Some(knockout) = self.knockout(mark, DOSSIER)
            {
                member.knockouts.push(knockout);
            }
        }
        for (column, heading) in (0..).zip(sheet::MEMBER_COLUMNS) {
            self.expect(tab, sheet::HEADER, column, heading, None);
        }
        let (answers, knockouts) = self.criteria(tab, true);
        member.answers = answers;
        member.knockouts.extend(knockouts);
    }

    fn self_assessment(&mut self, tab: &Tab) -> Vec<Answer> {
        for (column, heading) in (0..).zip(sheet::SELF_COLUMNS) {
            self.expect(tab, sheet::HEADER, column, heading, None);
        }
        self.criteria(tab, false).0
    }

    /// The criteria rows of a tab: each row checked unchanged, its answer and knock-out read.
    fn criteria(&mut self, tab: &Tab, knockouts: bool) -> (Vec<Answer>, Vec<Read<String>>) {
        let loaded = self.loaded;
        let mut answers = Vec::new();
        let mut marks = Vec::new();
        let mut row = sheet::FIRST;
        for leaf in loaded.set.leaves() {
            let code = leaf.criterion.code.as_str();
            self.fixed_row(tab, row, &leaf);
            let cell = tab.cell(row, sheet::CHOICE);
            let value = match choice(&leaf, tab.data(row, sheet::CHOICE)) {
                Ok(value) => value,
                Err(text) => {
                    let mut problem = InputProblem::in_cell(
                        InputProblemKind::UnknownChoice {
                            code: code.to_owned(),
                            text,
                        },
                        JsonPath::root(),
                        cell.clone(),
                    );
                    problem.about_criterion(code);
                    self.problems.push(problem);
                    None
                }
            };
            answers.push(Answer {
                code: code.to_owned(),
                value,
                cell,
            });
            if knockouts && let Some(mark) = tab.input(row, sheet::KNOCKOUT) {
                marks.extend(self.knockout(mark, code));
            }
            row += 1;
        }
        // Rows added below the last criterion would be read by nobody: refuse them.
        self.expect(tab, row, sheet::CODE, "", None);
        (answers, marks)
    }

    fn fixed_row(&mut self, tab: &Tab, row: u32, leaf: &LeafRef<'_>) {
        let criterion = leaf.criterion;
        let code = Some(criterion.code.as_str());
        self.expect(tab, row, sheet::CODE, &criterion.code, code);
        self.expect(
            tab,
            row,
            sheet::NAME_COLUMN,
            &labels::criterion_text(leaf),
            code,
        );
        let max = criterion.max.to_f64().unwrap_or_default().to_string();
        self.expect(tab, row, sheet::MAX, &max, code);
        self.expect(
            tab,
            row,
            sheet::OPTIONS,
            &labels::options_text(criterion),
            code,
        );
    }

    /// A `Loại` cell: `x` names the knock-out; anything else is reported.
    fn knockout(&mut self, mark: Read<String>, code: &str) -> Option<Read<String>> {
        if mark.value.eq_ignore_ascii_case(KNOCKOUT_MARK) {
            return Some(Read {
                value: code.to_owned(),
                cell: mark.cell,
            });
        }
        let mut problem = InputProblem::in_cell(
            InputProblemKind::UnknownMark {
                code: code.to_owned(),
                text: mark.value,
            },
            JsonPath::root(),
            mark.cell,
        );
        problem.about_criterion(code);
        self.problems.push(problem);
        None
    }

    fn carried(&mut self, record: &Tab) -> Read<Map<String, Value>> {
        let cell = record.cell(record::CARRIED, 1);
        let text = record.text(record::CARRIED, 1);
        let value = if text.is_empty() {
            Map::new()
        } else {
            match serde_json::from_str::<Map<String, Value>>(&text) {
                Ok(value) => value,
                Err(_) => {
                    self.fatal.push(InputProblem::in_cell(
                        InputProblemKind::WorkbookAltered {
                            expected: "{…}".to_owned(),
                            found: text,
                        },
                        JsonPath::root(),
                        cell.clone(),
                    ));
                    Map::new()
                }
            }
        };
        Read { value, cell }
    }
}

/// The answer a `Chọn` cell gives its criterion, as the contract writes it: `Ok(None)` for an
/// empty cell, `Err(text)` for a cell that names no option.
fn choice(leaf: &LeafRef<'_>, data: &Data) -> Result<Option<Value>, String> {
    let criterion = leaf.criterion;
    let text = cell_text(data);
    if text.is_empty() {
        return Ok(None);
    }
    let number = |text: &str| -> Option<u32> {
        match data {
            Data::Float(value) if value.fract() == 0.0 && *value >= 1.0 => value.to_u32(),
            Data::Int(value) => u32::try_from(*value).ok(),
            _ => text.trim().parse().ok(),
        }
    };
    let answer = match &criterion.scoring {
        Scoring::YesNo => match data {
            Data::Bool(value) => Some(Value::Bool(*value)),
            _ if text.to_lowercase() == YES.to_lowercase() => Some(Value::Bool(true)),
            _ if text.to_lowercase() == NO.to_lowercase() => Some(Value::Bool(false)),
            _ => None,
        },
        Scoring::Single(_) | Scoring::Cases { .. } => number(&text)
            .or_else(|| {
                criterion
                    .options()
                    .iter()
                    .find(|option| labels::option_label(option) == text)
                    .map(|option| option.number)
            })
            .map(Value::from),
        Scoring::Additive(_) => {
            let numbers: Option<Vec<Value>> = text
                .split([';', ','])
                .map(|piece| piece.trim().parse::<u32>().ok().map(Value::from))
                .collect();
            match data {
                Data::Float(_) | Data::Int(_) => {
                    number(&text).map(|n| Value::Array(vec![n.into()]))
                }
                _ if text.to_lowercase() == NO.to_lowercase() => Some(Value::Array(Vec::new())),
                _ => numbers.map(Value::Array),
            }
        }
        Scoring::Nested(_) => None,
    };
    answer.map(Some).ok_or(text)
}

/// A date cell as the contract writes it (`YYYY-MM-DD`): a spreadsheet date, or text written
/// dd/mm/yyyy or YYYY-MM-DD; anything else is passed on as written, for the engine to report.
fn date(tab: &Tab, row: u32, column: u16) -> Option<Read<String>> {
    let cell = tab.cell(row, column);
    let value = match tab.data(row, column) {
        Data::Empty => return None,
        Data::DateTime(datetime) => serial_date(datetime.as_f64())
            .map_or_else(|| datetime.as_f64().to_string(), |date| date.to_string()),
        other => {
            let text = cell_text(other);
            if text.is_empty() {
                return None;
            }
            day_month_year(&text).map_or(text, |date| date.to_string())
        }
    };
    Some(Read { value, cell })
}

/// A spreadsheet date serial (days since 30/12/1899 in the 1900 date system).
pub(crate) fn serial_date(serial: f64) -> Option<Date> {
    let days = serial.floor().to_i64()?;
    Date::new(1899, 12, 30)
        .ok()?
        .checked_add(jiff::Span::new().try_days(days).ok()?)
        .ok()
}

fn day_month_year(text: &str) -> Option<Date> {
    let mut parts = text.split('/');
    let day: i8 = parts.next()?.trim().parse().ok()?;
    let month: i8 = parts.next()?.trim().parse().ok()?;
    let year: i16 = parts.next()?.trim().parse().ok()?;
    if parts.next().is_some() {
        return None;
    }
    Date::new(year, month, day).ok()
}

/// A role as the contract names it, from its Vietnamese name or its contract name; anything
/// else as written, for the engine to report.
fn role_key(text: &str) -> String {
    ROLES
        .iter()
        .find(|role| {
            text.to_lowercase() == role.name_vi().to_lowercase() || text == labels::role_key(**role)
        })
        .map_or_else(
            || text.to_owned(),
            |role| labels::role_key(*role).to_owned(),
        )
}

/// A level as the contract names it, from its Vietnamese name or its contract name.
fn level_key(text: &str) -> String {
    LEVELS
        .iter()
        .find(|level| {
            let lower = text.to_lowercase();
            lower == level.name_vi() || lower == level.name_en()
        })
        .map_or_else(|| text.to_owned(), |level| level.name_en().to_owned())
}

/// A kind of evaluation as the contract names it.
fn evaluation_key(text: &str) -> String {
    EVALUATIONS
        .iter()
        .find(|(key, label)| text.to_lowercase() == label.to_lowercase() || text == *key)
        .map_or_else(|| text.to_owned(), |(key, _)| (*key).to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spreadsheet_serials_and_written_dates_read_as_dates() {
        assert_eq!(serial_date(46188.0), Date::new(2026, 6, 15).ok());
        assert_eq!(day_month_year("15/6/2026"), Date::new(2026, 6, 15).ok());
        assert_eq!(day_month_year("31/2/2026"), None);
        assert_eq!(day_month_year("2026-06-15"), None);
    }

    #[test]
    fn roles_levels_and_kinds_read_in_vietnamese_or_as_the_contract_names_them() {
        assert_eq!(role_key("Chủ tịch"), "chair");
        assert_eq!(role_key("phó chủ tịch"), "vice_chair");
        assert_eq!(role_key("secretary"), "secretary");
        assert_eq!(role_key("boss"), "boss");
        assert_eq!(level_key("Cấp tỉnh"), "province");
        assert_eq!(level_key("central"), "central");
        assert_eq!(evaluation_key("Nâng hạng"), "upgrade");
        assert_eq!(evaluation_key("lần đầu"), "first");
    }
}
