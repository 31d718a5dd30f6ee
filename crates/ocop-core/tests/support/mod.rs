//! A tiny rubric written to a temporary folder, for tests that need kinds of criteria or defects
//! the bundled data does not have.

#![allow(dead_code)]

use std::path::Path;

use serde_json::{Value, json};
use tempfile::TempDir;

/// The instrument file of the tiny rubric `tiny-2026`.
pub(crate) fn instrument() -> Value {
    json!({
        "format": 1,
        "id": "tiny-2026",
        "revision": 1,
        "title": "Bộ tiêu chí thử nghiệm",
        "decision": {"number": "1/2026/QĐ-TEST", "date": "2026-01-01", "title": "Quyết định thử nghiệm"},
        "effective_from": "2026-01-01",
        "provenance": {"confidence": "primary", "source": "written for tests"},
        "total_max": "100",
        "parts": [
            {"code": "A", "title": "Phần A", "max": "40"},
            {"code": "B", "title": "Phần B", "max": "25"},
            {"code": "C", "title": "Phần C", "max": "35"}
        ],
        "star_bands": [
            {"stars": 1, "from": "0", "below": "30", "printed": "dưới 30 điểm"},
            {"stars": 2, "from": "30", "below": "50", "printed": "từ 30 đến dưới 50 điểm"},
            {"stars": 3, "from": "50", "below": "70", "printed": "từ 50 đến dưới 70 điểm"},
            {"stars": 4, "from": "70", "below": "90", "printed": "từ 70 đến dưới 90 điểm"},
            {"stars": 5, "from": "90", "printed": "từ 90 đến 100 điểm"}
        ],
        "recognition": {
            "certifiable_from": 3,
            "certifiers": [{"stars": [3, 4], "level": "province"}, {"stars": [5], "level": "central"}],
            "potential_five_star_from": "90",
            "printed": "thử nghiệm"
        },
        "product_sets": [{"number": 1, "name": "Bộ thử nghiệm", "file": "sets/01.json"}],
        "changelog": [{"revision": 1, "date": "2026-01-01", "summary": "tests", "source": "tests"}]
    })
}

/// Set 1 of the tiny rubric: a single choice (A), an additive criterion (B), a yes/no and a
/// gated choice (C), and a knock-out on 1.1.
pub(crate) fn set() -> Value {
    json!({
        "format": 1,
        "rubric": "tiny-2026",
        "number": 1,
        "name": "Bộ thử nghiệm",
        "dossier_rule": "Hồ sơ bị loại khi: thử nghiệm",
        "parts": [
            {"code": "A", "title": "PHẦN A", "max": "40", "groups": [
                {"code": "1", "name": "NHÓM 1", "max": "40", "criteria": [
                    {"code": "1.1", "name": "Chỉ tiêu 1.1", "max": "40", "kind": "choice",
                     "knockout": "Bị loại nếu thử nghiệm",
                     "options": [
                        {"text": "Không", "points": "0"},
                        {"text": "Một nửa", "points": "20", "star": 3},
                        {"text": "Đủ", "points": "40"}
                     ]}
                ]}
            ]},
            {"code": "B", "title": "PHẦN B", "max": "25", "groups": [
                {"code": "2", "name": "NHÓM 2", "max": "25", "criteria": [
                    {"code": "2.1", "name": "Chỉ tiêu cộng điểm", "max": "25", "kind": "additive",
                     "options": [
                        {"text": "Có mục a", "points": "10"},
                        {"text": "Có mục b", "points": "10"},
                        {"text": "Có mục c", "points": "10"}
                     ]}
                ]}
            ]},
            {"code": "C", "title": "PHẦN C", "max": "35", "groups": [
                {"code": "3", "name": "NHÓM 3", "max": "35", "criteria": [
                    {"code": "3.1", "name": "Song ngữ", "max": "5", "kind": "yes_no"},
                    {"code": "3.2", "name": "Chất lượng", "max": "30", "kind": "choice",
                     "options": [
                        {"text": "Thấp", "points": "0"},
                        {"text": "Khá", "points": "15", "star": 4},
                        {"text": "Tốt", "points": "30", "star": 5}
                     ]}
                ]}
            ]}
        ]
    })
}

/// Writes an instrument and its set 1 into a new temporary folder.
pub(crate) fn write(instrument: &Value, set: &Value) -> TempDir {
    let folder = tempfile::tempdir().unwrap();
    write_text(folder.path(), &instrument.to_string(), &set.to_string());
    folder
}

/// The council defaults of the tiny rubric.
pub(crate) fn council() -> Value {
    json!({
        "format": 1,
        "rubric": "tiny-2026",
        "source": "written for tests",
        "levels": ["province", "central"],
        "scoring_roles": ["chair", "vice_chair", "member"],
        "quorum": {"fraction": "0.75", "chair_required": true},
        "max_spread": {"province": null, "central": null},
        "rounding": null,
        "gates": "mean_points",
        "knockouts": "majority"
    })
}

/// Writes raw texts as the instrument and set 1, with the tiny rubric's council defaults.
pub(crate) fn write_text(folder: &Path, instrument: &str, set: &str) {
    std::fs::create_dir_all(folder.join("sets")).unwrap();
    std::fs::write(folder.join("rubric.json"), instrument).unwrap();
    std::fs::write(folder.join("sets/01.json"), set).unwrap();
    std::fs::write(folder.join("council.json"), council().to_string()).unwrap();
}

/// Sets a value inside a document by JSON Pointer.
pub(crate) fn set_at(document: &mut Value, pointer: &str, value: Value) {
    *document
        .pointer_mut(pointer)
        .unwrap_or_else(|| panic!("no {pointer}")) = value;
}
