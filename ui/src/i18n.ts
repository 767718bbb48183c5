// The window's words. Every text a person reads is a message in a Fluent
// catalogue (locales/<tag>.ftl), with its plurals there too; the code only
// names messages and passes values. Which languages exist, which one is
// spoken and the locale its dates use are decided in Rust (`window_language`):
// this file has no list and no rule of its own. A catalogue in locales/ is
// picked up by its file name.

import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";
import type { Language, WindowLanguages } from "./bindings";

/** The catalogues in locales/, by tag ("en", "fr"), as written. */
export const CATALOGUES: Record<Language, string> = Object.fromEntries(
  Object.entries(import.meta.glob<string>("./locales/*.ftl", { query: "?raw", import: "default", eager: true })).map(
    ([path, source]) => [path.replace(/^.*\/(.+)\.ftl$/, "$1"), source],
  ),
);

const bundles = new Map<Language, FluentBundle>();

/** Each language's plural category of the whole numbers 0–999, as Rust sent them (CLDR's rules). */
const pluralTables = new Map<Language, string[]>();

/**
 * Fluent asks `Intl` for plural rules and number formats; made once, those
 * cost the page about 2 MiB of ICU (docs/BENCHMARKS.md) for the few counts
 * the first screen shows. This hands Fluent stand-ins, through its memoizer
 * of Intl objects, that answer the whole numbers 0–999 from Rust's table
 * (written in Latin digits, as Rust writes every number) and ask `Intl`
 * beyond them. A test checks the first screen makes no Intl object.
 */
function countWithoutIntl(bundle: FluentBundle, language: Language): void {
  const table = pluralTables.get(language);
  if (!table) return;
  const locale = bundle.locales[0];
  const inTable = (n: number) => Number.isInteger(n) && n >= 0 && n < table.length;
  let plurals: Intl.PluralRules | undefined;
  let numbers: Intl.NumberFormat | undefined;
  // Fluent's memoizer (not part of its typed API): Intl constructor -> {JSON of its options: object}.
  const memoizer = (bundle as unknown as { _intls: WeakMap<object, Record<string, unknown>> })._intls;
  memoizer.set(Intl.PluralRules, {
    "{}": { select: (n: number) => (inTable(n) ? table[n] : (plurals ??= new Intl.PluralRules(locale)).select(n)) },
  });
  memoizer.set(Intl.NumberFormat, {
    "{}": { format: (n: number) => (inTable(n) ? String(n) : (numbers ??= new Intl.NumberFormat(locale)).format(n)) },
  });
}

/**
 * Adds a catalogue this build doesn't carry (a translator's work in progress,
 * a test's fixture); it is spoken once Rust offers its language.
 */
export function addCatalogue(language: Language, source: string): void {
  CATALOGUES[language] = source;
  bundles.delete(language);
}

function bundleOf(language: Language): FluentBundle | undefined {
  const source = CATALOGUES[language];
  if (source === undefined) return undefined;
  let bundle = bundles.get(language);
  if (!bundle) {
    // No isolation marks around values: the window draws plain text.
    bundle = new FluentBundle(language, { useIsolating: false });
    const errors = bundle.addResource(new FluentResource(source));
    if (errors.length > 0) throw new Error(`The ${language} catalogue has errors: ${errors.join("; ")}`);
    countWithoutIntl(bundle, language);
    bundles.set(language, bundle);
  }
  return bundle;
}

let current: Language = "en";
let currentIntl = "en-GB";

/** Speaks what Rust decided from now on (the caller redraws). */
export function speakLanguage(languages: WindowLanguages): void {
  for (const offered of languages.offered) {
    if (pluralTables.has(offered.language)) continue;
    pluralTables.set(offered.language, offered.plurals);
    const made = bundles.get(offered.language);
    if (made) countWithoutIntl(made, offered.language);
  }
  current = languages.speaking;
  currentIntl = languages.offered.find((offered) => offered.language === current)?.locale ?? current;
  document.documentElement.lang = current;
}

/** The language spoken now. */
export function language(): Language {
  return current;
}

/** The locale Intl formats with now ("en-GB", "fr-FR"). */
export function intlLocale(): string {
  return currentIntl;
}

/** The message `id` in the current language, with `args` filled in (English if it is missing). */
export function t(id: string, args?: Record<string, FluentVariable>): string {
  for (const bundle of [bundleOf(current), bundleOf("en")]) {
    const message = bundle?.getMessage(id);
    if (bundle && message?.value) return bundle.formatPattern(message.value, args);
  }
  return id;
}
