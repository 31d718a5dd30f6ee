//! Reading inputs and writing outputs: where every byte the command reads or prints goes
//! through, so that the exit-status and channel rule holds for every command.

use std::borrow::Cow;
use std::io::{self, Read, Write};
use std::path::Path;

use ocop_core::lang::Lang;
use ocop_core::output::{ErrorDocument, Failure, write_json_document};
use ocop_core::sheet::{InputProblem, InputProblems};

use crate::error::CliError;
use crate::render;

/// An input read whole: its name as problems give it, and its text.
pub(crate) struct Input {
    /// The file as named on the command line, `<stdin>` for standard input.
    pub(crate) name: String,
    /// Its text.
    pub(crate) text: String,
}

impl Input {
    /// The error of this input being invalid.
    pub(crate) fn invalid(self, problems: InputProblems) -> CliError {
        CliError::Invalid {
            file: self.name,
            problems,
        }
    }
}

/// Reads a file, or standard input for `-`.
pub(crate) fn read_input(path: &Path) -> Result<Input, CliError> {
    let (name, bytes) = read_bytes(path)?;
    decode(name, bytes)
}

/// The bytes of a file, or of standard input for `-`, with the name messages give it.
pub(crate) fn read_bytes(path: &Path) -> Result<(String, Vec<u8>), CliError> {
    if path == Path::new("-") {
        let mut bytes = Vec::new();
        io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|error| CliError::Read {
                file: STDIN.to_owned(),
                error,
            })?;
        Ok((STDIN.to_owned(), bytes))
    } else {
        let name = path.display().to_string();
        match std::fs::read(path) {
            Ok(bytes) => Ok((name, bytes)),
            Err(error) => Err(CliError::Read { file: name, error }),
        }
    }
}

/// How standard input is named in messages.
pub(crate) const STDIN: &str = "<stdin>";

/// Reads a file; `-` is a file name like any other. Text that is not UTF-8 is an invalid input
/// whose problem says where its first invalid byte is.
pub(crate) fn read_file(path: &Path) -> Result<Input, CliError> {
    let name = path.display().to_string();
    match std::fs::read(path) {
        Ok(bytes) => decode(name, bytes),
        Err(error) => Err(CliError::Read { file: name, error }),
    }
}

/// Text from bytes: not UTF-8 is an invalid input that says where its first invalid byte is.
pub(crate) fn decode(name: String, bytes: Vec<u8>) -> Result<Input, CliError> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Input { name, text }),
        Err(error) => {
            let problem = InputProblem::not_utf8(error.as_bytes(), &error.utf8_error());
            Err(CliError::Invalid {
                file: name,
                problems: problem.into(),
            })
        }
    }
}

/// Writes a document to the file `-o` names, or to standard output.
pub(crate) fn emit(output: Option<&Path>, bytes: &[u8]) -> Result<(), CliError> {
    match output {
        Some(path) => std::fs::write(path, bytes).map_err(CliError::Write),
        None => write_stdout(bytes),
    }
}

/// Prints text for people on standard output, control characters from the input escaped.
pub(crate) fn print(text: &str) -> Result<(), CliError> {
    write_stdout(escape_controls(text).as_bytes())
}

/// Text for people to `output`, or printed (escaped, as [`print`] does) without one.
pub(crate) fn emit_text(output: Option<&Path>, text: &str) -> Result<(), CliError> {
    match output {
        Some(_) => emit(output, text.as_bytes()),
        None => print(text),
    }
}

/// A JSON document as bytes, as [`print_json`] writes it.
pub(crate) fn json_bytes(value: &impl serde::Serialize) -> Result<Vec<u8>, CliError> {
    let mut bytes = Vec::with_capacity(8192);
    write_json_document(&mut bytes, value)?;
    Ok(bytes)
}

/// Prints a JSON document on standard output.
pub(crate) fn print_json(value: &impl serde::Serialize) -> Result<(), CliError> {
    write_stdout(&json_bytes(value)?)
}

/// Writes to standard output, failing when it was closed: Rust's standard output quietly drops
/// what is written to a closed descriptor, which would lose the output with a status of 0.
pub(crate) fn write_stdout(bytes: &[u8]) -> Result<(), CliError> {
    if STDOUT_CLOSED.get().is_some() {
        return Err(CliError::StdoutClosed);
    }
    let mut stdout = io::stdout().lock();
    stdout.write_all(bytes)?;
    stdout.flush()?;
    Ok(())
}

/// Set when the command started with its standard output closed.
static STDOUT_CLOSED: std::sync::OnceLock<()> = std::sync::OnceLock::new();

/// Whether descriptor 1 was closed when the process started, found before `main`: Rust's
/// runtime puts `/dev/null` on a standard descriptor it finds closed, so that writes to it
/// succeed unseen, and by `main` a closed standard output looks like `> /dev/null`.
#[cfg(target_os = "linux")]
static CLOSED_AT_START: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Runs before `main` (the C runtime calls every function of `.init_array` first): duplicating
/// descriptor 1 fails exactly when it is closed.
#[cfg(target_os = "linux")]
extern "C" fn check_stdout_before_main() {
    use std::os::fd::AsFd;
    if io::stdout().as_fd().try_clone_to_owned().is_err() {
        CLOSED_AT_START.store(true, std::sync::atomic::Ordering::Relaxed);
    }
}

// SAFETY: the function placed in `.init_array` takes no arguments, as the C runtime calls it,
// and only asks the kernel to duplicate a descriptor; it touches nothing the runtime sets up.
#[cfg(target_os = "linux")]
#[allow(unsafe_code)]
#[used]
#[unsafe(link_section = ".init_array")]
static CHECK_STDOUT_BEFORE_MAIN: extern "C" fn() = check_stdout_before_main;

