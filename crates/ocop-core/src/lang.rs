//! The languages people read the engine's output in.

/// Output language: Vietnamese first, English second.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Tiếng Việt (default).
    #[default]
    Vi,
    /// English.
    En,
}

impl Lang {
    /// Picks the Vietnamese or the English text.
    pub fn pick<'a>(self, vi: &'a str, en: &'a str) -> &'a str {
        match self {
            Self::Vi => vi,
            Self::En => en,
        }
    }
}

/// Something that can describe itself to a person in either language.
pub trait Describe {
    /// The description in `lang`.
    fn describe(&self, lang: Lang) -> String;
}
