//! Reading the cells of a transcribed sheet: wording, points and star marks.
//!
//! Nothing here changes what the decision says. Wording is only normalized to NFC and trimmed;
//! the helpers lift out what a printed cell carries besides its wording (a star mark, the unit
//! "Điểm", the subtotal blank of the paper form).

use ocop_core::decimal;
use rust_decimal::Decimal;
use unicode_normalization::UnicodeNormalization;

/// Normalizes text to NFC and trims it; the wording itself is untouched.
pub fn text(raw: &str) -> String {
    raw.nfc().collect::<String>().trim().to_owned()
}

/// Reads a points cell: plain digits (`3`, `18.0`), optionally followed by the unit as QĐ 1048
/// prints it (`3 Điểm`, `8 điểm`).
pub fn points(raw: &str) -> Option<Decimal> {
    decimal::parse_plain(without_unit(raw))
}

/// A points cell without its unit, for comparing what two cells print.
pub fn without_unit(raw: &str) -> &str {
    before_unit(raw).unwrap_or_else(|| raw.trim())
}

/// What comes before the unit "Điểm" (or "điểm"), trimmed, if the text ends with the unit.
fn before_unit(raw: &str) -> Option<&str> {
    let trimmed = raw.trim();
    trimmed
        .strip_suffix("Điểm")
        .or_else(|| trimmed.strip_suffix("điểm"))
        .map(str::trim_end)
}

/// Splits trailing star marks off an option's text: `"…50%***"` → (`"…50%"`, 3).
pub fn split_star(raw: &str) -> (String, usize) {
    let trimmed = raw.trim_end();
    let without = trimmed.trim_end_matches('*');
    (text(without), trimmed.len() - without.len())
}

/// The points a part heading prints, e.g. 35 in "… (35 Điểm)" or in
/// "CHẤT LƯỢNG SẢN PHẨM (40 Điểm) (Được cộng tổng điểm các nội dung ghi Có)".
pub fn heading_points(title: &str) -> Option<Decimal> {
    title.split('(').skip(1).find_map(|tail| {
        let (inside, _) = tail.split_once(')')?;
        decimal::parse_plain(before_unit(inside)?)
    })
}

/// Removes the paper form's subtotal line ("Tổng Điểm phần A: ……… Điểm") that some
/// transcriptions run on to the text of the last option of a part. It is a blank to fill in,
/// printed in a row of its own, not wording of the option.
pub fn without_subtotal_blank(option: &str) -> &str {
    let Some((before, tail)) = option.split_once("Tổng Điểm phần ") else {
        return option;
    };
    let blank = tail
        .split_once(':')
        .and_then(|(part, rest)| (part.chars().count() == 1).then_some(rest))
        .and_then(|rest| rest.trim_end().strip_suffix("Điểm"));
    match blank {
        Some(dots) if dots.chars().all(|c| matches!(c, '…' | '.' | ' ')) => before.trim_end(),
        _ => option,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_cells_with_and_without_the_unit() {
        assert_eq!(points("3"), Some(Decimal::from(3)));
        assert_eq!(points("18.0"), Some(Decimal::from(18)));
        assert_eq!(points("8 điểm"), Some(Decimal::from(8)));
        assert_eq!(points("3 Điểm"), Some(Decimal::from(3)));
        assert_eq!(points("l"), None);
        assert_eq!(points(""), None);
        assert_eq!(without_unit("13 Điểm"), "13");
    }

    #[test]
    fn heading_points_anywhere_in_the_title() {
        assert_eq!(
            heading_points("SẢN PHẨM VÀ SỨC MẠNH CỦA CỘNG ĐỒNG (35 Điểm)"),
            Some(Decimal::from(35))
        );
        assert_eq!(
            heading_points(
                "CHẤT LƯỢNG SẢN PHẨM (40 Điểm) (Được cộng tổng điểm các nội dung ghi Có)"
            ),
            Some(Decimal::from(40))
        );
        assert_eq!(heading_points("KHẢ NĂNG TIẾP THỊ"), None);
        // A number in brackets is points only with the unit.
        assert_eq!(heading_points("SẢN PHẨM (2024)"), None);
    }

    #[test]
    fn the_subtotal_blank_is_not_wording() {
        assert_eq!(
            without_subtotal_blank("Có Tổ chức hệ thống kế toán Tổng Điểm phần A: ………… Điểm"),
            "Có Tổ chức hệ thống kế toán"
        );
        assert_eq!(
            without_subtotal_blank("(Mỹ, Nhật, EU...) Tổng Điểm phần C:…………..Điểm"),
            "(Mỹ, Nhật, EU...)"
        );
        let prose = "Tổng Điểm phần A cao";
        assert_eq!(without_subtotal_blank(prose), prose);
    }
}
