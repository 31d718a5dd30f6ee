//! Dates as people write them: ISO 8601 (`2026-06-15`) or the Vietnamese day/month/year
//! (`15/6/2026`, `15/06/2026`), and dates in Vietnamese text (`15/06/2026`).

use jiff::civil::Date;

/// Why a text is not a date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{text:?} is not a date (YYYY-MM-DD or D/M/YYYY)")]
pub struct NotADate {
    /// The text.
    pub text: String,
}

/// Reads `YYYY-MM-DD` or `D/M/YYYY` (day and month with or without a leading zero).
pub fn parse(text: &str) -> Result<Date, NotADate> {
    let trimmed = text.trim();
    let not_a_date = || NotADate {
        text: text.to_owned(),
    };
    if let Some((day, rest)) = trimmed.split_once('/') {
        let (month, year) = rest.split_once('/').ok_or_else(not_a_date)?;
        let number = |part: &str, digits: std::ops::RangeInclusive<usize>| {
            (digits.contains(&part.len()) && part.bytes().all(|byte| byte.is_ascii_digit()))
                .then(|| part.parse::<i16>().ok())
                .flatten()
        };
        let (Some(day), Some(month), Some(year)) = (
            number(day, 1..=2),
            number(month, 1..=2),
            number(year, 4..=4),
        ) else {
            return Err(not_a_date());
        };
        let (Ok(day), Ok(month)) = (i8::try_from(day), i8::try_from(month)) else {
            return Err(not_a_date());
        };
        return Date::new(year, month, day).map_err(|_| not_a_date());
    }
    trimmed
        .parse::<Date>()
        .ok()
        .filter(|date| date.to_string() == trimmed)
        .ok_or_else(not_a_date)
}

/// A date as Vietnamese text writes it: `dd/mm/yyyy`.
pub fn dmy(date: Date) -> String {
    format!("{:02}/{:02}/{}", date.day(), date.month(), date.year())
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn both_ways_of_writing_a_date_are_read() {
        assert_eq!(parse("2026-06-15"), Ok(date(2026, 6, 15)));
        assert_eq!(parse("15/6/2026"), Ok(date(2026, 6, 15)));
        assert_eq!(parse("05/06/2026"), Ok(date(2026, 6, 5)));
        assert_eq!(parse(" 1/7/2023 "), Ok(date(2023, 7, 1)));
    }

    #[test]
    fn what_is_not_a_date_is_refused() {
        for text in [
            "31/2/2026",
            "15/6/26",
            "2026-6-15",
            "15-06-2026",
            "6/15",
            "",
            "1/1/2026x",
        ] {
            assert!(parse(text).is_err(), "{text}");
        }
    }

    #[test]
    fn vietnamese_text_writes_day_month_year() {
        assert_eq!(dmy(date(2026, 7, 1)), "01/07/2026");
    }
}
