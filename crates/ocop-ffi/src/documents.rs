//! Entry points for the rest of what the command does with documents: advice, rescoring, the
//! blank sheet, a certificate's dates, and a year's evaluation rounds.

use std::ffi::c_char;

use jiff::civil::Date;
use ocop_core::advise::{DEFAULT_ALTERNATIVES, InvalidPart, TextRequest, advise_text};
use ocop_core::blank::{SheetFormat, blank_sheet};
use ocop_core::calendar::calendar;
use ocop_core::certificate::certificate_in;
use ocop_core::output::json_document;
use ocop_core::rescore::rescore;
use ocop_core::rubric::Level;

use crate::boundary;
use crate::engine::{
    Endpoint, JsonCall, OCOP_OPTION_ENGLISH, OCOP_OPTION_PARTIAL, Options, ocop_engine, report,
};
use crate::error::{ocop_error, ocop_status};

/// Option bit of `ocop_engine_blank_sheet`: write the sheet in Markdown, as
/// `ocop sheet --format markdown` does; it is plain text otherwise.
pub const OCOP_OPTION_MARKDOWN: u32 = 1 << 2;

/// Option bit of `ocop_engine_blank_sheet`: write the sheet as a printable document
/// (self-contained A4 HTML, in Vietnamese), as `ocop sheet --format html` does. Not together with
/// `OCOP_OPTION_MARKDOWN`.
pub const OCOP_OPTION_HTML: u32 = 1 << 3;

/// What to improve on a member's sheet, or on a council session's mean, to reach a star level,
/// and the margin below: as `ocop advise FILE --format json` does.
///
/// `subject` is a member's sheet or a council session as JSON (a document with `members` is a
/// session), UTF-8 of `subject_len` bytes. `costs` is NULL (with `costs_len` 0) or a cost file's
/// JSON (criterion code → cost as a decimal string; `"*"` prices every criterion not listed), as
/// `ocop advise --cost` reads it: the plans then minimise the total cost. `target` is the star
/// level to reach, 1 to 5, or 0 for the next one above the current stars (`--target`).
/// `alternatives` is how many tied plans to list at most, 1 to 65535, or 0 for the command's
/// default of 5 (`--alternatives`). `options` is 0 or a combination of `OCOP_OPTION_PARTIAL` and
/// `OCOP_OPTION_ENGLISH`.
///
/// On success, writes the advice document to `*result_out` and its length to `*result_len_out`;
/// release it with `ocop_string_free`. A subject that is not valid is `OCOP_STATUS_INVALID_INPUT`
/// with every problem in the error's document; when the costs are not valid, that document names
/// `"file": "costs"`. A target or an alternatives count out of range is
/// `OCOP_STATUS_INVALID_ARGUMENT`.
///
/// # Safety
///
/// `engine` is NULL or a live engine; `subject` is NULL or valid for reading `subject_len` bytes;
/// `costs` is NULL or valid for reading `costs_len` bytes; `result_out`, `result_len_out` and
/// `err_out` are NULL or valid for writing.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ocop_engine_advise(
    engine: *const ocop_engine,
    subject: *const c_char,
    subject_len: usize,
    costs: *const c_char,
    costs_len: usize,
    target: u32,
    alternatives: u32,
    options: u32,
    result_out: *mut *mut c_char,
    result_len_out: *mut usize,
    err_out: *mut *mut ocop_error,
) -> ocop_status {
    let call = JsonCall {
        engine,
        request: (subject, subject_len),
        second: (costs, costs_len),
        options,
        result_out,
        result_len_out,
        err_out,
    };
    // SAFETY: the caller keeps this function's contract, which is `Endpoint::answer`'s.
    unsafe {
        ADVISE.answer(call, |catalog, request, options| {
            let target = match target {
                0 => None,
                1..=5 => u8::try_from(target).ok(),
                _ => {
                    return Err(ocop_error::invalid_argument(format!(
                        "target is {target}: a star level is 1 to 5"
                    )));
                }
            };
            let alternatives = match alternatives {
                0 => DEFAULT_ALTERNATIVES,
                1..=65535 => alternatives as usize,
                _ => {
                    return Err(ocop_error::invalid_argument(format!(
                        "alternatives is {alternatives}, above 65535"
                    )));
                }
            };
            let request = TextRequest {
                subject: request.text,
                costs: request.second,
                target,
                alternatives,
                completeness: options.completeness(),
                lang: options.lang(),
            };
            match advise_text(catalog, &request) {
                Ok(advised) => Ok(json_document(&advised.advice)),
                Err((InvalidPart::Subject, problems)) => {
                    Err(ocop_error::invalid_input(problems, options.lang()))
                }
                Err((InvalidPart::Costs, problems)) => {
                    Err(ocop_error::invalid_named("costs", problems, options.lang()))
                }
            }
        })
    }
}

