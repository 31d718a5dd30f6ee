//! Quyết định 148/QĐ-TTg (2023), from a secondary transcription: metadata from secondary sources
//! quoting the decision, and the corrections its transcribed sheets need.
//!
//! The gazette text was not available. Every defect of the transcription is kept as printed and
//! recorded; nothing is filled in.

use crate::Spec;
use crate::convert::Layout;
use crate::correction::{Correction, Defect, Fix, Text};
use crate::instrument::{Amendment, Article, CertificateRules, LevelRules, Metadata, bands};

/// The transcription under the reference directory.
pub const TRANSCRIPTION: &str = "qd148-2023/ALL_SHEETS.json";

/// An independent rebuild of set 1 from another application's 2024 printout.
pub const CROSS_CHECK: &str = "qd148-2023-partial/SHEET_01.json";

/// How to convert QĐ 148/2023.
pub const SPEC: Spec = Spec {
    transcription: TRANSCRIPTION,
    witness: None,
    cross_check: Some(CROSS_CHECK),
    metadata: METADATA,
    layout: Layout {
        group_points_printed: true,
        // The transcription keeps the marks in `min_star` only.
        star_marks_in_text: false,
    },
    corrections: CORRECTIONS,
    source_tail: SOURCE_TAIL,
};

/// The warning every result scored with this data carries.
pub const WARNING: &str = "Dữ liệu QĐ 148/QĐ-TTg lấy từ bản chép lại thứ cấp (dữ liệu ứng dụng chấm điểm năm 2024, có nguồn gốc OCR), chưa đối chiếu với văn bản ký ban hành; điểm, dấu sao và câu chữ có thể khác văn bản gốc. The QĐ 148/QĐ-TTg data comes from a secondary transcription (a 2024 scoring application's data, OCR-derived) not yet checked against the signed decision; points, star marks and wording may differ from the original.";

/// What is known of the decision outside the sheets, from secondary sources.
pub const METADATA: Metadata = Metadata {
    id: "qd148-2023",
    revision: 2,
    title: "Bộ tiêu chí và quy trình đánh giá, phân hạng sản phẩm OCOP",
    decision_number: "148/QĐ-TTg",
    decision_date: "2023-02-24",
    decision_title: "Quyết định ban hành Bộ tiêu chí và quy trình đánh giá, phân hạng sản phẩm OCOP",
    effective_from: "2023-02-24",
    // QĐ 26/2026 Điều 11.2: 148 and 1489 cease to have effect 60 days after 26/2026 takes effect
    // (22/5/2026), i.e. at the end of 21/7/2026. Dossiers filed before then may finish under
    // them (Điều 12); a sheet dated in that window and giving only a date gets the newer rubric.
    effective_until: Some("2026-07-21"),
    secondary: true,
    warning: Some(WARNING),
    parts: [
        ("A", "SẢN PHẨM VÀ SỨC MẠNH CỦA CỘNG ĐỒNG", "40"),
        ("B", "KHẢ NĂNG TIẾP THỊ", "25"),
        ("C", "CHẤT LƯỢNG SẢN PHẨM", "35"),
    ],
    bands: bands([
        "Hạng 1 sao: dưới 30 điểm",
        "Hạng 2 sao: từ 30 đến dưới 50 điểm",
        "Hạng 3 sao: từ 50 đến dưới 70 điểm",
        "Hạng 4 sao: từ 70 đến dưới 90 điểm",
        "Hạng 5 sao: từ 90 đến 100 điểm, là sản phẩm đặc trưng, tiêu chuẩn chất lượng cao và hội tụ điều kiện để xuất khẩu",
    ]),
    certifiable_from: 3,
    certifiers: &[(&[3], "district"), (&[4], "province"), (&[5], "central")],
    potential_five_star_from: Some("90"),
    recognition_printed: "Cấp huyện công nhận sản phẩm đạt 3 sao (Phụ lục II, mục 1.b), cấp tỉnh công nhận sản phẩm đạt 4 sao, cấp trung ương công nhận sản phẩm đạt 5 sao; sản phẩm đạt từ 90 điểm được đề nghị đánh giá cấp trung ương. Tóm tắt từ nguồn thứ cấp, không phải câu chữ của quyết định. Summarised from secondary sources, not the decision's wording.",
    band_policy: None,
    amendments: &[Amendment {
        number: "1489/QĐ-TTg",
        date: "2025-07-06",
        summary: "Sửa đổi, bổ sung một số nội dung Quyết định 148/QĐ-TTg (theo Điều 11 Quyết định 26/2026/QĐ-TTg). Amends some provisions of 148.",
        applied: false,
        note: Some(
            "Chưa có nội dung của QĐ 1489/QĐ-TTg, nên dữ liệu không áp dụng; kết quả theo QĐ 148/QĐ-TTg như ban hành năm 2023. The content of 1489/QĐ-TTg was not obtained, so it is not applied: this result follows 148 as issued in 2023.",
        ),
    }],
    changelog: &[
        (
            1,
            "2026-11-29",
            "First release: all 26 product sets converted from the secondary transcription, defects kept as printed and recorded as errata.",
        ),
        (
            2,
            "2026-12-05",
            "The procedure as data: recognition by level (district 3★, province 4★, central 5★, as the secondary sources quote Phụ lục II) and certificate validity (36 months); the instrument sets no re-rating window. Scores are unchanged.",
        ),
    ],
    recognition_by_level: &[
        LevelRules {
            level: "district",
            authority: "UBND huyện",
            rules: &[
                (&[1, 2], "no_certificate", NO_CERTIFICATE),
                (&[3], "certify", DISTRICT),
                (&[4, 5], "refer_to_province", DISTRICT),
            ],
        },
        LevelRules {
            level: "province",
            authority: "UBND tỉnh",
            rules: &[
                (&[1, 2], "no_certificate", NO_CERTIFICATE),
                (&[3], "return_to_district", BELOW_THE_LEVEL),
                (&[4], "certify", PROVINCE),
                (&[5], "refer_to_central", PROVINCE),
            ],
        },
        LevelRules {
            level: "central",
            authority: "Bộ Nông nghiệp và Phát triển nông thôn",
            rules: &[
                (&[1, 2], "no_certificate", NO_CERTIFICATE),
                (&[3], "return_to_district", BELOW_THE_LEVEL),
                (&[4], "return_to_province", BELOW_THE_LEVEL),
                (&[5], "certify", CENTRAL),
            ],
        },
    ],
    certificate: Some(CertificateRules {
        validity_months: 36,
        article: Article {
            source: "QĐ 148/QĐ-TTg (nguồn thứ cấp: báo chí và các quyết định công nhận của tỉnh)",
            printed: "Giấy chứng nhận sản phẩm OCOP có giá trị 36 tháng (03 năm) kể từ ngày ban hành quyết định công nhận. Tóm tắt từ nguồn thứ cấp, không phải câu chữ của quyết định.",
        },
        re_rating_window: None,
    }),
    transition: None,
    rounds: &[],
};

