//! libocop: the OCOP scoring engine behind a small C ABI.
//!
//! Provincial OCOP systems (.NET, Java, PHP, Python) embed the engine through this crate. Requests
//! and results are JSON with the contracts of the `ocop` command's `--format json`, so a caller
//! gets byte for byte what the command prints. All domain logic lives in `ocop-core`; this crate
//! only checks arguments, crosses the boundary and renders documents with
//! [`ocop_core::output::json_document`].
//!
//! The rules of the ABI (ownership, threads, errors, versioning) are written once, in the header
//! preamble (`cbindgen.toml`, rendered into `include/ocop.h`) and in this crate's README.

// A C ABI is raw pointers by nature: the workspace denies `unsafe`, this crate alone needs it. Each
// `unsafe` block carries a `// SAFETY:` comment naming the contract that makes it sound.
#![allow(unsafe_code)]
// Type names are C names (`ocop_engine`, `ocop_status`), as the header spells them.
#![allow(non_camel_case_types)]
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic
    )
)]
#![deny(unsafe_op_in_unsafe_fn, clippy::undocumented_unsafe_blocks)]

mod boundary;
pub mod documents;
pub mod engine;
pub mod error;
pub mod string;
pub mod version;
