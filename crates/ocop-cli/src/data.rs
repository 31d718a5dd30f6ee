//! Commands for rubric data: `lint`, `diff`, `fixtures check`, `rescore`, `schema`.

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand, ValueEnum};
use ocop_core::diff;
use ocop_core::fixtures::{self, Fixture, FixtureKind, FixtureOutcome, FixturesReport};
use ocop_core::lang::Lang;
use ocop_core::lint::{self, SourcedReport};
use ocop_core::rescore;
use ocop_core::rubric::Catalog;

use crate::args::{Format, LangArg, RubricsArg};
use crate::output::{print, print_json, read_input};
use crate::{CliError, INVALID, SUCCESS, catalog, render};

// `ocop lint`.
#[derive(Debug, Args)]
pub(crate) struct LintArgs {
    /// Rubric folders (or a folder of them); none: the bundled rubrics.
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub(crate) format: Format,
    /// Language of messages.
    #[arg(long, value_enum, default_value_t = LangArg::Vi)]
    pub(crate) lang: LangArg,
}

// `ocop diff`.
#[derive(Debug, Args)]
pub(crate) struct DiffArgs {
    /// The old rubric: an identifier (`qd148-2023`, `qd26-2026@1`) or a rubric folder.
    old: String,
    /// The new rubric: an identifier or a rubric folder.
    new: String,
    /// Compare one product set only.
    #[arg(long = "set")]
    product_set: Option<u8>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub(crate) format: Format,
    /// Language of labels.
    #[arg(long, value_enum, default_value_t = LangArg::Vi)]
    pub(crate) lang: LangArg,
    #[command(flatten)]
    rubrics: RubricsArg,
}

// `ocop fixtures`.
#[derive(Debug, Args)]
pub(crate) struct FixturesArgs {
    #[command(subcommand)]
    pub(crate) action: FixturesAction,
}

#[derive(Debug, Subcommand)]
pub(crate) enum FixturesAction {
    /// Re-score every stored case (and lint every stored invalid rubric) and report every
    /// difference from its expectation; exit 1 on any.
    Check {
        /// The fixtures folder.
        #[arg(default_value = "fixtures")]
        folder: PathBuf,
        /// Rewrite the expectations with the current results (only the fields they check).
        #[arg(long)]
        update: bool,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Language of the report.
        #[arg(long, value_enum, default_value_t = LangArg::Vi)]
        lang: LangArg,
        #[command(flatten)]
        rubrics: RubricsArg,
    },
}

// `ocop rescore`.
#[derive(Debug, Args)]
pub(crate) struct RescoreArgs {
    /// The old sheet (`-` reads standard input).
    file: PathBuf,
    /// The rubric to carry it to (`qd26-2026`, `qd26-2026@1`).
    #[arg(long)]
    to: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub(crate) format: Format,
    /// Language of labels and messages.
    #[arg(long, value_enum, default_value_t = LangArg::Vi)]
    pub(crate) lang: LangArg,
    #[command(flatten)]
    rubrics: RubricsArg,
}

