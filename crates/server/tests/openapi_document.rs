//! The OpenAPI document is made from the handlers and the wire types; its
//! copy in `docs/openapi.json` (for readers and tools) must match, and
//! `docs/EMBED_SERVER.md`'s endpoint table must name every operation.
//! `TOUCAN_UPDATE_OPENAPI=1 cargo test -p toucan-embed-server --test openapi_document` rewrites the copy.

use std::path::PathBuf;

fn docs() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs")
}

#[test]
fn the_copy_in_docs_is_the_generated_document() {
    let generated = toucan_embed_server::routes::document().to_pretty_json().unwrap() + "\n";
    let copy = docs().join("openapi.json");
    if std::env::var_os("TOUCAN_UPDATE_OPENAPI").is_some() {
        std::fs::write(&copy, &generated).unwrap();
    }
    let written = std::fs::read_to_string(&copy).unwrap_or_default();
    assert!(
        written == generated,
        "docs/openapi.json is out of date: run TOUCAN_UPDATE_OPENAPI=1 cargo test -p toucan-embed-server --test openapi_document"
    );
}

#[test]
fn the_endpoint_table_names_every_operation() {
    let document = toucan_embed_server::routes::document();
    let table = std::fs::read_to_string(docs().join("EMBED_SERVER.md")).unwrap();
    let mut missing = Vec::new();
    for (path, item) in &document.paths.paths {
        let methods = [
            ("GET", item.get.is_some()),
            ("POST", item.post.is_some()),
            ("PUT", item.put.is_some()),
            ("PATCH", item.patch.is_some()),
            ("DELETE", item.delete.is_some()),
        ];
        for (method, _) in methods.iter().filter(|(_, present)| *present) {
            let row = format!("`{method} {path}`");
            if !table.contains(&row) {
                missing.push(row);
            }
        }
    }
    assert!(missing.is_empty(), "docs/EMBED_SERVER.md doesn't list {missing:?}");
}

#[test]
fn every_operation_says_who_may_call_it_and_how_it_fails() {
    let document = serde_json::to_value(toucan_embed_server::routes::document()).unwrap();
    for (path, item) in document["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            let responses = operation["responses"].as_object().unwrap();
            let guarded = path.starts_with("/api/") || path.starts_with("/embed/");
            if guarded {
                assert!(operation["security"].is_array(), "{method} {path} names no security");
                assert!(responses.contains_key("401"), "{method} {path} doesn't document 401");
            }
            for (status, response) in responses {
                if status.starts_with('4') {
                    assert_eq!(
                        response["content"]["application/json"]["schema"]["$ref"], "#/components/schemas/ErrorBody",
                        "{method} {path} {status} isn't the error body"
                    );
                }
            }
        }
    }
}
