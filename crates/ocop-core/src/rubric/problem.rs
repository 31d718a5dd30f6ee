//! Problems found in rubric files, each with its place.

use std::fmt;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::decimal::format as dec;
use crate::json::{JsonPath, Position};
use crate::lang::{Describe, Lang};

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The data is usable; a person should know.
    Warning,
    /// The data must not be used.
    Error,
}

/// One problem in a rubric file.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
#[non_exhaustive]
pub struct RubricProblem {
    /// Whether it blocks use of the rubric.
    pub severity: Severity,
    /// The file, as named to the loader.
    pub file: String,
    /// Where in the file.
    pub path: JsonPath,
    /// Line and column in the file, when known.
    #[serde(flatten)]
    pub position: Option<Position>,
    /// The rubric's identifier.
    pub rubric: String,
    /// The product set, for set files.
    pub set: Option<u8>,
    /// The criterion, group or part concerned.
    pub code: Option<String>,
    /// What is wrong.
    #[serde(flatten)]
    pub kind: RubricProblemKind,
}

impl RubricProblem {
    /// Stable machine name of the problem kind.
    pub fn kind_name(&self) -> &'static str {
        self.kind.name()
    }
}

impl Describe for RubricProblem {
    fn describe(&self, lang: Lang) -> String {
        let mut place = self.file.clone();
        if let Some(position) = self.position {
            place.push_str(&format!(":{position}"));
        }
        let mut context = self.rubric.clone();
        if let Some(set) = self.set {
            context.push_str(&format!(", {} {set}", lang.pick("bộ", "set")));
        }
        if let Some(code) = &self.code {
            context.push_str(&format!(", {code}"));
        }
        let severity = match (self.severity, lang) {
            (Severity::Error, Lang::Vi) => "lỗi",
            (Severity::Error, Lang::En) => "error",
            (Severity::Warning, Lang::Vi) => "cảnh báo",
            (Severity::Warning, Lang::En) => "warning",
        };
        format!(
            "{place}: {severity}: {context} ({path}): {message}",
            path = self.path,
            message = self.kind.describe(lang)
        )
    }
}

impl fmt::Display for RubricProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

/// What sums to what.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SumOf {
    /// A group's criteria.
    CriteriaOfGroup,
    /// A part's groups.
    GroupsOfPart,
    /// The sheet's parts.
    PartsOfSheet,
    /// A nested criterion's sub-criteria.
    ChildrenOfCriterion,
}

