// Runs last (run.sh orders the files): no key or token the run showed is on
// disk, in any folder the app or an earlier scenario used.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { after, test } from "node:test";
import { CLI_BINARY, DATA_DIR, filesContaining, keychain, registryNames, screenshot } from "./support.mjs";
import {
  browser, clickButton, clickLabelled, createInTerminal, createInWindow, endSession, secretsSeenSoFar, start,
  waitForClipboard,
} from "./scenario.mjs";

after(endSession);

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
  // Every secret any scenario file showed, this one's included.
  const secretsSeen = secretsSeenSoFar();
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
