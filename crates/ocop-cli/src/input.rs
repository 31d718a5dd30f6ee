//! Input documents from files: JSON as written, or a council workbook (`.xlsx`, by extension or
//! content) turned into the same document, whose problems are put back in its cells.

use std::path::Path;

use ocop_core::lang::{Describe, Lang};
use ocop_core::rubric::Catalog;
use ocop_core::sheet::InputProblems;
use ocop_workbook::WorkbookDocument;

use crate::CliError;
use crate::output::{Input, decode, read_bytes};

/// What a command reads from a workbook.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Wanted<'a> {
    /// The council session.
    Session,
    /// One member's sheet: the member named (id or tab), or the only one; when none can be
    /// chosen, the command line is wrong, said in `lang`.
    Sheet {
        /// The member asked for with `--member`.
        member: Option<&'a str>,
        /// The language of the usage error.
        lang: Lang,
    },
}

/// A document read from a file: JSON text, or what a workbook's cells make.
pub(crate) struct Document {
    name: String,
    json: Option<String>,
    workbook: Option<WorkbookDocument>,
}

impl Document {
    fn json(Input { name, text }: Input) -> Self {
        Self {
            name,
            json: Some(text),
            workbook: None,
        }
    }

    /// The JSON text for the engine.
    pub(crate) fn text(&self) -> &str {
        match (&self.json, &self.workbook) {
            (Some(text), _) => text,
            (None, Some(workbook)) => workbook.text(),
            (None, None) => "",
        }
    }

    /// The engine's verdict on [`Self::text`], with a workbook's problems placed in their cells
    /// (and its own cells' problems added): an invalid input names the file.
    pub(crate) fn check<T>(&self, checked: Result<T, InputProblems>) -> Result<T, CliError> {
        let checked = match &self.workbook {
            Some(workbook) => workbook.check(checked),
            None => checked,
        };
        checked.map_err(|problems| CliError::Invalid {
            file: self.name.clone(),
            problems,
        })
    }
}

/// Whether a file is a workbook: named `.xlsx`, or a zip archive whatever its name.
pub(crate) fn is_workbook(path: &Path, bytes: &[u8]) -> bool {
    path.extension()
        .is_some_and(|extension| extension.eq_ignore_ascii_case("xlsx"))
        || ocop_workbook::is_workbook(bytes)
}

/// Reads a document, JSON or workbook.
pub(crate) fn read_document(
    catalog: &Catalog,
    path: &Path,
    wanted: Wanted<'_>,
) -> Result<Document, CliError> {
    // Standard input too may carry a workbook: it is known by its content.
    let (name, bytes) = read_bytes(path)?;
    if !is_workbook(path, &bytes) {
        return Ok(Document::json(decode(name, bytes)?));
    }
    let workbook = ocop_workbook::read(catalog, &bytes).map_err(|problems| CliError::Invalid {
        file: name.clone(),
        problems,
    })?;
    let document = match wanted {
        Wanted::Session => workbook.session(),
        Wanted::Sheet { member, lang } => workbook
            .member_sheet(member)
            .map_err(|choice| CliError::Usage(format!("{name}: {}", choice.describe(lang))))?,
    };
    Ok(Document {
        name,
        json: None,
        workbook: Some(document),
    })
}