/// Certificates start at 3★ (Phụ lục II, as quoted by the secondary sources).
const NO_CERTIFICATE: Article = Article {
    source: "QĐ 148/QĐ-TTg Phụ lục II mục 1 (nguồn thứ cấp)",
    printed: "Sản phẩm đạt 1 sao, 2 sao không được công nhận, không được cấp giấy chứng nhận; giấy chứng nhận cấp cho sản phẩm đạt từ 3 sao trở lên. Tóm tắt từ nguồn thứ cấp, không phải câu chữ của quyết định.",
};

const DISTRICT: Article = Article {
    source: "QĐ 148/QĐ-TTg Phụ lục II mục 1 điểm b (nguồn thứ cấp)",
    printed: "UBND cấp huyện công nhận, cấp giấy chứng nhận cho sản phẩm đạt 3 sao; chuyển hồ sơ sản phẩm đạt từ 70 điểm trở lên lên cấp tỉnh. Tóm tắt từ nguồn thứ cấp, không phải câu chữ của quyết định.",
};

const PROVINCE: Article = Article {
    source: "QĐ 148/QĐ-TTg Phụ lục II mục 1 (nguồn thứ cấp)",
    printed: "UBND cấp tỉnh công nhận, cấp giấy chứng nhận cho sản phẩm đạt 4 sao; sản phẩm đạt từ 90 điểm được đề nghị đánh giá cấp trung ương. Tóm tắt từ nguồn thứ cấp, không phải câu chữ của quyết định.",
};

const CENTRAL: Article = Article {
    source: "QĐ 148/QĐ-TTg Phụ lục II mục 1 (nguồn thứ cấp)",
    printed: "Bộ Nông nghiệp và Phát triển nông thôn công nhận, cấp giấy chứng nhận cho sản phẩm đạt 5 sao. Tóm tắt từ nguồn thứ cấp, không phải câu chữ của quyết định.",
};

