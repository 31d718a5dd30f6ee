//! Quyết định 26/2026/QĐ-TTg: metadata from the decision's articles, and the corrections its
//! transcribed sheets need.

use crate::Spec;
use crate::convert::Layout;
use crate::correction::{Correction, Fix};
use crate::instrument::{Article, CertificateRules, LevelRules, Metadata, Transition, bands};

/// Folder of the transcription under the reference directory.
pub const TRANSCRIPTION: &str = "qd26-2026/ALL_SHEETS.json";

/// The full text of the decision: the articles the procedure rules quote are checked against it.
pub const FULL_TEXT: &str = "texts/QD26-2026_full_text_from_html.txt";

/// How to convert QĐ 26/2026.
pub const SPEC: Spec = Spec {
    transcription: TRANSCRIPTION,
    witness: Some(FULL_TEXT),
    cross_check: None,
    metadata: METADATA,
    layout: Layout {
        group_points_printed: true,
        star_marks_in_text: true,
    },
    corrections: CORRECTIONS,
    source_tail: SOURCE_TAIL,
};

/// What the decision says outside the sheets (Điều 3, 4, 5, 7, 11 and 12).
pub const METADATA: Metadata = Metadata {
    id: "qd26-2026",
    revision: 2,
    title: "Bộ tiêu chí đánh giá, phân hạng sản phẩm OCOP",
    decision_number: "26/2026/QĐ-TTg",
    decision_date: "2026-05-22",
    decision_title: "Quyết định ban hành Bộ tiêu chí và quy trình đánh giá, phân hạng sản phẩm mỗi xã một sản phẩm",
    effective_from: "2026-05-22",
    effective_until: None,
    secondary: false,
    warning: None,
    parts: [
        (
            "A",
            "Các tiêu chí đánh giá về sản phẩm và sức mạnh cộng đồng",
            "40",
        ),
        ("B", "Các tiêu chí đánh giá về khả năng tiếp thị", "25"),
        ("C", "Các tiêu chí đánh giá về chất lượng sản phẩm", "35"),
    ],
    bands: bands([
        "Hạng 1 sao: Tổng điểm trung bình đạt dưới 30 điểm",
        "Hạng 2 sao: Tổng điểm trung bình đạt từ 30 đến dưới 50 điểm",
        "Hạng 3 sao (cấp tỉnh): Tổng điểm trung bình đạt từ 50 đến dưới 70 điểm",
        "Hạng 4 sao (cấp tỉnh): Tổng điểm trung bình đạt từ 70 đến dưới 90 điểm",
        "Hạng 5 sao (cấp quốc gia): Tổng điểm trung bình đạt từ 90 đến 100 điểm",
    ]),
    certifiable_from: 3,
    certifiers: &[(&[3, 4], "province"), (&[5], "central")],
    potential_five_star_from: Some("90"),
    band_policy: None,
    amendments: &[],
    recognition_printed: "UBND cấp tỉnh tổ chức đánh giá, phân hạng và quyết định công nhận, cấp giấy chứng nhận cho sản phẩm OCOP 3 sao, 4 sao. Đối với sản phẩm đạt 1 sao hoặc 2 sao, không ban hành quyết định công nhận và không cấp giấy chứng nhận. Bộ Nông nghiệp và Môi trường chủ trì, phối hợp với các bộ, ngành liên quan tổ chức đánh giá, phân hạng và quyết định công nhận, cấp giấy chứng nhận cho sản phẩm OCOP 5 sao. (Điều 4.1)",
    changelog: &[
        (
            1,
            "2026-11-29",
            "First release: all 26 product sets converted from the gazette transcription, with errata for every anomaly.",
        ),
        (
            2,
            "2026-12-05",
            "The procedure as data, each rule with its article: recognition by level (Điều 4.1, 7.3.e, 7.4.e, 7.4.g), certificate validity and re-rating window (Điều 4.3, 7.6.a), the transition for files in progress and the extension of certificates whose re-rating could not be filed in time (Điều 12.2, 12.3), the rounds each level holds (Điều 5). Set 7 criterion 7 option 4, printed with \"o\" for its □, recorded as an erratum. Scores are unchanged.",
        ),
    ],
    recognition_by_level: &[
        LevelRules {
            level: "province",
            authority: "UBND tỉnh",
            rules: &[
                (&[1, 2], "no_certificate", NO_CERTIFICATE),
                (
                    &[3, 4],
                    "certify",
                    Article {
                        source: "QĐ 26/2026/QĐ-TTg Điều 7 khoản 3 điểm e",
                        printed: "Chủ tịch UBND cấp tỉnh xem xét, quyết định công nhận kết quả đánh giá, cấp giấy chứng nhận cho sản phẩm OCOP đạt 3 sao, 4 sao và công bố kết quả.",
                    },
                ),
                (
                    &[5],
                    "refer_to_central",
                    Article {
                        source: "QĐ 26/2026/QĐ-TTg Điều 7 khoản 3 điểm e",
                        printed: "Đối với các sản phẩm có tiềm năng đạt 5 sao (đạt từ 90 trở lên), Chủ tịch UBND cấp tỉnh xem xét, quyết định phê duyệt kết quả đánh giá; UBND cấp tỉnh có văn bản và gửi hồ sơ theo quy định tại khoản 3 Điều 6 Quyết định này (gồm 01 bộ hồ sơ giấy và 01 bộ hồ sơ điện tử) đề nghị Bộ Nông nghiệp và Môi trường đánh giá, phân hạng sản phẩm OCOP 5 sao.",
                    },
                ),
            ],
        },
        LevelRules {
            level: "central",
            authority: "Bộ Nông nghiệp và Môi trường",
            rules: &[
                (&[1, 2], "no_certificate", NO_CERTIFICATE),
                (
                    &[3, 4],
                    "return_to_province",
                    Article {
                        source: "QĐ 26/2026/QĐ-TTg Điều 7 khoản 4 điểm g",
                        printed: "Trường hợp sản phẩm không đạt 90 điểm, Chủ tịch UBND cấp tỉnh có thể căn cứ vào kết quả đánh giá của Hội đồng cấp trung ương để xem xét, quyết định công nhận và cấp giấy chứng nhận cho sản phẩm OCOP đạt 3 sao, 4 sao hoặc tổ chức đánh giá và phân hạng sản phẩm theo thẩm quyền.",
                    },
                ),
                (
                    &[5],
                    "certify",
                    Article {
                        source: "QĐ 26/2026/QĐ-TTg Điều 7 khoản 4 điểm e",
                        printed: "Bộ trưởng Bộ Nông nghiệp và Môi trường xem xét, quyết định công nhận kết quả đánh giá và cấp giấy chứng nhận cho các sản phẩm OCOP đạt 5 sao và công bố kết quả.",
                    },
                ),
            ],
        },
    ],
    certificate: Some(CertificateRules {
        validity_months: 36,
        article: Article {
            source: "QĐ 26/2026/QĐ-TTg Điều 4 khoản 3",
            printed: "Giấy chứng nhận cho sản phẩm OCOP đạt từ 3 sao trở lên có giá trị trong thời hạn 36 tháng kể từ ngày cơ quan có thẩm quyền ban hành.",
        },
        re_rating_window: Some((
            180,
            120,
            Article {
                source: "QĐ 26/2026/QĐ-TTg Điều 7 khoản 6 điểm a",
                printed: "Thời gian nộp hồ sơ không sớm hơn 180 ngày và không muộn hơn 120 ngày tính đến ngày hết thời hạn của giấy chứng nhận.",
            },
        )),
    }),
    transition: Some(Transition {
        submitted_before: "2026-05-22",
        limits: &[
            (
                &["first", "upgrade"],
                60,
                Article {
                    source: "QĐ 26/2026/QĐ-TTg Điều 12 khoản 2 điểm a",
                    printed: "Đối với những sản phẩm đánh giá, phân hạng lần đầu hoặc nâng hạng: Tiếp tục thực hiện theo quy định về đánh giá, phân hạng sản phẩm OCOP của giai đoạn 2021 - 2025, nhưng thời hạn hoàn thành đánh giá, phân hạng không quá 60 ngày, kể từ ngày Quyết định này có hiệu lực.",
                },
            ),
            (
                &["rerating"],
                30,
                Article {
                    source: "QĐ 26/2026/QĐ-TTg Điều 12 khoản 2 điểm b",
                    printed: "Đối với những sản phẩm đăng ký đánh giá, phân hạng lại: Tiếp tục thực hiện theo quy định về đánh giá, phân hạng sản phẩm OCOP của giai đoạn 2021 - 2025, nhưng thời hạn hoàn thành đánh giá, phân hạng lại không quá 30 ngày, kể từ ngày Quyết định này có hiệu lực.",
                },
            ),
        ],
        certificate_extension: Some((
            180,
            Article {
                source: "QĐ 26/2026/QĐ-TTg Điều 12 khoản 3",
                printed: "Những sản phẩm thuộc đối tượng đánh giá, phân hạng lại, nhưng thời gian nộp hồ sơ không đáp ứng được thời hạn theo quy định tại điểm a khoản 6 Điều 7 Quyết định này, thì giấy chứng nhận tiếp tục có hiệu lực đến ngày có kết quả xử lý của cơ quan có thẩm quyền, nhưng không quá 180 ngày tính từ ngày hết thời hạn.",
            },
        )),
    }),
    rounds: &[
        (
            "province",
            1,
            "06-30",
            "04-30",
            Article {
                source: "QĐ 26/2026/QĐ-TTg Điều 5 khoản 1",
                printed: "Đợt 01 trước ngày 30 tháng 6 đối với các hồ sơ được UBND cấp xã đề nghị trước ngày 30 tháng 4",
            },
        ),
        (
            "province",
            2,
            "12-30",
            "10-30",
            Article {
                source: "QĐ 26/2026/QĐ-TTg Điều 5 khoản 1",
                printed: "đợt 02 trước ngày 30 tháng 12 đối với các hồ sơ được UBND cấp xã đề nghị trước ngày 30 tháng 10.",
            },
        ),
        (
            "central",
            1,
            "09-30",
            "07-30",
            Article {
                source: "QĐ 26/2026/QĐ-TTg Điều 5 khoản 2",
                printed: "Đợt 01 trước ngày 30 tháng 9 đối với các hồ sơ được UBND cấp tỉnh đề nghị trước ngày 30 tháng 7",
            },
        ),
        (
            "central",
            2,
            "03-30",
            "01-30",
            Article {
                source: "QĐ 26/2026/QĐ-TTg Điều 5 khoản 2",
                printed: "đợt 02 trước ngày 30 tháng 3 đối với các hồ sơ được UBND cấp tỉnh đề nghị trước ngày 30 tháng 01.",
            },
        ),
    ],
};

