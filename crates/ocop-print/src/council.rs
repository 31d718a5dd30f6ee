//! The council's summary table (criteria × members, each member's points, the mean, the gates
//! judged, the knock-outs, status, stars, recognition) and the minutes the chair and the
//! secretary sign.

use maud::{Markup, html};
use ocop_core::council::{CouncilResult, MemberResult, Role, SessionStatus};
use ocop_core::recognition::Recognised;
use ocop_core::score::Disqualification;

use super::{LANG, field, gate_requirement, long_date, number, page, signatures, stars};

/// The council's summary table and its minutes, as one document.
pub fn council(result: &CouncilResult) -> String {
    let level = result.level.name_vi().to_uppercase();
    let date = result.evaluated_on.as_deref().and_then(long_date);
    let title = format!(
        "Kết quả Hội đồng — {}",
        result
            .product
            .as_ref()
            .map_or("sản phẩm OCOP", |p| p.name.as_str())
    );
    let body = html! {
        h1 { "BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP" }
        (facts(result))
        (summary_table(result))
        (verdict(result))
        div.page-break {}
        (minutes(result))
    };
    page(
        &title,
        &["HỘI ĐỒNG ĐÁNH GIÁ, PHÂN HẠNG", "SẢN PHẨM OCOP", &level],
        date.as_deref(),
        body,
    )
}

fn facts(result: &CouncilResult) -> Markup {
    let product = result.product.as_ref();
    html! {
        div.fields {
            (field("Tên sản phẩm", product.map(|p| p.name.as_str())))
            (field("Mã sản phẩm", product.and_then(|p| p.code.as_deref())))
            (field("Bộ sản phẩm", Some(&format!("{}: {}", result.product_set, result.product_set_name))))
            (field("Bộ tiêu chí", Some(&format!("{} (dữ liệu bản {})", result.rubric, result.rubric_revision))))
            (field("Ngày đánh giá", result.evaluated_on.as_deref().map(|d| LANG.date_text(d)).as_deref()))
        }
    }
}

/// Members who handed in a sheet: the summary table's columns.
fn scored(result: &CouncilResult) -> Vec<&MemberResult> {
    result
        .members
        .iter()
        .filter(|member| member.total.is_some())
        .collect()
}

fn summary_table(result: &CouncilResult) -> Markup {
    let members = scored(result);
    html! {
        table.small.summary {
            thead {
                tr {
                    th.num.code { "Mã" }
                    th.name { "Chỉ tiêu" }
                    th.num { "Tối đa" }
                    @for member in &members {
                        th.num.member {
                            (member.id)
                            @if let Some(name) = &member.name { br; span { (name) } }
                            @if !member.counted { br; i { "(không tính)" } }
                        }
                    }
                    th.num { "Trung bình" }
                }
            }
            tbody {
                @for criterion in &result.criteria {
                    tr {
                        td.num { (criterion.code) }
                        td.name { (criterion.name) }
                        td.num { (number(criterion.max.0)) }
                        @for member in &members {
                            td.num { (criterion.points.get(&member.id).map(|p| number(p.0)).unwrap_or_default()) }
                        }
                        td.num { (criterion.mean.map(|mean| LANG.quotient(mean.0, false)).unwrap_or_default()) }
                    }
                }
                tr.total {
                    td {}
                    td { "TỔNG ĐIỂM" }
                    td.num { (number(result.criteria.iter().map(|criterion| criterion.max.0).sum())) }
                    @for member in &members {
                        td.num { (member.total.map(|t| number(t.0)).unwrap_or_default()) }
                    }
                    td.num { (LANG.mean(result.mean_total.0, &result.mean_total_fraction)) }
                }
            }
        }
    }
}

fn status_text(result: &CouncilResult) -> String {
    match result.status {
        SessionStatus::Ranked => {
            let count = result.stars.unwrap_or(0);
            // Stars another level recognises are a potential, never this council's result.
            let referred = result
                .recognition
                .as_ref()
                .is_some_and(Recognised::is_referral);
            let potential = if referred { "tiềm năng " } else { "" };
            format!("{potential}{count} sao {}", stars(count))
        }
        SessionStatus::Disqualified => "BỊ LOẠI (0 sao)".to_owned(),
        SessionStatus::NeedsRescoring => {
            "HỘI ĐỒNG CHẤM LẠI: chênh lệch tổng điểm vượt mức cho phép".to_owned()
        }
        SessionStatus::NoQuorum => "CHƯA CÓ KẾT QUẢ: không đủ thành viên chấm".to_owned(),
        SessionStatus::Incomplete => "CHƯA CÓ KẾT QUẢ: còn phiếu chưa chấm xong".to_owned(),
    }
}

