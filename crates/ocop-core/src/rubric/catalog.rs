//! Finding and loading rubrics: the ones bundled in the library, or files on disk.
//!
//! An instrument file is small and read when the catalog is built; a product set is parsed and
//! validated the first time it is asked for, so scoring one sheet costs one set, not twenty-six.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use jiff::civil::Date;
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::model::{Instrument, ProductSet};
use super::problem::{RubricProblem, RubricProblemKind, Severity};
use super::source::{InstrumentSource, ProductSetSource};
use super::validate;
use crate::council::CouncilDefaults;
use crate::json::{self, JsonPath, Position};

/// Name of the instrument file in a rubric folder.
pub const INSTRUMENT_FILE: &str = "rubric.json";

/// Why a rubric or product set cannot be used.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum RubricError {
    /// No rubric with this identifier.
    #[error("unknown rubric {id:?} (known: {known})")]
    UnknownRubric {
        /// The identifier asked for.
        id: String,
        /// The identifiers available.
        known: String,
    },
    /// The rubric has no product set with this number.
    #[error("rubric {rubric} has no product set {number}")]
    UnknownSet {
        /// The rubric.
        rubric: String,
        /// The number asked for.
        number: u8,
    },
    /// No rubric is in force on a date.
    #[error("no rubric is in force on {date}")]
    NoneInForce {
        /// The date.
        date: Date,
    },
    /// The data failed validation; it is never used to score.
    #[error("{} problem(s) in rubric data, first: {}", problems.len(), problems.first().map(ToString::to_string).unwrap_or_default())]
    Invalid {
        /// Every problem found.
        problems: Vec<RubricProblem>,
    },
    /// Rubric files could not be read.
    #[error("cannot read rubrics at {path}: {message}")]
    Io {
        /// The path.
        path: String,
        /// The I/O error.
        message: String,
    },
}

impl crate::lang::Describe for RubricError {
    fn describe(&self, lang: crate::lang::Lang) -> String {
        if lang == crate::lang::Lang::En {
            return self.to_string();
        }
        match self {
            Self::UnknownRubric { id, known } => {
                format!("không có bộ tiêu chí \"{id}\" (hiện có: {known})")
            }
            Self::UnknownSet { rubric, number } => {
                format!("bộ tiêu chí {rubric} không có bộ sản phẩm số {number}")
            }
            Self::NoneInForce { date } => format!(
                "không có bộ tiêu chí nào có hiệu lực vào ngày {}",
                crate::lang::Lang::Vi.date(*date)
            ),
            Self::Invalid { problems } => format!(
                "dữ liệu bộ tiêu chí có {} lỗi, lỗi đầu tiên: {}",
                problems.len(),
                problems
                    .first()
                    .map(|problem| problem.describe(crate::lang::Lang::Vi))
                    .unwrap_or_default()
            ),
            Self::Io { path, message } => {
                format!("không đọc được bộ tiêu chí tại {path}: {message}")
            }
        }
    }
}

/// A product set with its instrument, ready to score with: borrowed from the catalog that
/// loaded and validated them.
#[derive(Debug, Clone, Copy)]
pub struct LoadedSet<'c> {
    /// The instrument.
    pub instrument: &'c Instrument,
    /// The product set.
    pub set: &'c ProductSet,
    /// Whether the data is the released data of its revision.
    pub release: &'c Release,
}

/// Whether a product set's data (its file, the instrument file and the council defaults) is
/// the released data of the revision it claims to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Release {
    /// The released data, as recorded in `rubrics/fingerprints.csv` (bundled data always is).
    Released,
    /// The data claims a released revision, but these files differ from it.
    Modified {
        /// The files (relative to the rubric folder) whose content is not the released one.
        files: Vec<String>,
    },
    /// No revision with this identifier and number was released.
    Unreleased,
}

impl Release {
    /// The state as results name it.
    pub fn state(&self) -> RubricData {
        match self {
            Release::Released => RubricData::Released,
            Release::Modified { .. } => RubricData::Modified,
            Release::Unreleased => RubricData::Unreleased,
        }
    }

    /// The release state of files claiming to be `id@revision`: each file with its fingerprint
    /// (or why it has none), compared with the released record.
    fn of<'f>(
        id: &str,
        revision: u32,
        files: impl IntoIterator<Item = (&'f str, Result<&'f str, &'f str>)>,
    ) -> Release {
        if !RELEASED
            .iter()
            .any(|released| released.rubric == id && released.revision == revision)
        {
            return Release::Unreleased;
        }
        let files: Vec<String> = files
            .into_iter()
            .filter(|(file, fingerprint)| {
                released_fingerprint(id, revision, file) != fingerprint.ok()
            })
            .map(|(file, _)| file.to_owned())
            .collect();
        if files.is_empty() {
            Release::Released
        } else {
            Release::Modified { files }
        }
    }
}

// `RELEASED`: the released record, compiled from `rubrics/fingerprints.csv` into constants by
// the build script.
include!(concat!(env!("OUT_DIR"), "/released_files.rs"));