/// `ocop advise FILE --format json [--cost COSTS] [--target N] [--alternatives N] [--partial]
/// [--lang en]`.
const ADVISE: Endpoint = Endpoint {
    request: "subject",
    second: "costs",
    options: OCOP_OPTION_PARTIAL | OCOP_OPTION_ENGLISH,
};

/// Carries an old sheet's answers to another rubric and scores both, flagging what a person must
/// confirm, as `ocop rescore FILE --to RUBRIC --format json` does.
///
/// `sheet` is the old sheet as JSON, UTF-8 of `sheet_len` bytes; `to` names the rubric to carry it
/// to (`qd26-2026`, or `qd26-2026@1` for a revision), UTF-8 of `to_len` bytes. `options` is 0 or
/// `OCOP_OPTION_ENGLISH`.
///
/// On success, writes the document (both results side by side, and every answer carried) to
/// `*result_out` and its length to `*result_len_out`; release it with `ocop_string_free`. A `to`
/// that names no rubric is `OCOP_STATUS_UNKNOWN_RUBRIC`; a sheet that is not valid (its own
/// rubric unknown included) is `OCOP_STATUS_INVALID_INPUT`, with every problem in the error's
/// document.
///
/// # Safety
///
/// `engine` is NULL or a live engine; `sheet` is NULL or valid for reading `sheet_len` bytes; `to`
/// is NULL or valid for reading `to_len` bytes; `result_out`, `result_len_out` and `err_out` are
/// NULL or valid for writing.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ocop_engine_rescore(
    engine: *const ocop_engine,
    sheet: *const c_char,
    sheet_len: usize,
    to: *const c_char,
    to_len: usize,
    options: u32,
    result_out: *mut *mut c_char,
    result_len_out: *mut usize,
    err_out: *mut *mut ocop_error,
) -> ocop_status {
    let call = JsonCall {
        engine,
        request: (sheet, sheet_len),
        second: (to, to_len),
        options,
        result_out,
        result_len_out,
        err_out,
    };
    // SAFETY: the caller keeps this function's contract, which is `Endpoint::answer`'s.
    unsafe {
        RESCORE.answer(call, |catalog, request, options| {
            // An unknown target is OCOP_STATUS_UNKNOWN_RUBRIC, as `ocop rescore --to` refuses it
            // before reading the sheet.
            let target = catalog
                .instrument(request.second.unwrap_or_default())
                .map_err(|error| ocop_error::rubric(&error))?;
            rescore(catalog, request.text, target)
                .map(|result| json_document(&result))
                .map_err(|problems| ocop_error::invalid_input(problems, options.lang()))
        })
    }
}

/// `ocop rescore FILE --to RUBRIC --format json [--lang en]`.
const RESCORE: Endpoint = Endpoint {
    request: "sheet",
    second: "to",
    options: OCOP_OPTION_ENGLISH,
};

