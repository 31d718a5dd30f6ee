//! Converts the reference transcriptions of the OCOP criteria (`rubrics/sources/`) into the
//! rubric files under `rubrics/`. Run it with `cargo run -p ocop-datagen`; `--check` reports stale files instead of
//! writing them, and a test does the same on every `cargo test`. Either way the output must pass
//! the engine's own validation first.

pub mod convert;
pub mod correction;
pub mod instrument;
pub mod notes;
pub mod qd1048_2019;
pub mod qd148_2023;
pub mod qd26_2026;
pub mod reference;
pub mod text;

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use ocop_core::rubric::{Catalog, Severity};
use serde::Serialize;

use crate::convert::{Converter, Layout, read_transcription};
use crate::correction::Correction;
use crate::instrument::{Metadata, set_file};

/// One generated file: path relative to `rubrics/`, and content.
pub struct Output {
    /// Path relative to the rubrics folder.
    pub path: PathBuf,
    /// File content.
    pub text: String,
}

impl Output {
    /// Writes the file under `rubrics_dir`, creating its folders; returns where it went.
    pub fn write_into(&self, rubrics_dir: &Path) -> Result<PathBuf> {
        let path = rubrics_dir.join(&self.path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("creating {}", parent.display()))?;
        }
        std::fs::write(&path, &self.text).with_context(|| format!("writing {}", path.display()))?;
        Ok(path)
    }
}

/// The outputs whose file under `rubrics_dir` is missing or differs.
pub fn stale<'a>(outputs: &'a [Output], rubrics_dir: &Path) -> Vec<&'a Output> {
    outputs
        .iter()
        .filter(|output| {
            let current = std::fs::read_to_string(rubrics_dir.join(&output.path));
            current.ok().as_deref() != Some(output.text.as_str())
        })
        .collect()
}

/// Loads the outputs as the engine loads a rubrics folder (written to a temporary folder) and
/// fails if its validation finds an error; warnings (the defects kept as printed) pass. The
/// council defaults (`council.json`) are not the converter's output: they are written by hand
/// beside it, and `ocop lint` checks them in `rubrics/`.
pub fn validate(outputs: &[Output]) -> Result<()> {
    let dir = tempfile::tempdir().context("creating a temporary folder")?;
    for output in outputs {
        output.write_into(dir.path())?;
    }
    let catalog = Catalog::from_path(dir.path())
        .with_context(|| format!("loading the output from {}", dir.path().display()))?;
    let errors: Vec<String> = catalog
        .check_all()
        .iter()
        .filter(|problem| problem.severity == Severity::Error)
        .filter(|problem| problem.kind_name() != "council_defaults")
        .map(|problem| problem.to_string())
        .collect();
    if !errors.is_empty() {
        bail!(
            "the engine rejects the converted rubrics:\n  {}",
            errors.join("\n  ")
        );
    }
    Ok(())
}

/// The reference transcriptions, inside the repository, as seen from the workspace root.
pub const DEFAULT_REFERENCE: &str = "rubrics/sources";

/// Everything needed to convert one instrument.
pub struct Spec {
    /// The transcription, relative to the reference folder.
    pub transcription: &'static str,
    /// The instrument's full text, relative to the reference folder: notes the transcription
    /// dropped are restored only if found there.
    pub witness: Option<&'static str>,
    /// An independent transcription of some of its sets, relative to the reference folder:
    /// every option is compared with it.
    pub cross_check: Option<&'static str>,
    /// What the decision says outside its sheets.
    pub metadata: Metadata,
    /// How its sheets are printed.
    pub layout: Layout,
    /// Where the data departs from the transcription, or keeps a defect of the source.
    pub corrections: &'static [Correction],
    /// What the data's source note says after naming the sheets' source and the transcription:
    /// where the rest of the data comes from.
    pub source_tail: &'static str,
}

/// Every bundled instrument, oldest first.
pub const INSTRUMENTS: [&Spec; 3] = [&qd1048_2019::SPEC, &qd148_2023::SPEC, &qd26_2026::SPEC];

/// Generates every rubric file from the reference folder.
pub fn generate(reference: &Path) -> Result<Vec<Output>> {
    let mut outputs = Vec::new();
    for spec in INSTRUMENTS {
        let files =
            convert(reference, spec).with_context(|| format!("converting {}", spec.metadata.id))?;
        outputs.extend(files);
    }
    Ok(outputs)
}

/// Converts one instrument: its product sets and its instrument file.
fn convert(reference: &Path, spec: &Spec) -> Result<Vec<Output>> {
    let id = spec.metadata.id;
    let transcription = read_transcription(&reference.join(spec.transcription))?;
    let witness = spec
        .witness
        .map(|file| {
            let path = reference.join(file);
            std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))
        })
        .transpose()?;
    let cross_check = spec
        .cross_check
        .map(|file| read_transcription(&reference.join(file)))
        .transpose()?;
    let mut converter = Converter::new(
        id,
        spec.layout,
        spec.corrections,
        witness.as_deref(),
        cross_check.as_ref(),
    );
    let mut outputs = Vec::new();
    let mut listed = Vec::new();
    for sheet in &transcription.sheets {
        let set = converter.sheet(sheet)?;
        let contents_name = sheet
            .set_name_toc
            .as_deref()
            .map_or_else(|| set.name.clone(), text::text);
        listed.push((set.number, contents_name));
        outputs.push(output(id, &set_file(set.number), &set)?);
    }
    converter.finish()?;
    if let Some(witness) = witness.as_deref() {
        check_articles(&spec.metadata, witness)?;
    }
    let source = format!(
        "Sheets: {}; via the project's reference transcription {}. {}",
        transcription.source, spec.transcription, spec.source_tail
    );
    let instrument = spec.metadata.instrument(source, &listed)?;
    outputs.push(output(id, ocop_core::rubric::INSTRUMENT_FILE, &instrument)?);
    Ok(outputs)
}

/// Fails unless every article the procedure rules quote is in the instrument's full text, word
/// for word (line breaks and runs of spaces count as one space).
fn check_articles(metadata: &Metadata, witness: &str) -> Result<()> {
    let collapse = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let witness = collapse(witness);
    let missing: Vec<String> = metadata
        .articles()
        .iter()
        .filter(|article| !witness.contains(&collapse(article.printed)))
        .map(|article| format!("{}: {:?}", article.source, article.printed))
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        bail!(
            "articles quoted by the procedure rules that the full text does not print:\n  {}",
            missing.join("\n  ")
        )
    }
}

fn output(rubric: &str, file: &str, value: &impl Serialize) -> Result<Output> {
    let mut text = serde_json::to_string_pretty(value)?;
    text.push('\n');
    Ok(Output {
        path: Path::new(rubric).join(file),
        text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_the_engine_rejects_is_refused() {
        let outputs = [Output {
            path: Path::new("broken").join(ocop_core::rubric::INSTRUMENT_FILE),
            text: "{}\n".to_owned(),
        }];
        let error = format!("{:#}", validate(&outputs).unwrap_err());
        assert!(
            error.contains("the engine rejects the converted rubrics"),
            "{error}"
        );
    }
}