/// Makes every later print fail (exit 2) when the command started with its standard output
/// closed, instead of losing the output with a status of 0.
pub(crate) fn guard_stdout() {
    #[cfg(target_os = "linux")]
    if CLOSED_AT_START.load(std::sync::atomic::Ordering::Relaxed) {
        let _ = STDOUT_CLOSED.set(());
    }
}

/// Text with every control character but line breaks and tabs written as an escape (`\u{1b}`),
/// so that nothing an input holds can drive the terminal.
pub(crate) fn escape_controls(text: &str) -> Cow<'_, str> {
    let is_hostile = |c: char| c.is_control() && c != '\n' && c != '\t';
    if !holds_controls(text.as_bytes()) {
        return Cow::Borrowed(text);
    }
    let mut escaped = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_hostile(c) {
            escaped.extend(c.escape_unicode());
        } else {
            escaped.push(c);
        }
    }
    Cow::Owned(escaped)
}

/// Whether UTF-8 text holds a control character other than a line break or a tab: C0, DEL, or
/// C1, which is encoded as 0xC2 then 0x80-0x9F. Output is scanned in blocks of bytes without
/// branches (the common case: none there), at a fraction of the cost of decoding every
/// character; only a block with a suspect byte is looked at closely (0xC2 also starts "°" or
/// a no-break space).
fn holds_controls(bytes: &[u8]) -> bool {
    const BLOCK: usize = 32;
    let suspect = |byte: u8| {
        (byte < 0x20 && byte != b'\n' && byte != b'\t') | (byte == 0x7F) | (byte == 0xC2)
    };
    let starts_control = |at: usize, byte: u8| match byte {
        0xC2 => bytes
            .get(at + 1)
            .is_some_and(|next| (0x80..0xA0).contains(next)),
        _ => suspect(byte),
    };
    bytes.chunks(BLOCK).enumerate().any(|(block, chunk)| {
        chunk
            .iter()
            .fold(false, |found, &byte| found | suspect(byte))
            && (chunk.iter().enumerate())
                .any(|(offset, &byte)| starts_control(block * BLOCK + offset, byte))
    })
}

/// How a command reports what stopped it: as JSON on standard output, or as text on standard
/// error, in the language asked for.
pub(crate) struct Report {
    /// Whether the command was asked for `--format json`.
    pub(crate) json: bool,
    /// The language of messages.
    pub(crate) lang: Lang,
}

impl Report {
    /// Reports an error and gives the exit status.
    pub(crate) fn failure(&self, error: &CliError) -> u8 {
        let status = error.status();
        match error {
            CliError::Write(write) if write.kind() == io::ErrorKind::BrokenPipe => return status,
            CliError::Write(_) | CliError::StdoutClosed => {
                eprintln!("ocop: {}", error.message(self.lang));
                return status;
            }
            _ => {}
        }
        let written = if self.json {
            self.json_failure(error)
        } else {
            self.text_failure(error)
        };
        match written {
            Ok(()) => status,
            Err(CliError::Write(write)) if write.kind() == io::ErrorKind::BrokenPipe => status,
            Err(_) => crate::FAILURE,
        }
    }

    fn json_failure(&self, error: &CliError) -> Result<(), CliError> {
        let document = match error {
            CliError::Invalid { file, problems } => {
                let mut problems = problems.clone();
                problems.localize(self.lang);
                return print_json(&ErrorDocument::invalid_input(Some(file), &problems));
            }
            CliError::Rubric { problems } => ErrorDocument {
                error: Failure::InvalidRubric { problems },
            },
            CliError::Read { file, .. } => ErrorDocument {
                error: Failure::Io {
                    file: Some(file),
                    message: error.message(self.lang),
                },
            },
            CliError::Usage(message) => ErrorDocument {
                error: Failure::Usage {
                    message: message.clone(),
                },
            },
            CliError::Write(_) | CliError::StdoutClosed => return Ok(()),
        };
        print_json(&document)
    }

    fn text_failure(&self, error: &CliError) -> Result<(), CliError> {
        let text = match error {
            CliError::Invalid { file, problems } => {
                let mut problems = problems.clone();
                problems.localize(self.lang);
                render::problems(file, problems.listed(), problems.more(), self.lang)
            }
            CliError::Rubric { problems } => render::rubric_problems(problems, self.lang),
            other => format!("ocop: {}\n", other.message(self.lang)),
        };
        let mut stderr = io::stderr().lock();
        stderr.write_all(escape_controls(&text).as_bytes())?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped_but_layout_is_kept() {
        assert_eq!(escape_controls("a\tb\nc"), "a\tb\nc");
        assert_eq!(escape_controls("\u{1b}[31mđỏ\0"), "\\u{1b}[31mđỏ\\u{0}");
        assert_eq!(escape_controls("\u{9b}x\r"), "\\u{9b}x\\u{d}");
        assert_eq!(escape_controls("a\u{7f}"), "a\\u{7f}");
        // U+00A0..U+00BF share the lead byte 0xC2 with C1 and are kept.
        assert_eq!(escape_controls("30°C\u{a0}§"), "30°C\u{a0}§");
    }

    #[test]
    fn the_byte_scan_finds_exactly_the_control_characters() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            let hostile = c.is_control() && c != '\n' && c != '\t';
            let text = format!("a{c}b");
            let escaped = escape_controls(&text);
            assert_eq!(matches!(escaped, Cow::Owned(_)), hostile, "{:?}", c);
        }
    }
}
