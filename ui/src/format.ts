// Times as people read them: relative ("3 days ago"), with the exact time
// on hover.

import type { KeyStatus } from "./bindings";

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/** "just now", "5 minutes ago", "in 3 months". */
export function relativeTime(iso: string, now: Date = new Date()): string {
  const seconds = (new Date(iso).getTime() - now.getTime()) / 1000;
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return "just now";
}

/** The full local date and time, for tooltips. */
export function exactTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: "full", timeStyle: "long" });
}

/** What a status is called in the list. */
export const STATUS_LABELS: Record<KeyStatus, string> = {
  active: "Active",
  expiresSoon: "Expires soon",
  expired: "Expired",
  revoked: "Revoked",
  missing: "Missing from keychain",
};

/** "Clears in 30 s", "Clears in 2 min". */
export function clearDelayLabel(seconds: number | null): string {
  if (seconds === null) return "Stays until you copy something else";
  return seconds >= 60 && seconds % 60 === 0 ? `Clears in ${seconds / 60} min` : `Clears in ${seconds} s`;
}
