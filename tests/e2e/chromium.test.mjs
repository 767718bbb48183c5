// The page in Chromium, the engine that draws it on Windows (WebView2): the
// app's built page, with the UI's typed fake backend standing in for Rust
// (ui/tests/page), driven through chromium-driver. The same layout and
// accessibility checks as the WebKit scenarios (page-checks.mjs), at three
// sizes, in both themes and both languages, and the keyboard-only flow.
// Run through tests/e2e/run-chromium.sh; screenshots go to artifacts/chromium/.

import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize } from "node:path";
import { after, before, test } from "node:test";
import { remote } from "webdriverio";
import { axeViolations, boxesScrollingSideways, clickLabelled, controlsOutside, menuPlacementProblems, scrollToBottomEdge, sidewaysScroll, snippetsAsDrawn } from "./page-checks.mjs";
import { wordsIn } from "./words.mjs";

const PAGE_DIR = new URL("../../ui/dist-page/", import.meta.url).pathname;
const ARTIFACTS = process.env.TOUCAN_ARTIFACTS ?? new URL("../../artifacts/chromium/", import.meta.url).pathname;
const SIZES = [[760, 520], [1080, 720], [1280, 860]];
const THEMES = ["light", "dark"];
const LANGUAGES = ["en", "fr"];
const DRIVER_PORT = 9515;
const long = (what) => `Production analytics backend for the EMEA region: ${what}`.padEnd(60, ".");
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

let pageServer;
let pageOrigin;
let driver;
/** One browser per theme: Chromium takes the colour scheme at start. */
const browsers = {};