/// What is wrong in a rubric file.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum RubricProblemKind {
    /// The file could not be read.
    Unreadable {
        /// The I/O error.
        message: String,
    },
    /// The file is not JSON of the rubric format.
    Malformed {
        /// serde's message.
        message: String,
    },
    /// The file declares a format this engine does not read.
    UnsupportedFormat {
        /// Declared format.
        found: u32,
    },
    /// A set file names another rubric.
    WrongRubric {
        /// Instrument's id.
        expected: String,
        /// Set's rubric field.
        found: String,
    },
    /// A listed set has no file, or a set file is not listed.
    SetListing {
        /// The set number.
        number: u8,
        /// Whether the file is missing (rather than unlisted or duplicated).
        missing: bool,
    },
    /// A date field is not an ISO 8601 date.
    InvalidDate {
        /// The text.
        value: String,
    },
    /// The parts are not those of the instrument.
    PartsDiffer {
        /// Expected part codes and maxima.
        expected: String,
        /// Found part codes and maxima.
        found: String,
    },
    /// Sums do not add up.
    SumMismatch {
        /// What is summed.
        of: SumOf,
        /// The sum.
        #[serde(with = "crate::decimal::string")]
        #[schemars(with = "crate::decimal::Exact")]
        sum: Decimal,
        /// What it should be.
        #[serde(with = "crate::decimal::string")]
        #[schemars(with = "crate::decimal::Exact")]
        max: Decimal,
    },
    /// An option scores more than its criterion's maximum.
    OptionAboveMax {
        /// Option number.
        option: u32,
        /// Its points.
        #[serde(with = "crate::decimal::string")]
        #[schemars(with = "crate::decimal::Exact")]
        points: Decimal,
        /// The maximum.
        #[serde(with = "crate::decimal::string")]
        #[schemars(with = "crate::decimal::Exact")]
        max: Decimal,
    },
    /// The source's points cell of an option cannot be read.
    UnreadablePoints {
        /// Option number.
        option: u32,
    },
    /// No answer reaches the criterion's maximum.
    MaxUnreachable {
        /// The most any answer scores.
        #[serde(with = "crate::decimal::string")]
        #[schemars(with = "crate::decimal::Exact")]
        attainable: Decimal,
        /// The printed maximum.
        #[serde(with = "crate::decimal::string")]
        #[schemars(with = "crate::decimal::Exact")]
        max: Decimal,
    },
    /// A code appears twice in one set.
    DuplicateCode,
    /// A criterion's kind does not match its content.
    KindMismatch {
        /// What is inconsistent.
        detail: String,
    },
    /// A star mark outside 3–5.
    InvalidStarMark {
        /// The mark.
        mark: u8,
    },
    /// The star bands do not cover 0 to the maximum exactly once.
    Bands {
        /// What is wrong.
        detail: String,
    },
    /// Recognition rules are inconsistent.
    Recognition {
        /// What is wrong.
        detail: String,
    },
    /// Procedure rules (recognition by level, certificate, transition, rounds) are inconsistent.
    Procedure {
        /// What is wrong.
        detail: String,
    },
    /// A rule names a criterion the set does not have.
    UnknownCriterion {
        /// The rule.
        rule: String,
        /// The code named.
        named: String,
    },
    /// A rule names an option the criterion does not have.
    UnknownOption {
        /// The rule.
        rule: String,
        /// The criterion.
        criterion: String,
        /// The option named.
        option: u32,
    },
    /// Text that is empty, or not in Unicode NFC.
    Text {
        /// The field.
        field: String,
        /// Whether it is empty (otherwise: not NFC).
        empty: bool,
    },
    /// The changelog does not end at the declared revision.
    Changelog {
        /// Declared revision.
        revision: u32,
    },
    /// Two folders hold the same rubric revision.
    DuplicateRevision {
        /// The rubric revision, `id@N`.
        revision: String,
        /// The other folder.
        other: String,
    },
    /// The folder claims a released revision, but this file is not that revision's.
    ModifiedRelease {
        /// The rubric revision, `id@N`.
        revision: String,
    },
    /// A number of points cannot be held exactly in the scorer's units (its bounds on points
    /// and decimals make this impossible for data that reads).
    Uncompilable,
    /// The council defaults (`council.json`) are missing or cannot be used.
    CouncilDefaults {
        /// What is wrong.
        message: String,
    },
}

impl RubricProblemKind {
    /// Stable machine name.
    pub fn name(&self) -> &'static str {
        match self {
            Self::Unreadable { .. } => "unreadable",
            Self::Malformed { .. } => "malformed",
            Self::UnsupportedFormat { .. } => "unsupported_format",
            Self::WrongRubric { .. } => "wrong_rubric",
            Self::SetListing { .. } => "set_listing",
            Self::InvalidDate { .. } => "invalid_date",
            Self::PartsDiffer { .. } => "parts_differ",
            Self::SumMismatch { .. } => "sum_mismatch",
            Self::OptionAboveMax { .. } => "option_above_max",
            Self::UnreadablePoints { .. } => "unreadable_points",
            Self::MaxUnreachable { .. } => "max_unreachable",
            Self::DuplicateCode => "duplicate_code",
            Self::KindMismatch { .. } => "kind_mismatch",
            Self::InvalidStarMark { .. } => "invalid_star_mark",
            Self::Bands { .. } => "bands",
            Self::Recognition { .. } => "recognition",
            Self::Procedure { .. } => "procedure",
            Self::UnknownCriterion { .. } => "unknown_criterion",
            Self::UnknownOption { .. } => "unknown_option",
            Self::Text { .. } => "text",
            Self::Changelog { .. } => "changelog",
            Self::DuplicateRevision { .. } => "duplicate_revision",
            Self::ModifiedRelease { .. } => "modified_release",
            Self::CouncilDefaults { .. } => "council_defaults",
            Self::Uncompilable => "uncompilable",
        }
    }
}

