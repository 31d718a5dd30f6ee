//! The blank scoring sheet: criteria, □ options, points and star marks, as printed. One renderer
//! for every front end (`ocop sheet`, the C library, the service), so each prints the same text.

use std::fmt::Write as _;

use crate::decimal::format as dec;
use crate::lang::Lang;
use crate::rubric::{Choice, Criterion, LoadedSet, Scoring};

/// How a blank sheet is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetFormat {
    /// Plain text, indented.
    Text,
    /// Markdown: headings, lists and quoted notes.
    Markdown,
}

/// An option's star mark as printed after its text (` ****`), or nothing.
pub fn star_mark(star: Option<u8>) -> String {
    star.map(|stars| format!(" {}", "*".repeat(usize::from(stars))))
        .unwrap_or_default()
}

/// Renders the blank sheet of a product set.
pub fn blank_sheet(loaded: &LoadedSet, format: SheetFormat, lang: Lang) -> String {
    let mut sheet = Blank {
        out: String::new(),
        format,
        lang,
    };
    sheet.write(loaded);
    sheet.out
}

struct Blank {
    out: String,
    format: SheetFormat,
    lang: Lang,
}

impl Blank {
    fn points(&self, points: &rust_decimal::Decimal) -> String {
        format!("{} {}", dec(*points), self.lang.pick("điểm", "points"))
    }

    fn heading(&mut self, level: usize, text: &str) {
        match self.format {
            SheetFormat::Markdown => {
                let _ = writeln!(self.out, "\n{} {text}\n", "#".repeat(level));
            }
            SheetFormat::Text => {
                let indent = "  ".repeat(level.saturating_sub(2));
                let _ = writeln!(
                    self.out,
                    "{}{indent}{text}",
                    if level <= 2 { "\n" } else { "" }
                );
            }
        }
    }

    fn note(&mut self, depth: usize, text: &str) {
        match self.format {
            SheetFormat::Markdown => {
                let _ = writeln!(self.out, "{}> {text}", "  ".repeat(depth));
            }
            SheetFormat::Text => {
                let _ = writeln!(self.out, "{}{text}", "  ".repeat(depth + 1));
            }
        }
    }

    fn write(&mut self, loaded: &LoadedSet) {
        let instrument = &loaded.instrument;
        let set = &loaded.set;
        let lang = self.lang;
        let title = format!(
            "{} {}: {}",
            lang.pick("Bộ sản phẩm", "Product set"),
            set.number,
            set.name
        );
        self.heading(1, &title);
        let _ = writeln!(
            self.out,
            "{} ({} {}, {} {})",
            instrument.title,
            lang.pick("Quyết định", "Decision"),
            instrument.decision.number,
            lang.pick("dữ liệu", "data"),
            instrument.id
        );
        if let Some(classification) = &set.classification {
            let _ = writeln!(self.out, "{classification}");
        }
        for part in &set.parts {
            let heading = format!(
                "{} {}: {} — {}",
                lang.pick("Phần", "Part"),
                part.code.as_str(),
                part.title,
                self.points(&part.max)
            );
            self.heading(2, &heading);
            for group in &part.groups {
                let heading = format!(
                    "{}. {} — {}",
                    group.code,
                    group.name,
                    self.points(&group.max)
                );
                self.heading(3, &heading);
                for note in &group.notes {
                    self.note(1, note);
                }
                for criterion in &group.criteria {
                    // A group printed as its own criterion shows its options directly.
                    if criterion.code != group.code {
                        let heading = format!(
                            "{} {} — {}",
                            criterion.code,
                            criterion.name,
                            self.points(&criterion.max)
                        );
                        self.heading(4, &heading);
                    }
                    self.criterion(criterion, 2);
                }
            }
        }
        for rule in &set.stop_rules {
            self.note(0, &rule.printed);
        }
        if let Some(rule) = &set.dossier_rule {
            self.note(0, rule);
        }
        for note in &set.footnotes {
            self.note(0, note);
        }
    }

    fn criterion(&mut self, criterion: &Criterion, depth: usize) {
        let notes = criterion
            .notes
            .iter()
            .chain(&criterion.knockout)
            .chain(criterion.applies_when.iter().map(|rule| &rule.printed))
            .cloned()
            .collect::<Vec<_>>();
        for note in &notes {
            self.note(depth, note);
        }
        match &criterion.scoring {
            Scoring::Single(options) | Scoring::Additive(options) => {
                for option in options {
                    self.option(option, depth);
                }
            }
            Scoring::Cases { cases, options } => {
                for case in cases {
                    self.note(depth, &case.label);
                    for option in options
                        .iter()
                        .filter(|option| case.options.contains(&option.number))
                    {
                        self.option(option, depth + 1);
                    }
                }
            }
            Scoring::YesNo => {
                let line = format!(
                    "□ {} ({})   □ {} (0)",
                    self.lang.pick("Có", "Yes"),
                    dec(criterion.max),
                    self.lang.pick("Không", "No")
                );
                self.line(depth, &line);
            }
            Scoring::Nested(children) => {
                for child in children {
                    let heading = format!(
                        "{} {} — {}",
                        child.code,
                        child.name,
                        self.points(&child.max)
                    );
                    self.heading(5, &heading);
                    self.criterion(child, depth + 1);
                }
            }
        }
    }

    fn option(&mut self, option: &Choice, depth: usize) {
        let star = star_mark(option.star);
        let points = option.points.map_or_else(
            || {
                self.lang
                    .pick("(không đọc được)", "(unreadable)")
                    .to_owned()
            },
            dec,
        );
        let line = format!("□ {}. {}{star} — {points}", option.number, option.text);
        self.line(depth, &line);
    }

    fn line(&mut self, depth: usize, text: &str) {
        match self.format {
            SheetFormat::Markdown => {
                let _ = writeln!(self.out, "{}- {text}", "  ".repeat(depth.saturating_sub(2)));
            }
            SheetFormat::Text => {
                let _ = writeln!(self.out, "{}{text}", "  ".repeat(depth + 1));
            }
        }
    }
}
