//! The `toucan-keys-cli` binary as a developer uses it, inside the private
//! test keychain (scripts/with-keychain.sh), each test with its own data and
//! config folders; the keychain is checked from outside with `secret-tool`.
#![cfg(target_os = "linux")]

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use keychain_testkit::{require_test_keychain, secret_tool_lookup};

const SERVICE: &str = "cloud.toucanai.keys";

/// A private home for one test: its own registry, settings and workspace.
struct Home(tempfile::TempDir);

impl Home {
    fn new() -> Self {
        require_test_keychain();
        Self(tempfile::tempdir().unwrap())
    }

    fn cli(&self) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_toucan-keys-cli"));
        command
            .env("XDG_DATA_HOME", self.0.path().join("data"))
            .env("XDG_CONFIG_HOME", self.0.path().join("config"))
            .env("HOME", self.0.path())
            // English, whatever the machine's language (a test sets another).
            .env_remove("LANGUAGE")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "C.UTF-8")
            .stdin(Stdio::null());
        command
    }

    fn run(&self, args: &[&str]) -> Output {
        self.cli().args(args).output().unwrap()
    }

    /// Creates a key with its output on a pipe (so it is printed); returns it.
    fn create(&self, name: &str) -> String {
        let out = self.run(&["create", "--name", name]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let key = text(&out.stdout).trim().to_owned();
        assert!(key.starts_with("tck_") && key.len() == 40, "{key}");
        key
    }

    fn id_of(&self, name: &str) -> String {
        let out = self.run(&["list", "--json"]);
        let keys: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let key = keys.as_array().unwrap().iter().find(|k| k["name"] == name).unwrap();
        key["id"].as_str().unwrap().to_owned()
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn create_prints_the_key_once_into_a_pipe_and_the_keychain_holds_it() {
    let home = Home::new();
    let key = home.create("Production backend");
    let id = home.id_of("Production backend");
    assert_eq!(secret_tool_lookup(SERVICE, &id).as_deref(), Some(key.as_str()));
    let list = home.run(&["list"]);
    let shown = text(&list.stdout);
    assert!(shown.contains("Production backend") && shown.contains(&format!("tck_…{}", &key[36..])));
    assert!(!shown.contains(&key[4..]), "the list shows the key");
    let json = text(&home.run(&["list", "--json"]).stdout);
    assert!(!json.contains(&key[4..]), "the JSON list holds the key");
    assert!(!registry_text(&home).contains(&key[4..]), "the registry holds the key");
}

fn registry_text(home: &Home) -> String {
    let mut all = String::new();
    for entry in walk(home.0.path()) {
        all.push_str(&String::from_utf8_lossy(&std::fs::read(entry).unwrap()));
    }
    all
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}

#[test]
fn run_gives_the_key_to_the_child_only() {
    let home = Home::new();
    let key = home.create("Backend");
    // The child reports what it sees, then waits so the CLI can be inspected.
    let mut cli = home
        .cli()
        .args(["run", "--key", "backend", "--", "sh", "-c"])
        .arg("printf '%s' \"$TOUCAN_API_KEY\" > \"$OUT\"; sleep 2")
        .env("OUT", home.0.path().join("seen"))
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(800));
    let pid = cli.id();
    let cmdline = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap();
    let environ = std::fs::read(format!("/proc/{pid}/environ")).unwrap();
    assert!(
        !text(&cmdline).contains(&key[4..]),
        "the key is on the CLI's command line"
    );
    assert!(
        !text(&environ).contains(&key[4..]),
        "the key is in the CLI's own environment"
    );
    assert!(cli.wait().unwrap().success());
    assert_eq!(std::fs::read_to_string(home.0.path().join("seen")).unwrap(), key);
    let ps = Command::new("ps").args(["-eo", "args"]).output().unwrap();
    assert!(!text(&ps.stdout).contains(&key[4..]));
}

#[test]
fn run_passes_exit_codes_and_signals_through() {
    let home = Home::new();
    home.create("Backend");
    let out = home.run(&["run", "--key", "Backend", "--", "sh", "-c", "exit 42"]);
    assert_eq!(out.status.code(), Some(42));
    let other = home.run(&[
        "run",
        "--env",
        "MY_KEY",
        "--key",
        "Backend",
        "--",
        "sh",
        "-c",
        "test -n \"$MY_KEY\"",
    ]);
    assert_eq!(other.status.code(), Some(0), "--env names the variable");

    // A terminate signal to the CLI reaches the child, whose trap answers 143.
    let mut cli = home
        .cli()
        .args([
            "run",
            "--key",
            "Backend",
            "--",
            "sh",
            "-c",
            "trap 'exit 99' TERM; sleep 30 & wait",
        ])
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(700));
    unsafe_kill(cli.id(), "TERM");
    let status = cli.wait().unwrap();
    assert_eq!(status.code(), Some(99), "the child's trap ran, and its code came back");
}