/// The blank scoring sheet of a product set, with its □ options, points and star marks, as
/// `ocop sheet --rubric RUBRIC --set N` prints it.
///
/// `rubric` names the rubric (`qd26-2026`, `qd26-2026@1`), UTF-8 of `rubric_len` bytes;
/// `product_set` is the set's number. `options` is 0 or a combination of `OCOP_OPTION_MARKDOWN`
/// (`--format markdown`) or `OCOP_OPTION_HTML` (`--format html`; plain text otherwise) and
/// `OCOP_OPTION_ENGLISH` (`--lang en`). Both formats at once is `OCOP_STATUS_INVALID_ARGUMENT`.
///
/// On success, writes the sheet to `*sheet_out` and its length to `*sheet_len_out`; release it
/// with `ocop_string_free`. An unknown rubric or product set is `OCOP_STATUS_UNKNOWN_RUBRIC`
/// (the message lists the rubrics known); a product set whose data is not valid is
/// `OCOP_STATUS_RUBRIC_UNREADABLE`.
///
/// # Safety
///
/// `engine` is NULL or a live engine; `rubric` is NULL or valid for reading `rubric_len` bytes;
/// `sheet_out`, `sheet_len_out` and `err_out` are NULL or valid for writing.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ocop_engine_blank_sheet(
    engine: *const ocop_engine,
    rubric: *const c_char,
    rubric_len: usize,
    product_set: u32,
    options: u32,
    sheet_out: *mut *mut c_char,
    sheet_len_out: *mut usize,
    err_out: *mut *mut ocop_error,
) -> ocop_status {
    let document = |catalog: &_| {
        let options = Options::check(
            options,
            OCOP_OPTION_MARKDOWN | OCOP_OPTION_HTML | OCOP_OPTION_ENGLISH,
        )?;
        if options.has(OCOP_OPTION_MARKDOWN) && options.has(OCOP_OPTION_HTML) {
            return Err(ocop_error::invalid_argument(
                "options asks for both OCOP_OPTION_MARKDOWN and OCOP_OPTION_HTML".to_owned(),
            ));
        }
        // SAFETY: `rubric` is NULL or readable for `rubric_len` bytes, as the contract says.
        let rubric = unsafe { boundary::text(rubric, rubric_len, "rubric") }?;
        let loaded = ocop_core::rubric::Catalog::product_set(
            catalog,
            rubric,
            u8::try_from(product_set).unwrap_or(u8::MAX),
        )
        .map_err(|error| ocop_error::rubric(&error))?;
        if options.has(OCOP_OPTION_HTML) {
            return Ok(ocop_print::blank_sheet(&loaded));
        }
        let format = if options.has(OCOP_OPTION_MARKDOWN) {
            SheetFormat::Markdown
        } else {
            SheetFormat::Text
        };
        Ok(blank_sheet(&loaded, format, options.lang()))
    };
    // SAFETY: the caller keeps this function's contract, which is `report`'s.
    unsafe { report(engine, sheet_out, sheet_len_out, "sheet", err_out, document) }
}

/// A certificate's expiry, re-rating window and state on a date, as
/// `ocop cert --decided DATE --on DATE [--rubric RUBRIC] --format json` gives them.
///
/// `decided` is the date of the certifying decision, `YYYY-MM-DD` or `D/M/YYYY` in UTF-8 of
/// `decided_len`
/// bytes. `on` is the day to give the state for, in the same form; NULL (with `on_len` 0) is
/// today, on the host's clock and time zone. `rubric` names the rubric whose rules apply; NULL
/// (with `rubric_len` 0) is the one in force on the decision date.
///
/// On success, writes the document to `*result_out` and its length to `*result_len_out`; release
/// it with `ocop_string_free`. A text that is not a date, a date outside the calendar's range or
/// a decision before the rubric named took effect is `OCOP_STATUS_INVALID_ARGUMENT`; an unknown
/// rubric, or none in force on the decision date, is `OCOP_STATUS_UNKNOWN_RUBRIC`.
///
/// # Safety
///
/// `engine` is NULL or a live engine; `decided`, `on` and `rubric` are each NULL or valid for
/// reading their lengths in bytes; `result_out`, `result_len_out` and `err_out` are NULL or valid
/// for writing.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ocop_engine_certificate(
    engine: *const ocop_engine,
    decided: *const c_char,
    decided_len: usize,
    on: *const c_char,
    on_len: usize,
    rubric: *const c_char,
    rubric_len: usize,
    result_out: *mut *mut c_char,
    result_len_out: *mut usize,
    err_out: *mut *mut ocop_error,
) -> ocop_status {
    let document = |catalog: &_| {
        // SAFETY: each text is NULL or readable for its length, as the contract says.
        let (decided, on, rubric) = unsafe {
            (
                boundary::text(decided, decided_len, "decided")?,
                boundary::optional_text(on, on_len, "on")?,
                boundary::optional_text(rubric, rubric_len, "rubric")?,
            )
        };
        let decided = date(decided, "decided")?;
        let on = match on {
            Some(on) => date(on, "on")?,
            None => jiff::ZonedDateTime::now().date(),
        };
        certificate_in(catalog, decided, on, rubric)
            .map(|certificate| json_document(&certificate))
            .map_err(|error| ocop_error::certificate(&error))
    };
    // SAFETY: the caller keeps this function's contract, which is `report`'s.
    unsafe {
        report(
            engine,
            result_out,
            result_len_out,
            "result",
            err_out,
            document,
        )
    }
}

