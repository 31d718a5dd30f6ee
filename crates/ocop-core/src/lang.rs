//! The languages people read the engine's output in.

use std::fmt;

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

    /// A value that displays the description in `lang`.
    fn in_lang(&self, lang: Lang) -> InLang<'_, Self> {
        InLang { item: self, lang }
    }
}

/// Displays a [`Describe`] value in one language.
pub struct InLang<'a, T: ?Sized> {
    item: &'a T,
    lang: Lang,
}

impl<T: Describe + ?Sized> fmt::Display for InLang<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.item.describe(self.lang))
    }
}