/// The recorded fingerprint of one released file, if that file was released.
fn released_fingerprint(rubric: &str, revision: u32, file: &str) -> Option<&'static str> {
    RELEASED
        .iter()
        .find(|released| {
            released.rubric == rubric && released.revision == revision && released.file == file
        })
        .map(|released| released.fingerprint)
}

/// One line of `rubrics/fingerprints.csv`.
struct ReleasedFile {
    rubric: &'static str,
    revision: u32,
    file: &'static str,
    fingerprint: &'static str,
}

/// Whether the rubric data a result was scored with is the released data: the field
/// `rubric_data` of every result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RubricData {
    /// The released data of its revision.
    Released,
    /// Data that claims a released revision but differs from it: not the official criteria.
    Modified,
    /// Data of a revision that was never released (a draft, a test rubric).
    Unreleased,
}

/// A summary of one rubric, for listings.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[non_exhaustive]
pub struct RubricSummary {
    /// Identifier.
    pub id: String,
    /// Data revision.
    pub revision: u32,
    /// Decision number.
    pub decision: String,
    /// First day in force.
    pub effective_from: String,
    /// Last day in force, if replaced.
    pub effective_until: Option<String>,
    /// Fingerprint of the instrument file.
    pub fingerprint: String,
    /// Product sets: number and name.
    pub product_sets: Vec<SetSummary>,
}

/// A product set in a listing.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[non_exhaustive]
pub struct SetSummary {
    /// Number in the decision.
    pub number: u8,
    /// Name in the table of contents.
    pub name: String,
}

/// A set of rubrics to score with.
pub struct Catalog {
    rubrics: Vec<Entry>,
}

struct Entry {
    /// The folder name, used when the instrument itself cannot be read.
    folder: String,
    /// The rubric the folder holds by its name (`qd26-2026`, or `archive/qd26-2026@1`), for
    /// bundled folders: finding one rubric then loads only its folders. `None`: any rubric.
    holds: Option<String>,
    /// The revision an archived bundled folder holds by its name (`@1`); `None` for the folder
    /// holding the latest revision, and for folders read from elsewhere. Finding the latest
    /// revision then reads no archived instrument (a test checks that the names tell the truth).
    archived: Option<u32>,
    /// Where its files are read from.
    files: Files,
    /// The instrument read and checked: at once for folders on disk, when first needed for
    /// bundled ones (scoring one sheet reads one instrument, not all of them).
    state: OnceLock<Result<Rubric, Vec<RubricProblem>>>,
}

struct Rubric {
    instrument: Instrument,
    warnings: Vec<RubricProblem>,
    files: Files,
    sets: Vec<SetSlot>,
    /// The council defaults (`council.json`), read and checked when first needed.
    council: OnceLock<Result<CouncilDefaults, String>>,
}

struct SetSlot {
    number: u8,
    /// Path relative to the rubric folder.
    relative: String,
    validated: OnceLock<Validated>,
    /// Whether the set's data is released, found when first needed.
    release: OnceLock<Release>,
}

/// A product set file read and validated, once: the set when it has no error, and every problem
/// found, warnings included.
struct Validated {
    set: Option<ProductSet>,
    problems: Vec<RubricProblem>,
    /// The fingerprint of the file's canonical content, when it could be read.
    file_fingerprint: Result<String, String>,
}

/// The bundled catalog, or one read from files: what a command or an embedding scores with.
pub enum CatalogRef {
    /// The rubrics compiled into the library, shared by every user.
    Bundled(&'static Catalog),
    /// Rubric files read from disk.
    Loaded(Catalog),
}

impl CatalogRef {
    /// The bundled rubrics, or those read from `path` (as [`Catalog::from_path`] reads them).
    pub fn open(path: Option<&Path>) -> Result<CatalogRef, RubricError> {
        Ok(match path {
            None => CatalogRef::Bundled(Catalog::bundled()),
            Some(path) => CatalogRef::Loaded(Catalog::from_path(path)?),
        })
    }
}

impl std::ops::Deref for CatalogRef {
    type Target = Catalog;

    fn deref(&self) -> &Catalog {
        match self {
            CatalogRef::Bundled(catalog) => catalog,
            CatalogRef::Loaded(catalog) => catalog,
        }
    }
}

/// One rubric folder checked by [`Catalog::check_each`].
#[derive(Debug, Clone)]
pub struct CheckedRubric<'c> {
    /// Its instrument, when the instrument file loaded.
    pub instrument: Option<&'c Instrument>,
    /// Every problem found in its files, warnings included, in file order.
    pub problems: Vec<RubricProblem>,
}

/// Where a rubric folder's files are read from; set files are read when first needed.
#[derive(Clone)]
enum Files {
    /// Compiled into the library, under this folder name.
    Bundled(String),
    /// On disk.
    Disk(PathBuf),
    /// Given as texts, by path relative to the folder, under a folder name.
    Memory {
        folder: String,
        texts: BTreeMap<String, String>,
    },
}

