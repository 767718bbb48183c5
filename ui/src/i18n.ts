// The window's words, in English and French. Every text a person reads is a
// message in a Fluent catalogue (locales/en.ftl, locales/fr.ftl), with its
// plurals there too; the code only names messages and passes values. The
// language is the one chosen in Settings, else the system's (French for any
// French locale, English otherwise). Dates and relative times use Intl with
// the same language.

import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";
import type { Language } from "./bindings";
import english from "./locales/en.ftl?raw";
import french from "./locales/fr.ftl?raw";

/** A language the window speaks. */
export type Locale = "en" | "fr";

/** Each language's catalogue, as written. */
export const CATALOGUES: Record<Locale, string> = { en: english, fr: french };

/** The locale Intl formats dates with, per language. */
const INTL_LOCALE: Record<Locale, string> = { en: "en-GB", fr: "fr-FR" };

function bundleOf(locale: Locale): FluentBundle {
  // No isolation marks around values: the window draws plain text.
  const bundle = new FluentBundle(INTL_LOCALE[locale], { useIsolating: false });
  const errors = bundle.addResource(new FluentResource(CATALOGUES[locale]));
  if (errors.length > 0) throw new Error(`The ${locale} catalogue has errors: ${errors.join("; ")}`);
  return bundle;
}

const bundles: Record<Locale, FluentBundle> = { en: bundleOf("en"), fr: bundleOf("fr") };
let current: Locale = "en";

/**
 * The language for a setting, decided in the page: the chosen one, or the
 * browser engine's. Only a fallback: Rust decides it (`window_language`),
 * from the operating system's locale, which WebKitGTK doesn't always pass on.
 */
export function localeFor(language: Language, system: readonly string[] = navigator.languages ?? [navigator.language]): Locale {
  if (language === "english") return "en";
  if (language === "french") return "fr";
  return system.some((tag) => tag.toLowerCase().startsWith("fr")) && !system[0]?.toLowerCase().startsWith("en") ? "fr" : "en";
}

/** Speaks `locale` from now on (the caller redraws). */
export function setLocale(locale: Locale): void {
  current = locale;
  document.documentElement.lang = locale;
}

/** The language spoken now. */
export function locale(): Locale {
  return current;
}

/** The locale Intl formats with now ("en-GB", "fr-FR"). */
export function intlLocale(): string {
  return INTL_LOCALE[current];
}

/** The message `id` in the current language, with `args` filled in (English if it is missing). */
export function t(id: string, args?: Record<string, FluentVariable>): string {
  for (const bundle of [bundles[current], bundles.en]) {
    const message = bundle.getMessage(id);
    if (message?.value) return bundle.formatPattern(message.value, args);
  }
  return id;
}
