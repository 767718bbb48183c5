// What the scenarios press and read, in the app's own words: both engines'
// suites (the *.e2e.test.mjs files, chromium.test.mjs) take them from the catalogues.

import { readFileSync } from "node:fs";

/** The one-line messages of a Fluent catalogue in this repository (`id = text`). */
function catalogue(path) {
  const text = readFileSync(new URL(path, import.meta.url), "utf8");
  return Object.fromEntries([...text.matchAll(/^([a-z][\w-]*) = (.+)$/gm)].map(([, id, value]) => [id, value]));
}

/**
 * What the scenarios press and read, in `language`, taken from the app's own
 * catalogues (the window's, ui/src/locales; the core's, crates/core/src/i18n):
 * a language the app speaks needs no table here.
 */
export function wordsIn(language) {
  const ui = catalogue(`../../ui/src/locales/${language}.ftl`);
  const core = catalogue(`../../crates/core/src/i18n/${language}.ftl`);
  const word = (messages, id) => {
    if (messages[id] === undefined) throw new Error(`${language}: no one-line message ${id}`);
    return messages[id];
  };
  const words = {
    welcome: "welcome-title", continue: "continue", createKey: "create-submit", done: "reveal-done", yesClose: "reveal-saved-yes",
    useInCode: "use-in-code", revoke: "action-revoke", revokeKey: "revoke-confirm", details: "action-details", roll: "action-roll",
    close: "close", cancel: "cancel", copy: "action-copy", copied: "reveal-copied", alertLead: "security-alert-lead", connect: "connect", generate: "action-generate", rename: "action-rename",
  };
  return {
    ...Object.fromEntries(Object.entries(words).map(([name, id]) => [name, word(ui, id)])),
    more: word(ui, "action-more-named").replace("{ $name }", "").trim(),
    nameEmpty: word(core, "error-name-empty"),
    connectTitle: word(core, "connect-title"),
    // As the window writes it: Intl, in the locale the core names for the language.
    inThreeMonths: new Intl.RelativeTimeFormat(word(core, "language-locale"), { numeric: "auto" }).format(3, "month"),
  };
}