/// The evaluation rounds a year must have (QĐ 26/2026 Điều 5), and the first round a file
/// proposed on a day can enter, as `ocop calendar YEAR [--level LEVEL] [--on DATE] --format json`
/// gives them.
///
/// `year` is the year; the rules are those of the rubric in force at its end. `level` is NULL
/// (with `level_len` 0) for every level, or `province` or `central` in UTF-8 of `level_len`
/// bytes (`--level`). `proposed_on` is NULL (with `proposed_on_len` 0), or the day a file is
/// proposed, `YYYY-MM-DD` or `D/M/YYYY` (`--on`): the document then gives, for each level, the
/// first round the file can enter. `options` is 0 or `OCOP_OPTION_ENGLISH` (`--lang en`, for the
/// messages of the error's document).
///
/// On success, writes the document to `*result_out` and its length to `*result_len_out`; release
/// it with `ocop_string_free`. A year outside the calendar's range, an unknown level or a text
/// that is not a date is `OCOP_STATUS_INVALID_ARGUMENT`. A year under no rubric, or under rules
/// that set no rounds (before QĐ 26/2026), is `OCOP_STATUS_INVALID_INPUT`, with the document
/// the command prints when it exits with status 1 (less its `"file"`): one problem, the value of
/// `year`.
///
/// # Safety
///
/// `engine` is NULL or a live engine; `level` and `proposed_on` are each NULL or valid for
/// reading their lengths in bytes; `result_out`, `result_len_out` and `err_out` are NULL or valid
/// for writing.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ocop_engine_calendar(
    engine: *const ocop_engine,
    year: i32,
    level: *const c_char,
    level_len: usize,
    proposed_on: *const c_char,
    proposed_on_len: usize,
    options: u32,
    result_out: *mut *mut c_char,
    result_len_out: *mut usize,
    err_out: *mut *mut ocop_error,
) -> ocop_status {
    let document = |catalog: &_| {
        let options = Options::check(options, OCOP_OPTION_ENGLISH)?;
        // SAFETY: each text is NULL or readable for its length, as the contract says.
        let (level, proposed_on) = unsafe {
            (
                boundary::optional_text(level, level_len, "level")?,
                boundary::optional_text(proposed_on, proposed_on_len, "proposed_on")?,
            )
        };
        let year = i16::try_from(year).map_err(|_| {
            ocop_error::invalid_argument(format!(
                "the year {year} is outside the supported calendar range"
            ))
        })?;
        let level = level.map(round_level).transpose()?;
        let proposed_on = proposed_on
            .map(|text| date(text, "proposed_on"))
            .transpose()?;
        calendar(catalog, year, level, proposed_on)
            .map(|calendar| json_document(&calendar))
            .map_err(|error| ocop_error::calendar(&error, options.lang()))
    };
    // SAFETY: the caller keeps this function's contract, which is `report`'s.
    unsafe {
        report(
            engine,
            result_out,
            result_len_out,
            "result",
            err_out,
            document,
        )
    }
}

/// A level that holds evaluation rounds, `province` or `central`, as `ocop calendar --level`
/// takes it: the district level held none and was abolished on 1/7/2025.
fn round_level(text: &str) -> Result<Level, ocop_error> {
    Level::parse(text)
        .filter(|level| level.holds_rounds())
        .ok_or_else(|| {
            ocop_error::invalid_argument(format!(
                "level is {text:?}: a level that holds rounds is province or central"
            ))
        })
}

