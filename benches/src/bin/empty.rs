//! An empty Rust program: the baseline for the start-up cost of `ocop score`.

fn main() {}
