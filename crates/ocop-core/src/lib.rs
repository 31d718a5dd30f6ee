//! The OCOP scoring engine.
//!
//! Vietnam's OCOP programme ("Chương trình mỗi xã một sản phẩm") scores products on a national
//! criteria sheet of 100 points and ranks them from 1 to 5 stars. This crate holds the official
//! criteria as versioned data ([`rubric`]), reads a council member's sheet ([`sheet`]) and scores
//! it exactly ([`score`]): points from the rubric, never from the input, in exact decimals.

#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic
    )
)]

pub mod advise;
pub mod blank;
pub mod calendar;
pub mod certificate;
pub mod council;
pub mod dates;
pub mod decimal;
pub mod diff;
pub mod filing;
pub mod fixtures;
pub mod json;
pub mod lang;
pub mod lint;
pub mod ndjson;
pub mod output;
pub mod recognition;
pub mod register;
pub mod rescore;
pub mod round;
pub mod rubric;
pub mod schema;
pub mod score;
pub mod sheet;
