//! `ocop rank`: read a round's sessions from files, folders and NDJSON, rank them.
//!
//! A session that cannot be scored is reported as soon as it is read (into the JSON document,
//! or on standard error) and forgotten, so that memory stays flat however many fail.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, IsTerminal, StdoutLock, Write};
use std::path::{Path, PathBuf};

use ocop_core::lang::Lang;
use ocop_core::round::{RankingWriter, Round, RoundFailure};

use crate::args::{LangArg, RubricsArg, TableFormat};
use crate::council::{read_rules, session_options};
use crate::output::{STDIN, escape_controls, print, write_stdout};
use crate::{CliError, INVALID, SUCCESS, catalog, render};

/// The arguments of `ocop rank`.
#[derive(Debug, clap::Args)]
pub(crate) struct RankArgs {
    /// Session files, folders, or NDJSON files (`.ndjson`, `.jsonl`).
    #[arg(required = true)]
    rounds: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TableFormat::Text)]
    pub(crate) format: TableFormat,
    /// Language of labels and messages.
    #[arg(long, value_enum, default_value_t = LangArg::Vi)]
    pub(crate) lang: LangArg,
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
pub(crate) fn run(args: RankArgs) -> Result<u8, CliError> {
    let lang: Lang = args.lang.into();
    let catalog = catalog(&args.rubrics)?;
    let overrides = read_rules(args.rules.as_deref())?;
    // Every path named must exist before anything is printed: a JSON document once begun
    // cannot turn into an error document.
    for path in args.rounds.iter().filter(|path| *path != Path::new("-")) {
        std::fs::metadata(path).map_err(|error| CliError::Read {
            file: path.display().to_string(),
            error,
        })?;
    }
    let mut round = Round::new(&catalog, session_options(args.partial, overrides.as_ref()));
    let mut reporter = Reporter::new(args.format, lang)?;
    for path in &args.rounds {
        read_round(path, &mut round, &mut reporter)?;
    }
    reporter.progress.done();
    let ranked = round.finish();
    match reporter.json {
        Some(writer) => {
            let mut out = writer.finish(&ranked)?;
            out.flush()?;
        }
        None if args.format == TableFormat::Csv => print(&render::ranking_csv(&ranked))?,
        None => print(&render::ranking(&ranked, lang))?,
    }
    Ok(if ranked.distribution.failed == 0 {
        SUCCESS
    } else {
        INVALID
    })
}

/// Where failures go as they occur: into the JSON document on standard output, or on standard
/// error.
struct Reporter {
    json: Option<RankingWriter<BufWriter<StdoutLock<'static>>>>,
    lang: Lang,
    progress: Progress,
}

impl Reporter {
    fn new(format: TableFormat, lang: Lang) -> Result<Self, CliError> {
        let json = match format {
            TableFormat::Json => {
                // Fails now, before any work, when standard output is closed.
                write_stdout(b"")?;
                Some(RankingWriter::start(BufWriter::new(io::stdout().lock()))?)
            }
            TableFormat::Text | TableFormat::Csv => None,
        };
        Ok(Self {
            json,
            lang,
            progress: Progress::new(),
        })
    }

    /// Reports the outcome of one session.
    fn report(
        &mut self,
        outcome: Option<Result<(), RoundFailure>>,
        sessions: usize,
    ) -> Result<(), CliError> {
        if let Some(Err(mut failure)) = outcome {
            failure.localize(self.lang);
            match &mut self.json {
                Some(writer) => writer.failure(&failure)?,
                None => {
                    self.progress.interrupt();
                    let text = render::problems(
                        &failure.source,
                        &failure.problems,
                        failure.more_problems,
                        self.lang,
                    );
                    io::stderr().write_all(escape_controls(&text).as_bytes())?;
                }
            }
        }
        self.progress.tick(sessions);
        Ok(())
    }
}

/// Adds the sessions found at one path: NDJSON (`-`, `.ndjson`, `.jsonl`), a folder of session
/// files and NDJSON files, or one session file. A file that cannot be read there is a failure of
/// the round, reported like any other.
fn read_round(path: &Path, round: &mut Round<'_>, reporter: &mut Reporter) -> Result<(), CliError> {
    if path == Path::new("-") {
        return read_ndjson(STDIN, io::stdin().lock(), round, reporter);
    }
    let name = path.display().to_string();
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = match std::fs::read_dir(path) {
            Ok(entries) => entries
                .filter_map(|entry| entry.ok().map(|entry| entry.path()))
                .filter(|entry| {
                    entry.is_file() && (is_ndjson(entry) || has_extension(entry, "json"))
                })
                .collect(),
            Err(error) => {
                let outcome = round.add_unreadable(&name, &error);
                return reporter.report(Some(outcome), round.len());
            }
        };
        entries.sort();
        for entry in &entries {
            read_round(entry, round, reporter)?;
        }
        return Ok(());
    }
    if is_ndjson(path) {
        return match File::open(path) {
            Ok(file) => read_ndjson(&name, BufReader::new(file), round, reporter),
            Err(error) => {
                let outcome = round.add_unreadable(&name, &error);
                reporter.report(Some(outcome), round.len())
            }
        };
    }
    let outcome = match std::fs::read(path) {
        Ok(bytes) => round.add_bytes(&name, &bytes),
        Err(error) => round.add_unreadable(&name, &error),
    };
    reporter.report(Some(outcome), round.len())
}

/// Reads one session per line, reusing one buffer, so memory does not grow with the stream.
fn read_ndjson(
    name: &str,
    mut reader: impl BufRead,
    round: &mut Round<'_>,
    reporter: &mut Reporter,
) -> Result<(), CliError> {
    let mut line = Vec::new();
    let mut number = 0;
    loop {
        line.clear();
        match reader.read_until(b'\n', &mut line) {
            Ok(0) => return Ok(()),
            Ok(_) => {
                number += 1;
                let outcome = round.add_line(name, number, &line);
                reporter.report(outcome, round.len())?;
            }
            Err(error) => {
                let outcome = round.add_unreadable(&format!("{name}:{}", number + 1), &error);
                return reporter.report(Some(outcome), round.len());
            }
        }
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

    /// Ends the progress line, so that what follows starts on a line of its own.
    fn interrupt(&mut self) {
        if self.shown {
            let _ = writeln!(io::stderr());
            self.shown = false;
        }
    }

    fn done(&mut self) {
        self.interrupt();
    }
}