/// Ctrl+C in a terminal reaches the whole foreground group, the CLI and its
/// child alike. The CLI must not forward that one too: the child would be
/// interrupted twice (a second Ctrl+C to a tool like `psql` or a REPL ends it).
/// A real terminal (a pty, through Python's `pty` module) types Ctrl+C; the
/// child counts the interrupts it gets and exits with that count.
#[cfg(unix)]
#[test]
fn ctrl_c_in_a_terminal_reaches_the_child_once() {
    const TERMINAL: &str = r#"
import os, pty, sys, time
cli = sys.argv[1]
child = "import signal, sys, time\n" \
        "count = [0]\n" \
        "signal.signal(signal.SIGINT, lambda *_: count.__setitem__(0, count[0] + 1))\n" \
        "print('ready', flush=True)\n" \
        "end = time.time() + 2\n" \
        "while time.time() < end: time.sleep(0.05)\n" \
        "sys.exit(count[0])\n"
pid, terminal = pty.fork()
if pid == 0:
    os.execv(cli, [cli, "run", "--key", "Backend", "--", sys.executable, "-c", child])
seen = b""
while b"ready" not in seen:
    seen += os.read(terminal, 1024)
time.sleep(0.3)
os.write(terminal, b"\x03")
while True:
    try:
        os.read(terminal, 1024)
    except OSError:
        break
_, status = os.waitpid(pid, 0)
sys.exit(os.waitstatus_to_exitcode(status))
"#;
    let home = Home::new();
    home.create("Backend");
    let status = Command::new("python3")
        .args(["-c", TERMINAL, env!("CARGO_BIN_EXE_toucan-keys-cli")])
        .envs(home.cli().get_envs().filter_map(|(k, v)| Some((k, v?))))
        .stdin(Stdio::null())
        .status()
        .unwrap();
    assert_eq!(
        status.code(),
        Some(1),
        "the child counted this many interrupts for one Ctrl+C (0: none reached it; 2: the CLI forwarded the terminal's)"
    );
}

