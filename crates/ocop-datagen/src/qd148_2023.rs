//! Quyết định 148/QĐ-TTg (2023), from a secondary transcription: metadata from secondary sources
//! quoting the decision, and the corrections its transcribed sheets need.
//!
//! The gazette text was not available. Every defect of the transcription is kept as printed and
//! recorded; nothing is filled in.

use crate::Spec;
use crate::convert::Layout;
use crate::correction::{Correction, Defect, Fix, Text};
use crate::instrument::{Amendment, Band, Metadata};

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
    source_note,
};

/// The warning every result scored with this data carries.
pub const WARNING: &str = "Dữ liệu QĐ 148/QĐ-TTg lấy từ bản chép lại thứ cấp (dữ liệu ứng dụng chấm điểm năm 2024, có nguồn gốc OCR), chưa đối chiếu với văn bản ký ban hành; điểm, dấu sao và câu chữ có thể khác văn bản gốc. The QĐ 148/QĐ-TTg data comes from a secondary transcription (a 2024 scoring application's data, OCR-derived) not yet checked against the signed decision; points, star marks and wording may differ from the original.";

/// What is known of the decision outside the sheets, from secondary sources.
pub const METADATA: Metadata = Metadata {
    id: "qd148-2023",
    revision: 1,
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
    bands: [
        Band {
            stars: 1,
            from: "0",
            below: Some("30"),
            printed: "Hạng 1 sao: dưới 30 điểm",
        },
        Band {
            stars: 2,
            from: "30",
            below: Some("50"),
            printed: "Hạng 2 sao: từ 30 đến dưới 50 điểm",
        },
        Band {
            stars: 3,
            from: "50",
            below: Some("70"),
            printed: "Hạng 3 sao: từ 50 đến dưới 70 điểm",
        },
        Band {
            stars: 4,
            from: "70",
            below: Some("90"),
            printed: "Hạng 4 sao: từ 70 đến dưới 90 điểm",
        },
        Band {
            stars: 5,
            from: "90",
            below: None,
            printed: "Hạng 5 sao: từ 90 đến 100 điểm, là sản phẩm đặc trưng, tiêu chuẩn chất lượng cao và hội tụ điều kiện để xuất khẩu",
        },
    ],
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
    changelog: &[(
        1,
        "2026-11-29",
        "First release: all 26 product sets converted from the secondary transcription, defects kept as printed and recorded as errata.",
    )],
};

