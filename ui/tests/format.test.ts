import { describe, expect, it } from "vitest";
import { clearDelayLabel, durationLabel, exactTime, relativeTime } from "../src/format";
import { speakLanguage } from "../src/i18n";
import { pluralTable } from "./helpers";

describe("times as people read them", () => {
  const now = new Date("2026-11-28T12:00:00Z");
  it.each([
    ["2026-11-28T11:59:30Z", "just now"],
    ["2026-11-28T11:55:00Z", "5 minutes ago"],
    ["2026-11-28T11:00:00Z", "1 hour ago"],
    ["2026-11-27T12:00:00Z", "yesterday"],
    ["2026-11-29T12:00:00Z", "tomorrow"],
    ["2026-11-25T12:00:00Z", "3 days ago"],
    ["2027-02-26T12:00:00Z", "in 3 months"],
    ["2026-12-12T12:00:00Z", "in 2 weeks"],
  ])("%s is %s", (iso, expected) => {
    expect(relativeTime(iso, now)).toBe(expected);
  });

  it.each([
    ["2026-11-28T11:55:00Z", "il y a 5 minutes"],
    ["2026-11-27T12:00:00Z", "hier"],
    ["2026-11-26T12:00:00Z", "avant-hier"],
    ["2026-11-30T12:00:00Z", "après-demain"],
    ["2027-02-26T12:00:00Z", "dans 3 mois"],
    ["2027-11-28T12:00:00Z", "l’année prochaine"],
  ])("in French, %s is %s (the catalogue's words, as Intl would say them)", (iso, expected) => {
    const offered = [
      { language: "en", ownName: "English", locale: "en-GB", plurals: pluralTable("en") },
      { language: "fr", ownName: "Français", locale: "fr-FR", plurals: pluralTable("fr") },
    ];
    speakLanguage({ speaking: "fr", followsSystem: false, offered });
    try {
      expect(relativeTime(iso, now)).toBe(expected);
      const unit = new Intl.RelativeTimeFormat("fr-FR", { numeric: "auto" });
      const seconds = (new Date(iso).getTime() - now.getTime()) / 1000;
      const [count, inUnit] = Math.abs(seconds) >= 365 * 86400 ? [1, "year"] : Math.abs(seconds) >= 30 * 86400 ? [3, "month"] : Math.abs(seconds) >= 86400 ? [Math.round(seconds / 86400), "day"] : [-5, "minute"];
      expect(expected).toBe(unit.format(count, inUnit as Intl.RelativeTimeFormatUnit));
    } finally {
      speakLanguage({ speaking: "en", followsSystem: false, offered });
    }
  });

  it("gives the exact local time with its offset for tooltips", () => {
    expect(exactTime("2026-11-28T12:00:00Z")).toMatch(/^\w+day, \d{1,2} \w+ 2026, \d\d:\d\d:\d\d \(UTC[+-]\d\d:\d\d\)$/);
  });

  it("says when the clipboard clears", () => {
    expect(clearDelayLabel(30)).toBe("Clears in 30 s");
    expect(clearDelayLabel(120)).toBe("Clears in 2 min");
    expect(clearDelayLabel(null)).toBe("Stays until you copy something else");
  });
});

describe("durations offered in the choices from Rust", () => {
  it.each([
    [10, "10 seconds"],
    [60, "1 minute"],
    [120, "2 minutes"],
    [900, "15 minutes"],
    [3600, "1 hour"],
    [86400, "24 hours"],
  ])("%i s reads %s", (seconds, label) => {
    expect(durationLabel(seconds)).toBe(label);
  });
});
