//! `ocop rank`: read a round's sessions from files, folders and NDJSON, rank them.

use std::fs::File;
use std::io::{self, BufRead, BufReader, IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use ocop_core::lang::Lang;
use ocop_core::round::Round;

use crate::args::{LangArg, RubricsArg, TableFormat};
use crate::council::{read_rules, session_options};
use crate::{INVALID, SUCCESS, catalog, print, print_json, render};

/// The arguments of `ocop rank`.
#[derive(Debug, clap::Args)]
pub(crate) struct RankArgs {
    /// Session files, folders, or NDJSON files (`.ndjson`, `.jsonl`).
    #[arg(required = true)]
    rounds: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TableFormat::Text)]
    format: TableFormat,
    /// Language of labels and messages.
    #[arg(long, value_enum, default_value_t = LangArg::Vi)]
    lang: LangArg,
    /// Allow unfinished member sheets.
    #[arg(long)]
    partial: bool,
    /// A council rules file applied to every session.
    #[arg(long, value_name = "FILE")]
    rules: Option<PathBuf>,
    #[command(flatten)]
    rubrics: RubricsArg,
}

/// Runs `ocop rank`.
pub(crate) fn run(args: RankArgs) -> Result<u8> {
    let lang: Lang = args.lang.into();
    let format = args.format;
    let catalog = catalog(&args.rubrics)?;
    let overrides = match read_rules(args.rules.as_deref(), format == TableFormat::Json, lang)? {
        Ok(overrides) => overrides,
        Err(status) => return Ok(status),
    };
    let mut round = Round::new(&catalog, session_options(args.partial, overrides.as_ref()));
    let mut progress = Progress::new();
    for path in &args.rounds {
        read_round(path, &mut round, &mut progress)?;
    }
    progress.done();
    let mut ranking = round.finish();
    ranking.localize(lang);
    match format {
        TableFormat::Json => print_json(&ranking)?,
        TableFormat::Csv => print(&render::ranking_csv(&ranking))?,
        TableFormat::Text => {
            print(&render::ranking(&ranking, lang))?;
            for failure in &ranking.failures {
                eprint!(
                    "{}",
                    render::problems(&failure.source, &failure.problems, lang)
                );
            }
        }
    }
    Ok(if ranking.failures.is_empty() {
        SUCCESS
    } else {
        INVALID
    })
}

/// Adds the sessions found at one path: NDJSON (`-`, `.ndjson`, `.jsonl`), a folder of session
/// files and NDJSON files, or one session file.
fn read_round(path: &Path, round: &mut Round<'_>, progress: &mut Progress) -> Result<()> {
    if path == Path::new("-") {
        return read_ndjson("<stdin>", io::stdin().lock(), round, progress);
    }
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
            .with_context(|| format!("reading {}", path.display()))?
            .filter_map(|entry| entry.ok().map(|entry| entry.path()))
            .filter(|entry| entry.is_file() && (is_ndjson(entry) || has_extension(entry, "json")))
            .collect();
        entries.sort();
        for entry in &entries {
            read_round(entry, round, progress)?;
        }
        return Ok(());
    }
    let name = path.display().to_string();
    if is_ndjson(path) {
        let file = File::open(path).with_context(|| format!("reading {name}"))?;
        return read_ndjson(&name, BufReader::new(file), round, progress);
    }
    match std::fs::read(path) {
        Ok(bytes) => {
            round.add_bytes(&name, &bytes);
        }
        Err(error) => return Err(error).with_context(|| format!("reading {name}")),
    }
    progress.tick(round.len());
    Ok(())
}

/// Reads one session per line, reusing one buffer, so memory does not grow with the stream.
fn read_ndjson(
    name: &str,
    mut reader: impl BufRead,
    round: &mut Round<'_>,
    progress: &mut Progress,
) -> Result<()> {
    let mut line = Vec::new();
    let mut number = 0;
    loop {
        line.clear();
        if reader
            .read_until(b'\n', &mut line)
            .with_context(|| format!("reading {name}"))?
            == 0
        {
            return Ok(());
        }
        number += 1;
        round.add_line(name, number, &line);
        progress.tick(round.len());
    }
}

fn is_ndjson(path: &Path) -> bool {
    has_extension(path, "ndjson") || has_extension(path, "jsonl")
}

fn has_extension(path: &Path, extension: &str) -> bool {
    path.extension().is_some_and(|found| found == extension)
}

/// A progress line on standard error, only when it is a terminal.
struct Progress {
    shown: bool,
    enabled: bool,
}

impl Progress {
    fn new() -> Self {
        Self {
            shown: false,
            enabled: io::stderr().is_terminal(),
        }
    }

    fn tick(&mut self, sessions: usize) {
        if self.enabled && sessions.is_multiple_of(500) {
            let _ = write!(io::stderr(), "\r{sessions} …");
            self.shown = true;
        }
    }

    fn done(&self) {
        if self.shown {
            let _ = writeln!(io::stderr());
        }
    }
}