impl Describe for RubricProblemKind {
    fn describe(&self, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        match self {
            Self::Unreadable { message } if vi => format!("không đọc được tệp: {message}"),
            Self::Unreadable { message } => format!("cannot read the file: {message}"),
            Self::Malformed { message } if vi => format!("tệp không đúng định dạng: {message}"),
            Self::Malformed { message } => format!("not a valid rubric file: {message}"),
            Self::UnsupportedFormat { found } if vi => format!(
                "định dạng {found} không được hỗ trợ (phiên bản này đọc định dạng {})",
                super::source::FORMAT_VERSION
            ),
            Self::UnsupportedFormat { found } => format!(
                "format {found} is not supported (this engine reads format {})",
                super::source::FORMAT_VERSION
            ),
            Self::WrongRubric { expected, found } if vi => {
                format!("tệp thuộc bộ tiêu chí {found:?}, không phải {expected:?}")
            }
            Self::WrongRubric { expected, found } => {
                format!("the file belongs to rubric {found:?}, not {expected:?}")
            }
            Self::SetListing { number, missing } => match (missing, vi) {
                (true, true) => format!("bộ sản phẩm {number} được liệt kê nhưng không có tệp"),
                (true, false) => format!("product set {number} is listed but has no file"),
                (false, true) => {
                    format!("bộ sản phẩm {number} không được liệt kê hoặc bị lặp lại")
                }
                (false, false) => format!("product set {number} is unlisted or listed twice"),
            },
            Self::InvalidDate { value } if vi => {
                format!("{value:?} không phải ngày ISO 8601 (YYYY-MM-DD)")
            }
            Self::InvalidDate { value } => {
                format!("{value:?} is not an ISO 8601 date (YYYY-MM-DD)")
            }
            Self::PartsDiffer { expected, found } if vi => {
                format!("các phần {found} khác với văn bản ({expected})")
            }
            Self::PartsDiffer { expected, found } => {
                format!("parts {found} differ from the instrument's ({expected})")
            }
            Self::SumMismatch { of, sum, max } => {
                let what = match (of, vi) {
                    (SumOf::CriteriaOfGroup, true) => "tổng điểm các chỉ tiêu của nhóm",
                    (SumOf::CriteriaOfGroup, false) => "the group's criteria",
                    (SumOf::GroupsOfPart, true) => "tổng điểm các nhóm của phần",
                    (SumOf::GroupsOfPart, false) => "the part's groups",
                    (SumOf::PartsOfSheet, true) => "tổng điểm các phần",
                    (SumOf::PartsOfSheet, false) => "the parts",
                    (SumOf::ChildrenOfCriterion, true) => "tổng điểm các chỉ tiêu con",
                    (SumOf::ChildrenOfCriterion, false) => "the sub-criteria",
                };
                if vi {
                    format!("{what} là {}, khác với {}", dec(*sum), dec(*max))
                } else {
                    format!("{what} sum to {}, not {}", dec(*sum), dec(*max))
                }
            }
            Self::OptionAboveMax {
                option,
                points,
                max,
            } if vi => format!(
                "phương án {option} được {} điểm, vượt điểm tối đa {}",
                dec(*points),
                dec(*max)
            ),
            Self::OptionAboveMax {
                option,
                points,
                max,
            } => format!(
                "option {option} scores {}, above the maximum {}",
                dec(*points),
                dec(*max)
            ),
            Self::UnreadablePoints { option } if vi => {
                format!("không đọc được điểm của phương án {option} trong văn bản nguồn")
            }
            Self::UnreadablePoints { option } => {
                format!("the source's points for option {option} cannot be read")
            }
            Self::MaxUnreachable { attainable, max } if vi => format!(
                "không phương án nào đạt điểm tối đa {}: cao nhất là {}",
                dec(*max),
                dec(*attainable)
            ),
            Self::MaxUnreachable { attainable, max } => format!(
                "no answer reaches the maximum {}: the most is {}",
                dec(*max),
                dec(*attainable)
            ),
            Self::DuplicateCode if vi => "mã bị lặp lại trong bộ sản phẩm".to_owned(),
            Self::DuplicateCode => "the code appears more than once in the set".to_owned(),
            Self::KindMismatch { detail } if vi => format!("kiểu chỉ tiêu không khớp: {detail}"),
            Self::KindMismatch { detail } => format!("criterion kind does not match: {detail}"),
            Self::InvalidStarMark { mark } if vi => {
                format!("dấu sao {mark} không hợp lệ (chỉ có 3, 4, 5)")
            }
            Self::InvalidStarMark { mark } => {
                format!("star mark {mark} is invalid (only 3, 4 and 5 exist)")
            }
            Self::Bands { detail } if vi => format!("các hạng sao không hợp lệ: {detail}"),
            Self::Bands { detail } => format!("invalid star bands: {detail}"),
            Self::Recognition { detail } if vi => {
                format!("quy định công nhận không hợp lệ: {detail}")
            }
            Self::Recognition { detail } => format!("invalid recognition rules: {detail}"),
            Self::Procedure { detail } if vi => format!("quy định thủ tục không hợp lệ: {detail}"),
            Self::Procedure { detail } => format!("invalid procedure rules: {detail}"),
            Self::UnknownCriterion { rule, named: code } if vi => {
                format!("{rule} nhắc đến chỉ tiêu {code} không có trong bộ")
            }
            Self::UnknownCriterion { rule, named: code } => {
                format!("{rule} names criterion {code}, which the set does not have")
            }
            Self::UnknownOption {
                rule,
                criterion: code,
                option,
            } if vi => {
                format!("{rule} nhắc đến phương án {option} của chỉ tiêu {code}, không tồn tại")
            }
            Self::UnknownOption {
                rule,
                criterion: code,
                option,
            } => {
                format!("{rule} names option {option} of criterion {code}, which does not exist")
            }
            Self::Text { field, empty: true } if vi => format!("trường {field} trống"),
            Self::Text { field, empty: true } => format!("{field} is empty"),
            Self::Text { field, .. } if vi => {
                format!("trường {field} không ở dạng Unicode NFC")
            }
            Self::Text { field, .. } => format!("{field} is not in Unicode NFC"),
            Self::Changelog { revision } if vi => {
                format!("nhật ký thay đổi không kết thúc ở phiên bản dữ liệu {revision}")
            }
            Self::Changelog { revision } => {
                format!("the changelog does not end at data revision {revision}")
            }
            Self::DuplicateRevision { revision, other } if vi => {
                format!("bộ tiêu chí {revision} cũng có ở thư mục {other}: chỉ được có một")
            }
            Self::DuplicateRevision { revision, other } => {
                format!("rubric {revision} is also in the folder {other}: there must be one")
            }
            Self::ModifiedRelease { revision } if vi => format!(
                "tệp mang tên {revision} nhưng không phải dữ liệu đã phát hành \
                 (rubrics/fingerprints.csv): mọi kết quả chấm với tệp này đều được ghi chú"
            ),
            Self::ModifiedRelease { revision } => format!(
                "the file claims to be {revision} but is not the released data \
                 (rubrics/fingerprints.csv): every result scored with it says so"
            ),
            Self::Uncompilable if vi => {
                "có số điểm không biểu diễn chính xác được để chấm điểm".to_owned()
            }
            Self::Uncompilable => {
                "a number of points cannot be held exactly for scoring".to_owned()
            }
            Self::CouncilDefaults { message } if vi => {
                format!("quy định hội đồng mặc định (council.json) không dùng được: {message}")
            }
            Self::CouncilDefaults { message } => {
                format!("the council defaults (council.json) cannot be used: {message}")
            }
        }
    }
}
