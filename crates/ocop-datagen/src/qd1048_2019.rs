//! Quyết định 1048/QĐ-TTg (2019): metadata from the decision's articles and Phụ lục II, and the
//! corrections its transcribed sheets need.

use crate::Spec;
use crate::convert::Layout;
use crate::correction::{Correction, Defect, Fix, Text};
use crate::instrument::{Amendment, Article, CertificateRules, LevelRules, Metadata, bands};

/// The transcription under the reference directory.
pub const TRANSCRIPTION: &str = "qd1048-2019/ALL_SHEETS.json";

/// The full text the sheets were parsed from; notes the transcription dropped are checked
/// against it.
pub const FULL_TEXT: &str = "texts/QD1048-2019_full_text_antiword.txt";

/// How to convert QĐ 1048/2019.
pub const SPEC: Spec = Spec {
    transcription: TRANSCRIPTION,
    witness: Some(FULL_TEXT),
    cross_check: None,
    metadata: METADATA,
    layout: Layout {
        // Group headings over numbered criteria ("1. TỔ CHỨC SẢN XUẤT") print no points.
        group_points_printed: false,
        // The decision prints no star marks, so no option text ends with one and the transcriber
        // read none (`min_star` is null throughout): reading marks from the text checks that the
        // two agree, and a stray `*` in a text stops the conversion.
        star_marks_in_text: true,
    },
    corrections: CORRECTIONS,
    source_tail: SOURCE_TAIL,
};

