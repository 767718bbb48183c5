// Times as people read them, in the window's language: relative ("3 days
// ago", "il y a 3 jours"), with the exact time on hover.

import type { KeyStatus } from "./bindings";
import { intlLocale, t } from "./i18n";

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/** Intl formatters cost far more to make than to use: one of each per language, made on first use. */
const formatters = new Map<string, { relative: Intl.RelativeTimeFormat; day: Intl.DateTimeFormat; time: Intl.DateTimeFormat }>();

function formattersFor(locale: string) {
  let made = formatters.get(locale);
  if (!made) {
    made = {
      relative: new Intl.RelativeTimeFormat(locale, { numeric: "auto" }),
      day: new Intl.DateTimeFormat(locale, { weekday: "long", day: "numeric", month: "long", year: "numeric" }),
      time: new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false }),
    };
    formatters.set(locale, made);
  }
  return made;
}

/** "just now", "5 minutes ago", "in 3 months", "yesterday", "tomorrow" (or in French). */
export function relativeTime(iso: string, now: Date = new Date()): string {
  const seconds = (new Date(iso).getTime() - now.getTime()) / 1000;
  const words = formattersFor(intlLocale()).relative;
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) {
      const count = Math.round(Math.abs(seconds) / size);
      return words.format(seconds < 0 ? -count : count, unit);
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
  const { day: days, time: times } = formattersFor(intlLocale());
  const day = days.format(date);
  const time = times.format(date);
  return t("time-exact", { day, time, zone });
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
