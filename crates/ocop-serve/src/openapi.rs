//! The OpenAPI 3.1 description of the service, built from the JSON Schemas the project commits
//! in `schemas/` (the same values `ocop schema NAME` prints), so the description cannot drift
//! from the documents.

use schemars::schema_for;
use serde_json::{Map, Value, json};

use crate::error::ErrorDocument;

/// The name of the schema of the service's own error documents.
const SERVICE_ERROR: &str = "service-error";

/// The OpenAPI document, pretty-printed.
pub fn openapi_document() -> String {
    let mut schemas = Map::new();
    for named in ocop_core::schema::all() {
        if let Ok(schema) = serde_json::from_str::<Value>(&named.text) {
            add_schema(&mut schemas, named.name, schema);
        }
    }
    if let Ok(schema) = serde_json::to_value(schema_for!(ErrorDocument)) {
        add_schema(&mut schemas, SERVICE_ERROR, schema);
    }
    let reference = |name: &str| -> Value {
        if schemas.contains_key(name) {
            json!({"$ref": format!("#/components/schemas/{name}")})
        } else {
            json!({})
        }
    };
    let document = |name: &str, description: &str| -> Value {
        json!({"description": description,
               "content": {"application/json": {"schema": reference(name)}}})
    };
    let errors = |extra: &[(&str, &str)]| -> Map<String, Value> {
        let mut responses = Map::new();
        for (status, description) in [
            (
                "400",
                "Malformed request: an option that is not one, a body that is not UTF-8.",
            ),
            (
                "401",
                "A bearer token is required and was missing or wrong.",
            ),
            (
                "413",
                "The body is larger than the service accepts (--max-body).",
            ),
            (
                "503",
                "Too many requests at once (--max-concurrency) or body bytes at once \
                 (--max-in-flight), or too slow (--timeout).",
            ),
        ]
        .iter()
        .chain(extra)
        {
            responses.insert((*status).to_owned(), document(SERVICE_ERROR, description));
        }
        responses
    };
    let invalid = document(
        "error",
        "The body is not valid input: {\"error\": {\"kind\": \"invalid_input\", \"problems\": [...]}}, \
         every problem with its path, line, column and message, as the command prints it (without \"file\").",
    );
    let body = |name: &str, media: &str, description: &str| -> Value {
        json!({"required": true, "description": description,
               "content": {media: {"schema": reference(name)}}})
    };
    let partial = json!({"name": "partial", "in": "query", "required": false,
        "description": "Allow unfinished sheets, as --partial does.",
        "schema": {"type": "string", "enum": ["", "true", "false", "1", "0"]}});
    let lang = json!({"name": "lang", "in": "query", "required": false,
        "description": "Language of messages; without it, Accept-Language chooses (vi by default).",
        "schema": {"type": "string", "enum": ["vi", "en"]}});
    let operation = |summary: &str,
                     parameters: Vec<Value>,
                     request: Option<Value>,
                     ok: Value,
                     extra: &[(&str, &str)],
                     with_invalid: bool| {
        let mut responses = errors(extra);
        responses.insert("200".to_owned(), ok);
        if with_invalid {
            responses.insert("422".to_owned(), invalid.clone());
        }
        let mut operation = json!({"summary": summary, "parameters": parameters,
                                   "responses": responses});
        if let (Some(request), Some(object)) = (request, operation.as_object_mut()) {
            object.insert("requestBody".to_owned(), request);
        }
        operation
    };
    let not_found: &[(&str, &str)] = &[("404", "No such rubric or product set.")];
    let paths = json!({
        "/v1/score": {"post": operation(
            "Score a council member's sheet (ocop score --format json).",
            vec![partial.clone(), lang.clone()],
            Some(body("sheet", "application/json", "A member's sheet.")),
            document("result", "The scorecard."), &[], true)},
        "/v1/council": {"post": operation(
            "Combine a council session into the council's result (ocop council --format json).",
            vec![partial.clone(), lang.clone()],
            Some(body("session", "application/json", "A council session.")),
            document("council-result", "The council's result."), &[], true)},
        "/v1/advise": {"post": operation(
            "What to improve to reach a star level (ocop advise --format json).",
            vec![partial.clone(), lang.clone(),
                 json!({"name": "target", "in": "query", "required": false,
                        "description": "The star level to reach (default: the next one).",
                        "schema": {"type": "integer", "minimum": 1, "maximum": 5}}),
                 json!({"name": "alternatives", "in": "query", "required": false,
                        "description": "How many tied plans to list at most (default 5).",
                        "schema": {"type": "integer", "minimum": 1, "maximum": 65535}})],
            Some(body("sheet", "application/json", "A member's sheet, or a council session.")),
            document("advice", "The advice."), &[], true)},
        "/v1/rank": {"post": operation(
            "Score and rank a round of sessions (ocop rank FILE.ndjson --format json).",
            vec![partial, lang.clone(),
                 json!({"name": "source", "in": "query", "required": false,
                        "description": "How rows name their origin (SOURCE:LINE); default request.",
                        "schema": {"type": "string"}})],
            Some(body("session", "application/x-ndjson",
                      "NDJSON, streamed: one council session per line; blank lines skipped.")),
            document("ranking", "The ranking; sessions that could not be scored are in failures."),
            &[], false)},
        "/v1/rescore": {"post": operation(
            "Carry an old sheet to another rubric (ocop rescore --to RUBRIC --format json).",
            vec![lang.clone(),
                 json!({"name": "to", "in": "query", "required": true,
                        "description": "The rubric to carry the sheet to.",
                        "schema": {"type": "string"}})],
            Some(body("sheet", "application/json", "The old sheet.")),
            document("rescore", "Both results and every answer carried."), &[], true)},
        "/v1/rubrics": {"get": operation(
            "The rubrics and their product sets (ocop rubrics --format json).",
            vec![lang.clone()], None, document("rubrics", "The rubrics."), &[], false)},
        "/v1/rubrics/{id}/sets/{number}": {"get": operation(
            "A product set: its file (JSON), or its blank sheet (ocop sheet --format markdown|text|html).",
            vec![json!({"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}),
                 json!({"name": "number", "in": "path", "required": true,
                        "schema": {"type": "integer", "minimum": 1, "maximum": 26}}),
                 json!({"name": "format", "in": "query", "required": false,
                        "description": "json, markdown, text or html; without it, Accept chooses.",
                        "schema": {"type": "string", "enum": ["json", "markdown", "text", "html"]}}),
                 lang.clone()],
            None,
            json!({"description": "The product set.", "content": {
                "application/json": {"schema": reference("rubric-set")},
                "text/markdown": {"schema": {"type": "string"}},
                "text/plain": {"schema": {"type": "string"}},
                "text/html": {"schema": {"type": "string"}}}}),
            not_found, false)},
        "/v1/cert": {"get": operation(
            "A certificate's expiry, re-rating window and state (ocop cert --format json).",
            vec![json!({"name": "decided", "in": "query", "required": true,
                        "schema": {"type": "string", "format": "date"}}),
                 json!({"name": "on", "in": "query", "required": false,
                        "description": "The day to give the state for (default: today).",
                        "schema": {"type": "string", "format": "date"}}),
                 json!({"name": "rubric", "in": "query", "required": false,
                        "description": "Default: the rubric in force on the decision date.",
                        "schema": {"type": "string"}}),
                 lang.clone()],
            None, document("certificate", "The certificate's dates and state."), not_found, true)},
        "/v1/calendar": {"get": operation(
            "The evaluation rounds a year must have, and the first round a file proposed on a day \
             can enter (ocop calendar --format json).",
            vec![json!({"name": "year", "in": "query", "required": true,
                        "schema": {"type": "integer"}}),
                 json!({"name": "level", "in": "query", "required": false,
                        "description": "Only this level's rounds.",
                        "schema": {"type": "string", "enum": ["province", "central"]}}),
                 json!({"name": "on", "in": "query", "required": false,
                        "description": "The day a file is proposed: the first round of each \
                                        level it can enter.",
                        "schema": {"type": "string", "format": "date"}}),
                 lang.clone()],
            None, document("calendar", "The year's rounds."), &[], true)},
        "/openapi.json": {"get": {"summary": "This description.",
            "responses": {"200": {"description": "OpenAPI 3.1.",
                                  "content": {"application/json": {}}}}}},
        "/healthz": {"get": {"summary": "Whether the service answers (no token needed).",
            "responses": {"200": {"description": "ok", "content": {"text/plain": {}}}}}},
    });
    let description = json!({
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "info": {
            "title": "ocop",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "The OCOP scoring engine as an HTTP/JSON service. Every response body \
                is byte for byte what `ocop ... --format json` prints; decimals are JSON strings.",
        },
        "components": {
            "schemas": schemas,
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        },
        "security": [{}, {"bearer": []}],
        "paths": paths,
    });
    ocop_core::output::json_document(&description)
}

/// Adds a schema under `name`, its definitions beside it as `name.Definition`, with every
/// reference rewritten to where it now lives (the `$schema` keyword is the document's dialect).
fn add_schema(schemas: &mut Map<String, Value>, name: &str, mut schema: Value) {
    if let Some(object) = schema.as_object_mut() {
        object.remove("$schema");
        if let Some(Value::Object(definitions)) = object.remove("$defs") {
            for (definition, mut value) in definitions {
                rewrite_references(&mut value, name);
                schemas.insert(format!("{name}.{definition}"), value);
            }
        }
    }
    rewrite_references(&mut schema, name);
    schemas.insert(name.to_owned(), schema);
}

fn rewrite_references(value: &mut Value, name: &str) {
    match value {
        Value::Object(object) => {
            for (key, inner) in object.iter_mut() {
                match inner {
                    Value::String(target) if key == "$ref" => {
                        if let Some(definition) = target.strip_prefix("#/$defs/") {
                            *target = format!("#/components/schemas/{name}.{definition}");
                        } else if target == "#" {
                            *target = format!("#/components/schemas/{name}");
                        }
                    }
                    inner => rewrite_references(inner, name),
                }
            }
        }
        Value::Array(items) => {
            for item in items {
                rewrite_references(item, name);
            }
        }
        _ => {}
    }
}
