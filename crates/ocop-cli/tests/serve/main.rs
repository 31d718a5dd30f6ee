//! `ocop serve`, started as users start it (the real binary, on a free port of 127.0.0.1) and
//! spoken to over real sockets: every endpoint against the command's own output, every error
//! status, the limits, a slow client, shutdown with a request in flight, the access log, and
//! the client examples of the README in PHP and Java.

mod clients;
mod documents;
mod http;
mod statuses;

#[path = "../support/mod.rs"]
mod support;