/// A date argument, `YYYY-MM-DD` or `D/M/YYYY`.
fn date(text: &str, name: &str) -> Result<Date, ocop_error> {
    ocop_core::dates::parse(text)
        .map_err(|error| ocop_error::invalid_argument(format!("{name}: {error}")))
}

#[cfg(test)]
mod tests {
    use std::ffi::CStr;
    use std::ptr;

    use super::*;
    use crate::engine::ocop_engine_free;
    use crate::engine::tests::{EXAMPLE, Failure, SESSION, bundled, outcome};
    use crate::error::ocop_status_name;
    use ocop_core::rubric::Catalog;

    fn advise(
        engine: *const ocop_engine,
        subject: &str,
        costs: Option<&str>,
        target: u32,
        alternatives: u32,
    ) -> Result<String, Failure> {
        let (costs, costs_len) =
            costs.map_or((ptr::null(), 0), |costs| (costs.as_ptr(), costs.len()));
        outcome(|result, len, error| {
            // SAFETY: valid texts and out-parameters.
            unsafe {
                ocop_engine_advise(
                    engine,
                    subject.as_ptr().cast(),
                    subject.len(),
                    costs.cast(),
                    costs_len,
                    target,
                    alternatives,
                    OCOP_OPTION_ENGLISH,
                    result,
                    len,
                    error,
                )
            }
        })
    }

    #[test]
    fn advice_is_the_cores_for_a_sheet_and_for_a_session() {
        let engine = bundled();
        for subject in [EXAMPLE, SESSION] {
            let expected = advise_text(
                Catalog::bundled(),
                &TextRequest {
                    subject,
                    costs: None,
                    target: Some(4),
                    alternatives: 2,
                    completeness: ocop_core::sheet::Completeness::Complete,
                    lang: ocop_core::lang::Lang::En,
                },
            )
            .unwrap();
            assert_eq!(
                advise(engine, subject, None, 4, 2).unwrap(),
                json_document(&expected.advice)
            );
        }
        // SAFETY: released once.
        unsafe { ocop_engine_free(engine) };
    }