/// What the decision says outside the sheets (Điều 1 and Phụ lục II).
pub const METADATA: Metadata = Metadata {
    id: "qd1048-2019",
    revision: 2,
    title: "Bộ Tiêu chí đánh giá, phân hạng sản phẩm Chương trình mỗi xã một sản phẩm",
    decision_number: "1048/QĐ-TTg",
    decision_date: "2019-08-21",
    decision_title: "Quyết định về việc ban hành Bộ tiêu chí đánh giá, phân hạng sản phẩm Chương trình mỗi xã một sản phẩm",
    effective_from: "2019-08-21",
    effective_until: Some("2023-02-23"),
    secondary: false,
    warning: None,
    parts: [
        (
            "A",
            "Các tiêu chí đánh giá về sản phẩm và sức mạnh cộng đồng",
            "35",
        ),
        ("B", "Các tiêu chí đánh giá về khả năng tiếp thị", "25"),
        ("C", "Các tiêu chí đánh giá về chất lượng sản phẩm", "40"),
    ],
    bands: bands([
        "Hạng 01 sao: Tổng điểm trung bình đạt dưới 30 điểm, là sản phẩm khởi điểm tham gia Chương trình OCOP, có thể nâng cấp lên hạng 2 sao.",
        "Hạng 02 sao: Tổng điểm trung bình đạt từ 30 đến 49 điểm, sản phẩm chưa đạt tiêu chuẩn, có thể tiếp tục nâng cấp để nâng lên hạng 3 sao.",
        "Hạng 03 sao: Tổng điểm trung bình đạt từ 50 đến 69 điểm, là sản phẩm cấp tỉnh, đạt tiêu chuẩn, có thể nâng cấp lên hạng 4 sao.",
        "Hạng 04 sao: Tổng điểm trung bình đạt từ 70 đến 89 điểm, là sản phẩm cấp tỉnh, có thể nâng cấp lên hạng 5 sao.",
        "Hạng 05 sao: Tổng điểm trung bình đạt từ 90 đến 100 điểm, là sản phẩm cấp quốc gia, có thể xuất khẩu.",
    ]),
    certifiable_from: 3,
    certifiers: &[(&[3, 4], "province"), (&[5], "central")],
    potential_five_star_from: Some("90"),
    recognition_printed: "Ủy ban nhân dân cấp tỉnh ban hành Quyết định phê duyệt kết quả đánh giá và Giấy chứng nhận cho các sản phẩm đạt từ ba (03) đến bốn (04) sao, tổ chức công bố kết quả; Ủy ban nhân dân cấp tỉnh chuyển hồ sơ các sản phẩm đạt từ 90 điểm đến 100 điểm lên trung ương (Qua Bộ Nông nghiệp và Phát triển nông thôn) để đề nghị đánh giá, phân hạng, công nhận sản phẩm OCOP cấp quốc gia. Bộ Nông nghiệp và Phát triển nông thôn ban hành Quyết định phê duyệt kết quả đánh giá và Giấy chứng nhận cho các sản phẩm đạt năm (05) sao (là sản phẩm OCOP cấp quốc gia), tổ chức công bố kết quả. (Phụ lục II, mục 1)",
    band_policy: Some(
        "Quyết định in các hạng với hai đầu là số nguyên (\"từ 70 đến 89 điểm\"), nên một tổng điểm lẻ như 69,5 không thuộc hạng nào theo câu chữ. Dữ liệu lưu các hạng nửa mở [từ, dưới): tổng điểm lẻ thuộc hạng có đầu dưới mà nó đã đạt (69,5 → 3 sao; 89,99 → 4 sao), vì không có quy định chính thức nào làm tròn trước khi xếp hạng, và QĐ 148/QĐ-TTg, QĐ 26/2026/QĐ-TTg viết đúng các hạng nửa mở này. The decision prints bands with integer ends (\"70 đến 89\"), which leaves a fractional total such as 69.5 undefined. The bands are stored half-open [from, below): a fractional total is in the band whose lower end it has reached (69.5 → 3★, 89.99 → 4★), because no official rule rounds before banding, and QĐ 148/QĐ-TTg and QĐ 26/2026/QĐ-TTg write exactly these half-open bands.",
    ),
    amendments: &[Amendment {
        number: "781/QĐ-TTg",
        date: "2020-06-08",
        summary: "Sửa đổi, bổ sung một số Phụ lục của Quyết định 1048/QĐ-TTg: bổ sung Mục 6 Phụ lục II \"Yêu cầu về một số tiêu chí cần đạt tối thiểu trong đánh giá, phân hạng sản phẩm\" theo từng hạng sao (trừ nhóm dịch vụ du lịch); đổi tên nhóm \"Dịch vụ du lịch - truyền thống - lễ hội\" thành \"Dịch vụ du lịch cộng đồng và điểm du lịch\". Amends the annexes of 1048: minimum criteria per star level (except tourism) and the tourism group's name.",
        applied: false,
        note: Some(
            "Chỉ biết được một phần bảng yêu cầu tối thiểu của QĐ 781/QĐ-TTg (thiếu các dòng 5 sao và các yêu cầu của Phần A, Phần B), nên dữ liệu không áp dụng; kết quả không xét các yêu cầu tối thiểu này. Only part of the 781 minimums table is known (the 5★ rows and the Part A and B requirements are missing), so it is not applied: this result does not check those minimums.",
        ),
    }],
    changelog: &[
        (
            1,
            "2026-11-29",
            "First release: all 26 product sets converted from the full-text transcription of the decision as first issued, with errata for every anomaly.",
        ),
        (
            2,
            "2026-12-05",
            "The procedure as data, each rule with its words in Phụ lục II: recognition by level (the district forwards 3–5★, the province recognises 3–4★ and forwards 90–100 points, the central council recognises 5★ and returns lower results to the province) and certificate validity (36 months); the decision sets no re-rating window. Printed wording restored from the full text: the lead sentence of the testing footnote (sets 1–18), the note under 8.1 (sets 12–18, which the transcription listed under the sheet) and the note under 8.2 (sets 12, 14–18, dropped). Scores are unchanged.",
        ),
    ],
    recognition_by_level: &[
        LevelRules {
            level: "district",
            authority: "UBND huyện",
            rules: &[
                (&[1, 2], "no_certificate", NO_CERTIFICATE),
                (
                    &[3, 4, 5],
                    "refer_to_province",
                    Article {
                        source: "QĐ 1048/QĐ-TTg Phụ lục II mục 1 điểm a",
                        printed: "Ủy ban nhân dân cấp huyện chuyển hồ sơ các sản phẩm có số điểm đạt từ 50 điểm đến 100 điểm (từ 3 đến 5 sao) lên Ủy ban nhân dân cấp tỉnh để đề nghị đánh giá, phân hạng, công nhận sản phẩm OCOP.",
                    },
                ),
            ],
        },
        LevelRules {
            level: "province",
            authority: "UBND tỉnh",
            rules: &[
                (&[1, 2], "no_certificate", NO_CERTIFICATE),
                (
                    &[3, 4],
                    "certify",
                    Article {
                        source: "QĐ 1048/QĐ-TTg Phụ lục II mục 1 điểm b",
                        printed: "Ủy ban nhân dân cấp tỉnh ban hành Quyết định phê duyệt kết quả đánh giá và Giấy chứng nhận cho các sản phẩm đạt từ ba (03) đến bốn (04) sao, tổ chức công bố kết quả;",
                    },
                ),
                (
                    &[5],
                    "refer_to_central",
                    Article {
                        source: "QĐ 1048/QĐ-TTg Phụ lục II mục 1 điểm b",
                        printed: "Ủy ban nhân dân cấp tỉnh chuyển hồ sơ các sản phẩm đạt từ 90 điểm đến 100 điểm lên trung ương (Qua Bộ Nông nghiệp và Phát triển nông thôn) để đề nghị đánh giá, phân hạng, công nhận sản phẩm OCOP cấp quốc gia.",
                    },
                ),
            ],
        },
        LevelRules {
            level: "central",
            authority: "Bộ Nông nghiệp và Phát triển nông thôn",
            rules: &[
                (&[1, 2], "no_certificate", NO_CERTIFICATE),
                (
                    &[3, 4],
                    "return_to_province",
                    Article {
                        source: "QĐ 1048/QĐ-TTg Phụ lục II mục 1 điểm c",
                        printed: "Trường hợp kết quả đánh giá của Hội đồng cấp trung ương không đạt 05 sao, Bộ Nông nghiệp và Phát triển nông thôn gửi kết quả đánh giá về Ủy ban nhân dân cấp tỉnh để xem xét, ban hành Giấy chứng nhận sản phẩm OCOP theo kết quả đánh giá của Hội đồng Trung ương.",
                    },
                ),
                (
                    &[5],
                    "certify",
                    Article {
                        source: "QĐ 1048/QĐ-TTg Phụ lục II mục 1 điểm c",
                        printed: "Bộ Nông nghiệp và Phát triển nông thôn ban hành Quyết định phê duyệt kết quả đánh giá và Giấy chứng nhận cho các sản phẩm đạt năm (05) sao (là sản phẩm OCOP cấp quốc gia), tổ chức công bố kết quả.",
                    },
                ),
            ],
        },
    ],
    certificate: Some(CertificateRules {
        validity_months: 36,
        article: VALIDITY,
        re_rating_window: None,
    }),
    transition: None,
    rounds: &[],
};

