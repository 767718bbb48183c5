// Helpers for the end-to-end tests: the app session, the clipboard, the
// keychain and the key format, each checked from outside the app.

import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { remote } from "webdriverio";

export const APP_BINARY = required("TOUCAN_APP_BINARY");
export const SERVER_BINARY = required("TOUCAN_SERVER_BINARY");
export const KEYCHAIN_CTL = required("TOUCAN_KEYCHAIN_CTL");
export const CLI_BINARY = required("TOUCAN_CLI_BINARY");
export const ARTIFACTS = process.env.TOUCAN_ARTIFACTS ?? "artifacts/e2e";
export const SERVICE = "cloud.toucanai.keys";
export const DATA_DIR = join(required("XDG_DATA_HOME"), SERVICE);

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the end-to-end tests through tests/e2e/run.sh`);
  return value;
}

export const CONFIG_DIR = join(required("XDG_CONFIG_HOME"), SERVICE);
/** The app's own home folder (run.sh gives it one, for the autostart entry). */
export const APP_HOME = required("TOUCAN_APP_HOME");

/**
 * Records every desktop notification the session bus carries (the
 * Notify method calls of the Desktop Notifications Specification), as
 * `dbus-monitor` sees them. `notifications()` returns [summary, body] pairs.
 */
export function watchNotifications() {
  const monitor = spawn("dbus-monitor", ["--session", "type='method_call',interface='org.freedesktop.Notifications',member='Notify'"]);
  let output = "";
  monitor.stdout.on("data", (chunk) => (output += chunk));
  return {
    notifications() {
      return output
        .split(/^method call /m)
        .slice(1)
        .filter((call) => call.includes("member=Notify"))
        .map((call) => {
          const strings = [...call.matchAll(/^\s+string "(.*)"$/gm)].map((match) => match[1]);
          // Notify(app_name, replaces_id, app_icon, summary, body, …): the strings are name, icon, summary, body.
          return [strings[2], strings[3]];
        });
    },
    stop() {
      monitor.kill();
    },
  };
}

/**
 * Stops any app this suite started that is still running (matched by its
 * binary's path, so nothing else is touched): politely first, then for good.
 */
export async function stopLeftoverApps() {
  const running = () => spawnSync("pgrep", ["-f", `^${APP_BINARY}`]).status === 0;
  for (let waited = 0; running() && waited < 20; waited++) await sleep(250);
  if (!running()) return;
  spawnSync("pkill", ["-TERM", "-f", `^${APP_BINARY}`]);
  for (let waited = 0; running() && waited < 12; waited++) await sleep(250);
  if (running()) spawnSync("pkill", ["-KILL", "-f", `^${APP_BINARY}`]);
}

/** Where earlier scenarios' folders are moved: still searched by the hygiene scenario. */
const EARLIER = join(required("XDG_STATE_HOME"), "earlier-scenarios");

/**
 * A known starting point for one scenario: the app's data and config folders
 * are moved aside (kept for the hygiene search), its keychain entries are
 * removed, the profile is given a name unless `firstRun`, and the app is
 * launched. Scenarios share nothing else.
 */
export async function freshStart({ firstRun = false, dark = false, french = false } = {}) {
  mkdirSync(EARLIER, { recursive: true });
  for (const [dir, kind] of [[DATA_DIR, "data"], [CONFIG_DIR, "config"]]) {
    if (existsSync(dir)) renameSync(dir, join(EARLIER, `${Date.now()}-${kind}`));
  }
  spawnSync("secret-tool", ["clear", "service", SERVICE], { timeout: 10_000 });
  if (!firstRun) {
    mkdirSync(CONFIG_DIR, { recursive: true });
    writeFileSync(join(CONFIG_DIR, "settings.json"), JSON.stringify({ version: 1, displayName: "Ada Lovelace", clipboardClear: { kind: "after", seconds: 30 } }));
  }
  return launchApp({ dark, french });
}

/**
 * Starts the app through tauri-driver and waits for the screen: with `dark`,
 * the driver whose apps use GTK's dark theme; with `french`, the one whose
 * apps run in a French session (see run.sh).
 */
export async function launchApp({ dark = false, french = false } = {}) {
  const browser = await remote({
    hostname: "127.0.0.1",
    port: 4444 + (dark ? 2 : 0) + (french ? 4 : 0),
    logLevel: "error",
    connectionRetryTimeout: 90_000,
    capabilities: { "tauri:options": { application: APP_BINARY }, "wdio:enforceWebDriverClassic": true },
  });
  await browser.$("h1#page-title").waitForExist({ timeout: 30_000 });
  return browser;
}

export { wordsIn } from "./words.mjs";

let shot = 0;
/** Saves a screenshot of the current step into the artifacts folder. */
export async function screenshot(browser, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  shot += 1;
  await browser.saveScreenshot(join(ARTIFACTS, `${String(shot).padStart(2, "0")}-${name}.png`));
}

/** What another process reads from the clipboard ("" when empty). */
export function readClipboard() {
  const result = spawnSync("xclip", ["-o", "-selection", "clipboard"], { encoding: "utf8", timeout: 10_000 });
  return result.status === 0 ? result.stdout : "";
}

/** What another process reads from the X11 PRIMARY selection ("" when empty). */
export function readPrimary() {
  const result = spawnSync("xclip", ["-o", "-selection", "primary"], { encoding: "utf8", timeout: 10_000 });
  return result.status === 0 ? result.stdout : "";
}

/** The formats (X11 targets) the clipboard's owner offers. */
export function clipboardTargets() {
  const result = spawnSync("xclip", ["-o", "-selection", "clipboard", "-t", "TARGETS"], { encoding: "utf8", timeout: 10_000 });
  return result.status === 0 ? result.stdout.split("\n").filter(Boolean) : [];
}

/** The top-level windows titled `title` on the display. */
export function windowsTitled(title) {
  const tree = spawnSync("xwininfo", ["-root", "-tree"], { encoding: "utf8", timeout: 10_000 }).stdout;
  return tree.split("\n").filter((line) => line.includes(`"${title}"`));
}

/** Another program copies `text` (xclip keeps serving it in the background). */
export function copyElsewhere(text) {
  // xclip forks a child that owns the selection; it must not hold our pipes.
  execFileSync("xclip", ["-i", "-selection", "clipboard"], { input: text, stdio: ["pipe", "ignore", "ignore"], timeout: 10_000 });
}

/** The keychain entry for a key id, read with secret-tool (null if none). */
export function keychainLookup(id) {
  const result = spawnSync("secret-tool", ["lookup", "service", SERVICE, "username", id], { encoding: "utf8", timeout: 10_000 });
  return result.status === 0 ? result.stdout : null;
}

/** How many keychain entries the app has (secret-tool search). */
export function keychainEntryCount() {
  const result = spawnSync("secret-tool", ["search", "--all", "service", SERVICE], { encoding: "utf8", timeout: 10_000 });
  return (result.stdout + result.stderr).split("\n").filter((line) => line.startsWith("label = ")).length;
}

/** Locks or unlocks the test keychain. */
export function keychain(action) {
  execFileSync(KEYCHAIN_CTL, [action], { timeout: 10_000 });
}

/** The registry file's key names. */
export function registryNames() {
  try {
    return JSON.parse(readFileSync(join(DATA_DIR, "keys.json"), "utf8")).keys.map((k) => k.name);
  } catch {
    return [];
  }
}

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

function crc32(text) {
  let crc = ~0;
  for (const byte of Buffer.from(text)) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

/** Checks a key against docs/KEY_FORMAT.md, independently of the app's code. */
export function isWellFormedKey(key) {
  if (!/^tck_[0-9A-Za-z]{36}$/.test(key)) return false;
  let value = crc32(key.slice(4, 34));
  let checksum = "";
  for (let i = 0; i < 6; i++) {
    checksum = ALPHABET[value % 62] + checksum;
    value = Math.floor(value / 62);
  }
  return key.slice(34) === checksum;
}

/** Every file under `dir` whose bytes contain any of `needles`. */
export function filesContaining(dir, needles) {
  const hits = [];
  const walk = (path) => {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) walk(join(path, entry));
    } else if (stat.isFile()) {
      const bytes = readFileSync(path);
      for (const needle of needles) {
        if (bytes.includes(needle) || bytes.includes(Buffer.from(needle, "utf16le"))) hits.push(`${path}: ${needle.slice(0, 8)}…`);
      }
    }
  };
  walk(dir);
  return hits;
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts the reference embed server (crates/server) on 127.0.0.1 with a
 * port chosen by the OS and a fresh data folder. Resolves with its address
 * and the account token it prints once. `extraArgs` go on its command line.
 */
export function startEmbedServer(extraArgs = []) {
  const dataDir = mkdtempSync(join(tmpdir(), "toucan-embed-"));
  const child = spawn(SERVER_BINARY, ["--data-dir", dataDir, "--port", "0", "--print-json", ...extraArgs], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the embed server did not start in 20 s")), 20_000);
    // One JSON line once it listens; the new account token is in a file only
    // this user can read, never on the pipe.
    createInterface({ input: child.stdout }).once("line", (line) => {
      clearTimeout(timer);
      if (/\btka_[0-9A-Za-z]{40}\b/.test(line)) reject(new Error("the embed server printed its account token into a log"));
      const ready = JSON.parse(line);
      const accountToken = ready.accountTokenFile ? readFileSync(ready.accountTokenFile, "utf8").trim() : null;
      resolve({ url: ready.address, accountToken, stop: () => child.kill() });
    });
    child.on("exit", (code) => reject(new Error(`the embed server exited with ${code}`)));
  });
}

/**
 * Answers the native dialog titled `title` (drawn by the app's Rust side, not
 * the page) as a person would: clicks button `index` of `count` (0 = leftmost)
 * in its bottom row. Saves a screenshot of the dialog first.
 */
export async function answerNativeDialog(browser, title, index, count) {
  const search = (...args) =>
    spawnSync("xdotool", ["search", ...args], { encoding: "utf8", timeout: 20_000 }).stdout.trim().split("\n").filter(Boolean);
  // A title outside Latin-1 (French's ’) is only in _NET_WM_NAME, which xdotool can't match:
  // then the dialog is the app's visible window that isn't its main window.
  const find = () => {
    const named = search("--onlyvisible", "--name", title)[0];
    if (named) return named;
    const main = new Set(search("--onlyvisible", "--name", "^Toucan Keys$"));
    return search("--onlyvisible", "--class", "toucan-keys").find((window) => !main.has(window));
  };
  let id;
  for (const deadline = Date.now() + 20_000; !id && Date.now() < deadline; ) {
    id = find();
    if (!id) await sleep(250);
  }
  if (!id) {
    const visible = search("--onlyvisible", "--name", ".").map(
      (window) => spawnSync("xdotool", ["getwindowname", window], { encoding: "utf8" }).stdout.trim(),
    );
    throw new Error(`no native dialog titled "${title}" appeared (visible windows: ${JSON.stringify(visible)})`);
  }
  await sleep(500); // let it draw before the screenshot and the click
  spawnSync("import", ["-window", "root", join(ARTIFACTS, `native-${title.replace(/\W+/g, "-")}-${index}.png`)], { timeout: 10_000 });
  const geometry = Object.fromEntries(
    spawnSync("xdotool", ["getwindowgeometry", "--shell", id], { encoding: "utf8" })
      .stdout.trim()
      .split("\n")
      .map((line) => line.split("="))
      .map(([key, value]) => [key, Number(value)]),
  );
  const x = geometry.X + Math.round((geometry.WIDTH * (index + 0.5)) / count);
  const y = geometry.Y + geometry.HEIGHT - 20;
  // On a loaded machine the first click can land before the dialog takes
  // input: click again until the dialog is gone (a click on a closed dialog's
  // place would hit the main window, so only while it is still shown).
  const shown = () => search("--onlyvisible", "--class", "toucan-keys").includes(id);
  // The pointer first leaves the dialog: a button only takes a click after the
  // pointer has entered it, and a pointer still resting where the previous
  // dialog's button was (the same place) never enters the new one.
  const outside = [String(geometry.X + geometry.WIDTH + 20), String(geometry.Y + geometry.HEIGHT + 20)];
  for (let clicks = 0; clicks < 4; clicks++) {
    spawnSync("xdotool", ["mousemove", "--sync", ...outside, "mousemove", "--sync", String(x), String(y), "click", "1"], { timeout: 10_000 });
    for (const deadline = Date.now() + 3_000; shown() && Date.now() < deadline; ) await sleep(250);
    if (!shown()) return;
  }
  throw new Error(`the native dialog "${title}" stayed open after four clicks on its button ${index + 1} of ${count}`);
}


export { axeViolations, clickLabelled } from "./page-checks.mjs";
