//! Converts the shared reference transcriptions of the OCOP criteria into the rubric files under
//! `rubrics/`. Run it with `cargo run -p ocop-datagen`; `--check` reports stale files instead of
//! writing them, and a test does the same on every `cargo test`.

pub mod convert;
pub mod instrument;
pub mod qd26_2026;
pub mod reference;

use std::path::{Path, PathBuf};

use anyhow::Result;
use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

use crate::convert::{Converter, read_transcription};
use crate::instrument::set_file;

/// One generated file: path relative to `rubrics/`, and content.
pub struct Output {
    /// Path relative to the rubrics folder.
    pub path: PathBuf,
    /// File content.
    pub text: String,
}

/// The reference folder as seen from the workspace root.
pub const DEFAULT_REFERENCE: &str = "../shared/reference/ocop-criteria";

/// Generates every rubric file from the reference folder.
pub fn generate(reference: &Path) -> Result<Vec<Output>> {
    use qd26_2026 as qd26;
    let transcription = read_transcription(&reference.join(qd26::TRANSCRIPTION))?;
    let mut converter = Converter::new(qd26::METADATA.id, qd26::CORRECTIONS);
    let mut outputs = Vec::new();
    let mut listed = Vec::new();
    for sheet in &transcription.sheets {
        let set = converter.sheet(sheet)?;
        let contents_name = sheet
            .set_name_toc
            .as_deref()
            .unwrap_or(&set.name)
            .nfc()
            .collect::<String>();
        listed.push((set.number, contents_name.trim().to_owned()));
        outputs.push(output(qd26::METADATA.id, &set_file(set.number), &set)?);
    }
    converter.finish()?;
    let instrument =
        qd26::METADATA.instrument(qd26::source_note(&transcription.source), &listed)?;
    outputs.push(output(
        qd26::METADATA.id,
        ocop_core::rubric::INSTRUMENT_FILE,
        &instrument,
    )?);
    Ok(outputs)
}

fn output(rubric: &str, file: &str, value: &impl Serialize) -> Result<Output> {
    let mut text = serde_json::to_string_pretty(value)?;
    text.push('\n');
    Ok(Output {
        path: Path::new(rubric).join(file),
        text,
    })
}
