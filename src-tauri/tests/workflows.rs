//! The GitHub workflows are valid YAML and say what the README promises:
//! the release workflow's version and identifier match the app's and it builds
//! every installer into a draft release with an updater feed; the CI workflow
//! tests the core against the real keychain on Linux, Windows and macOS.
//! Every third-party action is pinned by commit, and signing secrets reach only
//! the steps that sign.

use serde_json::Value as Json;
use serde_norway::Value;

fn release() -> Value {
    serde_norway::from_str(include_str!("../../.github/workflows/release.yml")).expect("release.yml is valid YAML")
}

fn ci() -> Value {
    serde_norway::from_str(include_str!("../../.github/workflows/ci.yml")).expect("ci.yml is valid YAML")
}

fn config() -> Json {
    serde_json::from_str(include_str!("../tauri.conf.json")).unwrap()
}

fn steps(job: &Value) -> &Vec<Value> {
    job["steps"].as_sequence().expect("a job has steps")
}

fn jobs(workflow: &Value) -> Vec<&Value> {
    workflow["jobs"].as_mapping().unwrap().values().collect()
}

fn all_steps(workflow: &Value) -> Vec<&Value> {
    jobs(workflow).into_iter().flat_map(steps).collect()
}

#[test]
fn version_and_identifier_match_the_app() {
    let workflow = release();
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
    let workflow = release();
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
    let builds: Vec<&Value> = steps(job)
        .iter()
        .filter(|s| {
            s["uses"]
                .as_str()
                .is_some_and(|u| u.starts_with("tauri-apps/tauri-action@"))
        })
        .collect();
    assert!(!builds.is_empty(), "the official tauri-action builds the release");
    for build in builds {
        assert_eq!(build["with"]["releaseDraft"].as_bool(), Some(true));
        let args = build["with"]["args"].as_str().unwrap();
        assert!(
            args.contains("env.UPDATER_CONFIG"),
            "the build takes the updater configuration"
        );
    }
}

#[test]
fn the_release_publishes_an_updater_feed_from_the_signatures() {
    let workflow = release();
    let feed = &workflow["jobs"]["feed"];
    assert_eq!(feed["needs"].as_str(), Some("build"));
    let script = steps(feed).iter().filter_map(|s| s["run"].as_str()).collect::<String>();
    assert!(
        script.contains("scripts/updater-feed.py"),
        "the feed is written by the tested script"
    );
    assert!(script.contains("gh release upload") && script.contains("latest.json"));
}

#[test]
fn every_third_party_action_is_pinned_by_commit() {
    for workflow in [release(), ci()] {
        for step in all_steps(&workflow) {
            let Some(uses) = step["uses"].as_str() else { continue };
            let (_, reference) = uses.split_once('@').expect("an action has a version");
            assert!(
                reference.len() == 40 && reference.chars().all(|c| c.is_ascii_hexdigit()),
                "{uses} is not pinned to a commit"
            );
        }
    }
}

#[test]
fn signing_secrets_reach_only_the_steps_that_sign() {
    let workflow = release();
    let build = &workflow["jobs"]["build"];
    for level in [&workflow["env"], &build["env"]] {
        let text = serde_norway::to_string(level).unwrap();
        assert!(
            !text.contains("secrets."),
            "no secret in a workflow- or job-wide environment"
        );
    }
    for step in steps(build) {
        let name = step["name"].as_str().unwrap_or_default();
        let env = serde_norway::to_string(&step["env"]).unwrap();
        let run = step["run"].as_str().unwrap_or_default();
        assert!(
            !run.contains("GITHUB_ENV") || !run.contains("printenv"),
            "{name} copies secrets to later steps"
        );
        let signs = step["uses"]
            .as_str()
            .is_some_and(|u| u.starts_with("tauri-apps/tauri-action@"));
        if env.contains("secrets.APPLE_") && !name.starts_with("See which") {
            assert!(
                signs && step["if"].as_str().unwrap().contains("macOS"),
                "{name} gets the Apple secrets"
            );
        }
        if env.contains("secrets.WINDOWS_") {
            assert!(
                step["if"].as_str() == Some("runner.os == 'Windows'"),
                "{name} gets the Windows certificate"
            );
        }
        if env.contains("secrets.TAURI_SIGNING_PRIVATE_KEY") && !name.starts_with("See which") {
            assert!(signs, "{name} gets the update signing key");
        }
    }
}

/// What goes into a signed release is built from nothing cached: a cache
/// another run wrote could end up in every installed app through the updater.
/// Its secrets live in the protected `release` environment.
#[test]
fn the_release_uses_no_cache_and_keeps_its_secrets_in_an_environment() {
    let workflow = release();
    assert_eq!(workflow["jobs"]["build"]["environment"], "release");
    for step in all_steps(&workflow) {
        let uses = step["uses"].as_str().unwrap_or_default();
        assert!(!uses.contains("cache"), "the release uses a cache: {uses}");
        if uses.starts_with("actions/setup-node@") {
            assert_eq!(step["with"]["package-manager-cache"], false, "setup-node caches npm");
            assert!(step["with"]["cache"].is_null(), "setup-node caches npm");
        }
        let run = step["run"].as_str().unwrap_or_default();
        assert!(!run.contains("${{"), "a template expanded in a run: step: {run}");
    }
}

