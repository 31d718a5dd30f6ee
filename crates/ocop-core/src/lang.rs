//! The languages people read the engine's output in, and how each writes numbers and dates.
//!
//! This is the one place where numbers and dates are formatted for people: Vietnamese writes a
//! decimal comma (73,8) and dates as dd/mm/yyyy; English keeps the decimal point and ISO dates.
//! JSON documents never go through here: they keep their stable machine form ("73.8").

use jiff::civil::Date;
use rust_decimal::{Decimal, RoundingStrategy};

/// Output language: Vietnamese first, English second.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Tiếng Việt (default).
    #[default]
    Vi,
    /// English.
    En,
}

/// How many decimal places a long decimal is shown with, beside its exact fraction.
pub const SHOWN_PLACES: u32 = 2;

impl Lang {
    /// Picks the Vietnamese or the English text.
    pub fn pick<'a>(self, vi: &'a str, en: &'a str) -> &'a str {
        match self {
            Self::Vi => vi,
            Self::En => en,
        }
    }

    /// Why a file could not be read or written, in words: the common cases in Vietnamese, the
    /// system's own words (`detail`) otherwise.
    pub fn io_reason(self, kind: std::io::ErrorKind, detail: &str) -> String {
        use std::io::ErrorKind;
        let vi = match kind {
            ErrorKind::NotFound => Some("không có tệp hoặc thư mục này"),
            ErrorKind::PermissionDenied => Some("không có quyền truy cập"),
            ErrorKind::IsADirectory => Some("đây là một thư mục, không phải tệp"),
            ErrorKind::BrokenPipe => Some("nơi nhận đã đóng"),
            ErrorKind::StorageFull => Some("ổ đĩa đã đầy"),
            ErrorKind::ReadOnlyFilesystem => Some("hệ thống tệp chỉ cho phép đọc"),
            ErrorKind::NotADirectory => Some("một phần của đường dẫn không phải thư mục"),
            _ => None,
        };
        match (self, vi) {
            (Self::Vi, Some(reason)) => reason.to_owned(),
            _ => detail.to_owned(),
        }
    }

    /// A decimal written in full, without trailing zeros: `73,8` in Vietnamese, `73.8` in
    /// English. A minus sign is kept; no digit is dropped.
    pub fn decimal(self, value: Decimal) -> String {
        let plain = crate::decimal::format(value);
        match self {
            Self::Vi => plain.replace('.', ","),
            Self::En => plain,
        }
    }

    /// A signed difference, to two places as [`Lang::approx`] writes it: `+2,5`, `−1,33` (a
    /// true minus sign), `0`.
    pub fn signed(self, value: Decimal) -> String {
        let magnitude = self.approx(value.abs());
        if value.is_sign_positive() && !value.is_zero() {
            format!("+{magnitude}")
        } else if value.is_sign_negative() && !value.is_zero() {
            format!("−{magnitude}")
        } else {
            magnitude
        }
    }

    /// A decimal that may run to many places (a mean, a deviation): as written when it has at
    /// most two places, otherwise rounded half away from zero to two places (`73,33`). Only for
    /// reading: the exact value is in the JSON.
    pub fn approx(self, value: Decimal) -> String {
        let normalized = value.normalize();
        if normalized.scale() <= SHOWN_PLACES {
            self.decimal(normalized)
        } else {
            self.decimal(
                normalized
                    .round_dp_with_strategy(SHOWN_PLACES, RoundingStrategy::MidpointAwayFromZero),
            )
        }
    }

    /// A mean beside its exact fraction when two places do not hold it: `73,33 (220/3)`;
    /// `73,5` when they do. `fraction` is the reduced `sum/n` (as [`crate::decimal::fraction`]
    /// writes it).
    pub fn mean(self, value: Decimal, fraction: &str) -> String {
        let normalized = value.normalize();
        if normalized.scale() <= SHOWN_PLACES || !fraction.contains('/') {
            self.decimal(normalized)
        } else {
            format!("{} ({fraction})", self.approx(normalized))
        }
    }

    /// A quotient to two places, beside the fraction it stands for when two places do not hold
    /// it: `0,44 (4/9)`, `−1,13 (−9/8)` with `signed`; `0,5` when they do. The fraction is
    /// recovered from the digits ([`crate::decimal::recovered_fraction`]).
    pub fn quotient(self, value: Decimal, signed: bool) -> String {
        let shown = if signed {
            self.signed(value)
        } else {
            self.approx(value)
        };
        match crate::decimal::recovered_fraction(value) {
            Some(fraction) => format!("{shown} ({})", fraction.replace('-', "−")),
            None => shown,
        }
    }

    /// A date: `15/06/2026` in Vietnamese, `2026-06-15` in English.
    pub fn date(self, date: Date) -> String {
        match self {
            Self::Vi => crate::dates::dmy(date),
            Self::En => date.to_string(),
        }
    }

    /// A date given as `YYYY-MM-DD` text, written for this language; any other text unchanged.
    pub fn date_text(self, text: &str) -> String {
        text.parse::<Date>()
            .map_or_else(|_| text.to_owned(), |date| self.date(date))
    }
}

/// Something that can describe itself to a person in either language.
pub trait Describe {
    /// The description in `lang`.
    fn describe(&self, lang: Lang) -> String;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    #[test]
    fn vietnamese_writes_a_decimal_comma_and_english_a_point() {
        assert_eq!(Lang::Vi.decimal(d("73.80")), "73,8");
        assert_eq!(Lang::En.decimal(d("73.80")), "73.8");
        assert_eq!(Lang::Vi.decimal(d("40")), "40");
        assert_eq!(Lang::Vi.decimal(d("0.75")), "0,75");
    }

    #[test]
    fn long_decimals_show_two_places_beside_the_exact_fraction() {
        let mean = d("220") / d("3");
        assert_eq!(Lang::Vi.mean(mean, "220/3"), "73,33 (220/3)");
        assert_eq!(Lang::En.mean(mean, "220/3"), "73.33 (220/3)");
        assert_eq!(Lang::Vi.mean(d("73.5"), "147/2"), "73,5");
        assert_eq!(Lang::Vi.mean(d("70"), "70"), "70");
        assert_eq!(Lang::Vi.approx(d("209") / d("3")), "69,67");
        assert_eq!(Lang::Vi.approx(d("0.125")), "0,13");
    }

    #[test]
    fn signs_use_a_true_minus() {
        assert_eq!(Lang::Vi.signed(d("2.5")), "+2,5");
        assert_eq!(Lang::Vi.signed(d("-1")), "−1");
        assert_eq!(Lang::Vi.signed(d("0")), "0");
        assert_eq!(Lang::Vi.signed(d("-4") / d("3")), "−1,33");
    }

    #[test]
    fn dates_are_day_month_year_in_vietnamese() {
        let date = Date::new(2026, 6, 5).unwrap();
        assert_eq!(Lang::Vi.date(date), "05/06/2026");
        assert_eq!(Lang::En.date(date), "2026-06-05");
        assert_eq!(Lang::Vi.date_text("2026-06-05"), "05/06/2026");
        assert_eq!(Lang::Vi.date_text("not a date"), "not a date");
    }
}