impl Files {
    fn read(&self, relative: &str) -> Result<Cow<'static, str>, String> {
        match self {
            Self::Bundled(folder) => {
                let wanted = format!("{folder}/{relative}");
                bundled::text(&wanted)
                    .map(Cow::Borrowed)
                    .ok_or_else(|| format!("{wanted} is not bundled"))
            }
            Self::Disk(folder) => std::fs::read_to_string(folder.join(relative))
                .map(Cow::Owned)
                .map_err(|error| error.to_string()),
            Self::Memory { folder, texts } => texts
                .get(relative)
                .map(|text| Cow::Owned(text.clone()))
                .ok_or_else(|| format!("{folder}/{relative} was not given")),
        }
    }

    /// How a file is named in problems.
    fn display(&self, relative: &str) -> String {
        match self {
            Self::Bundled(folder) => format!("{folder}/{relative}"),
            Self::Disk(folder) => folder.join(relative).display().to_string(),
            Self::Memory { folder, .. } => format!("{folder}/{relative}"),
        }
    }

    /// The folder name, which is the rubric's identifier by convention.
    fn folder_name(&self) -> String {
        match self {
            Self::Bundled(folder) => folder.clone(),
            Self::Disk(folder) => folder.file_name().map_or_else(
                || folder.display().to_string(),
                |name| name.to_string_lossy().into_owned(),
            ),
            Self::Memory { folder, .. } => folder.clone(),
        }
    }
}

/// The rubric files compiled into the library (`NAMES`, `FOLDERS` and `text`, written by the
/// build script).
mod bundled {
    include!(concat!(env!("OUT_DIR"), "/bundled_rubrics.rs"));

    /// Every bundled file's path relative to `rubrics/`.
    #[cfg(test)]
    pub(super) fn names() -> impl Iterator<Item = &'static str> {
        NAMES.lines()
    }
}