// `ocop schema`.
#[derive(Debug, Args)]
pub(crate) struct SchemaArgs {
    /// Which schema.
    #[arg(value_enum)]
    name: SchemaName,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum SchemaName {
    /// The instrument file of a rubric (`rubric.json`).
    Rubric,
    /// A product set file of a rubric (`sets/NN.json`).
    RubricSet,
    /// A rubric's council defaults (`council.json`).
    CouncilDefaults,
    /// A member's sheet.
    Sheet,
    /// The result of `ocop score`.
    Result,
    /// A council session.
    Session,
    /// The result of `ocop council`.
    CouncilResult,
    /// A council rules file.
    CouncilRules,
    /// The result of `ocop advise`.
    Advice,
    /// The result of `ocop rank`.
    Ranking,
    /// The document of every failure under `--format json`.
    Error,
    /// The result of `ocop cert`.
    Certificate,
    /// The result of `ocop rubrics`.
    Rubrics,
    /// The result of `ocop lint`.
    Lint,
    /// The result of `ocop diff`.
    Diff,
    /// The result of `ocop fixtures check`.
    Fixtures,
    /// The result of `ocop rescore`.
    Rescore,
    /// The result of `ocop calendar`.
    Calendar,
    /// The result of `ocop register`.
    Register,
    /// A plan's targets, for `ocop register --targets`.
    RegisterTargets,
    /// The error documents of `ocop serve` (other than invalid input).
    ServiceError,
}

pub(crate) fn lint(args: LintArgs) -> Result<u8, CliError> {
    let lang = args.lang.into();
    let mut reports = Vec::new();
    if args.paths.is_empty() {
        reports.push(("bundled".to_owned(), lint::lint(Catalog::bundled())));
    }
    for path in &args.paths {
        let catalog = Catalog::from_path(path).map_err(CliError::from_catalog)?;
        reports.push((path.display().to_string(), lint::lint(&catalog)));
    }
    let failed = reports.iter().any(|(_, report)| report.has_errors());
    match args.format {
        Format::Json => {
            let sourced: Vec<SourcedReport<'_>> = reports
                .iter()
                .map(|(source, report)| SourcedReport { source, report })
                .collect();
            print_json(&sourced)?;
        }
        Format::Text => {
            for (source, report) in &reports {
                print(&render::lint(source, report, lang))?;
            }
        }
    }
    Ok(if failed { INVALID } else { SUCCESS })
}

pub(crate) fn diff(args: DiffArgs) -> Result<u8, CliError> {
    let catalog = catalog(&args.rubrics)?;
    // A folder on disk is read as a catalog of its own; anything else names a rubric.
    let side = |name: &str| -> Result<(Option<Catalog>, String), CliError> {
        let path = Path::new(name);
        if path.is_dir() || path.is_file() {
            let loaded = Catalog::from_path(path).map_err(CliError::from_catalog)?;
            let ids = loaded.ids();
            let Some(id) = ids.first().cloned() else {
                let problems = loaded.check_all();
                return Err(CliError::Rubric { problems });
            };
            Ok((Some(loaded), id))
        } else {
            Ok((None, name.to_owned()))
        }
    };
    let (old_catalog, old) = side(&args.old)?;
    let (new_catalog, new) = side(&args.new)?;
    let result = diff::diff_catalogs(
        old_catalog.as_ref().unwrap_or(&catalog),
        &old,
        new_catalog.as_ref().unwrap_or(&catalog),
        &new,
        args.product_set,
    )
    .map_err(|error| CliError::from_rubric_arg("OLD/NEW/--set", error, args.lang.into()))?;
    match args.format {
        Format::Json => print_json(&result)?,
        Format::Text => print(&render::diff(&result, args.lang.into()))?,
    }
    Ok(SUCCESS)
}

pub(crate) fn fixtures(args: FixturesArgs) -> Result<u8, CliError> {
    let FixturesAction::Check {
        folder,
        update,
        format,
        lang,
        rubrics,
    } = args.action;
    let catalog = catalog(&rubrics)?;
    let found = fixtures::discover(&folder).map_err(|error| CliError::Read {
        file: folder.display().to_string(),
        error,
    })?;
    let mut report = FixturesReport {
        failed: 0,
        updated: 0,
        fixtures: Vec::new(),
    };
    for fixture in &found {
        let name = fixture.path().display().to_string();
        let outcome = if update {
            fixtures::update(fixture, &catalog).map(|changed| (true, changed))
        } else {
            fixtures::check(fixture, &catalog).map(|differences| (false, differences))
        };
        report.fixtures.push(match outcome {
            Ok((updating, differences)) => {
                let updated = updating && !differences.is_empty();
                report.updated += usize::from(updated);
                report.failed += usize::from(!updating && !differences.is_empty());
                FixtureOutcome::Checked {
                    fixture: name,
                    kind: match fixture {
                        Fixture::Case(_) => FixtureKind::Case,
                        Fixture::Rubric(_) => FixtureKind::Rubric,
                    },
                    updated,
                    differences,
                }
            }
            Err(error) => {
                report.failed += 1;
                FixtureOutcome::Failed {
                    fixture: name,
                    error: error.message(lang.into()),
                }
            }
        });
    }
    match format {
        Format::Json => print_json(&report)?,
        Format::Text => print(&render::fixtures(&report, update, lang.into()))?,
    }
    Ok(if report.failed == 0 { SUCCESS } else { INVALID })
}

pub(crate) fn rescore(args: RescoreArgs) -> Result<u8, CliError> {
    let catalog = catalog(&args.rubrics)?;
    let lang: Lang = args.lang.into();
    let target = catalog
        .instrument(&args.to)
        .map_err(|error| CliError::from_rubric_arg("--to", error, lang))?;
    let input = read_input(&args.file)?;
    let result = rescore::rescore(&catalog, &input.text, target)
        .map_err(|problems| input.invalid(problems))?;
    match args.format {
        Format::Json => print_json(&result)?,
        Format::Text => print(&render::rescore(&result, lang))?,
    }
    Ok(SUCCESS)
}

pub(crate) fn schema(args: SchemaArgs) -> Result<u8, CliError> {
    let name = args
        .name
        .to_possible_value()
        .map(|value| value.get_name().to_owned())
        .unwrap_or_default();
    if args.name == SchemaName::ServiceError {
        print(&ocop_serve::error_schema())?;
        return Ok(SUCCESS);
    }
    let schema = ocop_core::schema::by_name(&name)
        .ok_or_else(|| CliError::Usage(format!("no schema called {name}")))?;
    print(&schema.text)?;
    Ok(SUCCESS)
}
