//! The committed JSON Schemas under `schemas/` match the code. Set `OCOP_UPDATE_SCHEMAS=1` to
//! rewrite them after an intended change.

use std::path::Path;

#[test]
fn committed_schemas_are_fresh() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schemas");
    let update = std::env::var_os("OCOP_UPDATE_SCHEMAS").is_some();
    let mut stale = Vec::new();
    for schema in ocop_core::schema::all() {
        let path = folder.join(schema.file);
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        if committed != schema.text {
            if update {
                std::fs::create_dir_all(&folder).unwrap();
                std::fs::write(&path, &schema.text).unwrap();
            } else {
                stale.push(schema.file);
            }
        }
    }
    assert!(
        stale.is_empty(),
        "stale schemas {stale:?}: run `OCOP_UPDATE_SCHEMAS=1 cargo test -p ocop-core --test schemas`"
    );
}