#[test]
fn ci_tests_the_core_against_the_real_keychain_on_three_systems() {
    let workflow = ci();
    let triggers = workflow["on"].as_mapping().unwrap();
    assert!(triggers.contains_key("push") && triggers.contains_key("pull_request"));
    let job = &workflow["jobs"]["test"];
    let systems: Vec<&str> = job["strategy"]["matrix"]["os"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(systems, ["ubuntu-latest", "windows-latest", "macos-latest"]);
    let runs: Vec<&str> = steps(job).iter().filter_map(|s| s["run"].as_str()).collect();
    let all = runs.join("\n");
    assert!(
        all.contains("scripts/with-keychain.sh cargo test -p toucan-keys-core"),
        "Linux: the Secret Service"
    );
    assert!(
        all.contains("security create-keychain") && all.contains("security default-keychain"),
        "macOS keychain"
    );
    assert!(all.contains("cargo test -p toucan-keys-core"), "the core's tests run");
    assert!(all.contains("npm test --prefix ui"), "the UI tests run");
    assert!(all.contains("cargo build -p toucan-keys"), "the app builds");
    assert!(
        all.contains("cargo deny check\n"),
        "advisories are checked where the network allows"
    );
}

/// The command line is in every installer: the Linux packages install it as
/// /usr/bin/toucan-keys-cli; the Windows and macOS bundles carry it next to
/// the app (Tauri's externalBin), built for the release's target by
/// scripts/stage-cli.sh before the installers are made, under the name
/// externalBin looks for (`toucan-keys-cli-<target>[.exe]`).
#[test]
fn every_installer_carries_the_command_line() {
    let config = config();
    for package in ["deb", "rpm"] {
        assert_eq!(
            config["bundle"]["linux"][package]["files"]["/usr/bin/toucan-keys-cli"].as_str(),
            Some("cli-bin/toucan-keys-cli"),
            "the .{package} installs the command line"
        );
    }
    for (system, platform_config) in [
        ("Windows", include_str!("../tauri.windows.conf.json")),
        ("macOS", include_str!("../tauri.macos.conf.json")),
    ] {
        let platform: Json = serde_json::from_str(platform_config).unwrap();
        assert_eq!(
            platform["bundle"]["externalBin"],
            serde_json::json!(["cli-bin/toucan-keys-cli"]),
            "the {system} bundle doesn't carry the command line"
        );
    }
    let workflow = release();
    let build = steps(&workflow["jobs"]["build"]);
    let staged = build
        .iter()
        .position(|step| {
            step["run"]
                .as_str()
                .is_some_and(|run| run.contains(r#"scripts/stage-cli.sh "$RUST_TARGET""#))
        })
        .expect("the release stages the command line for its target");
    assert_eq!(build[staged]["if"].as_str(), Some("runner.os != 'Linux'"));
    let first_installer = build
        .iter()
        .position(|step| {
            step["uses"]
                .as_str()
                .is_some_and(|uses| uses.starts_with("tauri-apps/tauri-action@"))
        })
        .unwrap();
    assert!(
        staged < first_installer,
        "the command line is staged after the installers are built"
    );
    let script = include_str!("../../scripts/stage-cli.sh");
    assert!(
        script.contains(r#""src-tauri/cli-bin/toucan-keys-cli-$target$exe""#),
        "stage-cli.sh doesn't name the binary as externalBin expects"
    );
}

/// A signed macOS release keeps its keychain access across updates: the
/// workflow checks the designated requirement names the identifier and a
/// team, never one build's hash (scripts/check-designated-requirement.sh,
/// here given the texts `codesign -d -r-` prints).
#[test]
fn a_signed_mac_release_is_checked_to_keep_keychain_access_across_updates() {
    let workflow = release();
    let build = steps(&workflow["jobs"]["build"]);
    let check = build
        .iter()
        .find(|step| {
            step["run"]
                .as_str()
                .is_some_and(|run| run.contains("scripts/check-designated-requirement.sh"))
        })
        .expect("the release checks the designated requirement");
    assert_eq!(
        check["if"].as_str(),
        Some("runner.os == 'macOS' && steps.signing.outputs.apple == 'true'")
    );
    let judge = |requirement: &str| {
        let mut child = std::process::Command::new("bash")
            .arg(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../scripts/check-designated-requirement.sh"
            ))
            .args(["--from-stdin", "cloud.toucanai.keys"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        use std::io::Write;
        child.stdin.take().unwrap().write_all(requirement.as_bytes()).unwrap();
        child.wait().unwrap().success()
    };
    let developer_id = r#"Executable=/Applications/Toucan Keys.app/Contents/MacOS/toucan-keys
designated => anchor apple generic and identifier "cloud.toucanai.keys" and (certificate leaf[field.1.2.840.113635.100.6.1.9] /* exists */ or certificate 1[field.1.2.840.113635.100.6.2.6] /* exists */ and certificate leaf[field.1.2.840.113635.100.6.1.13] /* exists */ and certificate leaf[subject.OU] = "A1B2C3D4E5")"#;
    assert!(judge(developer_id), "a Developer ID requirement is refused");
    let ad_hoc = "Executable=/Applications/Toucan Keys.app/Contents/MacOS/toucan-keys\n\
                  designated => cdhash H\"8d2ee9a1b2c3d4e5f60718293a4b5c6d7e8f9012\"";
    assert!(!judge(ad_hoc), "an ad-hoc signature (one build's hash) passes");
    assert!(
        !judge(&developer_id.replace("cloud.toucanai.keys", "com.example.other")),
        "another identifier passes"
    );
    assert!(!judge("Executable=/x\n"), "an unsigned app passes");
}
