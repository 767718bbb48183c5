// Both languages: the catalogues have the same messages (and no syntax
// error), no text a person reads is written in the code instead of the
// catalogue, the language follows the system unless chosen, and the screen
// speaks French when asked (dates included).

import { FluentResource } from "@fluent/bundle";
import { describe, expect, it } from "vitest";
import { addCatalogue, CATALOGUES } from "../src/i18n";
import german from "./fixtures/de.ftl?raw";
import { button, fakeBackend, key, mountApp, pluralTable, settle, topDialog } from "./helpers";

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
  it("speaks the language Rust decided, with no list or rule of its own", async () => {
    // The browser engine says French; Rust says English (the system's), and the window follows Rust.
    Object.defineProperty(navigator, "languages", { value: ["fr-FR"], configurable: true });
    fakeBackend();
    await mountApp();
    expect(document.documentElement.lang).toBe("en");
    const options = [...(document.getElementById("language") as HTMLSelectElement).options].map((option) => [option.value, option.textContent]);
    expect(options).toEqual([["", "The system's language"], ["en", "English"], ["fr", "Français"]]);
  });

  it("a third language is spoken once its catalogue is there and Rust offers it: no other change", async () => {
    addCatalogue("de", german);
    const backend = fakeBackend({ keys: [key({ name: "Produktion" }), key({ name: "Test" }), key({ name: "Alt" })] });
    backend.offered = [...backend.offered, { language: "de", ownName: "Deutsch", locale: "de-DE", plurals: pluralTable("de") }];
    backend.settings.language = "de";
    await mountApp();
    expect(document.documentElement.lang).toBe("de");
    expect(document.getElementById("page-title")?.textContent).toBe("Kontoeinstellungen");
    expect(document.getElementById("language-title")?.textContent).toBe("Sprache");
    // What the catalogue lacks is English; its relative times are its own words.
    expect(document.getElementById("create-key")?.textContent).toBe("API-Schlüssel erstellen");
    expect(document.querySelector("label[for=key-search]")?.textContent).toBe("Find a key");
    expect(document.querySelector("tbody tr")?.textContent).toContain("in 2 Monaten");
    const select = document.getElementById("language") as HTMLSelectElement;
    expect(select.value).toBe("de");
    expect([...select.options].map((option) => option.textContent)).toContain("Deutsch");
  });

  it("the screen speaks French when French is chosen: words, plurals and dates", async () => {
    fakeBackend({
      settings: { displayName: "Ada Lovelace", clipboardClear: { kind: "after", seconds: 30 }, language: "fr", welcomed: true },
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
    select.value = "fr";
    select.dispatchEvent(new Event("change"));
    await settle();
    expect(backend.settings.language).toBe("fr");
    expect(document.getElementById("page-title")?.textContent).toBe("Paramètres du compte");
    expect((document.getElementById("key-search") as HTMLInputElement).placeholder).toBe("Nom ou derniers caractères");
    expect(document.activeElement?.id).toBe("language");
  });
});

describe("the first screen's memory", () => {
  it.each(["en", "fr"])("in %s, shows a list of keys, its times and counts without making one Intl object", async (language) => {
    // Each Intl object loads its share of ICU into the page (docs/BENCHMARKS.md).
    const day = 86400e3;
    fakeBackend({
      settings: { displayName: "Ada Lovelace", clipboardClear: { kind: "after", seconds: 30 }, language, welcomed: true },
      keys: [
        key({ name: "Soon", status: "expiresSoon", expiresAt: new Date(Date.now() + 3 * day).toISOString() }),
        key({ name: "Copied", lastCopiedAt: new Date(Date.now() - 2 * 3600e3).toISOString() }),
        key({ name: "Old", status: "revoked", revokedAt: new Date(Date.now() - 40 * day).toISOString() }),
      ],
    });
    // Spied on their use: each Intl object in use has loaded its ICU data.
    const used: string[] = [];
    const spied: [object, string][] = [
      [Intl.PluralRules.prototype, "select"],
      [Intl.NumberFormat.prototype, "format"],
      [Intl.DateTimeFormat.prototype, "format"],
      [Intl.RelativeTimeFormat.prototype, "format"],
      [Intl.Collator.prototype, "compare"],
      [Intl.ListFormat.prototype, "format"],
      [String.prototype, "localeCompare"],
      [Number.prototype, "toLocaleString"],
      [Date.prototype, "toLocaleString"],
      [Date.prototype, "toLocaleDateString"],
    ];
    const restore = spied.map(([owner, method]) => {
      const descriptor = Object.getOwnPropertyDescriptor(owner, method)!;
      // A method, or (NumberFormat's and DateTimeFormat's format) a getter of a bound function.
      const original = (descriptor.value ?? descriptor.get) as (...args: unknown[]) => unknown;
      Object.defineProperty(owner, method, {
        configurable: true,
        get: () =>
          function (this: unknown, ...args: unknown[]) {
            used.push(method);
            const call = descriptor.get ? (original.call(this) as (...args: unknown[]) => unknown) : original;
            return call.apply(this, args);
          },
      });
      return () => Object.defineProperty(owner, method, descriptor);
    });
    try {
      await mountApp();
      expect(document.querySelector("tbody")?.textContent).toMatch(language === "fr" ? /dans 3 jours/ : /in 3 days/);
      expect(used, used.join()).toEqual([]);
    } finally {
      for (const undo of restore) undo();
    }
  });

  it("counts beyond Rust's table still follow the language's rules", async () => {
    fakeBackend({ settings: { displayName: "Ada", clipboardClear: { kind: "after", seconds: 30 }, language: "fr", welcomed: true } });
    await mountApp();
    expect(pluralTable("fr")[0]).toBe("one");
    const { t } = await import("../src/i18n");
    expect(t("time-future-day", { count: 1500 })).toBe(`dans ${new Intl.NumberFormat("fr").format(1500)} jours`);
  });
});
