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
        markdown: format == SheetFormat::Markdown,
        lang,
    };
    sheet.write(loaded);
    sheet.out
}

struct Blank {
    out: String,
    markdown: bool,
    lang: Lang,
}

impl Blank {
    fn points(&self, points: &rust_decimal::Decimal) -> String {
        format!(
            "{} {}",
            self.lang.decimal(*points),
            self.lang.pick("điểm", "points")
        )
    }

    /// A heading with its points, unless the printed title already states them ("PHẦN A (40
    /// Điểm)"), so that the points are never printed twice.
    fn titled(&self, title: &str, points: &rust_decimal::Decimal) -> String {
        let printed = format!("({} điểm", dec(*points));
        if title.to_lowercase().contains(&printed) {
            title.to_owned()
        } else {
            format!("{title} — {}", self.points(points))
        }
    }

    fn heading(&mut self, level: usize, text: &str) {
        // A blank line separates blocks, never opens the document.
        let gap = if self.out.is_empty() || self.out.ends_with("\n\n") {
            ""
        } else {
            "\n"
        };
        if self.markdown {
            let _ = writeln!(self.out, "{gap}{} {text}\n", "#".repeat(level));
        } else {
            let indent = "  ".repeat(level.saturating_sub(2));
            let gap = if level <= 2 { gap } else { "" };
            let _ = writeln!(self.out, "{gap}{indent}{text}");
        }
    }

    fn note(&mut self, depth: usize, text: &str) {
        if self.markdown {
            // A quote, never indented: four leading spaces would make it a code block.
            self.end_list();
            let _ = writeln!(self.out, "> {text}\n");
        } else {
            let _ = writeln!(self.out, "{}{text}", "  ".repeat(depth + 1));
        }
    }

    /// A quote after list items needs a blank line, or it joins the last item.
    fn end_list(&mut self) {
        if self.out.ends_with('\n') && !self.out.ends_with("\n\n") && !self.out.is_empty() {
            self.out.push('\n');
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
            let title = format!(
                "{} {}: {}",
                lang.pick("Phần", "Part"),
                part.code.as_str(),
                part.title
            );
            let heading = self.titled(&title, &part.max);
            self.heading(2, &heading);
            for group in &part.groups {
                let heading = self.titled(&format!("{}. {}", group.code, group.name), &group.max);
                self.heading(3, &heading);
                for note in &group.notes {
                    self.note(1, note);
                }
                for criterion in &group.criteria {
                    // A group printed as its own criterion shows its options directly.
                    if criterion.code != group.code {
                        let title = format!("{} {}", criterion.code, criterion.name);
                        let heading = self.titled(&title, &criterion.max);
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
                    self.lang.decimal(criterion.max),
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
            |points| self.lang.decimal(points),
        );
        let line = format!("□ {}. {}{star} — {points}", option.number, option.text);
        self.line(depth, &line);
    }

    fn line(&mut self, depth: usize, text: &str) {
        if self.markdown {
            let _ = writeln!(self.out, "{}- {text}", "  ".repeat(depth.saturating_sub(2)));
        } else {
            let _ = writeln!(self.out, "{}{text}", "  ".repeat(depth + 1));
        }
    }
}
