// The whole flow as a person would do it: the real app binary in a real
// window (Xvfb), the real keychain (a private gnome-keyring) and the real
// clipboard, each checked from outside the app. Each scenario starts from a
// known state (freshStart: no keys, no workspace, a named profile) and makes
// what it needs, so any one can run alone or in another order
// (node --test --test-name-pattern). The one thing they share is `secretsSeen`,
// an append-only list of every secret the run showed, which the hygiene
// scenario searches the disk for, together with the secrets it makes itself.

import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { createHash, generateKeyPairSync, sign } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { after, test } from "node:test";
import { createLocalJWKSet, jwtVerify } from "jose";
import { boxesScrollingSideways, controlsOutside, menuPlacementProblems, scrollToBottomEdge, sidewaysScroll, snippetsAsDrawn } from "./page-checks.mjs";
import {
  APP_BINARY, CLI_BINARY, DATA_DIR, freshStart, clipboardTargets, copyElsewhere, windowsTitled, filesContaining, isWellFormedKey, keychain, keychainEntryCount, keychainLookup,
  launchApp, readClipboard, readPrimary, registryNames, screenshot, sleep, startEmbedServer, answerNativeDialog,
  APP_HOME, stopLeftoverApps, watchNotifications, clickLabelled as clickLabelledIn, axeViolations, wordsIn,
} from "./support.mjs";

const CLEAR_DELAY_SECONDS = 10;
/** Every secret the run has shown (keys, account tokens, session tokens): none may be on disk. */
const secretsSeen = [];
/** What the buttons the scenarios press are called, in each language the app speaks (from its catalogues). */
const WORDS = { en: wordsIn("en"), fr: wordsIn("fr") };
/** The app session of the scenario that runs now (each scenario starts its own). */
let browser;

/** Clicks the button labelled `label` in the topmost dialog, or on the page when none is open. */
async function clickButton(label) {
  const dialogs = await browser.$$(".overlay");
  const scope = dialogs.length > 0 ? dialogs[dialogs.length - 1] : browser;
  const button = await scope.$(`button=${label}`);
  await button.waitForClickable({ timeout: 10_000 });
  await button.click();
}

async function clickLabelled(ariaLabel) {
  await clickLabelledIn(browser, ariaLabel);
}

async function rowCount() {
  return (await browser.$$("tbody tr")).length;
}

/**
 * Opens "Create API Key" with "Full access" chosen (as keys were before
 * limits), unless `keepSuggested` leaves the suggested, narrowest use.
 */
async function openCreateDialog({ keepSuggested = false } = {}) {
  await (await browser.$("#create-key")).click();
  const name = await browser.$("input[name=name]");
  await name.waitForDisplayed({ timeout: 10_000 });
  if (!keepSuggested) await (await browser.$("input[value=fullAccess]")).click();
  return name;
}

/** Sets a field's value directly (control characters can't be typed). */
async function setValue(selector, value) {
  await browser.execute((sel, val) => {
    const input = document.querySelector(sel);
    input.value = val;
    input.dispatchEvent(new Event("input", { bubbles: true }));
  }, selector, value);
}

async function revealedKey() {
  const field = await browser.$(".secret-field");
  await field.waitForExist({ timeout: 15_000 });
  const key = await field.getText();
  secretsSeen.push(key);
  return key;
}

async function closeRevealWithoutCopy(words = WORDS.en) {
  await clickButton(words.done);
  await clickButton(words.yesClose);
  await (await browser.$(".secret-field")).waitForExist({ reverse: true, timeout: 10_000 });
}

