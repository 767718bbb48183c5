// The page in the app's own WebKit: the layout at three sizes, and axe-core on
// every screen, in both themes and both languages.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, test } from "node:test";
import {
  boxesScrollingSideways, controlsOutside, menuPlacementProblems, scrollToBottomEdge, sidewaysScroll,
  snippetsAsDrawn,
} from "./page-checks.mjs";
import {
  CLI_BINARY, DATA_DIR, keychain, keychainLookup, screenshot, sleep, startEmbedServer, axeViolations,
} from "./support.mjs";
import {
  WORDS, browser, clickButton, clickLabelled, closeRevealWithoutCopy, connectWindow, createInWindow, endSession,
  openCreateDialog, relaunch, revealedKey, seeSecret, setValue, start, tableRows,
} from "./scenario.mjs";

after(endSession);

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
      seeSecret(made.stdout.trim());
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
    await relaunch();
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
    await start({ dark, french: language === "fr", firstRun: true });
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
      seeSecret(await token.getValue());
      await check("the token panel with a token");
      await clickButton(words.close);
    } finally {
      server.stop();
    }
    await screenshot(browser, `accessibility-${language}-${dark ? "dark" : "light"}`);
    assert.deepEqual(found, {}, `axe found violations (${theme})`);
  }
});
