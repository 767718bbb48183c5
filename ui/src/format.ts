// Times as people read them, in the window's language: relative ("3 days
// ago", "il y a 3 jours"), with the exact time on hover.

import type { KeyStatus } from "./bindings";
import { intlLocale, t } from "./i18n";

const UNITS: [string, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/**
 * Intl formatters cost far more to make than to use, and each loads its own
 * ICU data into the page: one of each per language, made on first use, and
 * none for the first screen. Its relative times are the catalogue's own words
 * (`time-future-…`, `time-past-…`), and its exact times are made on hover
 * (see `relativeTimeElement`).
 */
const exactFormatters = new Map<string, { day: Intl.DateTimeFormat; time: Intl.DateTimeFormat }>();

function exactFormattersFor(locale: string) {
  let made = exactFormatters.get(locale);
  if (!made) {
    made = {
      day: new Intl.DateTimeFormat(locale, { weekday: "long", day: "numeric", month: "long", year: "numeric" }),
      time: new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false }),
    };
    exactFormatters.set(locale, made);
  }
  return made;
}

/** "just now", "5 minutes ago", "in 3 months", "yesterday", "tomorrow" (or in French). */
export function relativeTime(iso: string, now: Date = new Date()): string {
  const seconds = (new Date(iso).getTime() - now.getTime()) / 1000;
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) {
      const count = Math.round(Math.abs(seconds) / size);
      return t(`time-${seconds < 0 ? "past" : "future"}-${unit}`, { count });
    }
  }
  return t("time-just-now");
}

/** The full local date and time, for tooltips: "Saturday, 28 November 2026, 14:05:09 (UTC+01:00)". */
export function exactTime(iso: string): string {
  const date = new Date(iso);
  const two = (n: number) => String(n).padStart(2, "0");
  const offset = -date.getTimezoneOffset();
  const zone = `UTC${offset < 0 ? "-" : "+"}${two(Math.floor(Math.abs(offset) / 60))}:${two(Math.abs(offset) % 60)}`;
  const { day: days, time: times } = exactFormattersFor(intlLocale());
  const day = days.format(date);
  const time = times.format(date);
  return t("time-exact", { day, time, zone });
}

/**
 * A `<time>` saying `iso` relatively ("in 3 months"), with the exact time as
 * its tooltip, worked out when the pointer first reaches it.
 */
export function relativeTimeElement(iso: string): HTMLTimeElement {
  const element = document.createElement("time");
  element.dateTime = iso;
  element.textContent = relativeTime(iso);
  element.addEventListener("mouseenter", () => (element.title = exactTime(iso)), { once: true });
  return element;
}

/** A day in the window's language: "2 December 2026". */
export function longDay(iso: string): string {
  return new Intl.DateTimeFormat(intlLocale(), { day: "numeric", month: "long", year: "numeric" }).format(new Date(iso));
}

/** What a status is called in the list. */
export function statusLabel(status: KeyStatus): string {
  return t(`status-${status}`);
}

/** "Clears in 30 s", "Clears in 2 min". */
export function clearDelayLabel(seconds: number | null): string {
  if (seconds === null) return t("clears-never");
  return seconds >= 60 && seconds % 60 === 0 ? t("clears-in-minutes", { minutes: seconds / 60 }) : t("clears-in-seconds", { seconds });
}

/** "10 seconds", "1 minute", "4 hours": a whole number of the largest unit that fits. */
export function durationLabel(seconds: number): string {
  if (seconds % 3600 === 0) return t("duration-hours", { count: seconds / 3600 });
  if (seconds % 60 === 0) return t("duration-minutes", { count: seconds / 60 });
  return t("duration-seconds", { count: seconds });
}
