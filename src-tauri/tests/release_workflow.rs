//! The release workflow (.github/workflows/release.yml) is valid YAML, and its
//! version and identifier match the app's; it builds every installer the
//! README promises into a draft release.

use serde_json::Value as Json;
use serde_norway::Value;

fn workflow() -> Value {
    serde_norway::from_str(include_str!("../../.github/workflows/release.yml")).expect("release.yml is valid YAML")
}

fn config() -> Json {
    serde_json::from_str(include_str!("../tauri.conf.json")).unwrap()
}

#[test]
fn version_and_identifier_match_the_app() {
    let workflow = workflow();
    let config = config();
    assert_eq!(workflow["env"]["APP_VERSION"].as_str(), config["version"].as_str());
    assert_eq!(workflow["env"]["APP_VERSION"].as_str(), Some(env!("CARGO_PKG_VERSION")));
    assert_eq!(
        workflow["env"]["APP_IDENTIFIER"].as_str(),
        config["identifier"].as_str()
    );
    assert_eq!(config["identifier"], toucan_keys_core::APP_IDENTIFIER);
}

#[test]
fn a_version_tag_builds_every_installer_into_a_draft_release() {
    let workflow = workflow();
    assert_eq!(workflow["on"]["push"]["tags"][0].as_str(), Some("v*"));
    let job = &workflow["jobs"]["build"];
    let args: Vec<&str> = job["strategy"]["matrix"]["include"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|m| m["args"].as_str().unwrap())
        .collect();
    let all = args.join(" ");
    for expected in [
        "msi,nsis",
        "aarch64-apple-darwin",
        "x86_64-apple-darwin",
        "app,dmg",
        "deb,rpm,appimage",
    ] {
        assert!(all.contains(expected), "no build with {expected}");
    }
    let action = job["steps"].as_sequence().unwrap().iter().find(|s| {
        s["uses"]
            .as_str()
            .is_some_and(|u| u.starts_with("tauri-apps/tauri-action@"))
    });
    let action = action.expect("the official tauri-action builds the release");
    assert_eq!(action["with"]["releaseDraft"].as_bool(), Some(true));
}