/// The key in the child's output is replaced, on standard output and error,
/// also when the child writes it in two pieces; `--no-masking` shows it.
#[test]
fn run_conceals_the_key_in_the_childs_output_unless_asked_not_to() {
    let home = Home::new();
    let key = home.create("Backend");
    // Two writes 20 ms apart on standard error, as a program that prints in pieces.
    let script = "import os, sys, time\n\
                  key = os.environ['TOUCAN_API_KEY']\n\
                  print('key=' + key, flush=True)\n\
                  os.write(2, key[:17].encode()); time.sleep(0.02); os.write(2, (key[17:] + '\\n').encode())\n\
                  print('done', flush=True)\n";
    let out = home.run(&["run", "--key", "Backend", "--", "python3", "-c", script]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert_eq!(stdout, "key=<concealed by toucan-keys>\ndone\n");
    assert_eq!(stderr, "<concealed by toucan-keys>\n", "split across two writes");
    assert!(!stdout.contains(&key[4..]) && !stderr.contains(&key[4..17]));

    let shown = home.run(&[
        "run",
        "--no-masking",
        "--key",
        "Backend",
        "--",
        "sh",
        "-c",
        "printf '%s' \"$TOUCAN_API_KEY\"",
    ]);
    assert_eq!(text(&shown.stdout), key, "--no-masking shows it");
}

/// In a terminal (a pty, through Python's `pty` module), the child gets a
/// terminal of its own: it still sees one (colours, prompts), answers a
/// prompt typed by the person, and its output is masked.
#[cfg(unix)]
#[test]
fn run_in_a_terminal_keeps_the_childs_terminal_and_masks_it() {
    const TERMINAL: &str = r#"
import os, pty, sys, time
cli = sys.argv[1]
child = 'if [ -t 0 ] && [ -t 1 ]; then echo on-a-terminal; fi; printf "\033[32mgreen\033[0m %s\n" "$TOUCAN_API_KEY"; printf "Name? "; read -r name; echo "hello $name"'
pid, terminal = pty.fork()
if pid == 0:
    os.execv(cli, [cli, "run", "--key", "Backend", "--", "sh", "-c", child])
seen = b""
while b"Name? " not in seen:
    seen += os.read(terminal, 4096)
os.write(terminal, b"Maria\r")
while True:
    try:
        chunk = os.read(terminal, 4096)
    except OSError:
        break
    if not chunk:
        break
    seen += chunk
_, status = os.waitpid(pid, 0)
sys.stdout.buffer.write(seen)
sys.exit(os.waitstatus_to_exitcode(status))
"#;
    let home = Home::new();
    let key = home.create("Backend");
    let out = Command::new("python3")
        .args(["-c", TERMINAL, env!("CARGO_BIN_EXE_toucan-keys-cli")])
        .envs(home.cli().get_envs().filter_map(|(k, v)| Some((k, v?))))
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let seen = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{seen}{}", text(&out.stderr));
    assert!(
        seen.contains("on-a-terminal"),
        "the child didn't get a terminal: {seen}"
    );
    assert!(
        seen.contains("\u{1b}[32mgreen\u{1b}[0m <concealed by toucan-keys>"),
        "{seen:?}"
    );
    assert!(
        seen.contains("hello Maria"),
        "the typed answer didn't reach the child: {seen:?}"
    );
    assert!(!seen.contains(&key[4..]), "the key reached the terminal");
}

/// `--env` names that change how programs load or run are refused, in any case.
#[test]
fn run_refuses_variables_that_change_how_programs_run() {
    let home = Home::new();
    home.create("Backend");
    for name in [
        "LD_PRELOAD",
        "LD_LIBRARY_PATH",
        "DYLD_INSERT_LIBRARIES",
        "PATH",
        "Path",
        "NODE_OPTIONS",
    ] {
        let out = home.run(&["run", "--env", name, "--key", "Backend", "--", "true"]);
        assert_eq!(out.status.code(), Some(2), "{name}");
        assert!(
            text(&out.stderr).contains("changes how programs are found, loaded or run"),
            "{name}: {}",
            text(&out.stderr)
        );
    }
}

fn unsafe_kill(pid: u32, signal: &str) {
    assert!(
        Command::new("kill")
            .args([&format!("-{signal}"), &pid.to_string()])
            .status()
            .unwrap()
            .success()
    );
}

#[test]
fn scripts_can_tell_failures_apart_by_exit_code() {
    let home = Home::new();
    home.create("Backend");
    let missing = home.run(&["run", "--key", "nothing-like-it", "--", "true"]);
    assert_eq!(missing.status.code(), Some(4));
    assert!(text(&missing.stderr).contains("None of your keys is named “nothing-like-it”"));
    let usage = home.run(&["create"]);
    assert_eq!(usage.status.code(), Some(2));
    let taken = home.run(&["create", "--name", "backend"]);
    assert_eq!(taken.status.code(), Some(1));
    assert!(
        text(&taken.stderr).contains("You already have an active key named \"Backend\""),
        "the core's own words"
    );
    let revoke = home.run(&["revoke", "Backend", "--yes"]);
    assert!(revoke.status.success(), "{}", text(&revoke.stderr));
    let refused = home.run(&["run", "--key", "Backend", "--", "true"]);
    assert_eq!(refused.status.code(), Some(5));
    assert!(text(&refused.stderr).contains("revoked"));
}

/// `roll` prints the replacement once into a pipe, keeps it in the keychain,
/// and lets the old key work for the overlap; `details` shows both with their
/// history in the window's words.
#[test]
fn roll_prints_the_replacement_once_and_details_show_the_history() {
    let home = Home::new();
    let old_key = home.create("Backend");
    let old_id = home.id_of("Backend");
    let out = home.run(&["roll", "Backend", "--overlap", "1h"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let new_key = text(&out.stdout).trim().to_owned();
    assert!(
        new_key.starts_with("tck_") && new_key.len() == 40 && new_key != old_key,
        "{new_key}"
    );
    assert!(
        text(&out.stderr).contains("“Backend (old)” keeps working until"),
        "{}",
        text(&out.stderr)
    );
    let new_id = home.id_of("Backend");
    assert_eq!(secret_tool_lookup(SERVICE, &new_id).as_deref(), Some(new_key.as_str()));
    assert_eq!(
        secret_tool_lookup(SERVICE, &old_id).as_deref(),
        Some(old_key.as_str()),
        "the overlap keeps the old key"
    );

    let details = text(&home.run(&["details", &old_id]).stdout);
    assert!(
        details
            .lines()
            .any(|line| line.starts_with("Replaced by ") && line.trim_end().ends_with(" Backend")),
        "{details}"
    );
    assert!(
        details
            .lines()
            .any(|line| line.starts_with("Status ") && line.trim_end().ends_with(" Retiring")),
        "{details}"
    );
    assert!(details.contains("Rolled: a new key replaces it"), "{details}");
    assert!(details.contains("Created"), "{details}");
    assert!(
        !details.contains(&old_key[4..]) && !details.contains(&new_key[4..]),
        "details show a key"
    );
    let json: serde_json::Value = serde_json::from_slice(&home.run(&["details", "Backend", "--json"]).stdout).unwrap();
    assert_eq!(json["replaces"], "Backend (old)");
    assert_eq!(json["activity"][0]["text"], "Made by rolling an older key");

    // Rolled again with no overlap: the old one is revoked at once.
    let now = home.run(&["roll", "Backend", "--overlap", "now"]);
    assert!(now.status.success(), "{}", text(&now.stderr));
    assert_eq!(
        secret_tool_lookup(SERVICE, &new_id),
        None,
        "rolled now: the secret left the keychain"
    );
    let bad = home.run(&["roll", "Backend", "--overlap", "2w"]);
    assert_eq!(bad.status.code(), Some(2));
}

/// A key its server said was found in public (what the app's sync records):
/// `list` says so in the same words as the window, with where and when, and
/// the key is no longer handed out.
#[test]
fn a_leaked_key_is_listed_as_leaked_with_where_and_is_not_copied() {
    let home = Home::new();
    home.create("Shop");
    let id = home.id_of("Shop");
    let registry = walk(home.0.path())
        .into_iter()
        .find(|path| path.file_name().is_some_and(|name| name == "keys.json"))
        .expect("the key list");
    let mut list: serde_json::Value = serde_json::from_slice(&std::fs::read(&registry).unwrap()).unwrap();
    let record = list["keys"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|k| k["id"] == id.as_str())
        .unwrap();
    record["leak"] = serde_json::json!({
        "foundAt": "2026-12-02T10:00:00Z",
        "url": "https://github.com/octo-org/shop/blob/0123abc/.env",
        "source": "content"
    });
    std::fs::write(&registry, serde_json::to_vec(&list).unwrap()).unwrap();

    let shown = text(&home.run(&["list"]).stdout);
    assert!(shown.contains("Leaked"), "{shown}");
    assert!(
        shown.contains("“Shop” was found in public at https://github.com/octo-org/shop/blob/0123abc/.env on 2 December 2026. It still works, for anyone who saw it"),
        "{shown}"
    );
    let json: serde_json::Value = serde_json::from_slice(&home.run(&["list", "--json"]).stdout).unwrap();
    assert_eq!(json[0]["status"], "leaked");
    assert_eq!(
        json[0]["leak"]["url"],
        "https://github.com/octo-org/shop/blob/0123abc/.env"
    );
    let copied = home.run(&["copy", "Shop"]);
    assert!(!copied.status.success(), "a leaked key was copied");
}

#[test]
fn revoke_asks_unless_told_yes_and_delete_needs_a_revoked_key() {
    let home = Home::new();
    home.create("Backend");
    let id = home.id_of("Backend");
    let unasked = home.run(&["revoke", "Backend"]);
    assert_eq!(
        unasked.status.code(),
        Some(1),
        "no terminal to ask on: nothing is revoked"
    );
    assert!(secret_tool_lookup(SERVICE, &id).is_some());
    let early = home.run(&["delete", &id, "--yes"]);
    assert_eq!(early.status.code(), Some(1));
    assert!(text(&early.stderr).contains("Revoke this key before deleting it."));
    assert!(home.run(&["rename", &id, "Old backend"]).status.success());
    assert!(home.run(&["revoke", "old backend", "--yes"]).status.success());
    assert_eq!(secret_tool_lookup(SERVICE, &id), None, "the secret left the keychain");
    assert!(home.run(&["delete", &id, "--yes"]).status.success());
    assert!(text(&home.run(&["list"]).stdout).contains("No keys yet"));
}

#[test]
fn identify_names_the_key_a_pasted_string_is() {
    let home = Home::new();
    let key = home.create("Backend");
    let mut identify = home
        .cli()
        .arg("identify")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    writeln!(identify.stdin.take().unwrap(), "  {key}  ").unwrap();
    let out = identify.wait_with_output().unwrap();
    assert!(out.status.success());
    assert!(
        text(&out.stdout).starts_with("This is “Backend” (tck_…"),
        "{}",
        text(&out.stdout)
    );
    assert!(!text(&out.stdout).contains(&key[4..]));
}

#[test]
fn help_shows_examples_and_completions_are_printed() {
    let home = Home::new();
    let help = text(&home.run(&["--help"]).stdout);
    assert!(help.contains("toucan-keys-cli run --key \"Production backend\" -- npm start"));
    assert!(help.contains("Exit codes: 0 ok"));
    let bash = home.run(&["completions", "bash"]);
    assert!(bash.status.success() && text(&bash.stdout).contains("toucan-keys-cli"));
    assert!(text(&home.run(&["--version"]).stdout).starts_with("toucan-keys-cli "));
}

/// A data folder removed (a new computer's profile, a deleted keys.json):
/// the keys stay in the keychain, `list --found` offers them, `restore`
/// brings one back usable by `run`, and `delete` removes another for good.
#[test]
fn keys_whose_list_was_lost_are_found_restored_and_deleted() {
    let home = Home::new();
    let kept = home.create("Lost and found");
    let doomed = home.create("Lost for good");
    let (kept_id, doomed_id) = (home.id_of("Lost and found"), home.id_of("Lost for good"));
    std::fs::remove_dir_all(home.0.path().join("data")).unwrap();
    home.create("Made after the loss");

    let listed = home.run(&["list", "--json"]);
    assert!(!text(&listed.stdout).contains(&kept_id));
    let found = home.run(&["list", "--found", "--json"]);
    assert!(found.status.success(), "{}", text(&found.stderr));
    let found: serde_json::Value = serde_json::from_slice(&found.stdout).unwrap();
    let ours = |id: &str| found.as_array().unwrap().iter().find(|k| k["id"] == id).cloned();
    assert_eq!(ours(&kept_id).unwrap()["name"], "Lost and found");
    assert!(ours(&doomed_id).is_some());
    assert!(!found.to_string().contains(&kept[4..]), "list --found printed a secret");
    for (id, key) in [(&kept_id, &kept), (&doomed_id, &doomed)] {
        assert_eq!(secret_tool_lookup(SERVICE, id).as_deref(), Some(key.as_str()));
    }
    let table = text(&home.run(&["list", "--found"]).stdout);
    assert!(
        table.contains("Found in your keychain") && table.contains("restore"),
        "{table}"
    );

    let restored = home.run(&["restore", &kept_id]);
    assert!(restored.status.success(), "{}", text(&restored.stderr));
    let out = home.run(&[
        "run",
        "--no-masking",
        "--key",
        "Lost and found",
        "--",
        "sh",
        "-c",
        "printf %s \"$TOUCAN_API_KEY\"",
    ]);
    assert_eq!(text(&out.stdout), kept, "{}", text(&out.stderr));
    assert!(
        text(&home.run(&["list"]).stdout).contains("unknown"),
        "a restored key's date is shown as unknown"
    );

    let refused = home.run(&["delete", &doomed_id]);
    assert!(
        !refused.status.success(),
        "delete without a terminal to ask on must not delete"
    );
    assert!(secret_tool_lookup(SERVICE, &doomed_id).is_some());
    let deleted = home.run(&["delete", &doomed_id, "--yes"]);
    assert!(deleted.status.success(), "{}", text(&deleted.stderr));
    assert_eq!(secret_tool_lookup(SERVICE, &doomed_id), None);
    assert_eq!(secret_tool_lookup(SERVICE, &kept_id).as_deref(), Some(kept.as_str()));
}

/// `create --origin` limits a key to web origins (normalised), `origins`
/// changes them, and something that isn't a web origin is refused by name.
#[test]
fn keys_can_be_limited_to_web_origins() {
    let home = Home::new();
    let out = home.run(&["create", "--name", "Shop", "--origin", "https://Shop.example.com:443/"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let listed: serde_json::Value = serde_json::from_slice(&home.run(&["list", "--json"]).stdout).unwrap();
    assert_eq!(
        listed[0]["allowedOrigins"],
        serde_json::json!(["https://shop.example.com"])
    );

    let changed = home.run(&["origins", "Shop", "https://a.example", "https://b.example"]);
    assert!(changed.status.success(), "{}", text(&changed.stderr));
    assert!(text(&changed.stderr).contains("may be used only from https://a.example, https://b.example"));
    let anywhere = home.run(&["origins", "Shop"]);
    assert!(
        text(&anywhere.stderr).contains("may be used from anywhere"),
        "{}",
        text(&anywhere.stderr)
    );

    let refused = home.run(&["create", "--name", "Bad", "--origin", "shop.example.com/path"]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        text(&refused.stderr).contains("“shop.example.com/path” isn't a web address"),
        "{}",
        text(&refused.stderr)
    );
    let listed: serde_json::Value = serde_json::from_slice(&home.run(&["list", "--json"]).stdout).unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 1, "a refused create made a key");
}

#[test]
fn a_key_made_for_one_customer_shows_its_limits_and_can_be_changed() {
    let home = Home::new();
    let out = home.run(&[
        "create",
        "--name",
        "Acme dashboards",
        "--preset",
        "show-dashboards",
        "--customer",
        "tenant=acme",
        "--network",
        "203.0.113.7/24",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let list = text(&home.run(&["list"]).stdout);
    assert!(list.contains("LIMITS"), "{list}");
    assert!(
        list.contains("View only") && list.contains("tenant = acme") && list.contains("1 network"),
        "{list}"
    );
    let keys: serde_json::Value = serde_json::from_slice(&home.run(&["list", "--json"]).stdout).unwrap();
    assert_eq!(
        keys[0]["limits"],
        serde_json::json!({
            "roles": ["explorer"],
            "permissions": { "dashboard": ["can_view"], "chart": ["can_view"] },
            "fixedAttributes": { "tenant": "acme" },
            "networks": ["203.0.113.0/24"]
        })
    );
    assert_eq!(keys[0]["fullAccess"], false);

    // A show-dashboards key without its customer, or a bad network: refused, nothing made.
    let out = home.run(&["create", "--name", "Nobody", "--preset", "show-dashboards"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("--customer"));
    let out = home.run(&["create", "--name", "Nowhere", "--network", "the office"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("“the office” isn't a network"),
        "{}",
        text(&out.stderr)
    );
    let keys: serde_json::Value = serde_json::from_slice(&home.run(&["list", "--json"]).stdout).unwrap();
    assert_eq!(keys.as_array().unwrap().len(), 1);

    // Widened to full access, then narrowed again from the terminal.
    let out = home.run(&["limits", "Acme dashboards"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("Full access"), "{}", text(&out.stderr));
    let out = home.run(&[
        "limits",
        "Acme dashboards",
        "--preset",
        "ai-assistant",
        "--max-lifetime",
        "15m",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("View and AI questions") && text(&out.stderr).contains("tokens up to 15 min"),
        "{}",
        text(&out.stderr)
    );
}

fn git(folder: &Path, args: &[&str]) -> Output {
    Command::new("git")
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.com"])
        .args(args)
        .current_dir(folder)
        .output()
        .unwrap()
}

#[test]
fn scan_names_your_key_where_it_leaked_never_the_key_and_a_hook_blocks_the_commit() {
    let home = Home::new();
    let key = home.create("Leaky backend");
    let repo = tempfile::tempdir().unwrap();
    let folder = repo.path();
    std::fs::write(folder.join(".gitignore"), "ignored.env\n").unwrap();
    std::fs::write(folder.join(".env"), format!("DEBUG=1\nTOUCAN_API_KEY={key}\n")).unwrap();
    std::fs::write(folder.join("ignored.env"), format!("TOUCAN_API_KEY={key}\n")).unwrap();
    let typo = format!("{}{}", &key[..39], if key.ends_with('0') { '1' } else { '0' });
    std::fs::write(folder.join("typo.txt"), format!("{typo}\n")).unwrap();

    let out = home.run(&["scan", folder.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let said = text(&out.stderr);
    assert!(said.contains(".env:2:16: your key “Leaky backend” (active"), "{said}");
    assert!(!said.contains("ignored.env") && !said.contains("typo.txt"), "{said}");
    assert!(said.contains("roll it now"), "{said}");
    assert!(
        !said.contains(&key[4..]) && !text(&out.stdout).contains(&key[4..]),
        "the scan printed the key"
    );

    let out = home.run(&["scan", "--json", folder.to_str().unwrap()]);
    let hits: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(hits.as_array().unwrap().len(), 1, "{hits}");
    assert_eq!(hits[0]["line"], 2);
    assert_eq!(hits[0]["column"], 16);
    assert_eq!(hits[0]["key"]["name"], "Leaky backend");
    assert_eq!(hits[0]["fingerprint"].as_str().unwrap().len(), 64);

    let clean = tempfile::tempdir().unwrap();
    std::fs::write(clean.path().join("main.rs"), "fn main() {}\n").unwrap();
    assert_eq!(
        home.run(&["scan", clean.path().to_str().unwrap()]).status.code(),
        Some(0)
    );

    // What `git commit` would commit, and a hook that stops it; a hook already there is kept.
    assert!(git(folder, &["init", "-q"]).status.success());
    let hooks = folder.join(".git/hooks");
    std::fs::create_dir_all(&hooks).unwrap();
    std::fs::write(hooks.join("pre-commit"), "#!/bin/sh\necho earlier hook ran\n").unwrap();
    assert!(git(folder, &["add", ".env", ".gitignore"]).status.success());
    let staged = home
        .cli()
        .arg("scan")
        .arg("--staged")
        .current_dir(folder)
        .output()
        .unwrap();
    assert_eq!(staged.status.code(), Some(1), "{}", text(&staged.stderr));
    assert!(
        text(&staged.stderr).contains(".env:2:16: your key “Leaky backend”"),
        "{}",
        text(&staged.stderr)
    );
    for _ in 0..2 {
        let installed = home
            .cli()
            .args(["hook", "install"])
            .current_dir(folder)
            .output()
            .unwrap();
        assert!(installed.status.success(), "{}", text(&installed.stderr));
    }
    let hook = std::fs::read_to_string(hooks.join("pre-commit")).unwrap();
    assert!(hook.starts_with("#!/bin/sh\necho earlier hook ran\n"), "{hook}");
    assert_eq!(
        hook.matches("toucan-keys-cli scan --staged").count(),
        1,
        "added once: {hook}"
    );
    let bin = Path::new(env!("CARGO_BIN_EXE_toucan-keys-cli")).parent().unwrap();
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
    let blocked = Command::new("git")
        .args([
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@example.com",
            "commit",
            "-qm",
            "leak",
        ])
        .current_dir(folder)
        .env("PATH", &path)
        .env("XDG_DATA_HOME", home.0.path().join("data"))
        .env("XDG_CONFIG_HOME", home.0.path().join("config"))
        .env("HOME", home.0.path())
        .output()
        .unwrap();
    assert!(
        !blocked.status.success(),
        "the commit went through: {}",
        text(&blocked.stderr)
    );
    // Git sends a hook's standard output to its standard error.
    let said = format!("{}{}", text(&blocked.stdout), text(&blocked.stderr));
    assert!(said.contains("earlier hook ran"), "the earlier hook didn't run: {said}");
    assert!(
        text(&blocked.stderr).contains("your key “Leaky backend”"),
        "{}",
        text(&blocked.stderr)
    );
    // Without the key, the commit goes through.
    std::fs::write(folder.join(".env"), "DEBUG=1\nTOUCAN_API_KEY=\n").unwrap();
    assert!(git(folder, &["add", ".env"]).status.success());
    let committed = Command::new("git")
        .args([
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@example.com",
            "commit",
            "-qm",
            "clean",
        ])
        .current_dir(folder)
        .env("PATH", &path)
        .env("XDG_DATA_HOME", home.0.path().join("data"))
        .env("XDG_CONFIG_HOME", home.0.path().join("config"))
        .env("HOME", home.0.path())
        .output()
        .unwrap();
    assert!(committed.status.success(), "{}", text(&committed.stderr));
}

/// The command line speaks the window's language: the one chosen in the
/// window's settings, else the system's (LANGUAGE, LC_ALL, LANG), from the
/// same catalogues as the window and the core.
#[test]
fn the_command_line_speaks_the_windows_language() {
    let home = Home::new();
    home.create("Production backend");
    assert!(home.run(&["revoke", "Production backend", "--yes"]).status.success());
    let in_french = |args: &[&str]| home.cli().env("LANGUAGE", "fr").args(args).output().unwrap();

    let listed = text(&in_french(&["list"]).stdout);
    assert!(listed.contains("Révoquée"), "{listed}");
    let refused = in_french(&["copy", "Staging"]);
    assert!(!refused.status.success());
    assert!(
        text(&refused.stderr).contains("Aucune de vos clés ne s’appelle «\u{a0}Staging\u{a0}»"),
        "{}",
        text(&refused.stderr)
    );

    // In English, the window's words too (not the status's code name).
    let listed = text(&home.run(&["list"]).stdout);
    assert!(listed.contains("Revoked") && !listed.contains("revoked "), "{listed}");

    // The window's choice wins over the system's.
    let settings = home.0.path().join("config/cloud.toucanai.keys/settings.json");
    std::fs::create_dir_all(settings.parent().unwrap()).unwrap();
    std::fs::write(
        &settings,
        r#"{"version":1,"language":"fr","clipboardClear":{"kind":"after","seconds":30}}"#,
    )
    .unwrap();
    let listed = text(&home.run(&["list"]).stdout);
    assert!(listed.contains("Révoquée"), "{listed}");
}
