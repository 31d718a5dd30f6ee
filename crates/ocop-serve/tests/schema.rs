//! The committed schema of the service's error documents is the one the code generates. Set
//! `OCOP_UPDATE_SCHEMAS=1` to rewrite it after an intended change.

use std::path::Path;

#[test]
fn the_committed_error_schema_is_fresh() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schemas/service-error.schema.json");
    let generated = ocop_serve::error_schema();
    if std::env::var_os("OCOP_UPDATE_SCHEMAS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{} is stale: run `OCOP_UPDATE_SCHEMAS=1 cargo test -p ocop-serve --test schema`",
        path.display()
    );
}

#[test]
fn every_error_kind_is_in_the_schema() {
    let schema: serde_json::Value = serde_json::from_str(&ocop_serve::error_schema()).unwrap();
    let text = schema.to_string();
    for kind in [
        "invalid_input",
        "bad_request",
        "not_found",
        "method_not_allowed",
        "payload_too_large",
        "unauthorized",
        "unavailable",
        "internal",
    ] {
        assert!(text.contains(&format!("\"{kind}\"")), "{kind}");
    }
}
