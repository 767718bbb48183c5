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
    bundles.set(language, bundle);
  }
  return bundle;
}

let current: Language = "en";
let currentIntl = "en-GB";

/** Speaks what Rust decided from now on (the caller redraws). */
export function speakLanguage(languages: WindowLanguages): void {
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