/// Điều 1 khoản 3: the certificate and its validity.
const VALIDITY: Article = Article {
    source: "QĐ 1048/QĐ-TTg Điều 1 khoản 3",
    printed: "Giấy chứng nhận cho các sản phẩm OCOP đạt từ 3 đến 5 sao có giá trị trong thời hạn 36 tháng kể từ ngày cơ quan có thẩm quyền ban hành.",
};

/// Only 3★ to 5★ earn a certificate (Điều 1 khoản 3).
const NO_CERTIFICATE: Article = VALIDITY;

/// Every place where the encoded data departs from the transcription, or keeps a defect of the
/// decision as printed.
pub const CORRECTIONS: &[Correction] = &[
    // Points that do not add up.
    Correction {
        set: 4,
        fix: Fix::CriterionMax {
            criterion: "9.1",
            max: "2",
        },
        printed: "3",
        reason: "The criterion prints 3 points but its best option is worth 2, and Part C adds up to its 40 points only with 2 (with 3 it makes 41): the points cell is the typo.",
    },
    Correction {
        set: 13,
        fix: Fix::CriterionMax {
            criterion: "6.3",
            max: "3",
        },
        printed: "2",
        reason: "The criterion prints 2 points but its options go up to 3, and Part C adds up to its 40 points only with 3 (with 2 it makes 39): the points cell is the typo.",
    },
    Correction {
        set: 17,
        fix: Fix::CriterionMax {
            criterion: "6.1",
            max: "3",
        },
        printed: "5",
        reason: "The criterion prints 5 points but its best option is worth 3, and Part C adds up to its 40 points only with 3 (with 5 it makes 42): the points cell is the typo.",
    },
    Correction {
        set: 25,
        fix: Fix::CriterionMax {
            criterion: "6.5",
            max: "5",
        },
        printed: "3",
        reason: "The criterion prints 3 points but its options go up to 5, and Part C adds up to its 40 points only with 5 (with 3 it makes 38): the points cell is the typo.",
    },
    Correction {
        set: 7,
        fix: Fix::OptionPoints {
            criterion: "2.2",
            option: 4,
            points: "3",
        },
        printed: "3 Đỉểm",
        reason: "The unit of the points cell is garbled in the source text (\"Đỉểm\" for \"Điểm\"); the number is 3, the criterion's maximum, after options worth 0, 1 and 2.",
    },
    Correction {
        set: 6,
        fix: Fix::OptionPoints {
            criterion: "6.2",
            option: 3,
            points: "3",
        },
        printed: "3",
        reason: "The decision gives 3 points to both \"Tương đối đồng đều\" and \"Đồng đều\" (options 0, 1, 3, 3), where other sets with these four options give \"Tương đối đồng đều\" 2, and an independent 2020 database encoding of 1048 has 2. The value is legal text and within the criterion's maximum, so it is kept as printed.",
    },
    Correction {
        set: 7,
        fix: Fix::Kept(Defect::MaxUnreachable { criterion: "3.1" }),
        printed: "3.1. Loại hình tổ chức sản xuất - kinh doanh (3 Điểm): hai phương án, 1 và 2 điểm",
        reason: "The decision prints only the options worth 1 and 2, not the 3-point option \"HTX tổ chức, hoạt động theo Luật HTX 2012 …\" of every other set, although Part A needs the criterion's 3 points to total 35. No option is invented: at most 2 can be scored here.",
    },
    Correction {
        set: 19,
        fix: Fix::Kept(Defect::MaxUnreachable { criterion: "10" }),
        printed: "10. KIỂM TRA ĐỊNH KỲ (5 Điểm): phương án 0, 1, 3 điểm",
        reason: "The decision prints no option worth 5, although Part C needs the criterion's 5 points to total 40. No option is invented: at most 3 can be scored here.",
    },
    Correction {
        set: 26,
        fix: Fix::Kept(Defect::PartSum { part: "A" }),
        printed: "SẢN PHẨM VÀ SỨC MẠNH CỘNG ĐỒNG (35 Điểm)",
        reason: "Part A is headed 35 points, as Điều 1 gives it, but its criteria add up to 34 (groups 1 = 19, 2 = 6, 3 = 9) and none of them is visibly wrong. Nothing is invented: this sheet can reach 99 points.",
    },
    // Text that ran on into an option.
    Correction {
        set: 3,
        fix: Fix::CaseInOption {
            criterion: "3.2",
            option: 2,
            label: "b Trường hợp 2: Công ty TNHH 1 thành viên, doanh nghiệp tư nhân, hộ gia đình",
        },
        printed: "b Trường hợp 2: Công ty TNHH 1 thành viên, doanh nghiệp tư nhân, hộ gia đình",
        reason: "The label of case b (printed \"b\" without its full stop) ran on into the text of option 2, so the transcription put options 3 and 4 in case a. They are case b's options, as in every other set.",
    },
    Correction {
        set: 3,
        fix: Fix::Wording {
            at: Text::Option("3.2", 2),
            encoded: "",
        },
        printed: "2 Điểm ",
        reason: "The option's points cell (\"2 Điểm\") is printed inside its text in the source's table; the points stay, the words are the option's own.",
    },
    Correction {
        set: 4,
        fix: Fix::NoteInOption {
            criterion: "9.2",
            option: 4,
            note: "Tham khảo: - Hóa lý: Đường Sacaroza,... - Hàm lượng hóa CHẤT không mong muốn: Dư lượng kháng sinh, thuốc BVTV, Aflatoxin B1; Aflatoxin B1, B2, G1, G2,...",
        },
        printed: "Tham khảo: - Hóa lý: Đường Sacaroza,... - Hàm lượng hóa CHẤT không mong muốn: Dư lượng kháng sinh, thuốc BVTV, Aflatoxin B1; Aflatoxin B1, B2, G1, G2,...",
        reason: "A reference note printed in rows of its own below the criterion's last option ran on into that option's text. It is the criterion's note, not part of the option.",
    },
    // A code printed twice.
    Correction {
        set: 14,
        fix: Fix::CriterionCode {
            criterion: "6.1.3",
            name: "Mùi",
            code: "6.1.3b",
        },
        printed: "6.1.3",
        reason: "The decision numbers two sub-criteria of 6.1 as 6.1.3 (Màu sắc, then Mùi) before 6.1.4 Vị. The second gets a letter, so that no printed code comes to mean another criterion.",
    },
    // Notes printed under a criterion, outside its table: the transcription lists them under
    // the sheet, or dropped them.
    note_of(1, "1.1", IMPORTED, BELOW_1_1),
    note_of(4, "1.1", IMPORTED, BELOW_1_1),
    note_of(12, "1.1", IMPORTED, BELOW_1_1),
    note_of(13, "1.1", IMPORTED, BELOW_1_1),
    note_of(14, "1.1", IMPORTED, BELOW_1_1),
    note_of(15, "1.1", IMPORTED, BELOW_1_1),
    note_of(16, "1.1", IMPORTED, BELOW_1_1),
    note_of(17, "1.1", IMPORTED, BELOW_1_1),
    note_of(18, "1.1", IMPORTED, BELOW_1_1),
    note_of(19, "1.1", IMPORTED, BELOW_1_1),
    note_of(
        12,
        "6.1.1",
        "Ghi chú: Nếu có tạp chất lạ có nguy cơ gây mất ATTP như đất, côn trùng, lông, len ... sẽ không đánh giá các bước tiếp theo.",
        BELOW_IMPURITIES,
    ),
    note_of(
        13,
        "6.1",
        "Ghi chú: Nếu có tạp chất lạ có nguy cơ gây mất ATTP như đất, côn trùng, lông, len ... sẽ không xem xét thêm các tiêu chuẩn khác.",
        BELOW_IMPURITIES,
    ),
    note_of(
        14,
        "6.1.1",
        "Ghi chú: Nếu có tạp chất lạ có nguy cơ gây mất ATTP như đất, côn trùng, lông, len ... sẽ không đánh giá các bước tiếp theo.",
        BELOW_IMPURITIES,
    ),
    note_of(15, "6.1", FOREIGN_MATTER, BELOW_IMPURITIES),
    note_of(16, "6.1", FOREIGN_MATTER, BELOW_IMPURITIES),
    note_of(
        18,
        "6.1",
        "Ghi chú: Nếu có tạp chất lạ có nguy cơ không đạt quy định ATTP như đất, côn trùng, lông, len ... sẽ không đánh giá các bước tiếp theo.",
        BELOW_IMPURITIES,
    ),
    note_of(12, "9", FOOD_SAFETY_CERTIFICATE, BELOW_QUALITY),
    note_of(13, "9", FOOD_SAFETY_CERTIFICATE, BELOW_QUALITY),
    note_of(14, "9", FOOD_SAFETY_CERTIFICATE, BELOW_QUALITY),
    note_of(15, "9", FOOD_SAFETY_CERTIFICATE, BELOW_QUALITY),
    note_of(16, "9", FOOD_SAFETY_CERTIFICATE, BELOW_QUALITY),
    note_of(17, "9", FOOD_SAFETY_CERTIFICATE, BELOW_QUALITY),
    note_of(18, "9", FOOD_SAFETY_CERTIFICATE, BELOW_QUALITY),
    note_of(
        19,
        "12",
        "Ghi chú: Không đánh giá các bước tiếp theo nếu không có Giấy chứng nhận đủ điều kiện sản xuất theo quy định",
        BELOW_QUALITY,
    ),
    note_of(
        2,
        "6.1",
        "Chú ý: Nếu có các tạp chất không chấp nhận được (có nguy cơ gây mất ATTP) như: Lông, côn trùng, mẫu gỗ, cát, nhựa ...sẽ không đánh giá các bước tiếp theo",
        DROPPED,
    ),
    note_of(
        4,
        "6.1",
        "Chú ý: Nếu có các tạp chất không chấp nhận được (có nguy cơ gây mất ATTP) sẽ không đánh giá các bước tiếp theo",
        DROPPED,
    ),
    // Notes of 8.1 and 8.2 printed outside the table (sets 12–18): the transcription lists the
    // first among the notes under the sheet and dropped the second.
    note_of(12, "8.1", STANDARD_NEEDS_TESTS, BELOW_8_1),
    note_of(13, "8.1", STANDARD_NEEDS_TESTS, BELOW_8_1),
    note_of(14, "8.1", STANDARD_NEEDS_TESTS, BELOW_8_1),
    note_of(15, "8.1", STANDARD_NEEDS_TESTS, BELOW_8_1),
    note_of(16, "8.1", STANDARD_NEEDS_TESTS, BELOW_8_1),
    note_of(17, "8.1", STANDARD_NEEDS_TESTS, BELOW_8_1),
    note_of(18, "8.1", STANDARD_NEEDS_TESTS, BELOW_8_1),
    note_of(12, "8.2", PERIODIC_TESTS, BELOW_8_2),
    note_of(14, "8.2", PERIODIC_TESTS, BELOW_8_2),
    note_of(15, "8.2", PERIODIC_TESTS, BELOW_8_2),
    note_of(16, "8.2", PERIODIC_TESTS, BELOW_8_2),
    note_of(17, "8.2", PERIODIC_TESTS, BELOW_8_2),
    note_of(18, "8.2", PERIODIC_TESTS, BELOW_8_2),
    // The lead sentence of the testing footnote, which the transcription dropped (sets 1–18).
    testing_limits(1, LIMITS_TOI_9_2),
    testing_limits(2, LIMITS_TAI_9_2),
    testing_limits(3, LIMITS_TOI_9_2),
    testing_limits(4, LIMITS_TAI_9_2),
    testing_limits(5, LIMITS_TAI_8_2),
    testing_limits(6, LIMITS_TAI_8_2),
    testing_limits(7, LIMITS_TAI_8_2),
    testing_limits(8, LIMITS_TAI_8_2),
    testing_limits(9, LIMITS_TAI_8_2),
    testing_limits(10, LIMITS_TAI_8_2),
    testing_limits(11, LIMITS_TAI_8_2),
    testing_limits(12, LIMITS_TAI_8_2),
    testing_limits(13, LIMITS_TAI_8_2),
    testing_limits(14, LIMITS_TAI_8_2),
    testing_limits(15, LIMITS_TAI_8_2),
    testing_limits(16, LIMITS_TAI_8_2),
    testing_limits(17, LIMITS_TAI_8_2),
    testing_limits(18, LIMITS_TAI_8_2),
    // Characters garbled when the source document was converted to text: the words are certain
    // (each is printed correctly elsewhere in the same decision), so the decision's wording is
    // restored.
    garbled(4, Text::Group("11"), "TOAÌN", "TOÀN"),
    garbled(5, Text::Group("1"), "Tổ", "TỔ"),
    garbled(6, Text::Group("1"), "Tổ", "TỔ"),
    garbled(8, Text::Group("1"), "Tổ", "TỔ"),
    garbled(9, Text::Group("1"), "Tổ", "TỔ"),
    garbled(10, Text::Group("1"), "Tổ", "TỔ"),
    garbled(11, Text::Group("1"), "Tổ", "TỔ"),
    garbled(5, Text::Group("8"), "BÔì", "BỐ"),
    garbled(5, Text::Group("8"), "KIểM", "KIỂM"),
    garbled(5, Text::Option("10", 3), "THEO trường", "thị trường"),
    garbled(5, Text::Option("10", 3), "MyÞ", "Mỹ"),
    garbled(5, Text::Option("10", 3), "Nhâòt", "Nhật"),
    garbled(6, Text::Part("A"), "PHẩM", "PHẨM"),
    garbled(7, Text::Group("8"), "BÔì", "BỐ"),
    garbled(7, Text::Group("8"), "KIểM", "KIỂM"),
    garbled(7, Text::Group("9"), "PHẩM", "PHẨM"),
    garbled(8, Text::Part("A"), "PHẩM", "PHẨM"),
    garbled(9, Text::Group("8"), "BÔì", "BỐ"),
    garbled(9, Text::Group("8"), "KIểM", "KIỂM"),
    garbled(10, Text::Part("A"), "PHẩM", "PHẨM"),
    garbled(10, Text::Group("8"), "PHẩM", "PHẨM"),
    garbled(10, Text::Group("8"), "KIểM", "KIỂM"),
    garbled(10, Text::Group("9"), "PHẩM", "PHẨM"),
    garbled(11, Text::CriterionNote("1.3"), "KhaÒ", "Khả"),
    garbled(11, Text::Group("2"), "TRIÊÒN", "TRIỂN"),
    garbled(11, Text::Group("2"), "PHẩM", "PHẨM"),
    Correction {
        set: 11,
        fix: Fix::Wording {
            at: Text::Criterion("3.2"),
            encoded: "",
        },
        printed: " Lýòa chọn một trong hai trường hợp sau:",
        reason: "The instruction printed under the criterion's name (\"Lựa chọn một trong hai trường hợp sau:\", garbled as \"Lýòa\") ran on into the name. It is taken out of the name; the criterion's two cases carry the instruction.",
    },
    garbled(11, Text::Group("8"), "BÔì", "BỐ"),
    garbled(11, Text::Group("8"), "KIểM", "KIỂM"),
    garbled(11, Text::Group("9"), "PHẩM", "PHẨM"),
    garbled(13, Text::Option("6.3", 1), "Hõi", "Hơi"),
    garbled(14, Text::Option("6.2.1", 1), "Hõi", "Hơi"),
    garbled(15, Text::SetName, "Rýợu", "Rượu"),
    garbled(23, Text::Criterion("6.5"), "Iiệu", "liệu"),
    garbled(24, Text::Criterion("6.5"), "Iiệu", "liệu"),
    garbled(25, Text::Criterion("6.5"), "Iiệu", "liệu"),
    // Misspellings that are real words: they may be the decision's own, so they are kept.
    Correction {
        set: 20,
        fix: Fix::Wording {
            at: Text::Option("1.1", 3),
            encoded: "cỏ nguồn gốc",
        },
        printed: "cỏ nguồn gốc",
        reason: "Reads as \"có nguồn gốc\", as in the criterion's other options. A misspelling made of real words may be the decision's own, so it is kept as printed.",
    },
    Correction {
        set: 2,
        fix: Fix::Wording {
            at: Text::Footnote,
            encoded: "han hành",
        },
        printed: "han hành",
        reason: "Reads as \"ban hành\", as in the same note on the other sheets. A misspelling made of real words may be the decision's own, so it is kept as printed.",
    },
    Correction {
        set: 4,
        fix: Fix::Wording {
            at: Text::Footnote,
            encoded: "vi nằm",
        },
        printed: "vi nằm",
        reason: "Reads as \"vi nấm\", as in the same note on the other sheets. A misspelling made of real words may be the decision's own, so it is kept as printed.",
    },
];

