//! `ocop rank`: read a round's sessions from files, folders and NDJSON, rank them.
//!
//! A session that cannot be scored is reported as soon as it is read (into the JSON document,
//! or on standard error) and forgotten, so that memory stays flat however many fail.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, IsTerminal, StdoutLock, Write};
use std::path::{Path, PathBuf};

use ocop_core::council::{self, CouncilResult, SessionOptions};
use ocop_core::lang::Lang;
use ocop_core::round::{RankingWriter, Round, RoundFailure};
use ocop_core::rubric::Catalog;

use crate::args::{LangArg, RubricsArg, TableFormat};
use crate::council::{read_rules, require_output, session_options};
use crate::input::is_workbook;
use crate::output::{STDIN, emit, escape_controls, write_stdout};
use crate::{CliError, INVALID, SUCCESS, catalog, render};

// The arguments of `ocop rank`.
#[derive(Debug, clap::Args)]
pub(crate) struct RankArgs {
    /// Session files, folders, or NDJSON files (`.ndjson`, `.jsonl`).
    #[arg(required = true)]
    rounds: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TableFormat::Text)]
    pub(crate) format: TableFormat,
    /// Write the output to this file (needed for `--format xlsx`).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
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
    let output = args.output.as_deref();
    require_output(args.format, output, lang)?;
    let options = session_options(args.partial, overrides.as_ref());
    let mut intake = Intake {
        catalog: &catalog,
        options,
        round: Round::new(&catalog, options),
        reporter: Reporter::new(args.format, lang)?,
        // A printed round draws its members, so it keeps every session's full result.
        results: (args.format == TableFormat::Html).then(Vec::new),
    };
    for path in &args.rounds {
        intake.read(path)?;
    }
    let Intake {
        round,
        mut reporter,
        results,
        ..
    } = intake;
    reporter.progress.done();
    let ranked = round.finish();
    let failures = reporter.kept.take().unwrap_or_default();
    match reporter.json {
        Some(writer) => {
            let mut out = writer.finish(&ranked)?;
            out.flush()?;
        }
        None => match args.format {
            TableFormat::Csv => emit(output, render::ranking_csv(&ranked).as_bytes())?,
            TableFormat::Xlsx => emit(
                output,
                &ocop_workbook::ranking_workbook(&ranked, &failures)
                    .map_err(|error| CliError::Write(io::Error::other(error)))?,
            )?,
            TableFormat::Html => emit(
                output,
                ocop_print::ranking(&ranked, &failures, &results.unwrap_or_default()).as_bytes(),
            )?,
            TableFormat::Text | TableFormat::Json => {
                emit(output, render::ranking(&ranked, lang).as_bytes())?
            }
        },
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
    /// Failures kept for a document that lists them (a workbook, a printed round).
    kept: Option<Vec<RoundFailure>>,
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
            TableFormat::Text | TableFormat::Csv | TableFormat::Xlsx | TableFormat::Html => None,
        };
        Ok(Self {
            json,
            kept: matches!(format, TableFormat::Xlsx | TableFormat::Html).then(Vec::new),
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
            if let Some(kept) = &mut self.kept {
                kept.push(failure);
            }
        }
        self.progress.tick(sessions);
        Ok(())
    }
}

/// Adds the sessions found at one path: NDJSON (`-`, `.ndjson`, `.jsonl`), a folder of session
/// files and NDJSON files, or one session file. A file that cannot be read there is a failure of
/// the round, reported like any other.
/// What a round is read into: its ranking, its reporter, and the full results when the round
/// is printed.
struct Intake<'c> {
    catalog: &'c Catalog,
    options: SessionOptions<'c>,
    round: Round<'c>,
    reporter: Reporter,
    results: Option<Vec<CouncilResult>>,
}