/// A result below the stars its council's level recognises goes to the level that recognises
/// them. The sources quote no wording for this case; the reading is that of QĐ 1048 Phụ lục II
/// mục 1 điểm c and QĐ 26/2026 Điều 7.4.g (the lower level recognises on the higher council's
/// result).
const BELOW_THE_LEVEL: Article = Article {
    source: "QĐ 148/QĐ-TTg Phụ lục II mục 1 (nguồn thứ cấp); cách hiểu theo QĐ 1048/QĐ-TTg Phụ lục II mục 1 điểm c",
    printed: "Kết quả dưới hạng sao mà cấp này công nhận được gửi về cấp công nhận hạng sao đó để xem xét, công nhận theo kết quả đánh giá. Nguồn thứ cấp không nêu câu chữ cho trường hợp này; cách hiểu theo QĐ 1048/QĐ-TTg.",
};

/// An OCR misspelling kept as transcribed and recorded, `ocr_kept!(set, at, printed, reads_as,
/// listed | found)`: `listed` when the transcription's ANOMALIES.md lists it, `found` when it
/// forms real words and was found while converting.
macro_rules! ocr_kept {
    ($set:expr, $at:expr, $printed:literal, $reads:literal, listed) => {
        ocr_kept!(@ $set, $at, $printed, $reads,
            "An OCR misspelling listed in the transcription's ANOMALIES.md")
    };
    ($set:expr, $at:expr, $printed:literal, $reads:literal, found) => {
        ocr_kept!(@ $set, $at, $printed, $reads,
            "An OCR misspelling that forms real words, found while converting (not in the transcription's ANOMALIES.md)")
    };
    (@ $set:expr, $at:expr, $printed:literal, $reads:literal, $how:literal) => {
        Correction {
            set: $set,
            fix: Fix::Wording {
                at: $at,
                encoded: $printed,
            },
            printed: $printed,
            reason: concat!(
                "Reads as \"",
                $reads,
                "\". ",
                $how,
                "; kept as transcribed, since the signed text could not be checked."
            ),
        }
    };
}