impl Catalog {
    /// The rubrics compiled into the library.
    pub fn bundled() -> &'static Catalog {
        static BUNDLED: OnceLock<Catalog> = OnceLock::new();
        BUNDLED.get_or_init(Catalog::bundled_owned)
    }

    /// The rubrics compiled into the library, in a catalog of its own that releases what it read
    /// when dropped: for an embedding that must give its memory back (a library unloaded, a
    /// leak checker), where [`Catalog::bundled`] keeps one for the whole process.
    pub fn bundled_owned() -> Catalog {
        let rubrics = (bundled::FOLDERS.iter())
            .map(|folder| Entry::lazy(Files::Bundled((*folder).to_owned())))
            .collect();
        Catalog { rubrics }
    }

    /// Reads rubrics from disk: a rubric folder (holding `rubric.json`), its `rubric.json`, or a
    /// folder of rubric folders.
    pub fn from_path(path: &Path) -> Result<Catalog, RubricError> {
        let io = |error: std::io::Error| RubricError::Io {
            path: path.display().to_string(),
            message: error.to_string(),
        };
        let path = if path.file_name().is_some_and(|name| name == INSTRUMENT_FILE) {
            path.parent().unwrap_or(path)
        } else {
            path
        };
        let folders: Vec<PathBuf> = if path.join(INSTRUMENT_FILE).is_file() {
            vec![path.to_path_buf()]
        } else {
            // Rubric folders, and one level further for archived revisions (`archive/id@N`).
            let subfolders = |folder: &Path| -> Result<Vec<PathBuf>, RubricError> {
                Ok(std::fs::read_dir(folder)
                    .map_err(io)?
                    .filter_map(|entry| entry.ok().map(|entry| entry.path()))
                    .filter(|entry| entry.is_dir())
                    .collect())
            };
            let mut folders = Vec::new();
            for folder in subfolders(path)? {
                if folder.join(INSTRUMENT_FILE).is_file() {
                    folders.push(folder);
                } else {
                    folders.extend(
                        subfolders(&folder)?
                            .into_iter()
                            .filter(|inner| inner.join(INSTRUMENT_FILE).is_file()),
                    );
                }
            }
            folders.sort();
            folders
        };
        if folders.is_empty() {
            return Err(RubricError::Io {
                path: path.display().to_string(),
                message: format!("no {INSTRUMENT_FILE} found"),
            });
        }
        let mut rubrics: Vec<Entry> = folders
            .into_iter()
            .map(|folder| Entry::load(Files::Disk(folder)))
            .collect();
        refuse_duplicates(&mut rubrics);
        Ok(Catalog { rubrics })
    }

    /// One rubric folder given as texts: `rubric.json`, `council.json` and the set files, by
    /// path relative to the folder (`sets/01.json`), under a folder name for messages. For
    /// programs that hold rubric data in memory, and for testing the loader on any text.
    pub fn from_texts(folder: &str, texts: impl IntoIterator<Item = (String, String)>) -> Catalog {
        let files = Files::Memory {
            folder: folder.to_owned(),
            texts: texts.into_iter().collect(),
        };
        Catalog {
            rubrics: vec![Entry::load(files)],
        }
    }

    /// Identifiers of the rubrics that loaded, each revision as `id@N`, latest first for each.
    pub fn ids(&self) -> Vec<String> {
        let mut ids: Vec<(&str, u32)> = self
            .loaded()
            .map(|rubric| (rubric.instrument.id.as_str(), rubric.instrument.revision))
            .collect();
        ids.sort_by(|a, b| a.0.cmp(b.0).then(b.1.cmp(&a.1)));
        ids.into_iter()
            .map(|(id, revision)| format!("{id}@{revision}"))
            .collect()
    }

    /// The instrument with this identifier.
    pub fn instrument(&self, id: &str) -> Result<&Instrument, RubricError> {
        self.rubric(id).map(|rubric| &rubric.instrument)
    }

    /// The latest revision of every instrument, oldest instrument first.
    pub fn latest_instruments(&self) -> Vec<&Instrument> {
        let mut latest: Vec<&Instrument> = Vec::new();
        for rubric in self.loaded() {
            let instrument = &rubric.instrument;
            match latest.iter_mut().find(|known| known.id == instrument.id) {
                Some(known) if known.revision < instrument.revision => *known = instrument,
                Some(_) => {}
                None => latest.push(instrument),
            }
        }
        latest.sort_by_key(|instrument| instrument.effective_from);
        latest
    }

    /// The instrument in force on a date, in its latest revision. During a transition, when an
    /// old instrument still applies to files already in progress, the newest one is chosen.
    pub fn in_force_on(&self, date: Date) -> Result<&Instrument, RubricError> {
        self.loaded()
            .map(|rubric| &rubric.instrument)
            .filter(|instrument| instrument.in_force_on(date))
            .max_by_key(|instrument| (instrument.effective_from, instrument.revision))
            .ok_or(RubricError::NoneInForce { date })
    }

    /// A product set of a rubric, validated.
    pub fn product_set(&self, id: &str, number: u8) -> Result<LoadedSet<'_>, RubricError> {
        self.rubric(id)?.product_set(number)
    }

    /// The file of a valid product set, as stored (the `rubric-set` schema): what a program
    /// reads to show the criteria itself.
    pub fn product_set_file(&self, id: &str, number: u8) -> Result<Cow<'static, str>, RubricError> {
        let rubric = self.rubric(id)?;
        // Only a set that validates is handed out, as only such a set scores.
        rubric.product_set(number)?;
        let relative = rubric
            .sets
            .iter()
            .find(|slot| slot.number == number)
            .map(|slot| slot.relative.as_str())
            .unwrap_or_default();
        rubric
            .files
            .read(relative)
            .map_err(|message| RubricError::Io {
                path: rubric.files.display(relative),
                message,
            })
    }

    /// A product set of an instrument this catalog holds (matched by id and revision), validated.
    pub fn product_set_of(
        &self,
        instrument: &Instrument,
        number: u8,
    ) -> Result<LoadedSet<'_>, RubricError> {
        self.rubric_of(instrument)?.product_set(number)
    }

    /// The council defaults of an instrument this catalog holds (its folder's `council.json`),
    /// read and checked once.
    pub fn council_defaults(&self, instrument: &Instrument) -> Result<&CouncilDefaults, String> {
        let rubric = self
            .rubric_of(instrument)
            .map_err(|error| error.to_string())?;
        rubric
            .council
            .get_or_init(|| rubric.council_defaults())
            .as_ref()
            .map_err(Clone::clone)
    }

    /// The loaded rubric of an instrument, matched by id and revision.
    fn rubric_of(&self, instrument: &Instrument) -> Result<&Rubric, RubricError> {
        self.holding_revision(&instrument.id, |archived| {
            archived.is_none_or(|archived| archived == instrument.revision)
        })
        .find(|rubric| {
            rubric.instrument.id == instrument.id
                && rubric.instrument.revision == instrument.revision
        })
        .ok_or_else(|| RubricError::UnknownRubric {
            id: instrument.key(),
            known: self.ids().join(", "),
        })
    }

    /// The fingerprint of every file of every rubric revision that loaded: the digest of the
    /// file's canonical content (compact JSON of the parsed data), so layout changes nothing and
    /// any change of a value changes it. Files that cannot be read or parsed are listed by name
    /// with the reason instead.
    pub fn fingerprints(&self) -> Vec<FileFingerprint> {
        self.loaded()
            .flat_map(|rubric| {
                let instrument = &rubric.instrument;
                rubric
                    .file_fingerprints()
                    .into_iter()
                    .map(|(file, fingerprint)| FileFingerprint {
                        rubric: instrument.id.clone(),
                        revision: instrument.revision,
                        file,
                        fingerprint,
                    })
            })
            .collect()
    }

    /// Summaries of the rubrics that loaded.
    pub fn summaries(&self) -> Vec<RubricSummary> {
        self.loaded()
            .map(|rubric| {
                let instrument = &rubric.instrument;
                RubricSummary {
                    id: instrument.id.clone(),
                    revision: instrument.revision,
                    decision: instrument.decision.number.clone(),
                    effective_from: instrument.effective_from.to_string(),
                    effective_until: instrument.effective_until.map(|date| date.to_string()),
                    fingerprint: instrument.fingerprint.clone(),
                    product_sets: instrument
                        .product_sets
                        .iter()
                        .map(|entry| SetSummary {
                            number: entry.number,
                            name: entry.name.clone(),
                        })
                        .collect(),
                }
            })
            .collect()
    }

    /// Validates everything: every instrument and every product set. Returns every problem,
    /// warnings included, in file order.
    pub fn check_all(&self) -> Vec<RubricProblem> {
        self.check_each()
            .into_iter()
            .flat_map(|checked| checked.problems)
            .collect()
    }

    /// Validates everything, rubric folder by rubric folder: each with its instrument when that
    /// loaded, and every problem found in its files, warnings included, in file order.
    pub fn check_each(&self) -> Vec<CheckedRubric<'_>> {
        self.rubrics
            .iter()
            .map(|entry| match entry.state() {
                Err(found) => CheckedRubric {
                    instrument: None,
                    problems: found.clone(),
                },
                Ok(rubric) => {
                    let mut problems = rubric.warnings.clone();
                    for slot in &rubric.sets {
                        let validated = slot.validated(&rubric.instrument, &rubric.files);
                        problems.extend(validated.problems.iter().cloned());
                    }
                    problems.extend(rubric.integrity_problems());
                    CheckedRubric {
                        instrument: Some(&rubric.instrument),
                        problems,
                    }
                }
            })
            .collect()
    }

    /// The rubrics that loaded among the folders that may hold the rubric `id`.
    fn holding<'s, 'i>(&'s self, id: &'i str) -> impl Iterator<Item = &'s Rubric> + use<'s, 'i> {
        self.holding_revision(id, |_| true)
    }

    /// The rubrics that loaded among the folders that may hold the rubric `id`, leaving unread
    /// the archived folders whose revision (by name) `wanted` refuses.
    fn holding_revision<'s, 'i, W: Fn(Option<u32>) -> bool>(
        &'s self,
        id: &'i str,
        wanted: W,
    ) -> impl Iterator<Item = &'s Rubric> + use<'s, 'i, W> {
        self.rubrics
            .iter()
            .filter(move |entry| entry.holds.as_deref().is_none_or(|holds| holds == id))
            .filter(move |entry| wanted(entry.archived))
            .filter_map(|entry| entry.state().as_ref().ok())
    }

    fn loaded(&self) -> impl Iterator<Item = &Rubric> {
        self.rubrics
            .iter()
            .filter_map(|entry| entry.state().as_ref().ok())
    }

    /// The rubric named `id` (its latest revision) or `id@N` (revision N).
    fn rubric<'c>(&'c self, id: &str) -> Result<&'c Rubric, RubricError> {
        let unknown = || RubricError::UnknownRubric {
            id: id.to_owned(),
            known: self.ids().join(", "),
        };
        let (name, revision) = match id.split_once('@') {
            // `id@` or `id@x` names no revision: never quietly the latest.
            Some((name, revision)) => (name, Some(revision.parse::<u32>().map_err(|_| unknown())?)),
            None => (id, None),
        };
        let latest = |found: Option<&'c Rubric>, rubric: &'c Rubric| {
            let matches = rubric.instrument.id == name
                && revision.is_none_or(|wanted| rubric.instrument.revision == wanted);
            let newer =
                found.is_none_or(|found| found.instrument.revision < rubric.instrument.revision);
            if matches && newer {
                Some(rubric)
            } else {
                found
            }
        };
        // An archived folder is read only when its name says it may hold what is asked for,
        // or when no other folder does.
        let found = self
            .holding_revision(name, |archived| {
                archived.is_none() || revision.is_some_and(|wanted| archived == Some(wanted))
            })
            .fold(None, latest)
            .or_else(|| self.holding(name).fold(None, latest));
        if let Some(rubric) = found {
            return Ok(rubric);
        }
        for entry in &self.rubrics {
            if (entry.folder == id || entry.folder == name)
                && let Err(problems) = entry.state()
            {
                return Err(RubricError::Invalid {
                    problems: problems.clone(),
                });
            }
        }
        Err(unknown())
    }
}