impl Intake<'_> {
    /// Adds the sessions found at one path: NDJSON (`-`, `.ndjson`, `.jsonl`), a folder of
    /// session files, council workbooks and NDJSON files, or one session file or workbook.
    fn read(&mut self, path: &Path) -> Result<(), CliError> {
        if path == Path::new("-") {
            return self.read_ndjson(STDIN, io::stdin().lock());
        }
        let name = path.display().to_string();
        if path.is_dir() {
            let mut entries: Vec<PathBuf> = match std::fs::read_dir(path) {
                Ok(entries) => entries
                    .filter_map(|entry| entry.ok().map(|entry| entry.path()))
                    .filter(|entry| {
                        entry.is_file()
                            && (is_ndjson(entry)
                                || has_extension(entry, "json")
                                || has_extension(entry, "xlsx"))
                    })
                    .collect(),
                Err(error) => {
                    let outcome = self.round.add_unreadable(&name, &error);
                    return self.reporter.report(Some(outcome), self.round.len());
                }
            };
            entries.sort();
            for entry in &entries {
                self.read(entry)?;
            }
            return Ok(());
        }
        if is_ndjson(path) {
            return match File::open(path) {
                Ok(file) => self.read_ndjson(&name, BufReader::new(file)),
                Err(error) => {
                    let outcome = self.round.add_unreadable(&name, &error);
                    self.reporter.report(Some(outcome), self.round.len())
                }
            };
        }
        let outcome = match std::fs::read(path) {
            Ok(bytes) if is_workbook(path, &bytes) => self.add_workbook(&name, &bytes),
            Ok(bytes) => {
                self.keep(&bytes);
                self.round.add_bytes(&name, &bytes)
            }
            Err(error) => self.round.add_unreadable(&name, &error),
        };
        self.reporter.report(Some(outcome), self.round.len())
    }

    /// Reads one session per line, reusing one buffer, so that memory does not grow with the
    /// stream (unless the round is printed, which keeps every result).
    fn read_ndjson(&mut self, name: &str, mut reader: impl BufRead) -> Result<(), CliError> {
        let mut line = Vec::new();
        let mut number = 0;
        loop {
            line.clear();
            match reader.read_until(b'\n', &mut line) {
                Ok(0) => return Ok(()),
                Ok(_) => {
                    number += 1;
                    self.keep(&line);
                    let outcome = self.round.add_line(name, number, &line);
                    self.reporter.report(outcome, self.round.len())?;
                }
                Err(error) => {
                    let source = format!("{name}:{}", number + 1);
                    let outcome = self.round.add_unreadable(&source, &error);
                    return self.reporter.report(Some(outcome), self.round.len());
                }
            }
        }
    }

    /// Keeps a session's full result when the round is printed.
    fn keep(&mut self, bytes: &[u8]) {
        if let (Some(results), Ok(text)) = (&mut self.results, std::str::from_utf8(bytes)) {
            results.extend(council::score_session(self.catalog, text, self.options).ok());
        }
    }

    /// Adds a council workbook's session. One whose cells cannot make a session, or whose own
    /// cells have problems, is a failure with every problem, each in its cell.
    fn add_workbook(&mut self, name: &str, bytes: &[u8]) -> Result<(), RoundFailure> {
        let workbook = match ocop_workbook::read(self.catalog, bytes) {
            Ok(workbook) => workbook,
            Err(problems) => return Err(self.round.add_failed(name, problems)),
        };
        let document = workbook.session();
        if document.has_problems() {
            let checked = council::session_standing(self.catalog, document.text(), self.options);
            let problems = document.check(checked).err().unwrap_or_default();
            return Err(self.round.add_failed(name, problems));
        }
        self.keep(document.text().as_bytes());
        self.round.add(name, document.text()).map_err(|failure| {
            let problems = document
                .check::<()>(Err(failure.problems.into()))
                .err()
                .unwrap_or_default();
            RoundFailure {
                problems: problems.into_vec(),
                ..failure
            }
        })
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
