//! Quyết định 26/2026/QĐ-TTg: metadata from the decision's articles, and the corrections its
//! transcribed sheets need.

use crate::Spec;
use crate::convert::Layout;
use crate::correction::{Correction, Fix};
use crate::instrument::{Metadata, bands};

/// Folder of the transcription under the reference directory.
pub const TRANSCRIPTION: &str = "qd26-2026/ALL_SHEETS.json";

/// How to convert QĐ 26/2026.
pub const SPEC: Spec = Spec {
    transcription: TRANSCRIPTION,
    witness: None,
    cross_check: None,
    metadata: METADATA,
    layout: Layout {
        group_points_printed: true,
        star_marks_in_text: true,
    },
    corrections: CORRECTIONS,
    source_tail: SOURCE_TAIL,
};

/// What the decision says outside the sheets (Điều 3, 4 and 11).
pub const METADATA: Metadata = Metadata {
    id: "qd26-2026",
    revision: 1,
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
    changelog: &[(
        1,
        "2026-11-29",
        "First release: all 26 product sets converted from the gazette transcription, with errata for every anomaly.",
    )],
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