const IMPORTED: &str =
    "Ghi chú: Bị loại nếu sử dụng toàn bộ nguyên liệu nhập khẩu hoặc không rõ nguồn gốc";
const FOREIGN_MATTER: &str = "Ghi chú: Nếu có tạp chất lạ có nguy cơ gây mất an toàn thực phẩm như đất, côn trùng, lông, len ... sẽ không đánh giá các bước tiếp theo.";
const FOOD_SAFETY_CERTIFICATE: &str = "Ghi chú: Không đánh giá các bước tiếp theo nếu Giấy chứng nhận đủ điều kiện ATTP (hoặc tương đương) không phù hợp theo quy định";

const BELOW_1_1: &str = "The decision prints this knock-out directly below criterion 1.1 (Nguồn nguyên liệu), as the other sets do inside its table; the transcription lists it among the notes under the sheet.";
const BELOW_IMPURITIES: &str = "The decision prints this knock-out directly below the impurities criterion (Tạp chất lạ); the transcription lists it among the notes under the sheet.";
const BELOW_QUALITY: &str = "The decision prints this knock-out directly below the quality-assurance criterion (ĐẢM BẢO CHẤT LƯỢNG SẢN PHẨM), as the other sets do inside its table; the transcription lists it among the notes under the sheet.";
const DROPPED: &str = "The decision prints this knock-out directly below criterion 6.1 (Tạp chất), outside its table; the transcription dropped it. It is restored verbatim from the full text of the decision.";