/** Serves the built page (ui/dist-page) on a port of its own. */
function servePage() {
  const types = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml", ".png": "image/png" };
  const server = createServer((request, reply) => {
    const path = normalize(decodeURIComponent(new URL(request.url, "http://page").pathname)).replace(/^(\.\.[/\\])+/, "");
    try {
      const body = readFileSync(join(PAGE_DIR, path));
      reply.writeHead(200, { "content-type": types[extname(path)] ?? "application/octet-stream" });
      reply.end(body);
    } catch {
      reply.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

async function startBrowser(theme) {
  return remote({
    hostname: "127.0.0.1",
    port: DRIVER_PORT,
    logLevel: "error",
    capabilities: {
      browserName: "chrome",
      "wdio:enforceWebDriverClassic": true,
      "goog:chromeOptions": {
        binary: process.env.TOUCAN_CHROMIUM ?? "/usr/bin/chromium",
        args: [
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--hide-scrollbars=false",
          // 0 is dark, 1 is light: what prefers-color-scheme reports, as Windows' theme sets it for WebView2.
          `--blink-settings=preferredColorScheme=${theme === "dark" ? 0 : 1}`,
        ],
      },
    },
  });
}

/** Opens the page in `language` (the keys in every status, a workspace), at `width`×`height`. */
async function openPage(browser, { language, width = 1080, height = 720, firstStart = false }) {
  await setSize(browser, width, height);
  await browser.url(`${pageOrigin}/index.html?lang=${language}${firstStart ? "&keys=none" : ""}`);
  await (await browser.$("h1#page-title")).waitForExist({ timeout: 15_000 });
  if (!firstStart) await (await browser.$("tbody tr")).waitForExist({ timeout: 10_000 });
  await browser.waitUntil(() => browser.execute(() => document.fonts.status === "loaded"), { timeout: 5_000 });
}

/** Sets the page's viewport (not the window's outer size) to `width`×`height`. */
async function setSize(browser, width, height) {
  await browser.setWindowSize(width, height);
  const inner = await browser.execute(() => [window.innerWidth, window.innerHeight]);
  await browser.setWindowSize(width + (width - inner[0]), height + (height - inner[1]));
  await browser.waitUntil(async () => (await browser.execute(() => window.innerWidth)) === width, { timeout: 5_000 });
}

async function screenshot(browser, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await browser.saveScreenshot(join(ARTIFACTS, `${name}.png`));
}

/** Opens the details of the key named `name` (through its row's menu). */
async function openDetails(browser, words, name) {
  await clickLabelled(browser, `${words.details} ${name}`);
  await (await browser.$(".details-dialog")).waitForDisplayed({ timeout: 10_000 });
}

/** From an open key's details, opens "Use this key in code". */
async function openSnippets(browser, words) {
  await clickButton(browser, words.useInCode);
  await (await browser.$(".snippets-dialog [role=tab]")).waitForDisplayed({ timeout: 10_000 });
}

async function clickButton(browser, text) {
  const target = await browser.$(`button=${text}`);
  await target.waitForClickable({ timeout: 10_000 });
  await target.click();
}

/** What is wrong with the layout as drawn now (controls outside, sideways scroll). */
async function layoutProblems(browser) {
  const outside = await controlsOutside(browser);
  const page = await sidewaysScroll(browser);
  const problems = outside.map((control) => `outside the window or its box: ${control}`);
  problems.push(...(await boxesScrollingSideways(browser)).map((box) => `scrolls sideways: ${box}`));
  if (page.scroll > page.inner) problems.push(`the page scrolls sideways (${page.scroll} > ${page.inner}): ${page.wide}`);
  return problems;
}

before(async () => {
  pageServer = await servePage();
  pageOrigin = `http://127.0.0.1:${pageServer.address().port}`;
  driver = spawn(process.env.TOUCAN_CHROMEDRIVER ?? "/usr/bin/chromedriver", [`--port=${DRIVER_PORT}`], { stdio: "ignore" });
  for (let tries = 0; tries < 100; tries++) {
    if (await fetch(`http://127.0.0.1:${DRIVER_PORT}/status`).then((r) => r.ok, () => false)) break;
    await sleep(100);
  }
  for (const theme of THEMES) browsers[theme] = await startBrowser(theme);
});

after(async () => {
  for (const browser of Object.values(browsers)) await browser.deleteSession().catch(() => {});
  driver?.kill();
  pageServer?.close();
});

test("the page in Chromium: at 760×520, 1080×720 and 1280×860, light and dark, English and French, every control is inside the window and no page scrolls sideways", async () => {
  const found = [];
  for (const theme of THEMES) {
    const browser = browsers[theme];
    for (const language of LANGUAGES) {
      const words = wordsIn(language);
      for (const [width, height] of SIZES) {
        const where = `${theme}, ${language}, ${width}×${height}`;
        await openPage(browser, { language, width, height });
        assert.equal(await browser.execute(() => matchMedia("(prefers-color-scheme: dark)").matches), theme === "dark", `${where}: not in the ${theme} theme`);
        assert.equal(await browser.execute(() => document.documentElement.lang), language);
        const check = async (what) => found.push(...(await layoutProblems(browser)).map((problem) => `${where}, ${what}: ${problem}`));
        await check("the key list");
        await screenshot(browser, `${language}-${theme}-${width}x${height}`);

        // The dialogs a person opens most, each whole in the window.
        await (await browser.$("#create-key")).click();
        await (await browser.$("input[name=name]")).waitForDisplayed({ timeout: 10_000 });
        await check("the create dialog");
        await (await browser.$("input[value=custom]")).click();
        await check("the create dialog's custom limits");
        await browser.keys("Escape");
        await openDetails(browser, words, long("active"));
        await check("a key's details");
        await openSnippets(browser, words);
        const snippets = await snippetsAsDrawn(browser);
        if (snippets.drawn.length !== 1) found.push(`${where}: "Use this key in code" draws ${snippets.drawn.length} examples at once`);
        if (snippets.dialogHeight > snippets.height) found.push(`${where}: "Use this key in code" is taller than the window (${snippets.dialogHeight} > ${snippets.height})`);
        if (snippets.sideways > 1) found.push(`${where}: the example's lines scroll sideways`);
        await check("'Use this key in code'");
        await browser.keys("Escape");
        await browser.keys("Escape");
        await clickLabelled(browser, `${words.generate} ${long("active")}`);
        const user = await browser.$("input[name=distinct-id]");
        await user.waitForDisplayed({ timeout: 10_000 });
        await check("the token panel");
        await user.setValue("maria@example.com");
        await browser.execute(() => document.getElementById("generate-token").click());
        await (await browser.$("textarea.token-field")).waitForExist({ timeout: 10_000 });
        await check("the token panel with a token");
        await browser.keys("Escape");
      }
      // At the smallest size a row's menu opens beside its own button, for the
      // top row and for a row half hidden by the window's bottom edge.
      await openPage(browser, { language, width: 760, height: 520 });
      const names = await browser.execute(() => [...document.querySelectorAll("tbody th .link-button")].map((b) => b.textContent));
      for (const name of [names[0], names.at(-1)]) {
        const label = `${words.more} ${name}`;
        await scrollToBottomEdge(browser, label);
        await sleep(100);
        await clickLabelled(browser, label);
        await (await browser.$("[role=menu]:not([hidden])")).waitForDisplayed({ timeout: 5_000 });
        found.push(...(await menuPlacementProblems(browser, label)).map((problem) => `${theme}, ${language}, 760×520, ${name}: ${problem}`));
        if (name === names.at(-1)) await screenshot(browser, `${language}-${theme}-760x520-menu`);
        await browser.keys("Escape");
      }
    }
  }
  assert.deepEqual(found, []);
});

test("accessibility in Chromium: axe-core on each screen, dialog and menu, light and dark, English and French: no violation (contrast included)", async () => {
  const found = {};
  for (const theme of THEMES) {
    const browser = browsers[theme];
    for (const language of LANGUAGES) {
      const words = wordsIn(language);
      const check = async (what) => {
        const violations = await axeViolations(browser);
        if (violations.length > 0) found[`${theme}, ${language}: ${what}`] = violations;
      };
      await openPage(browser, { language, firstStart: true });
      await (await browser.$(`h2=${words.welcome}`)).waitForDisplayed({ timeout: 10_000 });
      await check("the welcome dialog");
      await clickButton(browser, words.continue);
      await check("the empty screen");

      await openPage(browser, { language });
      await check("the key list in every status, with a workspace");
      await (await browser.$("#create-key")).click();
      await (await browser.$("input[name=name]")).waitForDisplayed({ timeout: 10_000 });
      await check("the create dialog's suggested use");
      await (await browser.$("input[value=custom]")).click();
      await check("the create dialog's custom limits");
      await (await browser.$("input[value=fullAccess]")).click();
      await clickButton(browser, words.createKey);
      await browser.waitUntil(() => browser.execute(() => [...document.querySelectorAll(".field-error")].some((e) => !e.hidden)), {
        timeout: 5_000,
        timeoutMsg: "an empty name shows no error",
      });
      await check("the create dialog with an error");
      await (await browser.$("input[name=name]")).setValue("Accessible key");
      await clickButton(browser, words.createKey);
      await (await browser.$(".secret-field")).waitForExist({ timeout: 10_000 });
      await check("the one-time reveal");
      await clickButton(browser, words.done);
      await (await browser.$("[role=alertdialog]")).waitForExist({ timeout: 5_000 });
      await check("'Have you saved it?'");
      await clickButton(browser, words.yesClose);
      await (await browser.$(".secret-field")).waitForExist({ reverse: true, timeout: 10_000 });

      await clickLabelled(browser, `${words.more} ${long("active")}`);
      await check("a row's menu");
      await browser.keys("Escape");
      await openDetails(browser, words, long("leaked"));
      await check("a leaked key's details");
      await clickButton(browser, words.close);
      await openDetails(browser, words, long("active"));
      await openSnippets(browser, words);
      await check("'Use this key in code'");
      await browser.keys("Escape");
      await browser.keys("Escape");
      await clickLabelled(browser, `${words.roll} ${long("active")}`);
      await check("the roll dialog");
      await clickButton(browser, words.cancel);
      await clickLabelled(browser, `${words.revoke} ${long("active")}`);
      await (await browser.$("[role=alertdialog]")).waitForExist({ timeout: 5_000 });
      await check("the revoke confirmation");
      await clickButton(browser, words.cancel);
      await (await browser.$("#identify-key")).click();
      await check("'Which key is this?'");
      await clickButton(browser, words.close);
      await (await browser.$(".profile-button")).click();
      await check("the profile menu");
      await browser.keys("Escape");
      await clickLabelled(browser, `${words.generate} ${long("active")}`);
      const user = await browser.$("input[name=distinct-id]");
      await user.waitForDisplayed({ timeout: 10_000 });
      await user.setValue("user-42");
      await browser.execute(() => document.getElementById("generate-token").click());
      await (await browser.$("textarea.token-field")).waitForExist({ timeout: 10_000 });
      await check("the token panel with a token");
      await screenshot(browser, `accessibility-${language}-${theme}`);
      await clickButton(browser, words.close);
    }
  }
  assert.deepEqual(found, {}, "axe found violations in Chromium");
});

test("keyboard only, in Chromium: create → reveal → copy → close → revoke with Tab, Enter, Space and Escape", async () => {
  const browser = browsers.light;
  const words = wordsIn("en");
  await openPage(browser, { language: "en" });
  await browser.execute(() => document.activeElement?.blur());

  /** Presses Tab until the focused element is `wanted` (as a CSS selector match or its text), then returns it. */
  const tabTo = async (wanted, what) => {
    for (let presses = 0; presses < 80; presses++) {
      const here = await browser.execute((wanted) => {
        const el = document.activeElement;
        if (!el || el === document.body) return false;
        return el.matches(wanted.selector ?? "*") && (wanted.text === undefined || el.textContent.trim() === wanted.text || el.getAttribute("aria-label") === wanted.text);
      }, wanted);
      if (here) return;
      await browser.keys("Tab");
    }
    assert.fail(`Tab never reaches ${what}`);
  };
  const focusVisible = () =>
    browser.execute(() => {
      const el = document.activeElement;
      const style = getComputedStyle(el);
      return el.matches(":focus-visible") && (style.outlineStyle !== "none" || style.boxShadow !== "none");
    });

  await tabTo({ selector: "#create-key" }, "Create API Key");
  assert.ok(await focusVisible(), "the focused Create API Key button shows no focus ring");
  await browser.keys("Enter");
  const name = await browser.$("input[name=name]");
  await name.waitForDisplayed({ timeout: 10_000 });
  assert.ok(await name.isFocused(), "the create dialog doesn't start in its name field");
  await browser.keys([..."Keyboard key"]);
  // A radio group is one Tab stop: the arrow keys move the choice within it.
  await tabTo({ selector: "input[type=radio][name^=use]:checked" }, "what the key is for");
  for (let presses = 0; presses < 6 && !(await (await browser.$("input[value=fullAccess]")).isSelected()); presses++) await browser.keys("ArrowDown");
  assert.ok(await (await browser.$("input[value=fullAccess]")).isSelected(), "the arrow keys never reach Full access");
  await tabTo({ selector: "button[type=submit]", text: words.createKey }, "Create key");
  await browser.keys("Enter");
  await (await browser.$(".secret-field")).waitForExist({ timeout: 10_000 });

  const created = await browser.execute(() => window.toucanCalls.filter((call) => call.cmd === "create_key").length);
  assert.equal(created, 1, "Enter on Create key made no key");
  await tabTo({ selector: "[role=dialog] button", text: words.copy }, "Copy");
  await browser.keys("Enter");
  await browser.waitUntil(() => browser.execute(() => window.toucanCalls.some((call) => call.cmd === "copy_key")), {
    timeout: 5_000,
    timeoutMsg: "Enter on Copy copied nothing",
  });
  assert.equal(await browser.$(`button=${words.copied}`).then((b) => b.isExisting()), true, "Copy doesn't say Copied");
  await tabTo({ text: words.done }, "Done");
  await browser.keys("Enter");
  await (await browser.$(".secret-field")).waitForExist({ reverse: true, timeout: 10_000 });
  assert.ok(await browser.execute(() => [...document.querySelectorAll("tbody th")].some((th) => th.textContent.includes("Keyboard key"))), "the new key isn't listed");

  // Revoke is in the row's More menu: Enter opens it, the arrow keys move to Revoke.
  await tabTo({ text: `${words.more} Keyboard key` }, "More actions for Keyboard key");
  assert.ok(await focusVisible(), "the focused More button shows no focus ring");
  await browser.keys("Enter");
  await (await browser.$("[role=menu]:not([hidden])")).waitForDisplayed({ timeout: 5_000 });
  for (let presses = 0; presses < 8; presses++) {
    if (await browser.execute((label) => document.activeElement?.getAttribute("aria-label") === label, `${words.revoke} Keyboard key`)) break;
    await browser.keys("ArrowDown");
  }
  assert.equal(await browser.execute(() => document.activeElement?.getAttribute("aria-label")), `${words.revoke} Keyboard key`, "the arrow keys never reach Revoke in the menu");
  assert.ok(await focusVisible(), "the focused Revoke item shows no focus ring");
  await browser.keys("Enter");
  await (await browser.$("[role=alertdialog]")).waitForExist({ timeout: 5_000 });
  await tabTo({ text: words.revokeKey }, "Revoke key");
  await browser.keys("Enter");
  await browser.waitUntil(() => browser.execute(() => window.toucanCalls.some((call) => call.cmd === "revoke_key")), {
    timeout: 5_000,
    timeoutMsg: "Enter on Revoke key revoked nothing",
  });
  await (await browser.$("tr.revoked")).waitForExist({ timeout: 5_000 });
  // Escape closes a dialog opened from the keyboard, and focus returns to where it was.
  await tabTo({ selector: "#create-key" }, "Create API Key");
  await browser.keys("Enter");
  await (await browser.$("input[name=name]")).waitForDisplayed({ timeout: 10_000 });
  await browser.keys("Escape");
  await (await browser.$("input[name=name]")).waitForExist({ reverse: true, timeout: 5_000 });
  assert.equal(await browser.execute(() => document.activeElement?.id), "create-key", "Escape doesn't give focus back to the button that opened the dialog");
  await screenshot(browser, "keyboard-revoked");
});
