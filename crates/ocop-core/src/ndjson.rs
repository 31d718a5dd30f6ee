//! NDJSON read in pieces: a stream arrives in chunks that cut lines anywhere, and each complete
//! line is handed on with its number as soon as its newline arrives. Only the unfinished line is
//! kept, so a stream of any length is read in the memory of its longest line.
//!
//! [`RankStream`] ranks a round read so, writing its document as `ocop rank --format json`
//! does: what the C library, the service and the Python package share.

use std::io::{self, Write};

use crate::council::SessionOptions;
use crate::lang::Lang;
use crate::round::{RankingWriter, Round};
use crate::rubric::Catalog;

/// Splits chunks of an NDJSON stream into numbered lines (from 1, without their `\n`).
#[derive(Debug, Default)]
pub struct LineSplitter {
    pending: Vec<u8>,
    lines: usize,
}

impl LineSplitter {
    /// A splitter at the start of a stream.
    pub fn new() -> Self {
        Self::default()
    }

    /// Reads the next chunk, calling `each` with every line it completes.
    pub fn feed(&mut self, chunk: &[u8], mut each: impl FnMut(usize, &[u8])) {
        let mut rest = chunk;
        while let Some(end) = rest.iter().position(|&byte| byte == b'\n') {
            let (line, after) = rest.split_at(end);
            self.lines += 1;
            if self.pending.is_empty() {
                each(self.lines, line);
            } else {
                self.pending.extend_from_slice(line);
                each(self.lines, &self.pending);
                self.pending.clear();
            }
            rest = after.get(1..).unwrap_or_default();
        }
        self.pending.extend_from_slice(rest);
    }

    /// Ends the stream: the last line, when it has no newline, is handed on too.
    pub fn finish(mut self, mut each: impl FnMut(usize, &[u8])) {
        if !self.pending.is_empty() {
            self.lines += 1;
            each(self.lines, &self.pending);
        }
    }
}

/// A round of council sessions read from NDJSON chunks, its ranking document written to `W` as
/// it goes (failures as they occur, the rows at the end), byte for byte what
/// `ocop rank SOURCE --format json` prints for the same stream.
pub struct RankStream<'c, W: Write> {
    round: Round<'c>,
    lines: LineSplitter,
    writer: RankingWriter<W>,
    source: String,
    lang: Lang,
}

impl<'c, W: Write> RankStream<'c, W> {
    /// Starts a round whose rows are named `source:LINE`, its messages in `lang`.
    pub fn start(
        catalog: &'c Catalog,
        options: SessionOptions<'c>,
        source: &str,
        lang: Lang,
        out: W,
    ) -> io::Result<Self> {
        Ok(Self {
            round: Round::new(catalog, options),
            lines: LineSplitter::new(),
            writer: RankingWriter::start(out)?,
            source: source.to_owned(),
            lang,
        })
    }

    /// Scores the sessions the chunk completes.
    pub fn feed(&mut self, chunk: &[u8]) -> io::Result<()> {
        let Self {
            round,
            lines,
            writer,
            source,
            lang,
        } = self;
        let mut written = Ok(());
        lines.feed(chunk, |number, line| {
            if written.is_ok() {
                written = add(round, writer, source, *lang, number, line);
            }
        });
        written
    }

    /// Ends the stream: scores its last line, ranks the round, and gives the writer back.
    pub fn finish(self) -> io::Result<W> {
        let Self {
            mut round,
            lines,
            mut writer,
            source,
            lang,
        } = self;
        let mut written = Ok(());
        lines.finish(|number, line| {
            written = add(&mut round, &mut writer, &source, lang, number, line);
        });
        written?;
        writer.finish(&round.finish())
    }
}

/// Scores one line, writing its failure, if any.
fn add<W: Write>(
    round: &mut Round<'_>,
    writer: &mut RankingWriter<W>,
    source: &str,
    lang: Lang,
    number: usize,
    line: &[u8],
) -> io::Result<()> {
    match round.add_line(source, number, line) {
        Some(Err(mut failure)) => {
            failure.localize(lang);
            writer.failure(&failure)
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn lines_of(chunks: &[&[u8]]) -> Vec<(usize, Vec<u8>)> {
        let mut lines = Vec::new();
        let mut splitter = LineSplitter::new();
        for chunk in chunks {
            splitter.feed(chunk, |number, line| lines.push((number, line.to_vec())));
        }
        splitter.finish(|number, line| lines.push((number, line.to_vec())));
        lines
    }

    #[test]
    fn lines_cut_across_chunks_are_joined_and_numbered() {
        assert_eq!(
            lines_of(&[b"{\"a\"", b": 1}\n\n{", b"}"]),
            vec![
                (1, b"{\"a\": 1}".to_vec()),
                (2, Vec::new()),
                (3, b"{}".to_vec())
            ]
        );
    }

    #[test]
    fn a_final_newline_ends_the_last_line() {
        assert_eq!(lines_of(&[b"x\n"]), vec![(1, b"x".to_vec())]);
        assert_eq!(lines_of(&[b"", b""]), Vec::new());
    }

    proptest! {
        /// However a text is cut into chunks, the lines are those of `split('\n')` (less a
        /// trailing empty one).
        #[test]
        fn chunking_never_changes_the_lines(text in "[a-c\n]{0,40}", cuts in proptest::collection::vec(0usize..40, 0..6)) {
            let bytes = text.as_bytes();
            let mut cuts: Vec<usize> = cuts.into_iter().map(|cut| cut.min(bytes.len())).collect();
            cuts.sort_unstable();
            let mut chunks = Vec::new();
            let mut start = 0;
            for cut in cuts.into_iter().chain([bytes.len()]) {
                chunks.push(&bytes[start..cut]);
                start = cut;
            }
            let mut expected: Vec<(usize, Vec<u8>)> = text
                .split('\n')
                .enumerate()
                .map(|(index, line)| (index + 1, line.as_bytes().to_vec()))
                .collect();
            if text.is_empty() || text.ends_with('\n') {
                expected.pop();
            }
            prop_assert_eq!(lines_of(&chunks), expected);
        }
    }
}