impl Entry {
    /// A folder read now.
    fn load(files: Files) -> Entry {
        let entry = Entry::lazy(files);
        entry.state();
        entry
    }

    /// A folder read when first needed.
    fn lazy(files: Files) -> Entry {
        let folder = files.folder_name();
        let (holds, archived) = match &files {
            Files::Bundled(name) => {
                let name = name.rsplit('/').next().unwrap_or(name);
                match name.split_once('@') {
                    Some((id, revision)) => (Some(id.to_owned()), revision.parse().ok()),
                    None => (Some(name.to_owned()), None),
                }
            }
            Files::Disk(_) | Files::Memory { .. } => (None, None),
        };
        Entry {
            folder,
            holds,
            archived,
            files,
            state: OnceLock::new(),
        }
    }

    /// The instrument read and checked, once.
    fn state(&self) -> &Result<Rubric, Vec<RubricProblem>> {
        self.state.get_or_init(|| Self::read(self.files.clone()))
    }

    fn read(files: Files) -> Result<Rubric, Vec<RubricProblem>> {
        let file = files.display(INSTRUMENT_FILE);
        let id = files.folder_name();
        files
            .read(INSTRUMENT_FILE)
            .map_err(|message| {
                vec![file_problem(
                    &file,
                    &id,
                    None,
                    RubricProblemKind::Unreadable { message },
                )]
            })
            .and_then(|text| {
                let source: InstrumentSource = parse(&text, &file, &id, None)?;
                let released = released_fingerprint(&source.id, source.revision, INSTRUMENT_FILE)
                    .filter(|_| matches!(files, Files::Bundled(_)));
                // Bundled data is the released data (a test checks it): its fingerprint is
                // recorded, and hashing it again at every start would cost more than scoring.
                let fingerprint = match released {
                    Some(fingerprint) => fingerprint.to_owned(),
                    None => fingerprint(&[&canonical(&source)]),
                };
                let (instrument, problems) = validate::instrument(&source, &file, fingerprint);
                let problems = with_positions(problems, &text);
                let Some(instrument) = instrument else {
                    return Err(problems);
                };
                let sets = source
                    .product_sets
                    .iter()
                    .map(|entry| SetSlot {
                        number: entry.number,
                        relative: entry.file.clone(),
                        validated: OnceLock::new(),
                        release: OnceLock::new(),
                    })
                    .collect();
                Ok(Rubric {
                    instrument,
                    warnings: problems,
                    files,
                    sets,
                    council: OnceLock::new(),
                })
            })
    }
}