const STANDARD_NEEDS_TESTS: &str =
    "Ghi chú: Bản tiêu chuẩn sản phẩm cần có phiếu kiểm nghiệm các chỉ tiêu ATTP";
const PERIODIC_TESTS: &str = "(Phiếu kiểm nghiệm định kỳ các chỉ tiêu ATTP)";
const BELOW_8_1: &str = "The decision prints this note directly below criterion 8.1 (Hồ sơ công bố chất lượng sản phẩm), outside its table, as sets 5–11 print it inside; the transcription lists it among the notes under the sheet.";
const BELOW_8_2: &str = "The decision prints this note directly under the heading of criterion 8.2 (Kiểm tra định kỳ các chỉ tiêu ATTP), as set 13 and sets 5–11 do; the transcription dropped it. It is restored verbatim from the full text of the decision.";

/// The lead sentence of the note under the sheet that lists the testing standards, as sets 1 and
/// 3, sets 2 and 4, and sets 5–18 word it.
const LIMITS_TOI_9_2: &str = "Giới hạn các chỉ tiêu kiểm nghiệm tới mục 9.2 theo Quy chuẩn kỹ thuật quốc gia (QCVN) tương ứng. Trong trường hợp không có thì áp dụng theo:";
const LIMITS_TAI_9_2: &str = "Giới hạn các chỉ tiêu kiểm nghiệm tại mục 9.2 theo Quy chuẩn kỹ thuật quốc gia (QCVN) tương ứng. Trong trường hợp không có thì áp dụng theo:";
const LIMITS_TAI_8_2: &str = "Giới hạn các chỉ tiêu kiểm nghiệm tại mục 8.2 theo Quy chuẩn kỹ thuật quốc gia (QCVN) tương ứng. Trong trường hợp không có thì áp dụng theo:";

