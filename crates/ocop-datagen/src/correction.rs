//! Corrections: every place where the encoded data departs from a transcription, or keeps a
//! defect of the source on purpose, with the reason. Each becomes an erratum in the set file.
//!
//! A correction names exactly what the transcription prints there (`printed`); the converter
//! checks it before applying anything, so a changed transcription stops the conversion instead
//! of being silently mis-corrected.

/// A departure from the printed source, or a defect kept as printed, with its justification.
#[derive(Debug)]
pub struct Correction {
    /// The product set.
    pub set: u8,
    /// What to change.
    pub fix: Fix,
    /// What the source prints there: a points cell, a code, or the words concerned.
    pub printed: &'static str,
    /// Why the printed value cannot be used as is, or why it is kept.
    pub reason: &'static str,
}

/// What a correction changes.
#[derive(Debug)]
pub enum Fix {
    /// An option's points cell.
    OptionPoints {
        /// Criterion code.
        criterion: &'static str,
        /// Option number in printed order.
        option: u32,
        /// Points to encode (equal to the printed points to keep a doubtful cell as printed).
        points: &'static str,
    },
    /// A group's points cell; where the group is its own criterion, the criterion's too.
    GroupMax {
        /// Group code.
        group: &'static str,
        /// Points to encode.
        max: &'static str,
    },
    /// A criterion's points cell.
    CriterionMax {
        /// Criterion code.
        criterion: &'static str,
        /// Points to encode.
        max: &'static str,
    },
    /// A part heading whose printed points disagree with its points cell; the cell is kept.
    PartHeading {
        /// Part code.
        part: &'static str,
    },
    /// A criterion's code: printed twice in one sheet, or printed out of sequence.
    CriterionCode {
        /// The code in the transcription.
        criterion: &'static str,
        /// The criterion's name, which tells the two apart.
        name: &'static str,
        /// The code to encode.
        code: &'static str,
    },
    /// A star mark printed in a form the transcription did not read.
    OptionStar {
        /// Criterion code.
        criterion: &'static str,
        /// Option number.
        option: u32,
        /// The mark to encode.
        star: u8,
    },
    /// An option whose text ran on into the criterion's knock-out note.
    OptionWithNote {
        /// Criterion code.
        criterion: &'static str,
        /// Option number.
        option: u32,
        /// The option's own text.
        text: &'static str,
        /// Its star mark.
        star: Option<u8>,
        /// The note, which becomes the criterion's knock-out.
        knockout: &'static str,
    },
    /// A note printed below an option that ran on into the option's text: cut off the end of the
    /// text and given to the criterion (where a knock-out becomes one).
    NoteInOption {
        /// Criterion code.
        criterion: &'static str,
        /// Option number.
        option: u32,
        /// The note, verbatim: the option's text ends with it.
        note: &'static str,
    },
    /// The label of a criterion's next case that ran on into the text of the option printed
    /// above it: cut off the end of the text, it starts a case at the following option.
    CaseInOption {
        /// Criterion code.
        criterion: &'static str,
        /// Option number.
        option: u32,
        /// The case label, verbatim: the option's text ends with it.
        label: &'static str,
    },
    /// An option on which the cross-check transcription reads other points or another star
    /// mark: the main transcription is kept, and `printed` says what the cross-check reads.
    CrossCheck {
        /// Criterion code.
        criterion: &'static str,
        /// Option number.
        option: u32,
    },
    /// Characters in a text: `printed` (found exactly once there) is replaced by `encoded`. With
    /// `encoded` equal to `printed`, a misspelling is kept as transcribed and only recorded.
    Wording {
        /// The text concerned.
        at: Text,
        /// What to encode instead of `printed`.
        encoded: &'static str,
    },
    /// A note printed with a criterion that the transcription lists among the sheet's notes,
    /// keeps only in a remark, or dropped: it is checked against the transcription or the
    /// instrument's full text, then given to the criterion (where a knock-out becomes one).
    NoteOf {
        /// Criterion code.
        criterion: &'static str,
        /// The note, verbatim.
        note: &'static str,
    },
    /// A note under the sheet that the transcription dropped: `printed` is checked against the
    /// instrument's full text, then restored right after the sheet's note `after`.
    FootnoteFromFullText {
        /// The note it follows, verbatim.
        after: &'static str,
    },
    /// An option whose □ the decision prints as another character; `printed` is the option's
    /// line as the full text prints it, checked there. Nothing changes in the data: the option is
    /// ticked like the others, and the misprint is recorded.
    BoxPrintedAs {
        /// Criterion code.
        criterion: &'static str,
        /// Option number.
        option: u32,
    },
    /// A defect of the source kept as printed; validation reports it as a warning.
    Kept(Defect),
}

/// A text of a sheet.
#[derive(Debug)]
pub enum Text {
    /// The set's name above the sheet.
    SetName,
    /// The note under the sheet that contains the printed words.
    Footnote,
    /// A part's heading.
    Part(&'static str),
    /// A group's name; where the group is its own criterion, that criterion's name too.
    Group(&'static str),
    /// A criterion's name.
    Criterion(&'static str),
    /// The note of a criterion that contains the printed words.
    CriterionNote(&'static str),
    /// An option's text: criterion code, option number.
    Option(&'static str, u32),
}

/// A defect of the source kept as printed, so that nothing is invented.
#[derive(Debug)]
pub enum Defect {
    /// An option's points cell that cannot be read: encoded as unknown, so the option cannot be
    /// ticked.
    UnreadablePoints {
        /// Criterion code.
        criterion: &'static str,
        /// Option number.
        option: u32,
    },
    /// A criterion whose best option is below its printed maximum.
    MaxUnreachable {
        /// Criterion code.
        criterion: &'static str,
    },
    /// A part whose groups do not add up to its printed points.
    PartSum {
        /// Part code.
        part: &'static str,
    },
}

impl Defect {
    /// The validation problem the kept defect raises (see `RubricProblemKind::name`).
    pub fn problem(&self) -> &'static str {
        match self {
            Self::UnreadablePoints { .. } => "unreadable_points",
            Self::MaxUnreachable { .. } => "max_unreachable",
            Self::PartSum { .. } => "sum_mismatch",
        }
    }
}