impl Rubric {
    fn council_defaults(&self) -> Result<CouncilDefaults, String> {
        let id = &self.instrument.id;
        let text = self
            .files
            .read(COUNCIL_FILE)
            .map_err(|message| format!("{}: {message}", self.files.display(COUNCIL_FILE)))?;
        let json::Object(defaults): json::Object<CouncilDefaults> =
            serde_json::from_str(&text).map_err(|error| format!("{id}/{COUNCIL_FILE}: {error}"))?;
        if defaults.rubric != *id {
            return Err(format!(
                "{id}/{COUNCIL_FILE} names rubric {:?}",
                defaults.rubric
            ));
        }
        let problems = defaults.problems();
        if !problems.is_empty() {
            let problems: Vec<String> = problems
                .into_iter()
                .map(|(field, detail)| format!("{field}: {detail}"))
                .collect();
            return Err(format!("{id}/{COUNCIL_FILE}: {}", problems.join("; ")));
        }
        Ok(defaults)
    }

    /// Every file of the folder with its fingerprint (or why it has none): the instrument file,
    /// the council defaults when present, and every set file.
    fn file_fingerprints(&self) -> Vec<(String, Result<String, String>)> {
        let mut files = vec![INSTRUMENT_FILE.to_owned()];
        if self.files.read(COUNCIL_FILE).is_ok() {
            files.push(COUNCIL_FILE.to_owned());
        }
        files.extend(self.sets.iter().map(|slot| slot.relative.clone()));
        files
            .into_iter()
            .map(|file| {
                let fingerprint = self
                    .files
                    .read(&file)
                    .and_then(|text| canonical_file(&file, &text));
                (file, fingerprint)
            })
            .collect()
    }

    /// Whether these files of the folder, with the instrument file and the council defaults,
    /// are the released data of the folder's revision. Bundled data is (a test checks it
    /// against `rubrics/fingerprints.csv`); a folder on disk is fingerprinted and compared.
    fn release_of<'s>(&self, sets: impl IntoIterator<Item = &'s SetSlot>) -> Release {
        if matches!(self.files, Files::Bundled(_)) {
            return Release::Released;
        }
        // The instrument's fingerprint is its file's; each set's comes from its validation.
        let council = self
            .files
            .read(COUNCIL_FILE)
            .and_then(|text| canonical_file(COUNCIL_FILE, &text));
        let mut files: Vec<(&str, Result<&str, &str>)> = vec![
            (INSTRUMENT_FILE, Ok(self.instrument.fingerprint.as_str())),
            (COUNCIL_FILE, council.as_deref().map_err(String::as_str)),
        ];
        files.extend(sets.into_iter().map(|slot| {
            let validated = slot.validated(&self.instrument, &self.files);
            let fingerprint = validated.file_fingerprint.as_deref();
            (slot.relative.as_str(), fingerprint.map_err(String::as_str))
        }));
        Release::of(&self.instrument.id, self.instrument.revision, files)
    }

    /// What lint reports beyond each file's own validation: council defaults that are missing
    /// or unusable, and data that claims a released revision but is not it.
    fn integrity_problems(&self) -> Vec<RubricProblem> {
        let mut problems = Vec::new();
        let id = &self.instrument.id;
        if let Err(message) = self.council.get_or_init(|| self.council_defaults()) {
            let file = self.files.display(COUNCIL_FILE);
            let kind = RubricProblemKind::CouncilDefaults {
                message: message.clone(),
            };
            problems.push(file_problem(&file, id, None, kind));
        }
        if let Release::Modified { files } = self.release_of(&self.sets) {
            for modified in files {
                let file = self.files.display(&modified);
                let kind = RubricProblemKind::ModifiedRelease {
                    revision: self.instrument.key(),
                };
                let mut problem = file_problem(&file, id, None, kind);
                problem.severity = Severity::Warning;
                problems.push(problem);
            }
        }
        problems
    }

    fn product_set(&self, number: u8) -> Result<LoadedSet<'_>, RubricError> {
        let slot = self
            .sets
            .iter()
            .find(|slot| slot.number == number)
            .ok_or_else(|| RubricError::UnknownSet {
                rubric: self.instrument.id.clone(),
                number,
            })?;
        let validated = slot.validated(&self.instrument, &self.files);
        let set = validated.set.as_ref().ok_or_else(|| RubricError::Invalid {
            problems: validated.problems.clone(),
        })?;
        Ok(LoadedSet {
            instrument: &self.instrument,
            set,
            release: slot.release.get_or_init(|| self.release_of([slot])),
        })
    }
}