async function waitForClipboard(expected, seconds) {
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
async function endSession() {
  await browser?.deleteSession().catch(() => {});
  browser = undefined;
  await stopLeftoverApps();
}

/** Starts a scenario from a known state (see freshStart). */
async function start(options) {
  await endSession();
  browser = await freshStart(options);
}

/** Creates a key through the dialog and closes the reveal; returns the key and its row's id. */
async function createInWindow(name, words = WORDS.en) {
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
function createInTerminal(name) {
  const created = spawnSync(CLI_BINARY, ["create", "--name", name, "--expires", "30d"], { encoding: "utf8" });
  assert.equal(created.status, 0, created.stderr);
  const key = created.stdout.trim();
  secretsSeen.push(key);
  return key;
}

/** Connects the window to `server`, confirming in Rust's native dialog. */
async function connectWindow(server, words = WORDS.en) {
  secretsSeen.push(server.accountToken);
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
async function askForToken(server, key) {
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
async function tableRows() {
  return browser.execute(() =>
    [...document.querySelectorAll("tbody tr")].map((row) => ({
      id: row.getAttribute("data-key-id"),
      name: row.querySelector("th .link-button")?.textContent,
      expires: row.querySelector("td")?.textContent,
      status: row.querySelector(".status")?.textContent,
    })),
  );
}

after(endSession);

test("1. first run, in English and in a French session: empty state, create 'Production backend' for 90 days, a well-formed key is revealed", async () => {
  for (const language of ["en", "fr"]) {
    const words = WORDS[language];
    await start({ firstRun: true, french: language === "fr" });
    assert.equal(await browser.execute(() => document.documentElement.lang), language, "the window speaks the session's language");
    const welcome = await browser.$(`h2=${words.welcome}`);
    await welcome.waitForDisplayed({ timeout: 10_000 });
    await (await browser.$(".overlay input.field")).setValue("Ada Lovelace");
    await clickButton(words.continue);
    await (await browser.$(".profile-button=AL")).waitForExist({ timeout: 10_000 });

    assert.ok(await (await browser.$(".empty-state")).isDisplayed(), "the empty state is shown");
    await screenshot(browser, `first-run-empty-${language}`);

    const name = await openCreateDialog();
    assert.equal(await (await browser.$("input[value=days90]")).isSelected(), true, "90 days is preselected");
    // Rust's own messages speak the language too.
    await clickButton(words.createKey);
    const nameError = await browser.$(".overlay .field-error");
    await nameError.waitForDisplayed({ timeout: 10_000 });
    assert.equal(await nameError.getText(), words.nameEmpty);
    await name.setValue("Production backend");
    await clickButton(words.createKey);
    const key = await revealedKey();
    assert.ok(isWellFormedKey(key), "the revealed key matches the documented format and its checksum verifies");
    const alert = await (await browser.$(".security-alert")).getText();
    const spaced = (text) => text.replace(/\s+/g, " ");
    assert.ok(spaced(alert).startsWith(spaced(words.alertLead)), `the security alert leads with its warning: ${alert}`);
    await screenshot(browser, `reveal-${language}`);
    await closeRevealWithoutCopy(words);
    const row = await browser.$("tbody tr");
    assert.ok((await row.getText()).includes(words.inThreeMonths), "the expiry reads in the window's language");
    assert.equal(await (await browser.$("#connect-workspace")).getText(), words.connect, "the workspace form speaks it too");
  }
});

test("2. copy: another process reads exactly the key, and the clipboard is cleared only if it still holds it", async () => {
  await start();
  const name = await openCreateDialog();
  await name.setValue("Production backend");
  await clickButton("Create key");
  const firstKey = await revealedKey();
  // A person selects the revealed key and presses Ctrl+C: the copy goes
  // through Rust (concealed, cleared later), and the key never reaches PRIMARY.
  const field = await browser.$(".secret-field");
  await field.doubleClick();
  await browser.keys(["Control", "a"]);
  await browser.keys(["Control", "c"]);
  assert.ok(await waitForClipboard(firstKey, 5), "Ctrl+C on the revealed key puts exactly the key on the clipboard");
  assert.ok(clipboardTargets().includes("x-kde-passwordManagerHint"), "Ctrl+C copies through Rust, marked as a secret");
  assert.notEqual(readPrimary().trim(), firstKey, "the key is in the PRIMARY selection");
  assert.ok(!readPrimary().includes(firstKey.slice(4)), "part of the key is in the PRIMARY selection");
  copyElsewhere("before the Copy button");

  // The copy shows on the button too; it copies again when pressed.
  await clickButton("Copied");
  assert.ok(await waitForClipboard(firstKey, 5), "xclip reads exactly the key after Copy in the reveal");
  await clickButton("Done");
  await (await browser.$(".secret-field")).waitForExist({ reverse: true, timeout: 10_000 });
  const delay = await browser.$("#clear-delay");
  await delay.selectByAttribute("value", String(CLEAR_DELAY_SECONDS));
  await sleep(500);
  await clickLabelled("Copy Production backend");
  assert.ok(await waitForClipboard(firstKey, 5), "copy from the list puts the key on the clipboard");
  assert.ok(clipboardTargets().includes("x-kde-passwordManagerHint"), "the copy is marked as a secret for clipboard managers");
  await (await browser.$(`.toast*=Clears in ${CLEAR_DELAY_SECONDS} s`)).waitForExist({ timeout: 5_000 });
  await screenshot(browser, "copied-toast");
  assert.ok(await waitForClipboard("", CLEAR_DELAY_SECONDS + 8), "the key is gone from the clipboard after the delay");

  await clickLabelled("Copy Production backend");
  assert.ok(await waitForClipboard(firstKey, 5));
  copyElsewhere("something the person copied meanwhile");
  await sleep((CLEAR_DELAY_SECONDS + 3) * 1000);
  assert.equal(readClipboard(), "something the person copied meanwhile", "other content is left alone");
});

test("3. stored: secret-tool finds the entry under the app's service and the key's id, holding exactly the key", async () => {
  await start();
  const { key, id } = await createInWindow("Production backend");
  assert.match(id, /^key_[0-9A-Za-z]{16}$/);
  assert.equal(keychainLookup(id), key);
});

test("4. relaunch: the key is listed with its hint, the full key is nowhere in the DOM, and copy still works", async () => {
  await start();
  const { key: firstKey, id: firstKeyId } = await createInWindow("Production backend");
  await browser.deleteSession();
  browser = await launchApp();
  const row = await browser.$(`tr[data-key-id="${firstKeyId}"]`);
  await row.waitForExist({ timeout: 10_000 });
  assert.match(await row.getText(), new RegExp(`tck_…${firstKey.slice(-4)}`));
  const dom = await browser.execute(
    () => document.documentElement.outerHTML + [...document.querySelectorAll("input")].map((i) => i.value).join(" "),
  );
  assert.ok(!dom.includes(firstKey.slice(4)), "the full key appears in the DOM after relaunch");
  await screenshot(browser, "relaunched-list");
  await clickLabelled("Copy Production backend");
  assert.ok(await waitForClipboard(firstKey, 5), "copy from the list after relaunch puts the exact key on the clipboard");
});

test("5. revoke: the keychain entry is gone and the row shows revoked with a date", async () => {
  await start();
  const { id: firstKeyId } = await createInWindow("Production backend");
  await clickLabelled("Revoke Production backend");
  const confirm = await browser.$("[role=alertdialog]");
  await confirm.waitForDisplayed({ timeout: 10_000 });
  assert.match(await confirm.getText(), /Revoke “Production backend”\?/);
  await clickButton("Revoke key");
  const row = await browser.$(`tr[data-key-id="${firstKeyId}"]`);
  await browser.waitUntil(async () => (await row.getAttribute("class")) === "revoked", { timeout: 10_000 });
  assert.match(await row.getText(), /Revoked/);
  assert.ok(await (await row.$(".status time")).isExisting(), "the revocation date is shown");
  assert.equal(keychainLookup(firstKeyId), null, "the keychain entry is gone");
  await screenshot(browser, "revoked");
});

test("6. keychain failure: a locked keychain gives a clear message and adds nothing; after unlocking it works", async () => {
  await start();
  const rowsBefore = await rowCount();
  const entriesBefore = keychainEntryCount();
  keychain("lock");
  try {
    const name = await openCreateDialog();
    await name.setValue("While locked");
    await clickButton("Create key");
    const alert = await browser.$(".overlay .form-error");
    await alert.waitForDisplayed({ timeout: 15_000 });
    assert.match(await alert.getText(), /Your keychain is locked\. Unlock it/);
    await screenshot(browser, "keychain-locked");
    assert.equal(await (await browser.$("input[name=name]")).getValue(), "While locked", "what was typed is kept");
  } finally {
    keychain("unlock");
  }
  assert.equal(keychainEntryCount(), entriesBefore, "nothing was added to the keychain");
  assert.ok(!registryNames().includes("While locked"), "nothing was added to the registry");
  await setValue("input[name=name]", "After unlocking");
  await clickButton("Create key");
  assert.ok(isWellFormedKey(await revealedKey()), "creating works again after unlocking");
  await closeRevealWithoutCopy();
  assert.equal(await rowCount(), rowsBefore + 1, "only the key made after unlocking was added");
});

test("7. bad input: each gets a field error and nothing is created", async () => {
  await start();
  await createInWindow("After unlocking");
  const rowsBefore = await rowCount();
  const registryBefore = registryNames().length;
  await openCreateDialog();
  const cases = [
    ["", /Give the key a name/],
    ["     ", /Give the key a name/],
    ["x".repeat(65), /65 characters\. Use 64 or fewer/],
    ["AFTER UNLOCKING", /already have an active key named "After unlocking"/],
    ["bad\u0007name", /control characters/],
  ];
  for (const [value, message] of cases) {
    await setValue("input[name=name]", value);
    await clickButton("Create key");
    const error = await browser.$("input[name=name] ~ .field-error");
    await browser.waitUntil(async () => message.test(await error.getText()), {
      timeout: 10_000,
      timeoutMsg: `no field error matching ${message} for ${JSON.stringify(value)}`,
    });
    assert.equal(await (await browser.$("input[name=name]")).getAttribute("aria-invalid"), "true");
  }
  await screenshot(browser, "field-error");
  await browser.keys("Escape");
  await (await browser.$("input[name=name]")).waitForExist({ reverse: true, timeout: 10_000 });
  assert.equal(await rowCount(), rowsBefore);
  assert.equal(registryNames().length, registryBefore);
  await screenshot(browser, "key-list");
});

test("8. workspace: connect, create, generate a token (verified with jose), copy it, revoke, then the server refuses the key", async () => {
  await start();
  const server = await startEmbedServer();
  try {
    assert.match(server.accountToken ?? "", /^tka_/, "the server printed its account token");
    secretsSeen.push(server.accountToken);
    await setValue("input[name=server-url]", server.url);
    await setValue("input[name=account-token]", server.accountToken);
    // Rust asks in a native dialog, which the page can't answer. Declined: nothing changes.
    await (await browser.$("#connect-workspace")).click();
    await answerNativeDialog(browser, WORDS.en.connectTitle, 1, 2);
    await (await browser.$(`//*[contains(text(), "wasn't confirmed, so nothing changed")]`)).waitForExist({ timeout: 10_000 });
    assert.equal(keychainLookup("workspace-account-token"), null, "a declined connection stored the account token");
    assert.equal(await (await browser.$("#workspace-url")).isExisting(), false);
    // Confirmed: connected.
    await setValue("input[name=account-token]", server.accountToken);
    await (await browser.$("#connect-workspace")).click();
    await answerNativeDialog(browser, WORDS.en.connectTitle, 0, 2);
    const url = await browser.$("#workspace-url");
    await url.waitForExist({ timeout: 20_000 });
    assert.equal(await url.getText(), server.url);
    assert.equal(keychainLookup("workspace-account-token"), server.accountToken, "the account token is in the keychain");
    const dom = await browser.execute(() => document.documentElement.outerHTML);
    assert.ok(!dom.includes(server.accountToken), "the account token is not left in the page");

    const name = await openCreateDialog();
    await name.setValue("Embed backend");
    await clickButton("Create key");
    const key = await revealedKey();
    assert.equal(await (await browser.$("#server-warning")).isExisting(), false, "registered without a warning");
    await clickButton("Copy");
    await clickButton("Done");
    const row = await browser.$("tr*=Embed backend");
    await row.waitForExist({ timeout: 10_000 });
    const id = await row.getAttribute("data-key-id");
    await browser.waitUntil(async () => (await (await row.$("td.last-used")).getText()) === "Not used yet", {
      timeout: 10_000,
      timeoutMsg: "the new key is registered and shows 'Not used yet'",
    });

    await clickLabelled("Generate token Embed backend");
    await (await browser.$("input[name=distinct-id]")).waitForDisplayed({ timeout: 10_000 });
    await setValue("input[name=distinct-id]", "user-42");
    await setValue("[aria-label='Attribute 1 name']", "region");
    await setValue("[aria-label='Attribute 1 value']", "EMEA");
    await (await browser.$("[aria-label='AI assistant: Query']")).click();
    await (await browser.$("#generate-token")).click();
    const field = await browser.$("textarea.token-field");
    await field.waitForExist({ timeout: 15_000 });
    const token = await field.getValue();
    secretsSeen.push(token);

    const jwks = await (await fetch(`${server.url}/.well-known/jwks.json`)).json();
    const { payload, protectedHeader } = await jwtVerify(token, createLocalJWKSet(jwks), {
      issuer: "toucan-embed-server",
      audience: "toucan-embed",
    });
    assert.equal(protectedHeader.alg, "EdDSA");
    assert.equal(payload.sub, "user-42");
    assert.equal(payload.role, "explorer");
    assert.equal(payload.azp, id);
    assert.deepEqual(payload.attributes, { region: "EMEA" });
    // An explorer's permissions (the role's defaults, from the core), and the AI assistant ticked by hand.
    assert.deepEqual(payload.permissions, { dashboard: ["can_view"], chart: ["can_view"], ai: ["can_query"] });
    assert.equal(payload.exp - payload.iat, 3600, "the default lifetime is one hour");
    const summary = await browser.execute(() => document.getElementById("token-summary")?.textContent ?? null);
    assert.match(summary ?? "", /^For user-42, Explorer, Dashboards: View, Charts: View, AI assistant: Query, region = EMEA, valid until /);
    await (await browser.$("details.claims-details summary")).click();
    const shown = JSON.parse(await (await browser.$("#token-claims")).getText());
    assert.deepEqual(shown, payload, "the raw claims are one click away");
    const page = await browser.execute(() => document.documentElement.outerHTML);
    assert.ok(!page.includes(key.slice(4)), "the key is not in the page while generating");
    await screenshot(browser, "token-generated");

    await (await browser.$("#copy-token")).click();
    assert.ok(await waitForClipboard(token, 5), "xclip reads exactly the session token");
    assert.ok(clipboardTargets().includes("x-kde-passwordManagerHint"), "the token copy is marked as a secret too");
    await clickButton("Close");
    await browser.waitUntil(async () => (await (await row.$("td.last-used")).getText()) !== "Not used yet", {
      timeout: 10_000,
      timeoutMsg: "last used comes from the server after a token was issued",
    });

    await clickLabelled("Revoke Embed backend");
    await clickButton("Revoke key");
    await browser.waitUntil(async () => (await row.getAttribute("class")) === "revoked", { timeout: 10_000 });
    await (await browser.$(".toast*=was revoked")).waitForExist({ timeout: 5_000 });
    assert.equal(await (await browser.$('button[aria-label="Generate token Embed backend"]')).isExisting(), false);
    await screenshot(browser, "workspace-revoked");

    const refused = await fetch(`${server.url}/embed/generate-token`, {
      method: "POST",
      headers: { "x-api-key": key, "content-type": "application/json" },
      body: JSON.stringify({ user: { distinctId: "user-42", role: "explorer" } }),
    });
    assert.equal(refused.status, 401);
    const body = await refused.json();
    assert.equal(body.code, "key_revoked");
    assert.ok(!JSON.stringify(body).includes(key.slice(4)), "the refusal does not echo the key");
    const introspected = await fetch(`${server.url}/embed/introspect`, {
      method: "POST",
      headers: { "x-api-key": key, "content-type": "application/json" },
      body: JSON.stringify({ token }),
    });
    assert.deepEqual(await introspected.json(), { active: false }, "the token issued before the revoke stopped working");
  } finally {
    server.stop();
  }
});

test("8b. restricted key: 'Show dashboards' made in the window for one customer; the server refuses can_edit, naming the limit, and writes the customer into every token", async () => {
  await start();
  const server = await startEmbedServer();
  try {
    await connectWindow(server);
    const name = await openCreateDialog({ keepSuggested: true });
    assert.equal(await (await browser.$("input[value=showDashboards]")).isSelected(), true, "the narrowest use is suggested");
    await name.setValue("Acme dashboards");
    await setValue("input[placeholder=acme]", "acme");
    await screenshot(browser, "create-show-dashboards");
    await clickButton("Create key");
    const key = await revealedKey();
    await closeRevealWithoutCopy();
    const row = await browser.$("tr*=Acme dashboards");
    await row.waitForExist({ timeout: 10_000 });
    assert.match(await (await row.$(".limits")).getText(), /View only.*tenant = acme/);

    const ask = async (level, attributes = {}) => {
      const reply = await fetch(`${server.url}/embed/generate-token`, {
        method: "POST",
        headers: { "x-api-key": key, "content-type": "application/json" },
        body: JSON.stringify({ user: { distinctId: "maria", role: "explorer", attributes }, permissions: { dashboard: [level] } }),
      });
      return [reply.status, await reply.json()];
    };
    const [status, refused] = await ask("can_edit");
    assert.equal(status, 403);
    assert.equal(refused.code, "key_limit");
    assert.equal(refused.message, "This key may grant at most dashboard:can_view; the request asked for dashboard:can_edit.");
    const [otherStatus] = await ask("can_view", { tenant: "globex" });
    assert.equal(otherStatus, 403, "another customer's rows are refused");
    const [okStatus, issued] = await ask("can_view");
    assert.equal(okStatus, 200);
    secretsSeen.push(issued.token);
    const jwks = await (await fetch(`${server.url}/.well-known/jwks.json`)).json();
    const { payload } = await jwtVerify(issued.token, createLocalJWKSet(jwks), { issuer: "toucan-embed-server", audience: "toucan-embed" });
    assert.deepEqual(payload.attributes, { tenant: "acme" }, "the server wrote the customer in");
  } finally {
    server.stop();
  }
});

test("8c. leaked: GitHub's signed report revokes a key on its server; the window shows it as leaked, where and when, one notification says so, and Roll replaces it at once", async () => {
  await start();
  // A secret scanner's key pair, made now, published in the format of GitHub's /meta/public_keys/secret_scanning.
  const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  const keysFile = join(mkdtempSync(join(tmpdir(), "toucan-scanner-")), "secret_scanning.json");
  const pem = publicKey.export({ type: "spki", format: "pem" });
  writeFileSync(keysFile, JSON.stringify({ public_keys: [{ key_identifier: "github-e2e", key: pem, is_current: true }] }));
  const server = await startEmbedServer(["--secret-scanning-keys", keysFile]);
  const watch = watchNotifications();
  try {
    await connectWindow(server);
    const { key } = await createInWindow("Published backend");
    const where = "https://github.com/octo-org/shop/blob/0123abc/.env";
    const body = Buffer.from(JSON.stringify([{ token: key, type: "toucan_api_key", url: where, source: "content" }]));
    const reported = await fetch(`${server.url}/api/secret-scanning`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "Github-Public-Key-Identifier": "github-e2e",
        "Github-Public-Key-Signature": sign("sha256", body, privateKey).toString("base64"),
      },
      body,
    });
    const feedback = await reported.json();
    assert.equal(feedback[0].label, "true_positive", JSON.stringify(feedback));
    assert.deepEqual(await askForToken(server, key), [401, "key_revoked"], "the server revoked it at once");

    // The window hears of it at its next sync (at start, after a change, and every few minutes).
    await endSession();
    browser = await launchApp();
    const row = await browser.$("tr*=Published backend");
    await row.waitForExist({ timeout: 15_000 });
    await browser.waitUntil(async () => (await (await row.$(".badge")).getText()) === "Leaked", {
      timeout: 20_000,
      timeoutMsg: "the key isn't shown as leaked after a sync",
    });
    assert.equal(await (await row.$(".row-actions > button")).getText(), "Roll", "Roll is the first thing to do");
    assert.equal(keychainLookup(await row.getAttribute("data-key-id")), null, "the leaked key left the keychain");
    await browser.waitUntil(async () => watch.notifications().some(([title]) => title === "“Published backend” was found in public"), {
      timeout: 20_000,
      timeoutMsg: `no notification: ${JSON.stringify(watch.notifications())}`,
    });
    await clickLabelled("Details Published backend");
    const notice = await browser.$(".leak-notice");
    await notice.waitForDisplayed({ timeout: 10_000 });
    assert.match(await notice.getText(), new RegExp(`Found in public at ${where.replace(/[.]/g, "\\.")} on \\d{1,2} \\w+ \\d{4}\\. The server revoked it\\.`));
    await screenshot(browser, "leaked-details");
    await clickButton("Close");

    await clickLabelled("Roll Published backend");
    assert.equal(await (await browser.$("input[name=overlap]")).isExisting(), false, "a leaked key has no overlap to choose");
    await clickButton("Roll key");
    const replacement = await revealedKey();
    await closeRevealWithoutCopy();
    assert.deepEqual(await askForToken(server, replacement), [200, null], "the replacement works on the server");
    assert.equal(watch.notifications().filter(([title]) => title.includes("found in public")).length, 1, "told once");
  } finally {
    watch.stop();
    server.stop();
  }
});

test("9. restrictions: from the page, commands and plugins outside the capability are refused", async () => {
  await start();
  const outcomes = await browser.executeAsync((done) => {
    const tries = [
      ["plugin:shell|execute", { program: "sh", args: ["-c", "id"] }],
      ["plugin:fs|read_text_file", { path: "/etc/passwd" }],
      ["plugin:window|set_title", { label: "main", value: "pwned" }],
      ["not_a_command", {}],
    ];
    Promise.all(
      tries.map(([cmd, args]) =>
        window.__TAURI_INTERNALS__.invoke(cmd, args).then(
          () => `${cmd}: ALLOWED`,
          (error) => `${cmd}: ${typeof error === "string" ? error : JSON.stringify(error)}`,
        ),
      ),
    ).then((results) => done({ results, globalTauri: typeof window.__TAURI__ }));
  });
  assert.equal(outcomes.globalTauri, "undefined", "withGlobalTauri is off");
  for (const outcome of outcomes.results) {
    assert.ok(!outcome.includes("ALLOWED"), outcome);
    assert.match(outcome, /not allowed|not found/, outcome);
  }
});

test("10. single instance: launching again focuses the running app instead of opening a second one", async () => {
  await start();
  const windowsBefore = windowsTitled("Toucan Keys").length;
  assert.ok(windowsBefore >= 1, "the app's window is on screen");
  const second = spawn(APP_BINARY, [], { stdio: "ignore" });
  const exitCode = await new Promise((resolve) => {
    const timer = setTimeout(() => resolve("still running"), 20_000);
    second.on("exit", (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
  if (exitCode === "still running") second.kill();
  assert.equal(exitCode, 0, "the second launch hands over to the first and exits");
  assert.equal(windowsTitled("Toucan Keys").length, windowsBefore, "no second window opened");
  assert.ok(await (await browser.$("h1#page-title")).isExisting(), "the first instance still runs");

  // Quit and launch again at once, a few times: the window comes every time
  // (a launch while the last one was closing used to hand over to it, and show nothing).
  for (let attempt = 1; attempt <= 3; attempt++) {
    await endSession();
    browser = await launchApp();
    assert.ok(await (await browser.$("h1#page-title")).isExisting(), `relaunch ${attempt} shows the window`);
  }
});

test("11. app and command line at once: a key made with toucan-keys-cli appears in the window; revoked there, `run` refuses it", async () => {
  await start();
  const key = createInTerminal("From the terminal");
  assert.ok(isWellFormedKey(key), "the CLI printed one well-formed key into the pipe");
  const row = await browser.$("tr*=From the terminal");
  await row.waitForExist({ timeout: 15_000, timeoutMsg: "the app didn't show the key the command line made" });
  const id = await row.getAttribute("data-key-id");
  assert.equal(keychainLookup(id), key, "the CLI stored it in the same keychain entry the app reads");

  // The child reports only a digest of what it got, so the key is on no command line here either.
  const ran = spawnSync(CLI_BINARY, ["run", "--key", "From the terminal", "--", "sh", "-c", 'printf %s "$TOUCAN_API_KEY" | sha256sum'], { encoding: "utf8" });
  assert.equal(ran.status, 0, ran.stderr);
  assert.equal(ran.stdout.split(" ")[0], createHash("sha256").update(key).digest("hex"), "the child got exactly the key");

  // copy: the same clipboard rules as the app; it waits for the clear, and Ctrl+C clears at once.
  const copying = spawn(CLI_BINARY, ["copy", "From the terminal"], { stdio: ["ignore", "ignore", "pipe"] });
  assert.ok(await waitForClipboard(key, 10), "toucan-keys-cli copy put exactly the key on the clipboard");
  assert.ok(clipboardTargets().includes("x-kde-passwordManagerHint"), "the CLI's copy is marked as a secret too");
  const ended = new Promise((resolve) => copying.on("exit", resolve));
  copying.kill("SIGINT");
  assert.equal(await ended, 0, "Ctrl+C ends the copy cleanly");
  assert.ok(await waitForClipboard("", 5), "Ctrl+C cleared the key from the clipboard");
  // The terminal closing (a hang-up) clears it too.
  const hungUp = spawn(CLI_BINARY, ["copy", "From the terminal"], { stdio: ["ignore", "ignore", "pipe"] });
  assert.ok(await waitForClipboard(key, 10), "toucan-keys-cli copy put the key on the clipboard again");
  const hungUpEnded = new Promise((resolve) => hungUp.on("exit", resolve));
  hungUp.kill("SIGHUP");
  assert.equal(await hungUpEnded, 0, "a hang-up ends the copy cleanly");
  assert.ok(await waitForClipboard("", 5), "a hang-up cleared the key from the clipboard");

  await clickLabelled("Revoke From the terminal");
  await clickButton("Revoke key");
  await browser.waitUntil(async () => (await row.getAttribute("class")) === "revoked", { timeout: 10_000 });
  const refused = spawnSync(CLI_BINARY, ["run", "--key", "From the terminal", "--", "true"], { encoding: "utf8" });
  assert.equal(refused.status, 5, "revoked: exit code 5");
  assert.match(refused.stderr, /This key has been revoked and can no longer be used\./);
  await screenshot(browser, "cli-key-revoked-in-app");
});

test("12. roll: with 24 hours both keys work on the server; rolling again with 'now' refuses the old key at once", async () => {
  await start();
  const server = await startEmbedServer();
  try {
    await connectWindow(server);
    const first = await createInWindow("Rolled backend");
    assert.deepEqual(await askForToken(server, first.key), [200, null]);

    await clickLabelled("Roll Rolled backend");
    await clickButton("Roll key");
    const second = await revealedKey();
    assert.ok(isWellFormedKey(second) && second !== first.key, "a new, well-formed key is revealed");
    assert.equal(await (await browser.$("#server-warning")).isExisting(), false, "registered without a warning");
    await closeRevealWithoutCopy();
    let rows = await tableRows();
    const replacement = rows.find((row) => row.name === "Rolled backend");
    const retiring = rows.find((row) => row.id === first.id);
    assert.equal(retiring.name, "Rolled backend (old)");
    assert.equal(retiring.status, "Retiring");
    assert.match(retiring.expires, /^in (24|23) hours$/, "when it stops is said once, in the Expires column");
    assert.equal(keychainLookup(replacement.id), second, "the new key is in the keychain");
    assert.equal(keychainLookup(first.id), first.key, "the old key stays until its overlap ends");
    const newRow = await browser.$(`tr[data-key-id="${replacement.id}"]`);
    await browser.waitUntil(async () => (await (await newRow.$("td.last-used")).getText()) === "Not used yet", {
      timeout: 10_000,
      timeoutMsg: "the new key shows as registered with the server",
    });
    assert.deepEqual(await askForToken(server, first.key), [200, null], "the old key works during the overlap");
    assert.deepEqual(await askForToken(server, second), [200, null], "the new key works at once");
    await screenshot(browser, "rolled-24h");

    // A leak: roll the new key with no overlap.
    await clickLabelled("Roll Rolled backend");
    await (await browser.$("label*=Stop it now")).click();
    await (await browser.$("p*=stop working as soon as you roll")).waitForDisplayed({ timeout: 5_000 });
    await clickButton("Roll key");
    const third = await revealedKey();
    await closeRevealWithoutCopy();
    rows = await tableRows();
    const leaked = rows.find((row) => row.id === replacement.id);
    assert.equal(leaked.name, "Rolled backend (old 2)");
    assert.match(leaked.status, /^Revoked/);
    assert.equal(keychainLookup(replacement.id), null, "the leaked key left the keychain");
    const [status, code] = await askForToken(server, second);
    assert.equal(status, 401);
    assert.ok(["key_revoked", "key_expired"].includes(code), code);
    assert.deepEqual(await askForToken(server, third), [200, null]);
    assert.deepEqual(await askForToken(server, first.key), [200, null], "the first key's own overlap still runs");
    await screenshot(browser, "rolled-now");
  } finally {
    server.stop();
  }
});

test("13. reminders: a key that expires in a few days gets one desktop notification, never twice; the start at login adds and removes its autostart entry", async () => {
  await start();
  // A key that expires in 5 days, made with the command line while the app runs.
  const inFiveDays = new Date(Date.now() + 5 * 86400e3).toISOString().slice(0, 10);
  const created = spawnSync(CLI_BINARY, ["create", "--name", "Expiring soon", "--expires", inFiveDays], { encoding: "utf8" });
  assert.equal(created.status, 0, created.stderr);
  secretsSeen.push(created.stdout.trim());
  const watch = watchNotifications();
  try {
    // Reminders are checked when the app starts (and every hour).
    await endSession();
    browser = await launchApp();
    await browser.waitUntil(async () => watch.notifications().length > 0, {
      timeout: 15_000,
      timeoutMsg: "no desktop notification reached the session bus",
    });
    await sleep(1_500);
    const sent = watch.notifications();
    assert.equal(sent.length, 1, JSON.stringify(sent));
    assert.match(sent[0][0], /^“Expiring soon” expires in [56] days$/);
    assert.match(sent[0][1], /^Roll it before \d{1,2} \w+ \d{4} so your backend keeps working\.$/);
    const banner = await browser.$("#expiry-banner");
    assert.match(await banner.getText(), /1 key expires soon/);
    await screenshot(browser, "expiry-banner");

    // Started again: the same reminder is not sent twice.
    await endSession();
    browser = await launchApp();
    await sleep(3_000);
    assert.equal(watch.notifications().length, 1, "a reminder was sent twice");
  } finally {
    watch.stop();
  }

  // The start at login: an XDG autostart entry that starts this app, removed again when turned off.
  const autostartDir = join(APP_HOME, ".config", "autostart");
  const entries = () => (existsSync(autostartDir) ? readdirSync(autostartDir).filter((name) => name.endsWith(".desktop")) : []);
  assert.deepEqual(entries(), [], "the start at login is off by default");
  const box = await browser.$("#autostart");
  await box.waitForEnabled({ timeout: 10_000 });
  await box.click();
  await browser.waitUntil(async () => entries().length === 1, { timeout: 10_000, timeoutMsg: "no autostart entry was written" });
  const entry = readFileSync(join(autostartDir, entries()[0]), "utf8");
  assert.match(entry, /^\[Desktop Entry\]/);
  assert.ok(entry.includes(`Exec=${APP_BINARY}`), entry);
  await box.click();
  await browser.waitUntil(async () => entries().length === 0, { timeout: 10_000, timeoutMsg: "the autostart entry stayed" });
});

test("14. layout: at 760×520, 1080×720 and 1280×860, with 60-character names in every status and a workspace, no control is outside the window", async () => {
  await start();
  const server = await startEmbedServer();
  try {
    await connectWindow(server);
    const long = (what) => `Production analytics backend for the EMEA region: ${what}`.padEnd(60, ".");
    const inThreeDays = new Date(Date.now() + 3 * 86400e3).toISOString().slice(0, 10);
    for (const [what, expires] of [["active", "90d"], ["soon", inThreeDays], ["expired", "90d"], ["missing", "90d"], ["revoked", "90d"], ["rolled", "90d"]]) {
      const made = spawnSync(CLI_BINARY, ["create", "--name", long(what), "--expires", expires], { encoding: "utf8" });
      assert.equal(made.status, 0, made.stderr);
      secretsSeen.push(made.stdout.trim());
    }
    assert.equal(spawnSync(CLI_BINARY, ["revoke", long("revoked"), "--yes"]).status, 0);
    // Expired: its date moved into the past in the key list (no dialog makes such a key).
    await endSession();
    const registry = JSON.parse(readFileSync(join(DATA_DIR, "keys.json"), "utf8"));
    const expired = registry.keys.find((k) => k.name === long("expired"));
    expired.expiresAt = new Date(Date.now() - 86400e3).toISOString();
    writeFileSync(join(DATA_DIR, "keys.json"), JSON.stringify(registry));
    // Missing: its secret removed from the keychain behind the app's back.
    const missing = registry.keys.find((k) => k.name === long("missing"));
    spawnSync("secret-tool", ["clear", "service", "cloud.toucanai.keys", "username", missing.id]);
    assert.equal(keychainLookup(missing.id), null);
    browser = await launchApp();
    await clickLabelled(`Roll ${long("rolled")}`);
    await clickButton("Roll key");
    await revealedKey();
    await closeRevealWithoutCopy();
    const statuses = (await tableRows()).map((row) => row.status.split(" ")[0]);
    for (const status of ["Active", "Expires", "Expired", "Missing", "Revoked", "Retiring"]) {
      assert.ok(statuses.includes(status), `no key is ${status}: ${statuses}`);
    }

    for (const [width, height] of [[760, 520], [1080, 720], [1280, 860]]) {
      await browser.setWindowSize(width, height);
      await browser.waitUntil(async () => (await browser.execute(() => window.innerWidth)) <= width, { timeout: 5_000 });
      const outside = await controlsOutside(browser);
      const page = await sidewaysScroll(browser);
      assert.deepEqual(outside, [], `at ${width}×${height} (inner width ${page.inner}) these controls are outside the window`);
      assert.ok(page.scroll <= page.inner, `at ${width}×${height} the page scrolls sideways (${page.scroll} > ${page.inner}): ${page.wide}`);
      assert.deepEqual(await boxesScrollingSideways(browser), [], `at ${width}×${height} these boxes scroll sideways`);
      await screenshot(browser, `layout-${width}x${height}`);
    }

    // At the smallest size a row's menu opens inside the window too, for the
    // top row and for the one at the bottom edge: its button stays in view and
    // the menu opens next to it, so no other key's row can be mistaken for it.
    await browser.setWindowSize(760, 520);
    await browser.execute(() => window.scrollTo(0, 0));
    const lastRow = (await tableRows()).at(-1).name;
    for (const name of [long("active"), lastRow]) {
      // As a person clicks a row half hidden by the window's bottom edge: no scrolling first.
      const label = `More actions for ${name}`;
      await scrollToBottomEdge(browser, label);
      await sleep(200);
      await clickLabelled(label);
      await sleep(300);
      assert.deepEqual(await menuPlacementProblems(browser, label), []);
      await screenshot(browser, `layout-menu-760x520-${name === lastRow ? "last" : "first"}`);
      await browser.keys("Escape");
    }

    // "Use this key in code" shows one example at a time, and it fits.
    await browser.setWindowSize(1080, 720);
    await clickLabelled(`Details ${long("active")}`);
    await clickButton("Use this key in code");
    await (await browser.$(".snippets-dialog [role=tab]")).waitForDisplayed({ timeout: 10_000 });
    const snippets = await snippetsAsDrawn(browser);
    assert.deepEqual(snippets.drawn, ["curl"], `the examples drawn at once: ${JSON.stringify(snippets)}`);
    assert.ok(snippets.dialogHeight <= snippets.height, `the dialog is taller than the window: ${JSON.stringify(snippets)}`);
    assert.ok(snippets.sideways <= 1, `the example's lines scroll sideways: ${JSON.stringify(snippets)}`);
    await screenshot(browser, "layout-snippets-1080x720");
    await browser.keys("Escape");
    await browser.keys("Escape");
  } finally {
    server.stop();
  }
});

test("15. accessibility in the real engine: axe-core inside WebKit on each screen, dialog and menu, in the light and the dark theme, in English and in French: no violation", async () => {
  for (const [language, dark] of [["en", false], ["en", true], ["fr", false], ["fr", true]]) {
    const words = WORDS[language];
    const theme = `${language}, ${dark ? "dark" : "light"}`;
    await endSession();
    browser = await freshStart({ dark, french: language === "fr", firstRun: true });
    assert.equal(await browser.execute(() => matchMedia("(prefers-color-scheme: dark)").matches), dark, `the window isn't in the ${theme} theme`);
    assert.equal(await browser.execute(() => document.documentElement.lang), language);
    const found = {};
    const check = async (what) => {
      const violations = await axeViolations(browser);
      if (violations.length > 0) found[`${theme}: ${what}`] = violations;
    };
    await (await browser.$(`h2=${words.welcome}`)).waitForDisplayed({ timeout: 10_000 });
    await check("the welcome dialog");
    await (await browser.$(".overlay input.field")).setValue("Ada Lovelace");
    await clickButton(words.continue);
    await (await browser.$(".profile-button=AL")).waitForExist({ timeout: 10_000 });
    await check("the empty screen");

    // A create with a bad name (the field error), then the reveal.
    await openCreateDialog();
    await clickButton(words.createKey);
    await browser.waitUntil(() => browser.execute(() => [...document.querySelectorAll(".field-error")].some((e) => !e.hidden)), {
      timeout: 5_000,
      timeoutMsg: "an empty name shows no error",
    });
    await check("the create dialog with an error");
    // What the key is for: the suggested use with its customer field, and Custom… with every choice.
    await (await browser.$("input[value=showDashboards]")).click();
    await check("the create dialog's suggested use");
    await (await browser.$("input[value=custom]")).click();
    await check("the create dialog's custom limits");
    await (await browser.$("input[value=fullAccess]")).click();
    await (await browser.$("input[name=name]")).setValue("Accessible key");
    await clickButton(words.createKey);
    await revealedKey();
    await check("the one-time reveal");
    await clickButton(words.useInCode);
    await check("'Use this key in code'");
    await browser.keys("Escape");
    await clickButton(words.done);
    await (await browser.$("[role=alertdialog]")).waitForExist({ timeout: 5_000 });
    await check("'Have you saved it?'");
    await clickButton(words.yesClose);
    await (await browser.$(".secret-field")).waitForExist({ reverse: true, timeout: 10_000 });

    await createInWindow("Second key", words);
    await clickLabelled(`${words.revoke} Second key`);
    await (await browser.$("[role=alertdialog]")).waitForExist({ timeout: 5_000 });
    await check("the revoke confirmation");
    await clickButton(words.revokeKey);
    await (await browser.$("tr.revoked")).waitForExist({ timeout: 10_000 });
    await check("the list with an active and a revoked key");
    await (await browser.$(`button[aria-label="${words.more} Accessible key"]`)).click();
    await check("a row's menu");
    await browser.keys("Escape");
    await clickLabelled(`${words.details} Accessible key`);
    await (await browser.$(".details-dialog")).waitForExist({ timeout: 5_000 });
    await check("a key's details");
    await clickButton(words.close);
    await clickLabelled(`${words.roll} Accessible key`);
    await check("the roll dialog");
    await clickButton(words.cancel);
    await clickLabelled(`${words.rename} Accessible key`);
    await check("the rename dialog");
    await clickButton(words.cancel);
    await (await browser.$("#identify-key")).click();
    await check("'Which key is this?'");
    await clickButton(words.close);
    await (await browser.$(".profile-button")).click();
    await check("the profile menu");
    await browser.keys("Escape");

    // Connected to a workspace: the section, and the token panel with a token.
    const server = await startEmbedServer();
    try {
      await connectWindow(server, words);
      await check("the connected workspace");
      await clickLabelled(`${words.generate} Accessible key`);
      await (await browser.$("input[name=distinct-id]")).waitForDisplayed({ timeout: 10_000 });
      await setValue("input[name=distinct-id]", "user-42");
      // (A toast may cover the button for a moment; this scenario is about what axe finds.)
      await browser.execute(() => document.getElementById("generate-token").click());
      const token = await browser.$("textarea.token-field");
      await token.waitForExist({ timeout: 15_000 });
      secretsSeen.push(await token.getValue());
      await check("the token panel with a token");
      await clickButton(words.close);
    } finally {
      server.stop();
    }
    await screenshot(browser, `accessibility-${language}-${dark ? "dark" : "light"}`);
    assert.deepEqual(found, {}, `axe found violations (${theme})`);
  }
});

test("15b. a moved key list: its keys stay in the keychain, the window offers them as found, and Restore makes them usable again", async () => {
  await start();
  const first = await createInWindow("Moved backend");
  const second = await createInWindow("Moved staging");
  await endSession();
  // The data folder goes elsewhere (a restored profile, a moved keys.json), and a key is made in the new, empty list.
  renameSync(DATA_DIR, `${DATA_DIR}.moved-${Date.now()}`);
  browser = await launchApp();
  await createInWindow("Made after the move");
  await endSession();
  browser = await launchApp();
  const panel = await browser.$("#found-keys");
  await panel.waitForExist({ timeout: 20_000, timeoutMsg: "the window didn't offer the keys its list doesn't know" });
  assert.match(await panel.getText(), /Found in your keychain: 2 keys this computer's list doesn't know/);
  assert.equal(keychainLookup(first.id), first.key, "the keychain check removed a secret no list claims");
  assert.equal(keychainLookup(second.id), second.key, "the keychain check removed a secret no list claims");
  assert.equal(keychainEntryCount(), 3, "every secret is still in the keychain");
  await screenshot(browser, "found-keys");

  await clickLabelled("Restore Moved backend");
  const row = await browser.$(`tr[data-key-id="${first.id}"]`);
  await row.waitForExist({ timeout: 10_000, timeoutMsg: "the restored key isn't in the list" });
  await clickLabelled("Copy Moved backend");
  assert.ok(await waitForClipboard(first.key, 5), "a restored key copies exactly its secret");
  const ran = spawnSync(CLI_BINARY, ["run", "--key", "Moved backend", "--", "sh", "-c", 'printf %s "$TOUCAN_API_KEY" | sha256sum'], { encoding: "utf8" });
  assert.equal(ran.status, 0, ran.stderr);
  assert.equal(ran.stdout.split(" ")[0], createHash("sha256").update(first.key).digest("hex"), "`run` hands over the restored key");
  assert.match(await (await browser.$("#found-keys")).getText(), /1 key this computer's list doesn't know/);
});

test("16. secret hygiene: no key or token on disk (the app's data, config, cache and log folders, WebKit's storage, every earlier scenario's folders)", async () => {
  // Its own session first, so it has secrets to look for when it runs alone.
  await start();
  const { key } = await createInWindow("Hygiene check");
  await clickLabelled("Copy Hygiene check");
  assert.ok(await waitForClipboard(key, 5));
  const fromTerminal = createInTerminal("Hygiene from the terminal");
  const ran = spawnSync(CLI_BINARY, ["run", "--key", "Hygiene from the terminal", "--", "true"], { encoding: "utf8" });
  assert.equal(ran.status, 0, ran.stderr);
  // "Which key is this?": the pasted key is named, the field emptied, and the key written nowhere (searched below).
  await (await browser.$("tr*=Hygiene from the terminal")).waitForExist({ timeout: 15_000 });
  await (await browser.$("#identify-key")).click();
  const pasted = await browser.$("input[name=pasted-key]");
  await pasted.waitForDisplayed({ timeout: 10_000 });
  await pasted.setValue(fromTerminal);
  await clickButton("Check");
  const answer = await browser.$(".identify-answer");
  await answer.waitForDisplayed({ timeout: 10_000 });
  assert.match(await answer.getText(), /This is “Hygiene from the terminal”/);
  assert.equal(await pasted.getValue(), "", "the field is emptied once the answer is shown");
  await screenshot(browser, "which-key-is-this");
  await clickButton("Close");
  await clickLabelled("Revoke Hygiene check");
  await clickButton("Revoke key");
  await (await browser.$(".toast*=was revoked")).waitForExist({ timeout: 10_000 });
  await endSession();

  const roots = [
    process.env.XDG_DATA_HOME,
    process.env.XDG_CONFIG_HOME,
    process.env.XDG_CACHE_HOME,
    process.env.XDG_STATE_HOME,
    process.env.TOUCAN_APP_LOG_DIR,
  ].filter(Boolean);
  assert.ok(roots.length >= 4, `the folders to search are known: ${roots}`);
  assert.ok(secretsSeen.includes(key) && secretsSeen.includes(fromTerminal));
  const hits = roots.flatMap((root) => filesContaining(root, secretsSeen));
  assert.deepEqual(hits, [], "a key, account token or session token was written outside the keychain");
  assert.ok(registryNames().length > 0, `the search covered the registry in ${DATA_DIR}`);
  // The app logged this session at trace level (run.sh sets TOUCAN_KEYS_LOG), into its own log folder.
  const logs = join(DATA_DIR, "logs");
  const log = readdirSync(logs).map((file) => readFileSync(join(logs, file), "utf8")).join("");
  for (const useCase of ["create_key", "copy_key", "identify", "revoke_key"]) {
    assert.ok(log.includes(useCase), `the app's log doesn't show ${useCase}`);
  }
});