fn verdict(result: &CouncilResult) -> Markup {
    let quorum = &result.quorum;
    html! {
        div.verdict {
            p {
                "Số thành viên đã chấm: " (quorum.scored) "/" (quorum.scoring_members)
                " (cần ít nhất " (quorum.required) "; "
                (if quorum.chair_scored { "Chủ tịch đã chấm" } else { "Chủ tịch chưa chấm" }) ") — "
                (if quorum.met { "đủ điều kiện" } else { "KHÔNG ĐỦ ĐIỀU KIỆN" })
            }
            p {
                "Chênh lệch tổng điểm giữa các thành viên: " (number(result.spread.spread.0))
                @match result.spread.limit {
                    Some(limit) => { " (tối đa " (number(limit.0)) ")" }
                    None => { " (không giới hạn)" }
                }
            }
            p { "Điểm trung bình: " b { (LANG.mean(result.mean_total.0, &result.mean_total_fraction)) } }
            @if result.banded_total != result.mean_total {
                p { "Điểm trung bình sau làm tròn (theo quy chế): " (number(result.banded_total.0)) }
            }
            @if let Some(band) = result.band_stars {
                p { "Hạng theo điểm trung bình: " (band) " sao" }
            }
            @if result.unmet_gates.is_empty() {
                p { "Tiêu chí bắt buộc theo hạng sao (Hội đồng): đạt tất cả" }
            } @else {
                p { "Tiêu chí bắt buộc theo hạng sao chưa đạt (Hội đồng):" }
                ul {
                    @for gate in &result.unmet_gates {
                        li {
                            "Chỉ tiêu " (gate.criterion) ": hạng " (gate.level) " sao cần "
                            (gate_requirement(gate))
                            "; trung bình Hội đồng đạt " (LANG.quotient(gate.chosen_points.0, false)) " điểm"
                        }
                    }
                }
            }
            @for vote in &result.knockout_votes {
                p {
                    (knockout_label(&vote.reason)) ": " (vote.members.len()) "/" (vote.of) " thành viên ("
                    (vote.members.join(", ")) ") — " (if vote.decided { "loại sản phẩm" } else { "không đủ để loại" })
                }
            }
            p {
                "Kết quả: " b { (status_text(result)) }
                @if let (SessionStatus::Ranked, Some(cap)) = (result.status, result.gate_cap) {
                    @if result.stars < result.band_stars {
                        " (giới hạn bởi tiêu chí bắt buộc, tối đa " (cap) " sao)"
                    }
                }
            }
            @if result.status == SessionStatus::Ranked {
                p {
                    "Công nhận, cấp giấy chứng nhận: "
                    @match (result.certifiable, result.certifying_level) {
                        (true, Some(level)) => { "có (" (level.name_vi()) ")" }
                        (true, None) => { "có" }
                        (false, _) => { "không" }
                    }
                }
            }
            @if result.potential_five_star {
                p { "Sản phẩm có tiềm năng đạt 5 sao (từ 90 điểm)" }
            }
        }
    }
}

fn knockout_label(reason: &Disqualification) -> String {
    match reason {
        Disqualification::Knockout { criterion, .. } => format!("Loại theo chỉ tiêu {criterion}"),
        Disqualification::Dossier { .. } => "Hồ sơ bị loại".to_owned(),
        Disqualification::StopRule { criterion, .. } => {
            format!("Dừng đánh giá (chỉ tiêu {criterion} được 0 điểm)")
        }
    }
}

fn name_of(result: &CouncilResult, role: Role) -> Option<&str> {
    result
        .members
        .iter()
        .find(|member| member.role == role)
        .and_then(|member| member.name.as_deref())
}

fn minutes(result: &CouncilResult) -> Markup {
    let product = result
        .product
        .as_ref()
        .map_or("……………………", |p| p.name.as_str());
    html! {
        h1 { "BIÊN BẢN HỌP HỘI ĐỒNG ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP" }
        div.fields {
            p { "Hôm nay, vào hồi …… giờ …… " (result.evaluated_on.as_deref().and_then(long_date).unwrap_or_else(|| "ngày …… tháng …… năm ………".to_owned())) ", tại " span.blank {} }
            p { "Hội đồng đánh giá, phân hạng sản phẩm OCOP " (result.level.name_vi()) " họp đánh giá, phân hạng sản phẩm " b { (product) } " (bộ sản phẩm " (result.product_set) ": " (result.product_set_name) ")." }
            p { "Thành phần tham dự:" }
        }
        table {
            thead {
                tr { th.num { "STT" } th { "Họ và tên" } th { "Chức danh trong Hội đồng" } th.num { "Tổng điểm chấm" } th { "Ký tên" } }
            }
            tbody {
                @for (index, member) in result.members.iter().enumerate() {
                    tr {
                        td.num { (index + 1) }
                        td { (member.name.as_deref().unwrap_or("")) " (" (member.id) ")" }
                        td { (member.role.name_vi()) }
                        td.num { (member.total.map(|t| number(t.0)).unwrap_or_else(|| "—".to_owned())) }
                        td { }
                    }
                }
            }
        }
        div.fields {
            p { "Kết quả đánh giá: điểm trung bình " b { (LANG.mean(result.mean_total.0, &result.mean_total_fraction)) } "; " b { (status_text(result)) } "." }
            p { "Ý kiến khác của thành viên Hội đồng: " span.blank {} }
            p { "Biên bản kết thúc vào hồi …… giờ …… cùng ngày, đã được thông qua trước Hội đồng." }
        }
        (signatures(&[("THƯ KÝ", name_of(result, Role::Secretary)), ("CHỦ TỊCH HỘI ĐỒNG", name_of(result, Role::Chair))]))
    }
}