/// Điều 4.1.a: 1★ and 2★ earn no decision and no certificate, at either level.
const NO_CERTIFICATE: Article = Article {
    source: "QĐ 26/2026/QĐ-TTg Điều 4 khoản 1 điểm a",
    printed: "Đối với sản phẩm đạt 1 sao hoặc 2 sao, không ban hành quyết định công nhận và không cấp giấy chứng nhận.",
};

/// Every place where the encoded data departs from the transcription.
pub const CORRECTIONS: &[Correction] = &[
    Correction {
        set: 4,
        fix: Fix::OptionPoints {
            criterion: "7",
            option: 3,
            points: "3",
        },
        printed: "13",
        reason: "The criterion's maximum is 3 and every other product set gives \"Có trên 2 chỉ tiêu\" 3 points; 13 is a typo for 3.",
    },
    Correction {
        set: 11,
        fix: Fix::OptionPoints {
            criterion: "6.1.1",
            option: 2,
            points: "1",
        },
        printed: "11",
        reason: "The criterion's maximum is 2 and its options read 0, 11, 2; \"Có rất ít tạp chất, chấp nhận được\" is worth 1 in the other tea and coffee sets (12, 13), so 11 is a typo for 1.",
    },
    blank_points_1_2(4),
    blank_points_1_2(7),
    blank_points_1_2(10),
    blank_points_1_2(11),
    Correction {
        set: 23,
        fix: Fix::GroupMax {
            group: "9",
            max: "4",
        },
        printed: "4\n1",
        reason: "The points cell of group 9 reads \"4\" over \"1\"; its options go up to 4 and Part C sums to its 35 points only with 4.",
    },
    Correction {
        set: 26,
        fix: Fix::PartHeading { part: "A" },
        printed: "(35 Điểm)",
        reason: "The Part A heading says 35 points, but its points cell says 40, its groups sum to 40, and Điều 3 gives Part A 40 points.",
    },
    Correction {
        set: 3,
        fix: Fix::OptionStar {
            criterion: "5.1",
            option: 5,
            star: 4,
        },
        printed: "* * * *",
        reason: "The star mark is printed with spaces between the stars; it is the 4-star mark this option carries in every other product set.",
    },
    note_in_last_option(21),
    note_in_last_option(22),
    Correction {
        set: 7,
        fix: Fix::BoxPrintedAs {
            criterion: "7",
            option: 4,
        },
        printed: "o Rất độc đáo và có tính đặc trưng*****",
        reason: "The decision prints this option's box as the letter \"o\" instead of \"□\", in this set only; it is an option like the three above it (the same four options stand under criterion 7 in every other set) and is ticked like them.",
    },
];

