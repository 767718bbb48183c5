// What the end-to-end scenario files share: the app session of the scenario
// that runs now, the steps a person takes again and again (create, connect,
// copy), and the list of every secret the run showed, which the hygiene
// scenario (hygiene.e2e.test.mjs) searches the disk for.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import {
  CLI_BINARY, answerNativeDialog, clickLabelled as clickLabelledIn, freshStart, launchApp, readClipboard, screenshot, sleep,
  stopLeftoverApps, wordsIn,
} from "./support.mjs";

const SECRETS_SEEN = process.env.TOUCAN_E2E_SECRETS ?? "";
if (!SECRETS_SEEN) throw new Error("TOUCAN_E2E_SECRETS is not set: run the end-to-end tests through tests/e2e/run.sh");


export const CLEAR_DELAY_SECONDS = 10;
/**
 * Remembers a secret the run has shown (a key, an account token, a session
 * token): none may be on disk. The list is a file run.sh makes outside every
 * folder the hygiene scenario searches, so the scenario files, each run in a
 * process of its own, add to one list.
 */
export function seeSecret(secret) {
  appendFileSync(SECRETS_SEEN, `${secret}\n`);
}

/** Every secret the run has shown so far, in every scenario file. */
export function secretsSeenSoFar() {
  return existsSync(SECRETS_SEEN) ? readFileSync(SECRETS_SEEN, "utf8").split("\n").filter(Boolean) : [];
}
/** What the buttons the scenarios press are called, in each language the app speaks (from its catalogues). */
export const WORDS = { en: wordsIn("en"), fr: wordsIn("fr") };
/** The app session of the scenario that runs now (each scenario starts its own; read-only outside this file). */
export let browser;

/** Clicks the button labelled `label` in the topmost dialog, or on the page when none is open. */
export async function clickButton(label) {
  const dialogs = await browser.$$(".overlay");
  const scope = dialogs.length > 0 ? dialogs[dialogs.length - 1] : browser;
  const button = await scope.$(`button=${label}`);
  await button.waitForClickable({ timeout: 10_000 });
  await button.click();
}

export async function clickLabelled(ariaLabel) {
  await clickLabelledIn(browser, ariaLabel);
}

export async function rowCount() {
  return (await browser.$$("tbody tr")).length;
}

/**
 * Opens "Create API Key" with "Full access" chosen (as keys were before
 * limits), unless `keepSuggested` leaves the suggested, narrowest use.
 */
export async function openCreateDialog({ keepSuggested = false } = {}) {
  await (await browser.$("#create-key")).click();
  const name = await browser.$("input[name=name]");
  await name.waitForDisplayed({ timeout: 10_000 });
  if (!keepSuggested) await (await browser.$("input[value=fullAccess]")).click();
  return name;
}

/** Sets a field's value directly (control characters can't be typed). */
export async function setValue(selector, value) {
  await browser.execute((sel, val) => {
    const input = document.querySelector(sel);
    input.value = val;
    input.dispatchEvent(new Event("input", { bubbles: true }));
  }, selector, value);
}

export async function revealedKey() {
  const field = await browser.$(".secret-field");
  await field.waitForExist({ timeout: 15_000 });
  const key = await field.getText();
  seeSecret(key);
  return key;
}

export async function closeRevealWithoutCopy(words = WORDS.en) {
  await clickButton(words.done);
  await clickButton(words.yesClose);
  await (await browser.$(".secret-field")).waitForExist({ reverse: true, timeout: 10_000 });
}

export async function waitForClipboard(expected, seconds) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (readClipboard() === expected) return true;
    await sleep(250);
  }
  return readClipboard() === expected;
}

/**
 * Ends the running scenario's app session. An app the session couldn't close
 * (a scenario that failed halfway, a driver that lost it) is stopped too:
 * left running, it would take the next scenario's launch as a second instance.
 */
export async function endSession() {
  await browser?.deleteSession().catch(() => {});
  browser = undefined;
  await stopLeftoverApps();
}

/** Starts a scenario from a known state (see freshStart). */
export async function start(options) {
  await endSession();
  browser = await freshStart(options);
}

/** Launches the app again on the data the scenario left (after endSession). */
export async function relaunch() {
  browser = await launchApp();
  return browser;
}

/** Creates a key through the dialog and closes the reveal; returns the key and its row's id. */
export async function createInWindow(name, words = WORDS.en) {
  const input = await openCreateDialog();
  await input.setValue(name);
  await clickButton(words.createKey);
  const key = await revealedKey();
  await closeRevealWithoutCopy(words);
  const row = await browser.$(`tr*=${name}`);
  await row.waitForExist({ timeout: 10_000 });
  return { key, id: await row.getAttribute("data-key-id") };
}

/** Creates a key with toucan-keys-cli (output on a pipe, so it is printed); returns it. */
export function createInTerminal(name) {
  const created = spawnSync(CLI_BINARY, ["create", "--name", name, "--expires", "30d"], { encoding: "utf8" });
  assert.equal(created.status, 0, created.stderr);
  const key = created.stdout.trim();
  seeSecret(key);
  return key;
}

/** Connects the window to `server`, confirming in Rust's native dialog. */
export async function connectWindow(server, words = WORDS.en) {
  seeSecret(server.accountToken);
  await setValue("input[name=server-url]", server.url);
  await setValue("input[name=account-token]", server.accountToken);
  await (await browser.$("#connect-workspace")).click();
  try {
    await answerNativeDialog(browser, words.connectTitle, 0, 2);
  } catch (error) {
    await screenshot(browser, "no-connection-question");
    throw error;
  }
  await (await browser.$("#workspace-url")).waitForExist({ timeout: 20_000 });
}

/** Asks `server` for a session token with `key`, as a customer's backend would; returns [status, code]. */
export async function askForToken(server, key) {
  const reply = await fetch(`${server.url}/embed/generate-token`, {
    method: "POST",
    headers: { "x-api-key": key, "content-type": "application/json" },
    body: JSON.stringify({
      user: { distinctId: "user-42", role: "explorer", attributes: {} },
      permissions: { dashboard: ["can_view"] },
      lifetimeSeconds: 600,
    }),
  });
  const body = await reply.json();
  return [reply.status, body.code ?? null];
}

/** The rows of the key table: id, name, expiry and status text. */
export async function tableRows() {
  return browser.execute(() =>
    [...document.querySelectorAll("tbody tr")].map((row) => ({
      id: row.getAttribute("data-key-id"),
      name: row.querySelector("th .link-button")?.textContent,
      expires: row.querySelector("td")?.textContent,
      status: row.querySelector(".status")?.textContent,
    })),
  );
}
