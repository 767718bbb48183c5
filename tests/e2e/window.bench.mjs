// Speed of the real window (WebKit under Xvfb, driven through WebDriver), not
// a test: it prints medians. Run it with scripts/bench-window.sh.
//   1. Create and Roll, from the click on the dialog's button to the key in the
//      reveal field, measured in the page (performance.now() and a
//      MutationObserver), alternating in the same run: Roll is compared with
//      Create on the same machine at the same moment.
//   2. A list of 1,000 keys (made with the command line): the first screen
//      after a reload (the page's own "toucan:first-render" mark, from the
//      navigation's start), a search keystroke and a change of order (from
//      the event to the table laid out again). The table draws 100 rows at a
//      time; search and sort work on all 1,000.

import { spawnSync } from "node:child_process";
import { after, test } from "node:test";
import { CLI_BINARY, clickLabelled, freshStart } from "./support.mjs";

const RUNS = Number(process.env.TOUCAN_BENCH_RUNS ?? 15);
const LIST_SIZE = Number(process.env.TOUCAN_BENCH_LIST ?? 1000);
let browser;
after(async () => browser?.deleteSession().catch(() => {}));

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const summary = (values) =>
  `median ${median(values).toFixed(1)} ms (min ${Math.min(...values).toFixed(1)}, max ${Math.max(...values).toFixed(1)}, n=${values.length})`;

/** Clicks the top dialog's submit button and times it until the reveal field shows a key. */
async function timeSubmitToReveal() {
  return browser.executeAsync((done) => {
    const dialogs = document.querySelectorAll(".overlay");
    const submit = dialogs[dialogs.length - 1].querySelector("form button[type=submit]");
    const start = performance.now();
    const seen = () => document.querySelector(".secret-field")?.textContent?.startsWith("tck_");
    const observer = new MutationObserver(() => {
      if (!seen()) return;
      observer.disconnect();
      done(performance.now() - start);
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    submit.click();
  });
}

async function closeReveal() {
  await browser.execute(() => [...document.querySelectorAll(".overlay button")].find((b) => b.textContent === "Done").click());
  await browser.execute(() => [...document.querySelectorAll(".overlay button")].find((b) => b.textContent === "Yes, close").click());
  await (await browser.$(".secret-field")).waitForExist({ reverse: true, timeout: 10_000 });
}

test("create and roll: click to reveal", async () => {
  browser = await freshStart();
  const create = [];
  const roll = [];
  for (let i = 0; i < RUNS; i++) {
    const name = `Bench key ${i}`;
    await (await browser.$("#create-key")).click();
    await (await browser.$("input[name=name]")).setValue(name);
    await (await browser.$("input[value=fullAccess]")).click();
    create.push(await timeSubmitToReveal());
    await closeReveal();
    await clickLabelled(browser, `Roll ${name}`);
    await (await browser.$("input[value=hours24]")).waitForExist({ timeout: 10_000 });
    roll.push(await timeSubmitToReveal());
    await closeReveal();
  }
  console.log(`create, first of the run: ${create[0].toFixed(1)} ms`);
  console.log(`create: ${summary(create.slice(1))}`);
  console.log(`roll, first of the run: ${roll[0].toFixed(1)} ms`);
  console.log(`roll: ${summary(roll.slice(1))}`);
  console.log(`roll / create (medians): ${(median(roll.slice(1)) / median(create.slice(1))).toFixed(2)}`);
});

test(`a list of ${LIST_SIZE} keys: first screen, a search keystroke, a sort`, async () => {
  await browser?.deleteSession().catch(() => {});
  browser = await freshStart();
  const started = Date.now();
  for (let i = 0; i < LIST_SIZE; i++) {
    const made = spawnSync(CLI_BINARY, ["create", "--name", `Backend ${String(i).padStart(4, "0")}`, "--expires", "90d"], { encoding: "utf8" });
    if (made.status !== 0) throw new Error(made.stderr);
  }
  console.log(`(${LIST_SIZE} keys made with the command line in ${((Date.now() - started) / 1000).toFixed(0)} s)`);
  const firstScreen = [];
  const keychainCheck = [];
  for (let i = 0; i < 5; i++) {
    await browser.refresh();
    // The first page of rows (100), with "Show more" for the rest.
    const firstPage = Math.min(LIST_SIZE, 100);
    await browser.waitUntil(async () => (await browser.execute(() => document.querySelectorAll("tbody tr").length)) === firstPage, {
      timeout: 60_000,
    });
    firstScreen.push(await browser.execute(() => performance.getEntriesByName("toucan:first-render")[0].startTime));
    // The keychain check after the first screen (every key's entry asked for) ends before the next reload.
    await browser.waitUntil(() => browser.execute(() => performance.getEntriesByName("toucan:keychain-checked").length > 0), {
      timeout: 120_000,
    });
    keychainCheck.push(
      await browser.execute(
        () => performance.getEntriesByName("toucan:keychain-checked")[0].startTime - performance.getEntriesByName("toucan:first-render")[0].startTime,
      ),
    );
  }
  const searches = [];
  const sorts = [];
  const orders = ["name", "expires", "oldest", "newest"];
  for (let i = 0; i < RUNS; i++) {
    searches.push(
      await browser.execute((query) => {
        const input = document.getElementById("key-search");
        const start = performance.now();
        input.value = query;
        input.dispatchEvent(new Event("input", { bubbles: true }));
        void document.body.offsetHeight; // laid out again
        return performance.now() - start;
      }, i % 2 ? "Backend 05" : ""),
    );
    sorts.push(
      await browser.execute((order) => {
        const select = document.getElementById("key-order");
        const start = performance.now();
        select.value = order;
        select.dispatchEvent(new Event("change", { bubbles: true }));
        void document.body.offsetHeight;
        return performance.now() - start;
      }, orders[i % orders.length]),
    );
  }
  console.log(`first screen with ${LIST_SIZE} keys (from navigation start): ${summary(firstScreen)}`);
  console.log(`keychain check after it (every entry asked for, in the background): ${summary(keychainCheck)}`);
  console.log(`search keystroke: ${summary(searches)}`);
  console.log(`sort: ${summary(sorts)}`);
});
