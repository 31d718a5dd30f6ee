//! The texts a workbook shows for criteria and options. The reader compares the fixed cells with
//! these same texts, so an edited criterion is noticed, and matches dropdown choices against
//! [`option_label`].

use ocop_core::council::Role;
use ocop_core::lang::Lang;
use ocop_core::rubric::{Choice, Criterion, LeafRef, Level, Scoring};

/// `Có`: a criterion printed without options is met.
pub(crate) const YES: &str = "Có";
/// `Không`: it is not.
pub(crate) const NO: &str = "Không";
/// The mark of a knock-out invoked.
pub(crate) const KNOCKOUT_MARK: &str = "x";

/// Kinds of evaluation (Mẫu 01, mục 4) with the machine names of the input contract.
pub(crate) const EVALUATIONS: [(&str, &str); 3] = [
    ("first", "Lần đầu"),
    ("upgrade", "Nâng hạng"),
    ("rerating", "Đánh giá lại"),
];

/// Every role, in the order a council lists them.
pub(crate) const ROLES: [Role; 5] = [
    Role::Chair,
    Role::ViceChair,
    Role::Member,
    Role::Secretary,
    Role::Advisor,
];

/// Every level a council may sit at.
pub(crate) const LEVELS: [Level; 3] = [Level::District, Level::Province, Level::Central];

/// The role as the contract names it (`vice_chair`).
pub(crate) fn role_key(role: Role) -> &'static str {
    match role {
        Role::Chair => "chair",
        Role::ViceChair => "vice_chair",
        Role::Member => "member",
        Role::Secretary => "secretary",
        Role::Advisor => "advisor",
    }
}

/// The level as a cover shows it: `Cấp tỉnh`.
pub(crate) fn level_label(level: Level) -> String {
    capitalized(level.name_vi())
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Points as a Vietnamese reader writes them: `2,5 điểm`.
fn points(points: Option<rust_decimal::Decimal>) -> String {
    match points {
        Some(points) => format!("{} điểm", Lang::Vi.decimal(points)),
        None => "không đọc được điểm".to_owned(),
    }
}

fn star_mark(option: &Choice) -> String {
    option
        .star
        .map(|stars| format!(" {}", "*".repeat(usize::from(stars))))
        .unwrap_or_default()
}

/// An option as its dropdown offers it: `3. Sử dụng nguyên liệu … *** (3 điểm)`.
pub(crate) fn option_label(option: &Choice) -> String {
    format!(
        "{}. {}{} ({})",
        option.number,
        option.text,
        star_mark(option),
        points(option.points)
    )
}

/// The dropdown entries of a criterion: its options, or `Có`/`Không`; none for additive
/// criteria, whose answer is a list typed as `1;3`.
pub(crate) fn dropdown(criterion: &Criterion) -> Vec<String> {
    match &criterion.scoring {
        Scoring::Single(options) | Scoring::Cases { options, .. } => {
            options.iter().map(option_label).collect()
        }
        Scoring::YesNo => vec![YES.to_owned(), NO.to_owned()],
        Scoring::Additive(_) | Scoring::Nested(_) => Vec::new(),
    }
}

/// The `Tiêu chí` cell: the criterion's name (after its parent's, for a sub-criterion), then its
/// notes, knock-out and applicability as printed.
pub(crate) fn criterion_text(leaf: &LeafRef<'_>) -> String {
    let criterion = leaf.criterion;
    let mut text = match leaf.parent {
        Some(parent) => format!("{} {} › {}", parent.code, parent.name, criterion.name),
        None => criterion.name.clone(),
    };
    let notes = criterion
        .notes
        .iter()
        .chain(&criterion.knockout)
        .chain(criterion.applies_when.iter().map(|rule| &rule.printed));
    for note in notes {
        text.push('\n');
        text.push_str(note);
    }
    text
}

/// The `Phương án` cell: every option with its points and star mark, in printed order, cases
/// under their labels.
pub(crate) fn options_text(criterion: &Criterion) -> String {
    let line = |option: &Choice| {
        format!(
            "□ {}. {}{} — {}",
            option.number,
            option.text,
            star_mark(option),
            points(option.points)
        )
    };
    let lines: Vec<String> = match &criterion.scoring {
        Scoring::Single(options) => options.iter().map(line).collect(),
        Scoring::Additive(options) => std::iter::once(format!(
            "Cộng điểm mọi phương án đạt (tối đa {}): ghi các số cách nhau bằng dấu ; \
             (Không: không phương án nào đạt)",
            points(Some(criterion.max))
        ))
        .chain(options.iter().map(line))
        .collect(),
        Scoring::Cases { cases, options } => cases
            .iter()
            .flat_map(|case| {
                std::iter::once(case.label.clone()).chain(
                    options
                        .iter()
                        .filter(|option| case.options.contains(&option.number))
                        .map(line),
                )
            })
            .collect(),
        Scoring::YesNo => vec![
            format!("□ {YES} — {}", points(Some(criterion.max))),
            format!("□ {NO} — 0 điểm"),
        ],
        Scoring::Nested(_) => Vec::new(),
    };
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_are_capitalized_for_the_cover() {
        assert_eq!(level_label(Level::Province), "Cấp tỉnh");
        assert_eq!(level_label(Level::Central), "Cấp trung ương");
    }
}
