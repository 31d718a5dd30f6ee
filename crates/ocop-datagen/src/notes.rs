//! What a note printed with a criterion means to the engine.
//!
//! The decisions word the same rule in several ways; each wording below occurs in at least one
//! transcription. A note that matches none of them stays prose.

/// The role of a note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteRole {
    /// The evaluator may find that the product is eliminated.
    Knockout,
    /// A zero ends the evaluation.
    StopRule(StopScope),
    /// The criterion is scored only when a product story exists.
    StoryApplicability,
    /// Prose.
    Plain,
}

/// Which criteria a stop rule covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StopScope {
    /// "Nếu được 0 điểm tại một trong các chỉ tiêu trên": the criteria printed above the note in
    /// its group, the one it is printed under included.
    Above,
    /// "Nếu bị 0 Điểm" (QĐ 1048): the criterion the note is printed under.
    Own,
}

/// Classifies a note (NFC text).
pub fn classify(note: &str) -> NoteRole {
    const STOP_ABOVE: &str = "Nếu được 0 điểm tại một trong các chỉ tiêu trên";
    const STOP_OWN: [&str; 2] = ["Nếu bị 0 Điểm", "Nếu bị 0 điểm"];
    const KNOCKOUT: [&str; 7] = [
        "Bị loại nếu",
        "sẽ không đánh giá các bước tiếp theo",
        "Không đánh giá các bước tiếp theo",
        "Không đánh giá những sản phẩm",
        "Không xem xét các chỉ tiêu khác",
        "sẽ không xem xét thêm các tiêu chuẩn khác",
        "sẽ bị loại",
    ];
    // QĐ 26/2026 writes "… có câu chuyện sản phẩm", QĐ 1048 and 148 "… có câu chuyện".
    const STORY: &str = "Chỉ áp dụng khi có câu chuyện";
    if note.contains(STOP_ABOVE) {
        NoteRole::StopRule(StopScope::Above)
    } else if STOP_OWN.iter().any(|phrase| note.contains(phrase)) {
        NoteRole::StopRule(StopScope::Own)
    } else if KNOCKOUT.iter().any(|phrase| note.contains(phrase)) {
        NoteRole::Knockout
    } else if note.contains(STORY) {
        NoteRole::StoryApplicability
    } else {
        NoteRole::Plain
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_wording_of_a_rule_is_recognised() {
        let cases = [
            (
                "Ghi chú: Nếu được 0 điểm tại một trong các chỉ tiêu trên, sẽ không đánh giá các bước tiếp theo.",
                NoteRole::StopRule(StopScope::Above),
            ),
            (
                "Ghi chú: Nếu bị 0 Điểm, sẽ không đánh giá các bước tiếp theo",
                NoteRole::StopRule(StopScope::Own),
            ),
            (
                "Ghi chú: Bị loại nếu sử dụng toàn bộ nguyên liệu nhập khẩu hoặc không rõ nguồn gốc",
                NoteRole::Knockout,
            ),
            (
                "Ghi chú: Nếu có tạp chất lạ có nguy cơ gây mất ATTP như đất, côn trùng, lông, len ... sẽ không xem xét thêm các tiêu chuẩn khác.",
                NoteRole::Knockout,
            ),
            (
                "Chỉ áp dụng khi có câu chuyện, đánh giá nội dung câu chuyện:",
                NoteRole::StoryApplicability,
            ),
            (
                "Chỉ áp dụng khi có câu chuyện sản phẩm",
                NoteRole::StoryApplicability,
            ),
            (
                "(Khuyến khích cơ sở xây dựng, công bố Tiêu chuẩn sản phẩm)",
                NoteRole::Plain,
            ),
        ];
        for (note, role) in cases {
            assert_eq!(classify(note), role, "{note}");
        }
    }
}
