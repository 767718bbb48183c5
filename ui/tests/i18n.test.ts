// Both languages: the catalogues have the same messages (and no syntax
// error), no text a person reads is written in the code instead of the
// catalogue, the language follows the system unless chosen, and the screen
// speaks French when asked (dates included).

import { FluentResource } from "@fluent/bundle";
import { describe, expect, it } from "vitest";
import { CATALOGUES, localeFor } from "../src/i18n";
import { button, fakeBackend, key, mountApp, settle, topDialog } from "./helpers";

function messageIds(source: string): string[] {
  return new FluentResource(source).body.map((entry) => entry.id).sort();
}

/** Every TypeScript file of the window, but the generated bindings: path → source. */
const SOURCES = Object.entries(
  import.meta.glob<string>(["../src/**/*.ts", "!../src/bindings.ts"], { query: "?raw", import: "default", eager: true }),
);

/** Key names and other words the code compares with, never shown. */
const NOT_SHOWN = new Set(["Escape", "Tab", "Enter", "ArrowDown", "ArrowUp", "ArrowLeft", "ArrowRight"]);

/** Where a string is code, not text: a class list, a CSS selector, a mark, a path, a developer's error. */
const CODE_CONTEXT = /((class|buttonClass|menuClass):[^,{}]*|selector\s*=|querySelector(All)?(<\w+>)?\(|closest\(|mark\(|getEntriesByName\(|src:|Error\()\s*$/;

/** String literals of `source` (comments removed) that read like words for people. */
function wordsInCode(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:])\/\/.*$/gm, "$1");
  const literals = [...code.matchAll(/"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\]|\\.)*)`/g)]
    .filter((match) => !CODE_CONTEXT.test(code.slice(Math.max(0, match.index - 80), match.index)))
    .map((match) => match[1] ?? match[2] ?? match[3]);
  return literals.filter((text) => {
    if (NOT_SHOWN.has(text) || /^(\.|\.\.\/|@|https?:|[.#[])/.test(text)) return false;
    const outsidePlaceholders = text.replace(/\$\{[^}]*\}/g, "");
    // A capitalised word ("Copy"), or two words with a space ("stops in").
    return /^[A-Z][a-z]+\b/.test(outsidePlaceholders) || /[A-Za-z]{2,}[ ,.:!?]+[A-Za-z]{2,}/.test(outsidePlaceholders);
  });
}

describe("the catalogues", () => {
  it("English and French have exactly the same messages, and both parse", () => {
    const english = messageIds(CATALOGUES.en);
    expect(english.length).toBeGreaterThan(200);
    expect(messageIds(CATALOGUES.fr)).toEqual(english);
  });

  it("no text a person reads is written in the code: it is all in the catalogue", () => {
    expect(SOURCES.length).toBeGreaterThan(20);
    const found = SOURCES.flatMap(([path, source]) => wordsInCode(source).map((text) => `${path}: ${text}`));
    expect(found).toEqual([]);
  });

  it("the check above finds words in the code", () => {
    expect(wordsInCode('h("p", {}, "Copy it now");')).toEqual(["Copy it now"]);
    expect(wordsInCode("h(`Roll ${name}`);")).toEqual(["Roll ${name}"]);
    expect(wordsInCode('if (event.key === "Escape") h("div", { class: "button small" });')).toEqual([]);
    expect(wordsInCode('h("p", { class: "muted" }, "stops in");')).toEqual(["stops in"]);
  });
});

describe("the language", () => {
  it("follows the system unless one is chosen", () => {
    expect(localeFor("system", ["fr-FR", "en-US"])).toBe("fr");
    expect(localeFor("system", ["fr-CA"])).toBe("fr");
    expect(localeFor("system", ["en-US", "fr-FR"])).toBe("en");
    expect(localeFor("system", ["de-DE"])).toBe("en");
    expect(localeFor("french", ["en-US"])).toBe("fr");
    expect(localeFor("english", ["fr-FR"])).toBe("en");
  });

  it("the screen speaks French when French is chosen: words, plurals and dates", async () => {
    fakeBackend({
      settings: { displayName: "Ada Lovelace", clipboardClear: { kind: "after", seconds: 30 }, language: "french" },
      keys: [key({ name: "Production" }), key({ name: "Bientôt", status: "expiresSoon" }), key({ name: "Ancienne", status: "expiresSoon" })],
    });
    await mountApp();
    expect(document.documentElement.lang).toBe("fr");
    expect(document.getElementById("page-title")?.textContent).toBe("Paramètres du compte");
    expect(document.getElementById("create-key")?.textContent).toBe("Créer une clé d’API");
    expect(document.getElementById("expiry-banner")?.textContent).toContain("2 clés expirent bientôt.");
    // The parts kept across redraws speak it too: find and sort, the connect form.
    expect((document.getElementById("key-search") as HTMLInputElement).placeholder).toBe("Nom ou derniers caractères");
    expect(document.querySelector("label[for=key-search]")?.textContent).toBe("Chercher une clé");
    expect(document.getElementById("key-order")?.textContent).toContain("Plus récentes d’abord");
    expect(document.getElementById("connect-workspace")?.textContent).toBe("Se connecter");
    expect(document.querySelector("tbody tr")?.textContent).toContain("dans 2 mois");
    button("Créer une clé d’API").click();
    await settle();
    expect(topDialog().querySelector(".dialog-title")?.textContent).toBe("Créer une clé d’API");
    expect(topDialog().textContent).toContain("30 jours");
  });

  it("changing the language in Settings saves it and draws the screen again in it", async () => {
    const backend = fakeBackend({ keys: [key({ name: "Production" }), key({ name: "Staging" })] });
    await mountApp();
    expect(document.getElementById("page-title")?.textContent).toBe("Account settings");
    const select = document.getElementById("language") as HTMLSelectElement;
    select.value = "french";
    select.dispatchEvent(new Event("change"));
    await settle();
    expect(backend.settings.language).toBe("french");
    expect(document.getElementById("page-title")?.textContent).toBe("Paramètres du compte");
    expect((document.getElementById("key-search") as HTMLInputElement).placeholder).toBe("Nom ou derniers caractères");
    expect(document.activeElement?.id).toBe("language");
  });
});
