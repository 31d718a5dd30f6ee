//! The README's client examples, run against the real service when their toolchain is present.