/// Every place where the encoded data departs from the transcription, or keeps its defects.
pub const CORRECTIONS: &[Correction] = &[
    // Points that do not add up, kept as transcribed: nothing is filled in.
    Correction {
        set: 7,
        fix: Fix::Kept(Defect::MaxUnreachable { criterion: "6.4" }),
        printed: "6.4 Mùi (4 điểm): phương án 1, 2, 3 điểm",
        reason: "The criterion is headed 4 points but its best option is worth 3; group 6 and Part C add up only with the 4. QĐ 26/2026 prints this criterion with 3 points. Kept as transcribed: at most 3 can be scored here, 99 on the sheet.",
    },
    Correction {
        set: 11,
        fix: Fix::Kept(Defect::PartSum { part: "C" }),
        printed: "CHẤT LƯỢNG SẢN PHẨM (35 Điểm); nhóm 6 = 13, nhóm 8 = 4",
        reason: SHORT_PART_C,
    },
    Correction {
        set: 12,
        fix: Fix::Kept(Defect::PartSum { part: "C" }),
        printed: "CHẤT LƯỢNG SẢN PHẨM (35 Điểm); nhóm 6 = 13, nhóm 8 = 4",
        reason: SHORT_PART_C,
    },
    Correction {
        set: 13,
        fix: Fix::Kept(Defect::PartSum { part: "C" }),
        printed: "CHẤT LƯỢNG SẢN PHẨM (35 Điểm); nhóm 6 = 14, nhóm 8 = 4",
        reason: SHORT_PART_C,
    },
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
    Correction {
        set: 18,
        fix: Fix::CriterionCode {
            criterion: "3.6",
            name: "Sở hữu trí tuệ",
            code: "3.6",
        },
        printed: "c)",
        reason: "The sheet prints the letter c) on its sixth criterion of group 3, out of sequence. Codes follow print position throughout this transcription, so it is 3.6, as Sở hữu trí tuệ is in the other sets.",
    },
    Correction {
        set: 19,
        fix: Fix::CriterionCode {
            criterion: "3.6",
            name: "Sở hữu trí tuệ",
            code: "3.6",
        },
        printed: "c)",
        reason: "The sheet prints the letter c) on its sixth criterion of group 3, out of sequence. Codes follow print position throughout this transcription, so it is 3.6, as Sở hữu trí tuệ is in the other sets.",
    },
    Correction {
        set: 21,
        fix: Fix::NoteOf {
            criterion: "6.2",
            note: INTELLECTUAL_PROPERTY,
        },
        printed: INTELLECTUAL_PROPERTY,
        reason: NOTE_IN_REMARK,
    },
    Correction {
        set: 22,
        fix: Fix::NoteOf {
            criterion: "6.2",
            note: INTELLECTUAL_PROPERTY,
        },
        printed: INTELLECTUAL_PROPERTY,
        reason: NOTE_IN_REMARK,
    },
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
    Correction {
        set: 2,
        fix: Fix::Wording {
            at: Text::Part("B"),
            encoded: "KHẢ NĂNC",
        },
        printed: "KHẢ NĂNC",
        reason: "Reads as \"KHẢ NĂNG\". An OCR misspelling listed in the transcription's ANOMALIES.md; kept as transcribed, since the signed text could not be checked.",
    },
    Correction {
        set: 3,
        fix: Fix::Wording {
            at: Text::Part("B"),
            encoded: "KHẢ NĂNC",
        },
        printed: "KHẢ NĂNC",
        reason: "Reads as \"KHẢ NĂNG\". An OCR misspelling listed in the transcription's ANOMALIES.md; kept as transcribed, since the signed text could not be checked.",
    },
    Correction {
        set: 4,
        fix: Fix::Wording {
            at: Text::Part("B"),
            encoded: "KHẢ NĂNC",
        },
        printed: "KHẢ NĂNC",
        reason: "Reads as \"KHẢ NĂNG\". An OCR misspelling listed in the transcription's ANOMALIES.md; kept as transcribed, since the signed text could not be checked.",
    },
    Correction {
        set: 5,
        fix: Fix::Wording {
            at: Text::Part("B"),
            encoded: "KHẢ NĂNC",
        },
        printed: "KHẢ NĂNC",
        reason: "Reads as \"KHẢ NĂNG\". An OCR misspelling listed in the transcription's ANOMALIES.md; kept as transcribed, since the signed text could not be checked.",
    },
    Correction {
        set: 6,
        fix: Fix::Wording {
            at: Text::Part("B"),
            encoded: "KHẢ NĂNC",
        },
        printed: "KHẢ NĂNC",
        reason: "Reads as \"KHẢ NĂNG\". An OCR misspelling listed in the transcription's ANOMALIES.md; kept as transcribed, since the signed text could not be checked.",
    },
    Correction {
        set: 7,
        fix: Fix::Wording {
            at: Text::Part("B"),
            encoded: "KHẢ NĂNC",
        },
        printed: "KHẢ NĂNC",
        reason: "Reads as \"KHẢ NĂNG\". An OCR misspelling listed in the transcription's ANOMALIES.md; kept as transcribed, since the signed text could not be checked.",
    },
    Correction {
        set: 1,
        fix: Fix::Wording {
            at: Text::Option("1.2", 3),
            encoded: "bản quản",
        },
        printed: "bản quản",
        reason: "Reads as \"bảo quản\". Listed in the transcription's ANOMALIES.md; the independent 2024 printout of this set spells it the same way, so it is probably the decision's own. Kept as transcribed.",
    },
    Correction {
        set: 2,
        fix: Fix::Wording {
            at: Text::CriterionNote("6.1"),
            encoded: "cân trùng",
        },
        printed: "cân trùng",
        reason: "Reads as \"côn trùng\". An OCR misspelling that forms real words, found while converting (not in the transcription's ANOMALIES.md); kept as transcribed, since the signed text could not be checked.",
    },
    Correction {
        set: 3,
        fix: Fix::Wording {
            at: Text::Option("6.2", 2),
            encoded: "chấp nhận dược",
        },
        printed: "chấp nhận dược",
        reason: "Reads as \"chấp nhận được\". An OCR misspelling listed in the transcription's ANOMALIES.md; kept as transcribed, since the signed text could not be checked.",
    },
    Correction {
        set: 7,
        fix: Fix::Wording {
            at: Text::Option("11", 2),
            encoded: "thị hường",
        },
        printed: "thị hường",
        reason: "Reads as \"thị trường\". An OCR misspelling listed in the transcription's ANOMALIES.md; kept as transcribed, since the signed text could not be checked.",
    },
    Correction {
        set: 7,
        fix: Fix::Wording {
            at: Text::Option("11", 3),
            encoded: "xuất khẩn",
        },
        printed: "xuất khẩn",
        reason: "Reads as \"xuất khẩu\". An OCR misspelling listed in the transcription's ANOMALIES.md; kept as transcribed, since the signed text could not be checked.",
    },
    Correction {
        set: 8,
        fix: Fix::Wording {
            at: Text::Option("1.5", 3),
            encoded: "môi hường",
        },
        printed: "môi hường",
        reason: "Reads as \"môi trường\". An OCR misspelling listed in the transcription's ANOMALIES.md; kept as transcribed, since the signed text could not be checked.",
    },
    Correction {
        set: 8,
        fix: Fix::Wording {
            at: Text::Option("2.3", 2),
            encoded: "đóng quy định",
        },
        printed: "đóng quy định",
        reason: "Reads as \"đúng quy định\". An OCR misspelling that forms real words, found while converting (not in the transcription's ANOMALIES.md); kept as transcribed, since the signed text could not be checked.",
    },
    Correction {
        set: 11,
        fix: Fix::Wording {
            at: Text::Option("1.5", 3),
            encoded: "môi hường",
        },
        printed: "môi hường",
        reason: "Reads as \"môi trường\". An OCR misspelling listed in the transcription's ANOMALIES.md; kept as transcribed, since the signed text could not be checked.",
    },
    Correction {
        set: 17,
        fix: Fix::Wording {
            at: Text::Option("3.2", 2),
            encoded: "chủ thế",
        },
        printed: "chủ thế",
        reason: "Reads as \"chủ thể\". An OCR misspelling that forms real words, found while converting (not in the transcription's ANOMALIES.md); kept as transcribed, since the signed text could not be checked.",
    },
    Correction {
        set: 17,
        fix: Fix::Wording {
            at: Text::Option("4.2", 4),
            encoded: "quản lý phản phối",
        },
        printed: "quản lý phản phối",
        reason: "Reads as \"quản lý phân phối\". An OCR misspelling listed in the transcription's ANOMALIES.md; kept as transcribed, since the signed text could not be checked.",
    },
    Correction {
        set: 18,
        fix: Fix::Wording {
            at: Text::CriterionNote("1.3"),
            encoded: "đối lượng",
        },
        printed: "đối lượng",
        reason: "Reads as \"đối tượng\". An OCR misspelling listed in the transcription's ANOMALIES.md; kept as transcribed, since the signed text could not be checked.",
    },
    Correction {
        set: 18,
        fix: Fix::Wording {
            at: Text::Option("6", 1),
            encoded: "GMP đố;",
        },
        printed: "GMP đố;",
        reason: "Reads as \"GMP đối\". An OCR misspelling listed in the transcription's ANOMALIES.md; kept as transcribed, since the signed text could not be checked.",
    },
    Correction {
        set: 19,
        fix: Fix::Wording {
            at: Text::CriterionNote("1.3"),
            encoded: "đối lượng",
        },
        printed: "đối lượng",
        reason: "Reads as \"đối tượng\". An OCR misspelling listed in the transcription's ANOMALIES.md; kept as transcribed, since the signed text could not be checked.",
    },
    Correction {
        set: 20,
        fix: Fix::Wording {
            at: Text::Option("1.1", 1),
            encoded: "trong tính",
        },
        printed: "trong tính",
        reason: "Reads as \"trong tỉnh\". An OCR misspelling that forms real words, found while converting (not in the transcription's ANOMALIES.md); kept as transcribed, since the signed text could not be checked.",
    },
    Correction {
        set: 20,
        fix: Fix::Wording {
            at: Text::Option("1.4", 4),
            encoded: "nguyên liệu dầu vào",
        },
        printed: "nguyên liệu dầu vào",
        reason: "Reads as \"nguyên liệu đầu vào\". An OCR misspelling that forms real words, found while converting (not in the transcription's ANOMALIES.md); kept as transcribed, since the signed text could not be checked.",
    },
    Correction {
        set: 20,
        fix: Fix::Wording {
            at: Text::Option("1.4", 4),
            encoded: "ổn định tử",
        },
        printed: "ổn định tử",
        reason: "Reads as \"ổn định từ\". An OCR misspelling that forms real words, found while converting (not in the transcription's ANOMALIES.md); kept as transcribed, since the signed text could not be checked.",
    },
    Correction {
        set: 20,
        fix: Fix::Wording {
            at: Text::Option("1.5", 3),
            encoded: "hồ sơ mình chứng",
        },
        printed: "hồ sơ mình chứng",
        reason: "Reads as \"hồ sơ minh chứng\". An OCR misspelling that forms real words, found while converting (not in the transcription's ANOMALIES.md); kept as transcribed, since the signed text could not be checked.",
    },
    Correction {
        set: 21,
        fix: Fix::Wording {
            at: Text::Option("1.4", 4),
            encoded: "hợp đồng ấn định",
        },
        printed: "hợp đồng ấn định",
        reason: "Reads as \"hợp đồng ổn định\". An OCR misspelling that forms real words, found while converting (not in the transcription's ANOMALIES.md); kept as transcribed, since the signed text could not be checked.",
    },
    Correction {
        set: 21,
        fix: Fix::Wording {
            at: Text::Option("2.1", 3),
            encoded: "ở nhiêu nơi",
        },
        printed: "ở nhiêu nơi",
        reason: "Reads as \"ở nhiều nơi\". An OCR misspelling listed in the transcription's ANOMALIES.md; kept as transcribed, since the signed text could not be checked.",
    },
    Correction {
        set: 21,
        fix: Fix::Wording {
            at: Text::Option("3.6", 2),
            encoded: "chứng nhận đang ký",
        },
        printed: "chứng nhận đang ký",
        reason: "Reads as \"chứng nhận đăng ký\". An OCR misspelling listed in the transcription's ANOMALIES.md; kept as transcribed, since the signed text could not be checked.",
    },
    Correction {
        set: 22,
        fix: Fix::Wording {
            at: Text::Option("2.1", 3),
            encoded: "ở nhiêu nơi",
        },
        printed: "ở nhiêu nơi",
        reason: "Reads as \"ở nhiều nơi\". An OCR misspelling listed in the transcription's ANOMALIES.md; kept as transcribed, since the signed text could not be checked.",
    },
    Correction {
        set: 22,
        fix: Fix::Wording {
            at: Text::Option("3.6", 2),
            encoded: "chứng nhận đang ký",
        },
        printed: "chứng nhận đang ký",
        reason: "Reads as \"chứng nhận đăng ký\". An OCR misspelling listed in the transcription's ANOMALIES.md; kept as transcribed, since the signed text could not be checked.",
    },
    Correction {
        set: 26,
        fix: Fix::Wording {
            at: Text::Option("6", 3),
            encoded: "lợi thể",
        },
        printed: "lợi thể",
        reason: "Reads as \"lợi thế\". An OCR misspelling that forms real words, found while converting (not in the transcription's ANOMALIES.md); kept as transcribed, since the signed text could not be checked.",
    },
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

const SHORT_PART_C: &str = "Part C is headed 35 points but its groups add up to less (group 6 Chỉ tiêu cảm quan and group 8 are short: QĐ 26/2026 prints 15 and 5 there). Whether the shortfall is in the decision or the transcription cannot be told from here; nothing is invented, so this sheet reaches less than 100.";

const INTELLECTUAL_PROPERTY: &str = "Ghi chú: Nếu sản phẩm vi phạm sở hữu trí tuệ, sẽ bị loại bỏ";

const NOTE_IN_REMARK: &str = "The transcription keeps this note only in a remark on the option it is printed under (\"note printed under this option in source\"); it is the criterion's knock-out, as in the same set of QĐ 26/2026.";

/// The sheets come from an application's seed data; the rest from press and legal-advice pages.
pub fn source_note(transcription_source: &str) -> String {
    format!(
        "Sheets: {transcription_source}; via the project's reference transcription {TRANSCRIPTION}. The sheets print criteria with letters (a, b, c …): codes were assigned by position (a → .1, b → .2 …). The transcription has no sheet-level \"Hồ sơ bị loại khi\" lines and no Phụ lục I (classification). Parts, bands and recognition: secondary sources quoting the decision (press and legal-advice pages listed in the reference rules_by_version.json), not the gazette text."
    )
}