impl SetSlot {
    /// The set file read and validated, the first time it is asked for.
    fn validated(&self, instrument: &Instrument, files: &Files) -> &Validated {
        self.validated
            .get_or_init(|| self.validate(instrument, files))
    }

    fn validate(&self, instrument: &Instrument, files: &Files) -> Validated {
        let file = files.display(&self.relative);
        let text = match files.read(&self.relative) {
            Ok(text) => text,
            Err(message) => {
                let kind = RubricProblemKind::Unreadable {
                    message: message.clone(),
                };
                return Validated {
                    set: None,
                    problems: vec![file_problem(&file, &instrument.id, Some(self.number), kind)],
                    file_fingerprint: Err(message),
                };
            }
        };
        let source: ProductSetSource = match parse(&text, &file, &instrument.id, Some(self.number))
        {
            Ok(source) => source,
            Err(problems) => {
                let reason = problems
                    .first()
                    .map(ToString::to_string)
                    .unwrap_or_default();
                return Validated {
                    set: None,
                    problems,
                    file_fingerprint: Err(reason),
                };
            }
        };
        let bundled = matches!(files, Files::Bundled(_))
            .then(|| {
                super::BUNDLED_SETS.iter().find(|set| {
                    set.id == instrument.id
                        && set.revision == instrument.revision
                        && set.number == self.number
                })
            })
            .flatten();
        let (file_fingerprint, fingerprint) = match bundled {
            // Bundled data is the released data (a test checks it): its fingerprint is recorded.
            Some(set) => (Err("bundled".to_owned()), set.fingerprint.to_owned()),
            // One canonical form gives both the file's fingerprint (for the released record)
            // and the set's (with its instrument's, in every result).
            None => {
                let canonical = canonical(&source);
                (
                    Ok(fingerprint(&[&canonical])),
                    fingerprint(&[instrument.fingerprint.as_bytes(), &canonical]),
                )
            }
        };
        let (mut set, mut problems) =
            validate::product_set(&source, instrument, &file, fingerprint);
        if source.number != self.number {
            let kind = RubricProblemKind::SetListing {
                number: self.number,
                missing: true,
            };
            let mut problem = file_problem(&file, &instrument.id, Some(self.number), kind);
            problem.path = JsonPath::root().key("number");
            problems.push(problem);
            set = None;
        }
        Validated {
            set,
            problems: with_positions(problems, &text),
            file_fingerprint,
        }
    }
}

/// Reads a file into its source type, or reports why it cannot be read.
fn parse<T: serde::de::DeserializeOwned>(
    text: &str,
    file: &str,
    rubric: &str,
    set: Option<u8>,
) -> Result<T, Vec<RubricProblem>> {
    if let Ok(value) = serde_json::from_str(text) {
        return Ok(value);
    }
    // Read again, following the path, only to say where the problem is.
    let mut deserializer = serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(&mut deserializer)
        .map_err(|error| (json_path(error.path()), error.into_inner()))
        .and_then(|value| {
            deserializer
                .end()
                .map(|()| value)
                .map_err(|error| (JsonPath::root(), error))
        })
        .map_err(|(path, error)| {
            let message = json::serde_message(&error);
            let mut problem =
                file_problem(file, rubric, set, RubricProblemKind::Malformed { message });
            // The value at fault when the text is JSON, else where the parser stopped.
            problem.position = json::Document::parse(text)
                .ok()
                .and_then(|document| document.locate(&path))
                .filter(|_| path != JsonPath::root())
                .or(Some(Position::of_serde(text, error.line(), error.column())));
            problem.path = path;
            vec![problem]
        })
}

/// A serde path as a JSON Pointer.
fn json_path(path: &serde_path_to_error::Path) -> JsonPath {
    path.iter()
        .fold(JsonPath::root(), |at, segment| match segment {
            serde_path_to_error::Segment::Seq { index } => at.index(*index),
            serde_path_to_error::Segment::Map { key } => at.key(key.as_str()),
            serde_path_to_error::Segment::Enum { variant } => at.key(variant.as_str()),
            serde_path_to_error::Segment::Unknown => at,
        })
}

fn file_problem(
    file: &str,
    rubric: &str,
    set: Option<u8>,
    kind: RubricProblemKind,
) -> RubricProblem {
    RubricProblem {
        severity: Severity::Error,
        file: file.to_owned(),
        path: JsonPath::root(),
        position: None,
        rubric: rubric.to_owned(),
        set,
        code: None,
        kind,
    }
}

/// Name of the council defaults file of a rubric folder.
/// Name of the council defaults file in a rubric folder.
const COUNCIL_FILE: &str = "council.json";

/// One file's fingerprint, or why it has none.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct FileFingerprint {
    /// Rubric identifier.
    pub rubric: String,
    /// Data revision.
    pub revision: u32,
    /// File, relative to the rubric folder.
    pub file: String,
    /// `sha256:…` of the canonical content, or the reason it could not be computed.
    pub fingerprint: Result<String, String>,
}

