// A key's life in the window, checked from outside the app: the first run, copy
// (another process reads the clipboard), the keychain entry (secret-tool), a relaunch,
// revoke, a locked keychain, bad input, the page's restrictions, one instance at a time,
// the app and the command line at once, reminders and a moved key list.

import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, renameSync } from "node:fs";
import { join } from "node:path";
import { after, test } from "node:test";
import {
  APP_BINARY, CLI_BINARY, DATA_DIR, clipboardTargets, copyElsewhere, windowsTitled, isWellFormedKey, keychain,
  keychainEntryCount, keychainLookup, readClipboard, readPrimary, registryNames, screenshot, sleep, APP_HOME,
  watchNotifications,
} from "./support.mjs";
import {
  CLEAR_DELAY_SECONDS, WORDS, browser, clickButton, clickLabelled, closeRevealWithoutCopy, createInTerminal,
  createInWindow, endSession, openCreateDialog, relaunch, revealedKey, rowCount, seeSecret, setValue, start,
  waitForClipboard,
} from "./scenario.mjs";

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
  await relaunch();
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
    await relaunch();
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

test("13. reminders: a key that expires in a few days gets one desktop notification, never twice; the start at login adds and removes its autostart entry", async () => {
  await start();
  // A key that expires in 5 days, made with the command line while the app runs.
  const inFiveDays = new Date(Date.now() + 5 * 86400e3).toISOString().slice(0, 10);
  const created = spawnSync(CLI_BINARY, ["create", "--name", "Expiring soon", "--expires", inFiveDays], { encoding: "utf8" });
  assert.equal(created.status, 0, created.stderr);
  seeSecret(created.stdout.trim());
  const watch = watchNotifications();
  try {
    // Reminders are checked when the app starts (and every hour).
    await endSession();
    await relaunch();
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
    await relaunch();
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

test("15b. a moved key list: its keys stay in the keychain, the window offers them as found, and Restore makes them usable again", async () => {
  await start();
  const first = await createInWindow("Moved backend");
  const second = await createInWindow("Moved staging");
  await endSession();
  // The data folder goes elsewhere (a restored profile, a moved keys.json), and a key is made in the new, empty list.
  renameSync(DATA_DIR, `${DATA_DIR}.moved-${Date.now()}`);
  await relaunch();
  await createInWindow("Made after the move");
  await endSession();
  await relaunch();
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
