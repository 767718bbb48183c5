// Times as people read them: relative ("3 days ago"), with the exact time
// on hover.

import type { KeyStatus } from "./bindings";

const UNITS: [string, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "just now", "5 minutes ago", "in 3 months", "yesterday", "tomorrow". */
export function relativeTime(iso: string, now: Date = new Date()): string {
  const seconds = (new Date(iso).getTime() - now.getTime()) / 1000;
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) {
      const count = Math.round(Math.abs(seconds) / size);
      if (unit === "day" && count === 1) return seconds < 0 ? "yesterday" : "tomorrow";
      const amount = `${count} ${unit}${count === 1 ? "" : "s"}`;
      return seconds < 0 ? `${amount} ago` : `in ${amount}`;
    }
  }
  return "just now";
}

/** The full local date and time, for tooltips: "Saturday, 28 November 2026, 14:05:09 (UTC+01:00)". */
export function exactTime(iso: string): string {
  const date = new Date(iso);
  const two = (n: number) => String(n).padStart(2, "0");
  const offset = -date.getTimezoneOffset();
  const zone = `UTC${offset < 0 ? "-" : "+"}${two(Math.floor(Math.abs(offset) / 60))}:${two(Math.abs(offset) % 60)}`;
  return `${WEEKDAYS[date.getDay()]}, ${date.getDate()} ${MONTHS[date.getMonth()]} ${date.getFullYear()}, ${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())} (${zone})`;
}

/** What a status is called in the list. */
export const STATUS_LABELS: Record<KeyStatus, string> = {
  active: "Active",
  expiresSoon: "Expires soon",
  retiring: "Retiring",
  expired: "Expired",
  revoked: "Revoked",
  missing: "Missing from keychain",
};

/** "Clears in 30 s", "Clears in 2 min". */
export function clearDelayLabel(seconds: number | null): string {
  if (seconds === null) return "Stays until you copy something else";
  return seconds >= 60 && seconds % 60 === 0 ? `Clears in ${seconds / 60} min` : `Clears in ${seconds} s`;
}

/** "10 seconds", "1 minute", "4 hours": a whole number of the largest unit that fits. */
export function durationLabel(seconds: number): string {
  const [amount, unit] =
    seconds % 3600 === 0 ? [seconds / 3600, "hour"] : seconds % 60 === 0 ? [seconds / 60, "minute"] : [seconds, "second"];
  return `${amount} ${unit}${amount === 1 ? "" : "s"}`;
}