/// The fingerprint of a rubric folder's file from its text.
fn canonical_file(file: &str, text: &str) -> Result<String, String> {
    fn digest<T: serde::de::DeserializeOwned + Serialize>(text: &str) -> Result<String, String> {
        let value: T = serde_json::from_str(text).map_err(|error| error.to_string())?;
        Ok(fingerprint(&[&canonical(&value)]))
    }
    match file {
        INSTRUMENT_FILE => digest::<InstrumentSource>(text),
        COUNCIL_FILE => digest::<CouncilDefaults>(text),
        _ => digest::<ProductSetSource>(text),
    }
}

/// Fills in line and column for every problem from the file's text.
fn with_positions(mut problems: Vec<RubricProblem>, text: &str) -> Vec<RubricProblem> {
    if problems.is_empty() {
        return problems;
    }
    if let Ok(document) = json::Document::parse(text) {
        for problem in &mut problems {
            problem.position = problem.position.or_else(|| document.locate(&problem.path));
        }
    }
    problems
}

/// The fingerprint of a whole rubric revision from its files' fingerprints: the digest of one
/// `file=fingerprint` line per file, in file-name order.
pub fn revision_fingerprint<'f>(files: impl IntoIterator<Item = (&'f str, &'f str)>) -> String {
    let mut files: Vec<(&str, &str)> = files.into_iter().collect();
    files.sort_unstable();
    let mut hasher = Sha256::new();
    for (file, fingerprint) in files {
        hasher.update(format!("{file}={fingerprint}\n").as_bytes());
    }
    let hex: String = hasher
        .finalize()
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
    format!("sha256:{hex}")
}

/// Makes every folder that holds the same rubric revision as another unusable, each naming the
/// other: which data would score would otherwise depend on folder names.
fn refuse_duplicates(entries: &mut [Entry]) {
    let keys: Vec<Option<(String, String)>> = entries
        .iter()
        .map(|entry| {
            let rubric = entry.state().as_ref().ok()?;
            Some((
                rubric.instrument.key(),
                rubric.files.display(INSTRUMENT_FILE),
            ))
        })
        .collect();
    for (index, entry) in entries.iter_mut().enumerate() {
        let Some((key, _)) = keys.get(index).cloned().flatten() else {
            continue;
        };
        let others: Vec<&str> = keys
            .iter()
            .enumerate()
            .filter(|(other, _)| *other != index)
            .filter_map(|(_, other)| other.as_ref())
            .filter(|(other_key, _)| *other_key == key)
            .map(|(_, file)| file.as_str())
            .collect();
        if others.is_empty() {
            continue;
        }
        let file = entry.files.display(INSTRUMENT_FILE);
        let rubric_id = key.split('@').next().unwrap_or_default().to_owned();
        entry.state = OnceLock::from(Err(others
            .into_iter()
            .map(|other| {
                let kind = RubricProblemKind::DuplicateRevision {
                    revision: key.clone(),
                    other: other.to_owned(),
                };
                file_problem(&file, &rubric_id, None, kind)
            })
            .collect()));
    }
}

/// The canonical bytes of a file's content: compact JSON of the parsed source, so that layout
/// and whitespace do not change a fingerprint but every value does.
pub(crate) fn canonical<T: Serialize>(source: &T) -> Vec<u8> {
    serde_json::to_vec(source).unwrap_or_default()
}

/// A `sha256:`-prefixed hex digest of the parts, in order.
pub(crate) fn fingerprint(parts: &[&[u8]]) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update(part);
        hasher.update([0]);
    }
    let digest = hasher.finalize();
    let hex: String = digest.iter().map(|byte| format!("{byte:02x}")).collect();
    format!("sha256:{hex}")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Finding a rubric trusts the bundled folder names (see [`Entry::archived`]): an archived
    /// folder holds the revision its name says, and the folder without a revision in its name
    /// holds the latest one.
    #[test]
    fn bundled_folder_names_tell_their_revisions() {
        let catalog = Catalog::bundled_owned();
        for entry in &catalog.rubrics {
            let Ok(rubric) = entry.state() else {
                panic!("bundled folder {} does not load", entry.folder);
            };
            let instrument = &rubric.instrument;
            assert_eq!(entry.holds.as_deref(), Some(instrument.id.as_str()));
            match entry.archived {
                Some(revision) => assert_eq!(instrument.revision, revision, "{}", entry.folder),
                None => {
                    let latest = catalog
                        .loaded()
                        .filter(|other| other.instrument.id == instrument.id)
                        .map(|other| other.instrument.revision)
                        .max();
                    assert_eq!(Some(instrument.revision), latest, "{}", entry.folder);
                }
            }
        }
        assert!(catalog.rubrics.iter().any(|entry| entry.archived.is_some()));
    }

    #[test]
    fn every_bundled_file_is_found_by_its_name() {
        let names: Vec<&str> = bundled::names().collect();
        assert!(names.len() > 26 * 3);
        for name in names {
            let text = bundled::text(name).unwrap_or_default();
            assert!(text.trim_start().starts_with('{'), "{name}");
        }
        assert_eq!(bundled::text("qd26-2026/sets/27.json"), None);
    }
}
