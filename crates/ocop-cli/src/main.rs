//! The `ocop` command.

fn main() {}