/// The transcription kept the list of testing standards under the sheet and dropped its lead
/// sentence.
const fn testing_limits(set: u8, printed: &'static str) -> Correction {
    Correction {
        set,
        fix: Fix::FootnoteFromFullText { after: "Ghi chú:" },
        printed,
        reason: "The decision opens the note under the sheet with this sentence, before the list of standards; the transcription kept the list and dropped the sentence. It is restored verbatim from the full text of the decision.",
    }
}

const fn note_of(
    set: u8,
    criterion: &'static str,
    note: &'static str,
    reason: &'static str,
) -> Correction {
    Correction {
        set,
        fix: Fix::NoteOf { criterion, note },
        printed: note,
        reason,
    }
}

const fn garbled(set: u8, at: Text, printed: &'static str, encoded: &'static str) -> Correction {
    Correction {
        set,
        fix: Fix::Wording { at, encoded },
        printed,
        reason: "Characters garbled when the decision's document was converted to text (a wrong letter or tone mark from a legacy Vietnamese encoding, or a lost capital); the word is certain from the same wording elsewhere in the decision, so the decision's spelling is restored.",
    }
}

/// Bands, parts and recognition come from the decision's articles, not the sheets.
const SOURCE_TAIL: &str = "Parts and bands: Điều 1 of the decision; recognition: Phụ lục II.";