/// Every place where the encoded data departs from the transcription, or keeps its defects.
pub const CORRECTIONS: &[Correction] = &[
    // Points that do not add up, kept as transcribed: nothing is filled in.
    Correction {
        set: 7,
        fix: Fix::Kept(Defect::MaxUnreachable { criterion: "6.4" }),
        printed: "6.4 Mùi (4 điểm): phương án 1, 2, 3 điểm",
        reason: "The criterion is headed 4 points but its best option is worth 3; group 6 and Part C add up only with the 4. QĐ 26/2026 prints this criterion with 3 points. Kept as transcribed: at most 3 can be scored here, 99 on the sheet.",
    },
    short_part_c(11, "CHẤT LƯỢNG SẢN PHẨM (35 Điểm); nhóm 6 = 13, nhóm 8 = 4"),
    short_part_c(12, "CHẤT LƯỢNG SẢN PHẨM (35 Điểm); nhóm 6 = 13, nhóm 8 = 4"),
    short_part_c(13, "CHẤT LƯỢNG SẢN PHẨM (35 Điểm); nhóm 6 = 14, nhóm 8 = 4"),
    Correction {
        set: 17,
        fix: Fix::Kept(Defect::UnreadablePoints {
            criterion: "1.4",
            option: 2,
        }),
        printed: "l",
        reason: "The points cell reads \"l\", probably an OCR misreading of 1 (the sequence is 0, ?, 2, 3 and the same option is worth 1 in the other sets). No value is invented: the option cannot be ticked until the signed text is checked.",
    },
    Correction {
        set: 18,
        fix: Fix::Kept(Defect::UnreadablePoints {
            criterion: "1.2",
            option: 2,
        }),
        printed: "t",
        reason: "The points cell of \"Chế biến đơn giản\" reads \"t\", probably an OCR misreading (the same option is worth 1 in the 11 other sets that have it). No value is invented: the option cannot be ticked until the signed text is checked.",
    },
    // Codes and notes.
    letter_c(18),
    letter_c(19),
    note_in_remark(21),
    note_in_remark(22),
    // Set 1 as the independent 2024 printout reads it, where it differs.
    cross_checked(
        "1.5",
        2,
        "Có Hồ sơ, thủ tục về môi trường theo quy định của pháp luật về bảo vệ môi trường và hồ sơ minh chứng về công trình thu gom và xử lý chất thải theo quy định **** (bản in OCOP_SCORE 2024)",
        SHARED_MARK,
    ),
    cross_checked(
        "3.6",
        1,
        "Nhãn hiệu sử dụng trên sản phẩm của chủ thể được cấp giấy chứng nhận đăng ký **** (bản in OCOP_SCORE 2024)",
        HEADING_AND_OPTIONS,
    ),
    cross_checked(
        "3.6",
        2,
        "Nhãn hiệu sử dụng trên sản phẩm của chủ thể được cấp giấy chứng nhận đăng ký; và sản phẩm … nhãn hiệu tập **** (bản in OCOP_SCORE 2024)",
        HEADING_AND_OPTIONS,
    ),
    cross_checked(
        "6.2",
        5,
        "Rất phù hợp **** (bản in OCOP_SCORE 2024)",
        SHARED_MARK,
    ),
    cross_checked(
        "8",
        3,
        "Độc đáo, mang tính đặc trưng (bản in OCOP_SCORE 2024, không có dấu sao)",
        "The independent 2024 printout prints no mark on this option; the main transcription marks it ****, as QĐ 26/2026 marks the same option. The main transcription is kept: 4★ needs at least this option (3 points).",
    ),
    // Two options printed with the same words.
    same_words(24),
    same_words(25),
    // OCR misspellings, kept as transcribed and recorded.
    ocr_kept!(2, Text::Part("B"), "KHẢ NĂNC", "KHẢ NĂNG", listed),
    ocr_kept!(3, Text::Part("B"), "KHẢ NĂNC", "KHẢ NĂNG", listed),
    ocr_kept!(4, Text::Part("B"), "KHẢ NĂNC", "KHẢ NĂNG", listed),
    ocr_kept!(5, Text::Part("B"), "KHẢ NĂNC", "KHẢ NĂNG", listed),
    ocr_kept!(6, Text::Part("B"), "KHẢ NĂNC", "KHẢ NĂNG", listed),
    ocr_kept!(7, Text::Part("B"), "KHẢ NĂNC", "KHẢ NĂNG", listed),
    Correction {
        set: 1,
        fix: Fix::Wording {
            at: Text::Option("1.2", 3),
            encoded: "bản quản",
        },
        printed: "bản quản",
        reason: "Reads as \"bảo quản\". Listed in the transcription's ANOMALIES.md; the independent 2024 printout of this set spells it the same way, so it is probably the decision's own. Kept as transcribed.",
    },
    ocr_kept!(
        2,
        Text::CriterionNote("6.1"),
        "cân trùng",
        "côn trùng",
        found
    ),
    ocr_kept!(
        3,
        Text::Option("6.2", 2),
        "chấp nhận dược",
        "chấp nhận được",
        listed
    ),
    ocr_kept!(7, Text::Option("11", 2), "thị hường", "thị trường", listed),
    ocr_kept!(7, Text::Option("11", 3), "xuất khẩn", "xuất khẩu", listed),
    ocr_kept!(8, Text::Option("1.5", 3), "môi hường", "môi trường", listed),
    ocr_kept!(
        8,
        Text::Option("2.3", 2),
        "đóng quy định",
        "đúng quy định",
        found
    ),
    ocr_kept!(
        11,
        Text::Option("1.5", 3),
        "môi hường",
        "môi trường",
        listed
    ),
    ocr_kept!(17, Text::Option("3.2", 2), "chủ thế", "chủ thể", found),
    ocr_kept!(
        17,
        Text::Option("4.2", 4),
        "quản lý phản phối",
        "quản lý phân phối",
        listed
    ),
    ocr_kept!(
        18,
        Text::CriterionNote("1.3"),
        "đối lượng",
        "đối tượng",
        listed
    ),
    ocr_kept!(18, Text::Option("6", 1), "GMP đố;", "GMP đối", listed),
    ocr_kept!(
        19,
        Text::CriterionNote("1.3"),
        "đối lượng",
        "đối tượng",
        listed
    ),
    ocr_kept!(
        20,
        Text::Option("1.1", 1),
        "trong tính",
        "trong tỉnh",
        found
    ),
    ocr_kept!(
        20,
        Text::Option("1.4", 4),
        "nguyên liệu dầu vào",
        "nguyên liệu đầu vào",
        found
    ),
    ocr_kept!(
        20,
        Text::Option("1.4", 4),
        "ổn định tử",
        "ổn định từ",
        found
    ),
    ocr_kept!(
        20,
        Text::Option("1.5", 3),
        "hồ sơ mình chứng",
        "hồ sơ minh chứng",
        found
    ),
    ocr_kept!(
        21,
        Text::Option("1.4", 4),
        "hợp đồng ấn định",
        "hợp đồng ổn định",
        found
    ),
    ocr_kept!(
        21,
        Text::Option("2.1", 3),
        "ở nhiêu nơi",
        "ở nhiều nơi",
        listed
    ),
    ocr_kept!(
        21,
        Text::Option("3.6", 2),
        "chứng nhận đang ký",
        "chứng nhận đăng ký",
        listed
    ),
    ocr_kept!(
        22,
        Text::Option("2.1", 3),
        "ở nhiêu nơi",
        "ở nhiều nơi",
        listed
    ),
    ocr_kept!(
        22,
        Text::Option("3.6", 2),
        "chứng nhận đang ký",
        "chứng nhận đăng ký",
        listed
    ),
    ocr_kept!(26, Text::Option("6", 3), "lợi thể", "lợi thế", found),
];