/// The blank points cell of 1.2's first option.
const fn blank_points_1_2(set: u8) -> Correction {
    Correction {
        set,
        fix: Fix::OptionPoints {
            criterion: "1.2",
            option: 1,
            points: "0",
        },
        printed: "",
        reason: "The points cell of \"Không được cấp giấy chứng nhận chất lượng\" is blank; every other product set gives this option 0 points, and it is the lowest of the criterion's options (then 1, 2).",
    }
}

/// The knock-out note of 6.2 printed in the cell of its last option.
const fn note_in_last_option(set: u8) -> Correction {
    Correction {
        set,
        fix: Fix::OptionWithNote {
            criterion: "6.2",
            option: 3,
            text: "Phong cách độc đáo riêng, thể hiện trí tuệ địa phương",
            star: Some(5),
            knockout: "Ghi chú: Nếu sản phẩm vi phạm sở hữu trí tuệ, sẽ bị loại bỏ",
        },
        printed: "Phong cách độc đáo riêng, thể hiện trí tuệ địa phương***** Ghi chú: Nếu sản phẩm vi phạm sở hữu trí tuệ, sẽ bị loại bỏ",
        reason: "The criterion's knock-out note is printed inside the cell of its last option; the option ends at its 5-star mark and the note is the criterion's.",
    }
}

/// Bands, parts and recognition come from the decision's articles, not the sheets.
const SOURCE_TAIL: &str = "Parts, bands and recognition: Điều 3 and Điều 4 of the decision.";
