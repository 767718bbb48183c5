// What the page must be in any engine, and how a person reaches a control, checked from inside it through
// WebDriver: the app's WebKit (page.e2e.test.mjs) and Chromium, the engine of
// Windows' WebView2 (chromium.test.mjs) run the same checks.

import { readFileSync } from "node:fs";

const AXE_SOURCE = readFileSync(new URL("./node_modules/axe-core/axe.min.js", import.meta.url), "utf8");

/**
 * Runs axe-core inside the engine (injected through WebDriver) on the whole
 * page as it is now; returns the violations as readable lines. Unlike jsdom,
 * a real engine computes colours, so contrast is checked too.
 */
export async function axeViolations(browser) {
  await browser.execute(AXE_SOURCE);
  const outcome = await browser.executeAsync((done) => {
    if (!window.axe) return done({ error: "axe-core didn't load in the page" });
    window.axe
      .run(document, { resultTypes: ["violations"] })
      .then((results) =>
        done({
          rulesRun: results.passes.length + results.violations.length + results.incomplete.length,
          violations: results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
        }),
      )
      .catch((error) => done({ error: String(error) }));
  });
  if (outcome.error || !(outcome.rulesRun > 0)) throw new Error(`axe-core didn't run: ${outcome.error ?? "no rule ran"}`);
  return outcome.violations;
}

/**
 * The controls drawn outside the window, or cut off by a box that scrolls
 * or clips (the table inside its card), as "label (left–right)" lines.
 */
export function controlsOutside(browser) {
  return browser.execute(() => {
    const controls = [...document.querySelectorAll("button, input, select, textarea, a[href], [tabindex='0']")];
    return controls
      .filter((el) => el.getClientRects().length > 0 && !el.closest("[hidden]"))
      .map((el) => ({ el, rect: el.getBoundingClientRect() }))
      .filter(({ el, rect }) => {
        if (rect.left < 0 || rect.right > window.innerWidth + 0.5) return true;
        for (let box = el.parentElement; box; box = box.parentElement) {
          if (getComputedStyle(box).overflowX === "visible") continue;
          const seen = box.getBoundingClientRect();
          if (rect.left < seen.left - 0.5 || rect.right > seen.right + 0.5) return true;
        }
        return false;
      })
      .map(({ el, rect }) => `${el.getAttribute("aria-label") ?? el.textContent?.trim().slice(0, 30)} (${Math.round(rect.left)}–${Math.round(rect.right)})`);
  });
}

/**
 * Whether the page scrolls sideways: its width against the window's, and
 * what sticks out (innermost first), for the message.
 */
export function sidewaysScroll(browser) {
  return browser.execute(() => ({
    scroll: document.documentElement.scrollWidth,
    inner: window.innerWidth,
    wide: [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5 && ![...el.children].some((c) => c.getBoundingClientRect().right > window.innerWidth + 0.5))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} (${Math.round(el.getBoundingClientRect().right)})`),
  }));
}

/**
 * The boxes drawn now whose content scrolls sideways (a token, a code
 * example, a table), as "tag.class (content width > box width)" lines.
 */
export function boxesScrollingSideways(browser) {
  return browser.execute(() =>
    [...document.querySelectorAll("body *")]
      .filter((el) => el.getClientRects().length > 0 && el.scrollWidth > el.clientWidth + 1 && ["auto", "scroll"].includes(getComputedStyle(el).overflowX))
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")} (${el.scrollWidth} > ${el.clientWidth})`),
  );
}

/**
 * Where a row's open menu is drawn against its button and the window: the
 * menu must be whole, beside its own button, and the button in view.
 * Returns the problems found ([] when none).
 */
export async function menuPlacementProblems(browser, label) {
  const placed = await browser.execute((label) => {
    const button = document.querySelector(`button[aria-label="${label}"]`).getBoundingClientRect();
    const open = [...document.querySelectorAll("[role=menu]")].find((m) => !m.hidden).getBoundingClientRect();
    const box = (r) => ({ top: Math.round(r.top), bottom: Math.round(r.bottom), left: Math.round(r.left), right: Math.round(r.right) });
    return { button: box(button), menu: box(open), width: window.innerWidth, height: window.innerHeight };
  }, label);
  const { button, menu, width, height } = placed;
  const shown = JSON.stringify(placed);
  const problems = [];
  if (!(menu.left >= 0 && menu.right <= width && menu.top >= 0 && menu.bottom <= height)) problems.push(`the menu is cut off: ${shown}`);
  if (!(button.top >= 0 && button.bottom <= height)) problems.push(`the menu's own button is cut off: ${shown}`);
  const gap = menu.top >= button.bottom ? menu.top - button.bottom : button.top - menu.bottom;
  if (!(gap >= 0 && gap <= 8)) problems.push(`the menu isn't next to its button: ${shown}`);
  return problems;
}

/**
 * Scrolls so that the button labelled `label` has its middle just inside the
 * window's bottom edge, as a person clicks a row half hidden there (WebDriver
 * then clicks it without scrolling first).
 */
export function scrollToBottomEdge(browser, label) {
  return browser.execute((label) => {
    const button = document.querySelector(`button[aria-label="${label}"]`);
    window.scrollBy(0, button.getBoundingClientRect().top + button.offsetHeight / 2 + 2 - window.innerHeight);
  }, label);
}

/** "Use this key in code" as drawn: which examples show, the dialog's height, sideways scroll. */
export function snippetsAsDrawn(browser) {
  return browser.execute(() => {
    const dialog = document.querySelector(".snippets-dialog");
    const drawn = [...dialog.querySelectorAll(".snippet")].filter((panel) => panel.getClientRects().length > 0);
    const code = drawn[0]?.querySelector("pre");
    return {
      drawn: drawn.map((panel) => panel.dataset.language),
      dialogHeight: Math.round(dialog.getBoundingClientRect().height),
      height: window.innerHeight,
      sideways: code ? code.scrollWidth - code.clientWidth : null,
    };
  });
}

/**
 * Clicks the button named `ariaLabel`; a row action in its row's "More" menu
 * is reached by opening that menu first, as a person would.
 */
export async function clickLabelled(browser, ariaLabel) {
  const button = await browser.$(`button[aria-label="${ariaLabel}"]`);
  await button.waitForExist({ timeout: 10_000 });
  if (!(await button.isDisplayed())) {
    const more = await browser.execute(
      (label) => document.querySelector(`button[aria-label="${label}"]`).closest(".menu-wrapper")?.querySelector("button[aria-haspopup]")?.getAttribute("aria-label"),
      ariaLabel,
    );
    await (await browser.$(`button[aria-label="${more}"]`)).click();
  }
  await button.waitForClickable({ timeout: 10_000 });
  await button.click();
}