const SHARED_MARK: &str = "The independent 2024 printout also marks this option ****, so that two options carry the same mark; the main transcription marks only the lower one, as QĐ 26/2026 does. The main transcription is kept. The gate is the same either way: with two marked options the lower one is the requirement.";

const HEADING_AND_OPTIONS: &str = "The independent 2024 printout marks both options **** as well as the heading; the main transcription marks the heading only. The main transcription is kept. The gate is the same either way: either option (1 or 2 points) is above zero, and the lower marked option is worth 1.";

const fn cross_checked(
    criterion: &'static str,
    option: u32,
    printed: &'static str,
    reason: &'static str,
) -> Correction {
    Correction {
        set: 1,
        fix: Fix::CrossCheck { criterion, option },
        printed,
        reason,
    }
}

const fn same_words(set: u8) -> Correction {
    Correction {
        set,
        fix: Fix::Wording {
            at: Text::Option("2.2", 2),
            encoded: "Thông tin/thuyết minh về sản phẩm chưa đầy đủ",
        },
        printed: "Thông tin/thuyết minh về sản phẩm chưa đầy đủ",
        reason: "Options 1 (0 points) and 2 (1 point) are transcribed with the same words; option 2 probably reads \"Thông tin/thuyết minh về sản phẩm đầy đủ\", as QĐ 26/2026 words its 1-point option. Kept as transcribed: the two options differ only by their points.",
    }
}

/// Part C short of its 35 points; `printed` gives the short groups' sums in this set.
const fn short_part_c(set: u8, printed: &'static str) -> Correction {
    Correction {
        set,
        fix: Fix::Kept(Defect::PartSum { part: "C" }),
        printed,
        reason: "Part C is headed 35 points but its groups add up to less (group 6 Chỉ tiêu cảm quan and group 8 are short: QĐ 26/2026 prints 15 and 5 there). Whether the shortfall is in the decision or the transcription cannot be told from here; nothing is invented, so this sheet reaches less than 100.",
    }
}

/// Sở hữu trí tuệ printed with the letter c) as the sixth criterion of group 3.
const fn letter_c(set: u8) -> Correction {
    Correction {
        set,
        fix: Fix::CriterionCode {
            criterion: "3.6",
            name: "Sở hữu trí tuệ",
            code: "3.6",
        },
        printed: "c)",
        reason: "The sheet prints the letter c) on its sixth criterion of group 3, out of sequence. Codes follow print position throughout this transcription, so it is 3.6, as Sở hữu trí tuệ is in the other sets.",
    }
}

/// The knock-out of criterion 6.2 that the transcription keeps only in a remark.
const fn note_in_remark(set: u8) -> Correction {
    const NOTE: &str = "Ghi chú: Nếu sản phẩm vi phạm sở hữu trí tuệ, sẽ bị loại bỏ";
    Correction {
        set,
        fix: Fix::NoteOf {
            criterion: "6.2",
            note: NOTE,
        },
        printed: NOTE,
        reason: "The transcription keeps this note only in a remark on the option it is printed under (\"note printed under this option in source\"); it is the criterion's knock-out, as in the same set of QĐ 26/2026.",
    }
}

/// The sheets come from an application's seed data; the rest from press and legal-advice pages.
const SOURCE_TAIL: &str = "The sheets print criteria with letters (a, b, c …): codes were assigned by position (a → .1, b → .2 …). The transcription has no sheet-level \"Hồ sơ bị loại khi\" lines and no Phụ lục I (classification). Parts, bands and recognition: secondary sources quoting the decision (press and legal-advice pages listed in the reference rules_by_version.json), not the gazette text.";