    #[test]
    fn invalid_costs_are_named_and_targets_out_of_range_refused() {
        let engine = bundled();
        let failure = advise(engine, EXAMPLE, Some(r#"{"9.9": "1"}"#), 0, 0).unwrap_err();
        assert_eq!(failure.status, ocop_status::InvalidInput);
        assert!(failure.message.starts_with("costs: "), "{failure:?}");
        assert!(failure.document.unwrap().contains("\"file\": \"costs\""));
        let failure = advise(engine, EXAMPLE, None, 6, 0).unwrap_err();
        assert_eq!(failure.status, ocop_status::InvalidArgument);
        let failure = advise(engine, EXAMPLE, None, 0, 65536).unwrap_err();
        assert_eq!(failure.status, ocop_status::InvalidArgument);
        // SAFETY: released once.
        unsafe { ocop_engine_free(engine) };
    }

    #[test]
    fn a_sheet_is_rescored_or_its_problems_listed() {
        let engine = bundled();
        let rescore_to = |to: &str| {
            outcome(|result, len, error| {
                // SAFETY: valid texts and out-parameters.
                unsafe {
                    ocop_engine_rescore(
                        engine,
                        EXAMPLE.as_ptr().cast(),
                        EXAMPLE.len(),
                        to.as_ptr().cast(),
                        to.len(),
                        0,
                        result,
                        len,
                        error,
                    )
                }
            })
        };
        let target = Catalog::bundled().instrument("qd148-2023").unwrap();
        let expected = rescore(Catalog::bundled(), EXAMPLE, target).unwrap();
        assert_eq!(rescore_to("qd148-2023").unwrap(), json_document(&expected));
        let failure = rescore_to("qd0-2000").unwrap_err();
        assert_eq!(failure.status, ocop_status::UnknownRubric);
        // SAFETY: released once.
        unsafe { ocop_engine_free(engine) };
    }

    fn sheet(
        engine: *const ocop_engine,
        rubric: &str,
        set: u32,
        options: u32,
    ) -> Result<String, Failure> {
        outcome(|result, len, error| {
            // SAFETY: valid texts and out-parameters.
            unsafe {
                ocop_engine_blank_sheet(
                    engine,
                    rubric.as_ptr().cast(),
                    rubric.len(),
                    set,
                    options,
                    result,
                    len,
                    error,
                )
            }
        })
    }

    #[test]
    fn the_blank_sheet_is_the_cores_in_either_format() {
        let engine = bundled();
        let loaded = Catalog::bundled().product_set("qd26-2026", 10).unwrap();
        assert_eq!(
            sheet(engine, "qd26-2026", 10, OCOP_OPTION_MARKDOWN).unwrap(),
            blank_sheet(&loaded, SheetFormat::Markdown, ocop_core::lang::Lang::Vi)
        );
        assert_eq!(
            sheet(engine, "qd26-2026", 10, OCOP_OPTION_ENGLISH).unwrap(),
            blank_sheet(&loaded, SheetFormat::Text, ocop_core::lang::Lang::En)
        );
        for (rubric, set) in [("qd0-2000", 10), ("qd26-2026", 27), ("qd26-2026", 300)] {
            let failure = sheet(engine, rubric, set, 0).unwrap_err();
            assert_eq!(failure.status, ocop_status::UnknownRubric, "{rubric} {set}");
        }
        assert_eq!(
            sheet(engine, "qd26-2026", 10, OCOP_OPTION_HTML).unwrap(),
            ocop_print::blank_sheet(&loaded)
        );
        let both = OCOP_OPTION_HTML | OCOP_OPTION_MARKDOWN;
        let failure = sheet(engine, "qd26-2026", 10, both).unwrap_err();
        assert_eq!(failure.status, ocop_status::InvalidArgument);
        let failure = sheet(engine, "qd26-2026", 10, 1 << 9).unwrap_err();
        assert_eq!(failure.status, ocop_status::InvalidArgument);
        // SAFETY: released once.
        unsafe { ocop_engine_free(engine) };
    }

    fn cert(
        engine: *const ocop_engine,
        decided: &str,
        on: Option<&str>,
        rubric: Option<&str>,
    ) -> Result<String, Failure> {
        let text =
            |text: Option<&str>| text.map_or((ptr::null(), 0), |text| (text.as_ptr(), text.len()));
        let ((on, on_len), (rubric, rubric_len)) = (text(on), text(rubric));
        outcome(|result, len, error| {
            // SAFETY: valid texts and out-parameters.
            unsafe {
                ocop_engine_certificate(
                    engine,
                    decided.as_ptr().cast(),
                    decided.len(),
                    on.cast(),
                    on_len,
                    rubric.cast(),
                    rubric_len,
                    result,
                    len,
                    error,
                )
            }
        })
    }

    #[test]
    fn certificate_dates_follow_the_rubric_in_force() {
        let engine = bundled();
        let document = cert(engine, "2026-06-15", Some("2029-01-01"), None).unwrap();
        let value: serde_json::Value = serde_json::from_str(&document).unwrap();
        assert_eq!(value["rubric"], "qd26-2026");
        assert_eq!(value["expires_on"], "2029-06-15");
        assert_eq!(value["state"], "re_rating_window_open");
        let today = cert(engine, "2026-06-15", None, Some("qd148-2023")).unwrap();
        assert!(today.contains("\"rubric\": \"qd148-2023\""), "{today}");
        for (decided, rubric, status) in [
            ("30/02/2026", None, ocop_status::InvalidArgument),
            ("2026-06-15", Some("qd0"), ocop_status::UnknownRubric),
            ("2000-01-01", None, ocop_status::UnknownRubric),
        ] {
            let failure = cert(engine, decided, Some("2027-01-01"), rubric).unwrap_err();
            assert_eq!(failure.status, status, "{decided} {rubric:?}: {failure:?}");
        }
        // SAFETY: released once.
        unsafe { ocop_engine_free(engine) };
    }

    fn calendar_of(
        engine: *const ocop_engine,
        year: i32,
        level: Option<&[u8]>,
        proposed_on: Option<&str>,
        options: u32,
    ) -> Result<String, Failure> {
        let (level, level_len) = level.map_or((ptr::null(), 0), |text| (text.as_ptr(), text.len()));
        let (on, on_len) = proposed_on.map_or((ptr::null(), 0), |text| (text.as_ptr(), text.len()));
        outcome(|result, len, error| {
            // SAFETY: valid texts and out-parameters.
            unsafe {
                ocop_engine_calendar(
                    engine,
                    year,
                    level.cast(),
                    level_len,
                    on.cast(),
                    on_len,
                    options,
                    result,
                    len,
                    error,
                )
            }
        })
    }

    /// The rounds of a calendar document: level, round, held before, proposed before.
    fn rounds(document: &serde_json::Value, field: &str) -> Vec<(String, u64, String, String)> {
        document[field]
            .as_array()
            .unwrap()
            .iter()
            .map(|round| {
                (
                    round["level"].as_str().unwrap().to_owned(),
                    round["round"].as_u64().unwrap(),
                    round["held_before"].as_str().unwrap().to_owned(),
                    round["proposed_before"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    }

    /// A round as the tests spell it.
    fn round(level: &str, round: u64, held: &str, proposed: &str) -> (String, u64, String, String) {
        (
            level.to_owned(),
            round,
            held.to_owned(),
            proposed.to_owned(),
        )
    }

    /// QĐ 26/2026 Điều 5: the province holds its rounds before 30/6 (files proposed before 30/4)
    /// and before 30/12 (before 30/10); the ministry before 30/9 (before 30/7) and before 30/3
    /// (before 30/01), its round 2 first in the year.
    #[test]
    fn a_years_rounds_are_those_of_article_5() {
        let engine = bundled();
        let document = calendar_of(engine, 2027, None, None, 0).unwrap();
        let value: serde_json::Value = serde_json::from_str(&document).unwrap();
        assert_eq!(value["year"], 2027);
        assert_eq!(value["rubric"], "qd26-2026");
        assert_eq!(
            rounds(&value, "rounds"),
            [
                round("province", 1, "2027-06-30", "2027-04-30"),
                round("province", 2, "2027-12-30", "2027-10-30"),
                round("central", 2, "2027-03-30", "2027-01-30"),
                round("central", 1, "2027-09-30", "2027-07-30"),
            ]
        );
        assert_eq!(
            value["rounds"][0]["source"],
            "QĐ 26/2026/QĐ-TTg Điều 5 khoản 1"
        );
        assert_eq!(
            value["rounds"][2]["source"],
            "QĐ 26/2026/QĐ-TTg Điều 5 khoản 2"
        );
        assert_eq!(value["first_rounds"], serde_json::json!([]));
        // The document is the core's, rendered as the command renders it.
        let expected = calendar(Catalog::bundled(), 2027, None, None).unwrap();
        assert_eq!(document, json_document(&expected));
        let central = calendar_of(engine, 2027, Some(b"central"), None, 0).unwrap();
        let central: serde_json::Value = serde_json::from_str(&central).unwrap();
        assert_eq!(
            rounds(&central, "rounds"),
            [
                round("central", 2, "2027-03-30", "2027-01-30"),
                round("central", 1, "2027-09-30", "2027-07-30"),
            ]
        );
        // SAFETY: released once.
        unsafe { ocop_engine_free(engine) };
    }

    /// "Trước ngày" is strict: a file proposed on the deadline waits for the next round.
    #[test]
    fn a_file_enters_the_first_round_whose_deadline_it_meets() {
        let engine = bundled();
        let first = |level: Option<&[u8]>, on: &str| {
            let document = calendar_of(engine, 2027, level, Some(on), 0).unwrap();
            let value: serde_json::Value = serde_json::from_str(&document).unwrap();
            for first in value["first_rounds"].as_array().unwrap() {
                assert_eq!(first["proposed_on"].as_str().unwrap().len(), 10, "{first}");
            }
            rounds(&value, "first_rounds")
        };
        let province = Some(b"province".as_slice());
        assert_eq!(
            first(province, "2027-04-29"),
            [round("province", 1, "2027-06-30", "2027-04-30")]
        );
        assert_eq!(
            first(province, "30/4/2027"),
            [round("province", 2, "2027-12-30", "2027-10-30")]
        );
        assert_eq!(
            first(province, "2027-10-30"),
            [round("province", 1, "2028-06-30", "2028-04-30")]
        );
        assert_eq!(
            first(Some(b"central"), "29/01/2027"),
            [round("central", 2, "2027-03-30", "2027-01-30")]
        );
        assert_eq!(
            first(None, "2027-07-30"),
            [
                round("province", 2, "2027-12-30", "2027-10-30"),
                round("central", 2, "2028-03-30", "2028-01-30"),
            ]
        );
        // SAFETY: released once.
        unsafe { ocop_engine_free(engine) };
    }

    #[test]
    fn years_levels_and_dates_out_of_range_are_invalid_arguments() {
        let engine = bundled();
        for (year, level, on, message) in [
            (70_000, None, None, "the year 70000 is outside"),
            (10_000, None, None, "the year 10000 is outside"),
            (2027, None, Some("9999-12-01"), "the year 10000 is outside"),
            (
                2027,
                Some(b"district".as_slice()),
                None,
                "level is \"district\"",
            ),
            (
                2027,
                Some(b"Province".as_slice()),
                None,
                "level is \"Province\"",
            ),
            (2027, Some(b"".as_slice()), None, "level is \"\""),
            (2027, None, Some("30/02/2027"), "proposed_on: "),
        ] {
            let failure = calendar_of(engine, year, level, on, 0).unwrap_err();
            assert_eq!(failure.status, ocop_status::InvalidArgument, "{failure:?}");
            assert!(failure.message.starts_with(message), "{failure:?}");
            assert_eq!(failure.document, None);
        }
        let failure = calendar_of(engine, 2027, None, None, OCOP_OPTION_PARTIAL).unwrap_err();
        assert_eq!(failure.status, ocop_status::InvalidArgument);
        let failure = calendar_of(engine, 2027, Some(b"centr\xffal"), None, 0).unwrap_err();
        assert_eq!(failure.status, ocop_status::InvalidUtf8);
        // SAFETY: released once.
        unsafe { ocop_engine_free(engine) };
    }

    /// A year before QĐ 26/2026 (under QĐ 148/QĐ-TTg, which sets no rounds) or before any
    /// rubric: invalid input naming `year`, in the language asked for.
    #[test]
    fn a_year_without_rounds_is_invalid_input_naming_the_year() {
        let engine = bundled();
        let failure = calendar_of(engine, 2025, None, None, 0).unwrap_err();
        assert_eq!(failure.status, ocop_status::InvalidInput);
        assert_eq!(failure.path.as_deref(), Some("/year"));
        assert_eq!(
            failure.message,
            "/year: giá trị của \"year\" không hợp lệ: qd148-2023 (148/QĐ-TTg), có hiệu lực vào cuối \
             năm 2025, không quy định các đợt đánh giá trong năm"
        );
        let document: serde_json::Value = serde_json::from_str(&failure.document.unwrap()).unwrap();
        assert_eq!(document["error"]["kind"], "invalid_input");
        assert_eq!(document["error"]["problems"][0]["field"], "year");
        assert_eq!(document["error"].get("file"), None);
        let failure = calendar_of(engine, 2018, None, None, OCOP_OPTION_ENGLISH).unwrap_err();
        assert_eq!(failure.status, ocop_status::InvalidInput);
        assert_eq!(
            failure.message,
            "/year: invalid \"year\": no rubric is in force at the end of 2018"
        );
        // SAFETY: released once.
        unsafe { ocop_engine_free(engine) };
    }

    #[test]
    fn every_status_has_its_header_name() {
        let name = |status: u32| {
            // SAFETY: a static NUL-terminated string.
            unsafe { CStr::from_ptr(ocop_status_name(status)) }
                .to_str()
                .unwrap()
        };
        assert_eq!(name(0), "OCOP_STATUS_OK");
        assert_eq!(name(200), "OCOP_STATUS_INVALID_INPUT");
        assert_eq!(name(301), "OCOP_STATUS_UNKNOWN_RUBRIC");
        assert_eq!(name(7), "OCOP_STATUS_UNKNOWN");
    }
}
