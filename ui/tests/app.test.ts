// The Account settings → API Keys screen, driven as a person would, over a
// fake backend behind Tauri's IPC mock.

import { describe, expect, it } from "vitest";
import {
  TEST_SECRET, button, createKey, dialogs, openCreateDialog, fakeBackend, key, mountApp, press, settle, submit, topDialog, type,
} from "./helpers";



describe("the key list", () => {
  it("explains what a key is for when there are none", async () => {
    fakeBackend();
    await mountApp();
    // In plain words: what a key is for, and what to do next.
    const empty = document.querySelector(".empty-state")?.textContent ?? "";
    expect(empty).toContain("show Toucan dashboards to your own customers");
    expect(empty).toContain("Create your first key");
    expect(empty).not.toMatch(/row-level|session token|backend/);
    expect(document.body.textContent).toContain("this computer can still copy it from its keychain");
    expect(document.querySelector("table")).toBeNull();
  });

  it("shows each key's name, masked hint, times and status, newest first", async () => {
    fakeBackend({
      keys: [
        key({ name: "Newest", status: "expiresSoon" }),
        key({ name: "Old", status: "revoked", revokedAt: new Date().toISOString() }),
      ],
    });
    await mountApp();
    const rows = [...document.querySelectorAll("tbody tr")];
    expect(rows.map((r) => r.querySelector("th .link-button")?.textContent)).toEqual(["Newest", "Old"]);
    expect(rows[0].textContent).toContain("tck_…abcd");
    expect(rows[0].textContent).toContain("Expires soon");
    expect(rows[0].textContent).toContain("in 2 months");
    // The exact time is the tooltip, worked out when the pointer reaches it.
    const expires = rows[0].querySelector("time")!;
    expires.dispatchEvent(new MouseEvent("mouseenter"));
    expect(expires.getAttribute("title")).toMatch(/\d{4}/);
    expect(rows[1].classList.contains("revoked")).toBe(true);
    expect(rows[1].textContent).toContain("Revoked");
    expect(rows[1].textContent).toContain("Delete");
    expect(rows[1].textContent).not.toContain("Copy");
  });
});

describe("creating a key", () => {
  it("preselects 90 days and offers 30, 60, 90 days, a date, or never", async () => {
    fakeBackend();
    await mountApp();
    const { dialog } = await openCreateDialog();
    const radios = [...dialog.querySelectorAll<HTMLInputElement>("input[name=expiry]")];
    expect(radios.map((r) => r.value)).toEqual(["days30", "days60", "days90", "onDate", "never"]);
    expect(radios.find((r) => r.checked)?.value).toBe("days90");
    expect(document.activeElement?.getAttribute("name")).toBe("name");
    // The day a choice gives, in words; the date field only for "On a date".
    const date = dialog.querySelector<HTMLInputElement>("input.date-field[type=date]")!;
    const until = dialog.querySelector<HTMLElement>(".expiry-until")!;
    const inDays = (days: number) =>
      new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric" }).format(new Date(Date.now() + days * 86400e3));
    expect(date.hidden, "the date field at first").toBe(true);
    expect(until.textContent).toBe(`Until ${inDays(90)}`);
    radios[0].click();
    expect(until.textContent).toBe(`Until ${inDays(30)}`);
    radios[3].click();
    expect(date.hidden).toBe(false);
    type(date, "2027-03-02");
    expect(until.textContent).toBe("Until 2 March 2027");
    radios[4].click();
    expect(date.hidden, "the date field for never").toBe(true);
    expect(until.hidden, "the day for never").toBe(true);
  });

  it("sends the chosen expiry", async () => {
    const backend = fakeBackend();
    await mountApp();
    const { dialog, name, form } = await openCreateDialog();
    const onDate = dialog.querySelector<HTMLInputElement>("input[value=onDate]")!;
    onDate.checked = true;
    onDate.dispatchEvent(new Event("change"));
    const date = dialog.querySelector<HTMLInputElement>("input.date-field")!;
    expect(date.disabled).toBe(false);
    date.value = "2031-05-01";
    type(name, "Dated");
    submit(form);
    await settle();
    expect(backend.calls.find((c) => c.cmd === "create_key")?.args).toEqual({
      name: "Dated",
      expiry: { kind: "onDate", value: "2031-05-01" },
      origins: [],
      limits: {},
    });
  });

  it("reveals the key once with Copy and the security alert, and copies through Rust", async () => {
    const backend = fakeBackend();
    await mountApp();
    const reveal = await createKey();
    const field = reveal.querySelector<HTMLElement>(".secret-field")!;
    expect(field.textContent).toBe(TEST_SECRET);
    expect(field.getAttribute("aria-readonly")).toBe("true");
    expect(reveal.textContent).toContain(
      "Never expose this key in client-side code, public repositories, or frontend scripts",
    );
    // What is true: not shown again, yet this computer can still copy it (as every row's Copy does).
    expect(reveal.textContent).toContain("won't show this key in full again");
    expect(reveal.textContent).toContain("This computer can still copy it later from its keychain");
    expect(reveal.textContent).not.toContain("only time you'll see");
    button("Copy", reveal).click();
    await settle();
    const copy = backend.calls.find((c) => c.cmd === "copy_key")!;
    expect(copy.args).toEqual({ id: backend.keys[0].id });
    expect(document.getElementById("toasts")?.textContent).toContain("Copied. Clears in 30 s");
    button("Done", reveal).click();
    await settle();
    expect(dialogs()).toHaveLength(0);
    expect(document.documentElement.outerHTML).not.toContain(TEST_SECRET.slice(4));
    expect(JSON.stringify(backend.calls.filter((c) => c.cmd !== "create_key"))).not.toContain(TEST_SECRET.slice(4));
    expect(document.querySelector("tbody tr th .link-button")?.textContent).toBe("Production backend");
  });

  it("Ctrl+C, Copy and Cut on the revealed key go through Rust, and WebKit copies nothing itself", async () => {
    const backend = fakeBackend();
    await mountApp();
    const reveal = await createKey();
    const field = reveal.querySelector<HTMLElement>(".secret-field")!;
    const copies = () => backend.calls.filter((c) => c.cmd === "copy_key").length;

    const ctrlC = new KeyboardEvent("keydown", { key: "c", ctrlKey: true, bubbles: true, cancelable: true });
    field.dispatchEvent(ctrlC);
    await settle();
    expect(ctrlC.defaultPrevented).toBe(true);
    expect(copies()).toBe(1);

    for (const kind of ["copy", "cut"]) {
      const event = new Event(kind, { bubbles: true, cancelable: true });
      field.dispatchEvent(event);
      await settle();
      expect(event.defaultPrevented, kind).toBe(true);
    }
    expect(copies()).toBe(3);
    const menu = new MouseEvent("contextmenu", { bubbles: true, cancelable: true });
    field.dispatchEvent(menu);
    expect(menu.defaultPrevented).toBe(true);
    expect(document.getElementById("toasts")?.textContent).toContain("Copied. Clears in 30 s");
  });

  it("asks 'Have you saved it?' when closing without copying", async () => {
    fakeBackend();
    await mountApp();
    const reveal = await createKey();
    press("Escape");
    await settle();
    expect(topDialog().textContent).toContain("Have you saved it?");
    button("Go back", topDialog()).click();
    await settle();
    expect(dialogs()).toHaveLength(1);
    expect(reveal.querySelector<HTMLElement>(".secret-field")?.textContent).toBe(TEST_SECRET);
    button("Done", reveal).click();
    await settle();
    button("Yes, close", topDialog()).click();
    await settle();
    expect(dialogs()).toHaveLength(0);
    expect(document.documentElement.outerHTML).not.toContain(TEST_SECRET.slice(4));
  });

  it.each([
    ["name_empty", "Give the key a name."],
    ["name_taken", 'You already have an active key named "Production". Choose another name.'],
    ["name_too_long", "This name has 65 characters. Use 64 or fewer."],
  ] as const)("shows %s under the name field and keeps what was typed", async (code, message) => {
    const backend = fakeBackend();
    await mountApp();
    const { dialog, name, form } = await openCreateDialog();
    backend.failNext.set("create_key", { code, message, field: "name" });
    type(name, "production");
    submit(form);
    await settle();
    const error = document.getElementById(name.getAttribute("aria-describedby")!)!;
    expect(error.hidden).toBe(false);
    expect(error.textContent).toBe(message);
    expect(name.getAttribute("aria-invalid")).toBe("true");
    expect(name.value).toBe("production");
    expect(dialog.isConnected).toBe(true);
    expect(document.querySelectorAll("tbody tr")).toHaveLength(0);
  });

  it("shows a locked keychain as an alert in the dialog, losing nothing", async () => {
    const backend = fakeBackend();
    await mountApp();
    const { dialog, name, form } = await openCreateDialog();
    backend.failNext.set("create_key", { code: "keychain_locked", message: "Your keychain is locked. Unlock it and try again.", field: null });
    type(name, "Production");
    submit(form);
    await settle();
    const alert = dialog.querySelector<HTMLElement>("[role=alert]")!;
    expect(alert.hidden).toBe(false);
    expect(alert.textContent).toContain("Your keychain is locked.");
    expect(name.value).toBe("Production");
    submit(form);
    await settle();
    expect(dialog.querySelector(".secret-field")).not.toBeNull();
  });
});

describe("keyboard use", () => {
  it("keeps focus inside an open dialog and closes it with Escape", async () => {
    fakeBackend();
    await mountApp();
    const opener = button("Create API Key");
    opener.focus();
    const { dialog } = await openCreateDialog();
    const controls = [...dialog.querySelectorAll<HTMLElement>("button, input:not([disabled])")];
    controls[controls.length - 1].focus();
    press("Tab");
    expect(document.activeElement).toBe(controls[0]);
    press("Tab", { shiftKey: true });
    expect(document.activeElement).toBe(controls[controls.length - 1]);
    press("Escape");
    await settle();
    expect(dialogs()).toHaveLength(0);
    expect(document.activeElement?.textContent).toBe("Create API Key");
  });
});

describe("row actions", () => {
  it("revokes only after a confirmation that names the key", async () => {
    const backend = fakeBackend({ keys: [key({ name: "Staging" })] });
    await mountApp();
    button("Revoke Staging").click();
    await settle();
    expect(topDialog().textContent).toContain("Revoke “Staging”?");
    button("Cancel", topDialog()).click();
    await settle();
    expect(backend.calls.some((c) => c.cmd === "revoke_key")).toBe(false);
    button("Revoke Staging").click();
    await settle();
    button("Revoke key", topDialog()).click();
    await settle();
    const row = document.querySelector("tbody tr")!;
    expect(row.classList.contains("revoked")).toBe(true);
    expect(row.textContent).toContain("Revoked");
  });

  it("copies from the list through Rust, and says when the clipboard clears", async () => {
    const backend = fakeBackend({ keys: [key({ name: "Staging" })] });
    backend.settings.clipboardClear = { kind: "after", seconds: 120 };
    await mountApp();
    button("Copy Staging").click();
    await settle();
    expect(backend.calls.find((c) => c.cmd === "copy_key")?.args).toEqual({ id: backend.keys[0].id });
    expect(document.getElementById("toasts")?.textContent).toContain("Copied. Clears in 2 min");
    expect(document.querySelector("tbody tr")?.textContent).toContain("just now");
  });

  it("keeps keyboard focus on the row's button after the list redraws", async () => {
    fakeBackend({ keys: [key({ name: "Staging" })] });
    await mountApp();
    button("Copy Staging").focus();
    button("Copy Staging").click();
    await settle();
    expect(document.activeElement?.getAttribute("aria-label")).toBe("Copy Staging");
  });

  it("renames, showing a taken name under the field", async () => {
    const backend = fakeBackend({ keys: [key({ name: "Alpha" })] });
    await mountApp();
    button("Rename Alpha").click();
    await settle();
    const input = topDialog().querySelector<HTMLInputElement>("input")!;
    backend.failNext.set("rename_key", { code: "name_taken", message: 'You already have an active key named "Beta". Choose another name.', field: "name" });
    type(input, "beta");
    submit(topDialog().querySelector("form")!);
    await settle();
    expect(topDialog().textContent).toContain("Choose another name.");
    type(input, "Gamma");
    submit(topDialog().querySelector("form")!);
    await settle();
    expect(dialogs()).toHaveLength(0);
    expect(document.querySelector("tbody th .link-button")?.textContent).toBe("Gamma");
  });

  it("deletes a revoked key after confirmation", async () => {
    fakeBackend({ keys: [key({ name: "Gone", status: "revoked", revokedAt: new Date().toISOString() })] });
    await mountApp();
    button("Delete Gone").click();
    await settle();
    expect(topDialog().textContent).toContain("and its activity history will be removed");
    button("Delete", topDialog()).click();
    await settle();
    expect(document.querySelector(".empty-state")).not.toBeNull();
    expect(document.getElementById("toasts")?.textContent).toContain("“Gone” was deleted, with its history.");
  });

  it("keeps at most two confirmations on screen, and drops them when the language changes", async () => {
    fakeBackend({ keys: [key({ name: "Backend" })] });
    await mountApp();
    for (let n = 0; n < 4; n++) {
      button("Copy Backend").click();
      await settle();
    }
    expect(document.querySelectorAll("#toasts .toast")).toHaveLength(2);
    const select = document.getElementById("language") as HTMLSelectElement;
    select.value = "fr";
    select.dispatchEvent(new Event("change"));
    await settle();
    expect(document.documentElement.lang).toBe("fr");
    expect(document.querySelectorAll("#toasts .toast")).toHaveLength(0);
  });
});

describe("a row: one primary action, the rest in its menu", () => {
  it("offers Copy first for a usable key, Roll for an expired one, Delete for a revoked one", async () => {
    fakeBackend({
      keys: [
        key({ name: "Usable" }),
        key({ name: "Late", status: "expired", expiresAt: new Date(Date.now() - 86400e3).toISOString() }),
        key({ name: "Gone", status: "revoked", revokedAt: new Date().toISOString() }),
      ],
    });
    await mountApp();
    const primary = [...document.querySelectorAll("tbody tr")].map((row) => row.querySelector(".row-actions > button")?.textContent);
    expect(primary).toEqual(["Copy", "Roll", "Delete"]);
    // "Never" alone is never a whole cell: each says never what.
    const cells = [...document.querySelectorAll("tbody td")].map((cell) => cell.textContent);
    expect(cells).not.toContain("Never");
    expect(document.querySelector("tbody tr:last-child")?.textContent).not.toMatch(/in \d+ (days|weeks|months)/);
    const menu = (name: string) =>
      [...document.getElementById(`actions-${[...document.querySelectorAll("tbody tr")].find((r) => r.textContent?.includes(name))!.getAttribute("data-key-id")}`)!.querySelectorAll("[role=menuitem]")].map(
        (item) => item.textContent,
      );
    expect(menu("Usable")).toEqual(["Roll", "Rename", "Details", "Revoke"]);
    expect(menu("Gone")).toEqual(["Details"]);
  });

  it("a leaked key says where it was found, offers Roll first, and rolls it with no overlap", async () => {
    const leak = { foundAt: "2026-12-02T10:00:00Z", url: "https://github.com/octo-org/shop/blob/0123abc/.env", source: "content" };
    const backend = fakeBackend({
      keys: [key({ name: "Shop", status: "leaked", revokedAt: "2026-12-02T10:00:01Z", leak })],
    });
    await mountApp();
    const row = document.querySelector("tbody tr")!;
    expect(row.querySelector(".badge")?.textContent).toBe("Leaked");
    expect(row.querySelector(".row-actions > button")?.textContent).toBe("Roll");

    button("Details Shop").click();
    await settle();
    expect(topDialog().querySelector(".leak-notice")?.textContent).toContain(
      "Found in public at https://github.com/octo-org/shop/blob/0123abc/.env on 2 December 2026. The server revoked it.",
    );
    button("Close", topDialog()).click();
    await settle();

    button("Roll Shop").click();
    await settle();
    const dialog = topDialog();
    expect(dialog.textContent).toContain("its replacement is made at once");
    expect(dialog.querySelectorAll("input[name=overlap]")).toHaveLength(0);
    submit(dialog.querySelector("form")!);
    await settle();
    expect(backend.calls.find((call) => call.cmd === "roll_key")?.args).toMatchObject({ overlap: "now" });
  });

  it("opens with the keyboard, moves with the arrows, and Escape returns to its button", async () => {
    fakeBackend({ keys: [key({ name: "Staging" })] });
    await mountApp();
    const more = button("More actions for Staging");
    more.focus();
    more.click();
    expect(more.getAttribute("aria-expanded")).toBe("true");
    expect(document.activeElement?.textContent).toBe("Roll");
    press("ArrowDown");
    expect(document.activeElement?.getAttribute("aria-label")).toBe("Rename Staging");
    press("ArrowUp");
    press("ArrowUp");
    expect(document.activeElement?.textContent).toBe("Revoke");
    press("Escape");
    expect(more.getAttribute("aria-expanded")).toBe("false");
    expect(document.activeElement).toBe(more);
  });
});

describe("a long list", () => {
  it("draws 100 rows at a time, with Show more; a search looks through every key", async () => {
    fakeBackend({ keys: Array.from({ length: 250 }, (_, i) => key({ name: `Backend ${String(i).padStart(3, "0")}` })) });
    await mountApp();
    const rows = () => document.querySelectorAll("tbody tr").length;
    expect(rows()).toBe(100);
    expect(document.querySelector(".show-more")?.textContent).toContain("Showing 100 of 250 keys.");
    button("Show 100 more").click();
    expect(rows()).toBe(200);
    button("Show 50 more").click();
    expect(rows()).toBe(250);
    expect(document.querySelector(".show-more")).toBeNull();
    const search = document.getElementById("key-search") as HTMLInputElement;
    type(search, "Backend 24");
    expect([...document.querySelectorAll("tbody th .link-button")].map((b) => b.textContent)).toEqual(
      Array.from({ length: 10 }, (_, i) => `Backend 24${i}`),
    );
  });
});

describe("rolling a key", () => {
  it("offers the overlaps (24 hours first), reveals the new key once, and shows the old one retiring", async () => {
    const backend = fakeBackend({ keys: [key({ name: "Backend" })] });
    await mountApp();
    button("Roll Backend").click();
    await settle();
    const dialog = topDialog();
    expect(dialog.textContent).toContain("Roll “Backend”");
    const radios = [...dialog.querySelectorAll<HTMLInputElement>("input[type=radio]")];
    expect(radios.map((r) => r.value)).toEqual(["hours24", "hour1", "days7", "now"]);
    expect(radios.find((r) => r.checked)?.value).toBe("hours24");
    expect(document.activeElement).toBe(radios[0]);
    submit(dialog.querySelector("form")!);
    await settle();
    expect(backend.calls.find((c) => c.cmd === "roll_key")?.args).toEqual({ id: backend.keys[1].id, overlap: "hours24" });
    expect(topDialog().querySelector(".secret-field")?.textContent).toBe(TEST_SECRET);
    expect(topDialog().textContent).toContain("API key for “Backend”");
    const rows = [...document.querySelectorAll("tbody tr")];
    expect(rows.map((r) => r.querySelector("th .link-button")?.textContent)).toEqual(["Backend", "Backend (old)"]);
    expect(rows[1].textContent).toContain("Retiring");
    // When it stops is said once, in the Expires column; its main action is its details.
    expect(rows[1].textContent?.match(/in 24 hours/g)).toHaveLength(1);
    expect(rows[1].querySelector(".row-actions > button")?.textContent).toBe("Details");
    expect(rows[1].textContent).not.toContain("Roll");
  });

  it("warns that 'now' stops the old key at once, and sends it", async () => {
    const backend = fakeBackend({ keys: [key({ name: "Leaked" })] });
    await mountApp();
    button("Roll Leaked").click();
    await settle();
    const now = topDialog().querySelector<HTMLInputElement>("input[value=now]")!;
    const warning = topDialog().querySelector<HTMLElement>(".warning")!;
    expect(warning.hidden).toBe(true);
    now.checked = true;
    now.dispatchEvent(new Event("change"));
    expect(warning.hidden).toBe(false);
    submit(topDialog().querySelector("form")!);
    await settle();
    expect(backend.calls.find((c) => c.cmd === "roll_key")?.args).toMatchObject({ overlap: "now" });
    expect(document.querySelector("tbody tr.revoked th .link-button")?.textContent).toBe("Leaked (old)");
  });

  it("keeps a server warning with a Finish rolling button that syncs", async () => {
    const backend = fakeBackend({
      keys: [key({ name: "Backend" })],
      serverWarning: "The server doesn't know the new key yet.",
      workspace: { serverUrl: "https://example.test", keys: [], problem: null, pendingRevocations: [] },
    });
    await mountApp();
    button("Roll Backend").click();
    await settle();
    submit(topDialog().querySelector("form")!);
    await settle();
    const notice = document.querySelector("#alerts .notice-warning")!;
    expect(notice.textContent).toContain("The server doesn't know the new key yet.");
    const syncsBefore = backend.calls.filter((c) => c.cmd === "sync_workspace").length;
    button("Finish rolling", notice as HTMLElement).click();
    await settle();
    expect(backend.calls.filter((c) => c.cmd === "sync_workspace").length).toBe(syncsBefore + 1);
    expect(document.querySelector("#alerts .notice-warning")).toBeNull();
  });

  it("revokes keys whose overlap ended while the app was closed, at start, and says so", async () => {
    const backend = fakeBackend({
      keys: [key({ name: "Backend (old)", status: "retiring", expiresAt: new Date(Date.now() - 60e3).toISOString() })],
    });
    await mountApp();
    expect(backend.calls.some((c) => c.cmd === "retire_due_keys")).toBe(true);
    expect(document.querySelector("tbody tr")?.classList.contains("revoked")).toBe(true);
    expect(document.getElementById("toasts")?.textContent).toContain("“Backend (old)” was revoked");
  });
});

describe("a key's details and handing it to a developer", () => {
  it("the name opens the details: fingerprint with its own Copy, and the activity newest first", async () => {
    const backend = fakeBackend({ keys: [key({ name: "Backend", fingerprint: "ab".repeat(32) })] });
    await mountApp();
    button("Backend").focus();
    button("Backend").click();
    await settle();
    const dialog = topDialog();
    expect(dialog.querySelector(".dialog-title")?.textContent).toBe("Backend");
    expect(dialog.querySelector(".fingerprint")?.textContent).toBe("ab".repeat(32));
    button("Copy fingerprint", dialog).click();
    await settle();
    expect(backend.calls.find((c) => c.cmd === "copy_fingerprint")?.args).toEqual({ id: backend.keys[0].id });
    expect(document.getElementById("toasts")?.textContent).toContain("Copied the fingerprint.");
    const events = [...dialog.querySelectorAll(".activity li")].map((li) => li.textContent);
    expect(events[0]).toContain("Session token generated for user-42");
    expect(events[1]).toContain("Created");
    button("Close", dialog).click();
    await settle();
    expect(document.activeElement?.textContent).toBe("Backend");
  });

  it("'Use this key in code' shows a tab per language, copies each as text, and never the key", async () => {
    const backend = fakeBackend({ workspace: { serverUrl: "https://embed.example.org", keys: [], problem: null, pendingRevocations: [] } });
    await mountApp();
    await createKey("Backend");
    button("Use this key in code", topDialog()).click();
    await settle();
    const dialog = topDialog();
    const tabs = [...dialog.querySelectorAll<HTMLElement>("[role=tab]")];
    expect(tabs.map((t) => t.textContent)).toEqual(["curl", "Node.js", "python", "go"]);
    expect(dialog.querySelector("[role=tabpanel]:not([hidden])")?.textContent).toContain("https://embed.example.org/embed/generate-token");
    expect(dialog.textContent).not.toContain(TEST_SECRET);
    expect(dialog.textContent).toContain("Never put it in frontend code");
    tabs[0].focus();
    press("ArrowRight");
    expect(document.activeElement).toBe(tabs[1]);
    const visible = dialog.querySelector<HTMLElement>("[role=tabpanel]:not([hidden])")!;
    expect(visible.dataset.language).toBe("node");
    button("Copy the Node.js example", visible).click();
    await settle();
    expect(backend.calls.find((c) => c.cmd === "copy_snippet")?.args).toEqual({ language: "node" });
  });

  it("connected, the table shows Last used from the server instead of Last copied", async () => {
    fakeBackend({
      keys: [key({ name: "Backend" })],
      workspace: { serverUrl: "https://embed.example.org", keys: [], problem: null, pendingRevocations: [] },
    });
    await mountApp();
    const headers = [...document.querySelectorAll("thead th")].map((th) => th.textContent);
    expect(headers).toContain("Last used");
    expect(headers).not.toContain("Last copied");
  });
});

describe("expiry reminders", () => {
  it("a banner counts the keys that expire soon or expired, and shows only them on request", async () => {
    fakeBackend({
      keys: [
        key({ name: "Fine" }),
        key({ name: "Soon", status: "expiresSoon" }),
        key({ name: "Late", status: "expired", expiresAt: new Date(Date.now() - 86400e3).toISOString() }),
        key({ name: "Gone", status: "revoked", revokedAt: new Date().toISOString() }),
      ],
    });
    await mountApp();
    const banner = document.getElementById("expiry-banner")!;
    expect(banner.textContent).toContain("1 key expires soon and 1 key has expired. Roll them to keep your backends working.");
    button("Show them", banner).click();
    const names = () => [...document.querySelectorAll("tbody th .link-button")].map((th) => th.textContent);
    expect(names()).toEqual(["Soon", "Late"]);
    button("Show all keys").click();
    expect(names()).toEqual(["Fine", "Soon", "Late", "Gone"]);
  });

  it("no banner when every key is fine", async () => {
    fakeBackend({ keys: [key({ name: "Fine" })] });
    await mountApp();
    expect(document.getElementById("expiry-banner")).toBeNull();
  });

  it("the start at login is off by default and follows the checkbox", async () => {
    const backend = fakeBackend();
    await mountApp();
    await settle();
    const box = document.getElementById("autostart") as HTMLInputElement;
    expect(box.checked).toBe(false);
    expect(box.disabled).toBe(false);
    box.checked = true;
    box.dispatchEvent(new Event("change"));
    await settle();
    expect(backend.calls.find((c) => c.cmd === "set_autostart")?.args).toEqual({ enabled: true });
    expect(backend.autostart).toBe(true);
    expect(document.getElementById("toasts")?.textContent).toContain("will start when you log in");
  });
});

describe("profile and settings", () => {
  it("asks for a display name on first run and shows the initials", async () => {
    const backend = fakeBackend({ settings: { displayName: null, clipboardClear: { kind: "after", seconds: 30 }, language: null, welcomed: false } });
    document.body.innerHTML = '<div id="app"></div><div id="toasts"></div>';
    const { App } = await import("../src/app");
    void new App(document.getElementById("app")!).start();
    await settle();
    expect(topDialog().textContent).toContain("Welcome to Toucan Keys");
    expect(topDialog().textContent).toContain("Your name stays on this computer");
    // What the app is for, and what comes next.
    expect(topDialog().textContent).toContain("show Toucan dashboards in your product");
    expect(topDialog().textContent).toContain("Next, you'll create your first key");
    type(topDialog().querySelector("input")!, "  Grace Hopper ");
    submit(topDialog().querySelector("form")!);
    await settle();
    expect(dialogs()).toHaveLength(0);
    expect(backend.settings.displayName).toBe("Grace Hopper");
    expect(document.querySelector(".profile-button")?.textContent).toBe("GH");
    // Voice control: the accessible name starts with what the button shows (WCAG 2.5.3).
    expect(document.querySelector(".profile-button")?.getAttribute("aria-label")).toBe("GH: profile of Grace Hopper");
  });

  it("lets the welcome be put off with Escape or Later, saving no name, not asking again at the next start, and puts focus on Create API Key", async () => {
    for (const skip of ["Escape", "Later"]) {
      const backend = fakeBackend({ settings: { displayName: null, clipboardClear: { kind: "after", seconds: 30 }, language: null, welcomed: false } });
      document.body.innerHTML = '<div id="app"></div><div id="toasts"></div>';
      const { App } = await import("../src/app");
      void new App(document.getElementById("app")!).start();
      await settle();
      expect(topDialog().textContent).toContain("Welcome to Toucan Keys");
      if (skip === "Escape") press("Escape");
      else button("Later", topDialog()).click();
      await settle();
      expect(dialogs(), skip).toHaveLength(0);
      expect(backend.settings.displayName).toBeNull();
      expect(backend.settings.welcomed, skip).toBe(true);
      expect(document.activeElement?.id, skip).toBe("create-key");
      // No name: the profile button shows a person's outline, not a "?" that reads as help.
      const profile = document.querySelector<HTMLElement>(".profile-button")!;
      expect(profile.textContent).toBe("");
      expect(profile.querySelector("svg")).not.toBeNull();
      expect(profile.getAttribute("aria-label")).toBe("Profile (no name yet)");
      // The next start: no welcome.
      document.body.innerHTML = '<div id="app"></div><div id="toasts"></div>';
      void new App(document.getElementById("app")!).start();
      await settle();
      expect(dialogs(), `${skip}, started again`).toHaveLength(0);
    }
  });

  it("opens Account settings from the profile button in the corner", async () => {
    fakeBackend();
    await mountApp();
    const profile = document.querySelector<HTMLButtonElement>(".profile-button")!;
    expect(profile.textContent).toBe("AL");
    profile.click();
    const menu = document.getElementById("profile-menu")!;
    expect(menu.hidden).toBe(false);
    expect(profile.getAttribute("aria-expanded")).toBe("true");
    expect(document.activeElement?.textContent).toBe("Account settings");
    press("Escape");
    expect(menu.hidden).toBe(true);
  });

  it("saves the clipboard delay", async () => {
    const backend = fakeBackend();
    await mountApp();
    const select = document.querySelector<HTMLSelectElement>("#clear-delay")!;
    expect(select.value).toBe("30");
    select.value = "never";
    select.dispatchEvent(new Event("change"));
    await settle();
    expect(backend.settings.clipboardClear).toEqual({ kind: "never" });
  });

  it("changing the language keeps the name and the clipboard delay set before it", async () => {
    const backend = fakeBackend({ settings: { displayName: "Ada Lovelace", clipboardClear: { kind: "after", seconds: 30 }, language: null, welcomed: true } });
    await mountApp();
    button("AL").click();
    button("Edit display name").click();
    await settle();
    type(topDialog().querySelector("input")!, "Grace Hopper");
    submit(topDialog().querySelector("form")!);
    await settle();
    const delay = document.querySelector<HTMLSelectElement>("#clear-delay")!;
    delay.value = "10";
    delay.dispatchEvent(new Event("change"));
    await settle();
    const language = document.querySelector<HTMLSelectElement>("#language")!;
    language.value = "fr";
    language.dispatchEvent(new Event("change"));
    await settle();
    expect(backend.settings).toEqual({ displayName: "Grace Hopper", clipboardClear: { kind: "after", seconds: 10 }, language: "fr", welcomed: true });
    const changes = backend.calls.filter((call) => call.cmd === "change_setting").map((call) => call.args.change);
    expect(changes).toEqual([
      { setting: "displayName", value: "Grace Hopper" },
      { setting: "clipboardClear", value: { kind: "after", seconds: 10 } },
      { setting: "language", value: "fr" },
    ]);
  });

  it("shows a locked keychain found at start-up as a banner, keeping the list", async () => {
    const backend = fakeBackend({ keys: [key({ name: "Kept" })] });
    backend.failNext.set("check_keychain", { code: "keychain_locked", message: "Your keychain is locked.", field: null });
    await mountApp();
    expect(document.querySelector(".banner")?.textContent).toContain("Your keychain is locked.");
    expect(document.querySelector("tbody th .link-button")?.textContent).toBe("Kept");
    button("Try again").click();
    await settle();
    expect(document.querySelector(".banner")).toBeNull();
  });
});

describe("keys changed elsewhere (the command line)", () => {
  it("appear when the window gains focus", async () => {
    const backend = fakeBackend({ keys: [key({ name: "Made here" })] });
    await mountApp();
    backend.keys.unshift(key({ name: "Made in the terminal" }));
    window.dispatchEvent(new Event("focus"));
    await settle();
    const names = [...document.querySelectorAll("tbody tr")].map((row) => row.textContent);
    expect(names.some((text) => text?.includes("Made in the terminal"))).toBe(true);
  });
});

describe("focus after a dialog closes", () => {
  const focusedLabel = () => document.activeElement?.getAttribute("aria-label") ?? document.activeElement?.id ?? document.activeElement?.tagName;

  it("the reveal: back on Create API Key, drawn again meanwhile", async () => {
    fakeBackend();
    await mountApp();
    const reveal = await createKey();
    button("Copy", reveal).click();
    await settle();
    button("Done", reveal).click();
    await settle();
    expect(document.activeElement?.id).toBe("create-key");
    expect(document.activeElement?.isConnected).toBe(true);
  });

  it("revoke: on the revoked key's row, whose Revoke button is gone", async () => {
    fakeBackend({ keys: [key({ name: "Old one" })] });
    await mountApp();
    button("Revoke Old one").focus();
    button("Revoke Old one").click();
    await settle();
    button("Revoke key", topDialog()).click();
    await settle();
    expect(focusedLabel()).toBe("Delete Old one");
  });

  it("revoke cancelled: back on Revoke", async () => {
    fakeBackend({ keys: [key({ name: "Kept" })] });
    await mountApp();
    button("Revoke Kept").focus();
    button("Revoke Kept").click();
    await settle();
    button("Cancel", topDialog()).click();
    await settle();
    expect(focusedLabel()).toBe("Revoke Kept");
  });

  it("rename: on the renamed key's row", async () => {
    fakeBackend({ keys: [key({ name: "Before" })] });
    await mountApp();
    button("Rename Before").focus();
    button("Rename Before").click();
    await settle();
    type(topDialog().querySelector("input")!, "After");
    submit(topDialog().querySelector("form")!);
    await settle();
    expect(dialogs()).toHaveLength(0);
    expect(document.activeElement?.closest("tr")?.querySelector("th .link-button")?.textContent).toBe("After");
  });

  it("delete: on Create API Key once the row is gone", async () => {
    fakeBackend({ keys: [key({ name: "Gone", status: "revoked", revokedAt: new Date().toISOString() })] });
    await mountApp();
    button("Delete Gone").focus();
    button("Delete Gone").click();
    await settle();
    button("Delete", topDialog()).click();
    await settle();
    expect(document.activeElement?.id).toBe("create-key");
  });
});

describe("find and sort", () => {
  const names = () => [...document.querySelectorAll("tbody tr th .link-button")].map((cell) => cell.textContent);
  // Newest first, as Rust lists them.
  const keys = () => [
    key({ name: "Staging", hint: "tck_…Zz91", createdAt: "2026-03-01T00:00:00Z", expiresAt: null }),
    key({ name: "Analytics", hint: "tck_…q7Rt", createdAt: "2026-02-01T00:00:00Z", expiresAt: "2026-12-20T00:00:00Z" }),
    key({ name: "production backend", hint: "tck_…Ab3X", createdAt: "2026-01-01T00:00:00Z", expiresAt: "2027-06-01T00:00:00Z" }),
  ];

  it("finds a key by name or by the last characters of the key, and says when nothing matches", async () => {
    fakeBackend({ keys: keys() });
    await mountApp();
    const search = document.querySelector<HTMLInputElement>("#key-search")!;
    expect(document.querySelector("label[for=key-search]")?.textContent).toBe("Find a key");
    type(search, "PROD");
    expect(names()).toEqual(["production backend"]);
    type(search, "ab3x");
    expect(names()).toEqual(["production backend"]);
    type(search, "q7rt");
    expect(names()).toEqual(["Analytics"]);
    type(search, "nothing like it");
    expect(names()).toEqual([]);
    expect(document.querySelector("[role=status].empty-state")?.textContent).toContain("No key matches “nothing like it”");
    button("Clear search").click();
    expect(names()).toHaveLength(3);
    expect(document.activeElement).toBe(search);
  });

  it("sorts by name, by creation date and by expiry (never-expiring last)", async () => {
    fakeBackend({ keys: keys() });
    await mountApp();
    const order = document.querySelector<HTMLSelectElement>("#key-order")!;
    const choose = (value: string) => {
      order.value = value;
      order.dispatchEvent(new Event("change"));
    };
    expect(names()).toEqual(["Staging", "Analytics", "production backend"]);
    choose("name");
    expect(names()).toEqual(["Analytics", "production backend", "Staging"]);
    choose("oldest");
    expect(names()).toEqual(["production backend", "Analytics", "Staging"]);
    choose("expires");
    expect(names()).toEqual(["Analytics", "production backend", "Staging"]);
  });

  it("keeps what was typed, and focus, when the list is redrawn", async () => {
    const backend = fakeBackend({ keys: keys() });
    await mountApp();
    const search = document.querySelector<HTMLInputElement>("#key-search")!;
    search.focus();
    type(search, "stag");
    backend.keys.unshift(key({ name: "Staging two", hint: "tck_…Yy22" }));
    window.dispatchEvent(new Event("focus"));
    await settle();
    expect(names()).toEqual(["Staging two", "Staging"]);
    expect(document.querySelector<HTMLInputElement>("#key-search")!.value).toBe("stag");
    expect(document.activeElement?.id).toBe("key-search");
  });
});

describe("keys found in the keychain that the list doesn't know", () => {
  const found = () => [
    { id: "key_found0000000001", name: "Old backend", hint: "tck_…w1zz" },
    { id: "key_found0000000002", name: null, hint: "tck_…q9aa" },
  ];

  it("are offered apart, even with an empty list, and Restore brings one back with its date shown as unknown", async () => {
    const backend = fakeBackend({ keys: [], found: found() });
    await mountApp();
    const panel = document.getElementById("found-keys")!;
    expect(panel.textContent).toContain("Found in your keychain: 2 keys this computer's list doesn't know");
    expect(panel.textContent).toContain("Old backend");
    expect(panel.textContent).toContain("Key without a name");
    button("Restore Old backend").click();
    await settle();
    expect(backend.calls.some((call) => call.cmd === "restore_found_key" && call.args.id === "key_found0000000001")).toBe(true);
    expect(document.querySelector("tbody th .link-button")?.textContent).toBe("Old backend");
    expect(document.getElementById("found-keys")?.textContent).toContain("1 key this computer's list doesn't know");
    document.querySelector<HTMLButtonElement>("tbody th .link-button")!.click();
    await settle();
    expect(topDialog().textContent).toContain("Unknown (found in your keychain and restored");
    expect(topDialog().textContent).toContain("Not known here: they were in the key list that was lost.");
  });

  it("Delete asks first, naming what stops working, and deletes only once confirmed", async () => {
    const backend = fakeBackend({ keys: [key({ name: "Kept" })], found: found() });
    await mountApp();
    button("Delete Old backend").click();
    await settle();
    expect(topDialog().textContent).toContain("Delete “Old backend” from your keychain?");
    expect(topDialog().textContent).toContain("Anything that still uses this key stops working");
    button("Cancel", topDialog()).click();
    await settle();
    expect(backend.calls.some((call) => call.cmd === "delete_found_key")).toBe(false);
    button("Delete Old backend").click();
    await settle();
    button("Delete", topDialog()).click();
    await settle();
    expect(backend.found.map((k) => k.id)).toEqual(["key_found0000000002"]);
    expect(document.getElementById("found-keys")?.textContent).not.toContain("Old backend");
  });
});

describe("web addresses a key may be used from", () => {
  it("are asked for at creation, changed in the details, and the token panel asks which one", async () => {
    const backend = fakeBackend();
    await mountApp();
    await openCreateDialog();
    type(topDialog().querySelector<HTMLInputElement>('input[name="name"]')!, "Shop");
    type(topDialog().querySelector<HTMLInputElement>('input[name="origins"]')!, "https://shop.example.com, https://admin.example.com");
    submit(topDialog().querySelector("form")!);
    await settle();
    const created = backend.calls.find((call) => call.cmd === "create_key")!;
    expect(created.args.origins).toEqual(["https://shop.example.com", "https://admin.example.com"]);
    expect(backend.keys[0].allowedOrigins).toEqual(["https://shop.example.com", "https://admin.example.com"]);
  });

  it("shows a key's web addresses in its details, and Change saves new ones", async () => {
    const backend = fakeBackend({ keys: [key({ name: "Shop", allowedOrigins: ["https://shop.example.com"] })] });
    await mountApp();
    document.querySelector<HTMLButtonElement>("tbody th .link-button")!.click();
    await settle();
    expect(topDialog().textContent).toContain("https://shop.example.com");
    button("Change", topDialog()).click();
    await settle();
    type(topDialog().querySelector("input")!, "https://shop.example.com https://new.example.com/");
    submit(topDialog().querySelector("form")!);
    await settle();
    const call = backend.calls.find((c) => c.cmd === "set_key_origins")!;
    expect(call.args.origins).toEqual(["https://shop.example.com", "https://new.example.com/"]);
    expect(backend.keys[0].allowedOrigins).toEqual(["https://shop.example.com", "https://new.example.com"]);
  });
});

describe("what a key may be used for (restricted keys)", () => {
  it("suggests the narrowest use, asks for its customer, and sends the limits Rust offers", async () => {
    const backend = fakeBackend();
    await mountApp();
    const { dialog, name, form } = await openCreateDialog(true);
    expect(dialog.textContent).toContain("What will this key be used for?");
    const uses = [...dialog.querySelectorAll<HTMLInputElement>(".limits input[type=radio]")];
    expect(uses.map((r) => r.value)).toEqual(["showDashboards", "aiAssistant", "fullAccess", "custom"]);
    expect(uses.find((r) => r.checked)?.value).toBe("showDashboards");
    expect(dialog.querySelector(".preset .badge")?.textContent).toBe("Suggested");

    type(name, "Acme dashboards");
    submit(form);
    await settle();
    expect(backend.calls.some((c) => c.cmd === "create_key")).toBe(false);
    expect(dialog.querySelector<HTMLElement>(".limits-error")!.hidden).toBe(false);
    expect(dialog.querySelector(".limits-error")!.textContent).toBe("Say which customer this key is for.");

    type(dialog.querySelector<HTMLInputElement>("input[placeholder=acme]")!, "acme");
    submit(form);
    await settle();
    expect(backend.calls.find((c) => c.cmd === "create_key")?.args.limits).toEqual({
      roles: ["explorer"],
      permissions: { dashboard: ["can_view"], chart: ["can_view"] },
      fixedAttributes: { tenant: "acme" },
    });
  });

  it("labels a full-access key in the list and changes limits from its details", async () => {
    const backend = fakeBackend({ keys: [key({ name: "Old master key" })] });
    await mountApp();
    const row = document.querySelector("tbody tr")!;
    expect(row.querySelector(".limits.full-access")?.textContent).toBe("Full access: worth narrowing");
    document.querySelector<HTMLButtonElement>("tbody th .link-button")!.click();
    await settle();
    expect(topDialog().textContent).toContain("Full access");
    button("Change limits", topDialog()).click();
    await settle();
    const editor = topDialog();
    expect(editor.querySelector<HTMLInputElement>("input[value=fullAccess]")!.checked).toBe(true);
    const ai = editor.querySelector<HTMLInputElement>("input[value=aiAssistant]")!;
    ai.checked = true;
    ai.dispatchEvent(new Event("change"));
    submit(editor.querySelector("form")!);
    await settle();
    const call = backend.calls.find((c) => c.cmd === "set_key_limits")!;
    expect(call.args.limits).toEqual({
      roles: ["explorer"],
      permissions: { dashboard: ["can_view"], chart: ["can_view"], ai: ["can_query"] },
    });
    expect(document.querySelector("tbody tr .limits")?.textContent).toBe("Limited");
  });

  it("builds custom limits from the detailed choices", async () => {
    const backend = fakeBackend();
    await mountApp();
    const { dialog, name, form } = await openCreateDialog(true);
    const custom = dialog.querySelector<HTMLInputElement>("input[value=custom]")!;
    custom.checked = true;
    custom.dispatchEvent(new Event("change"));
    for (const box of dialog.querySelectorAll<HTMLInputElement>(".custom-limits input[type=checkbox]")) {
      const keep = box.value === "explorer" || (box.dataset.resource === "dashboard" && box.value === "can_view");
      box.checked = keep;
    }
    type(dialog.querySelector<HTMLInputElement>("input[placeholder='tenant=acme']")!, "tenant=acme");
    type(dialog.querySelector<HTMLInputElement>("input[placeholder='203.0.113.0/24']")!, "203.0.113.0/24, 2001:db8::/32");
    type(dialog.querySelector<HTMLInputElement>(".custom-limits input[type=number]")!, "0");
    type(name, "Narrow");
    submit(form);
    await settle();
    expect(backend.calls.some((c) => c.cmd === "create_key")).toBe(false);
    expect(dialog.querySelector(".limits-error")!.textContent).toContain("whole number of requests per minute");
    type(dialog.querySelector<HTMLInputElement>(".custom-limits input[type=number]")!, "120");
    const from = dialog.querySelector<HTMLInputElement>(".custom-limits input[type=date]")!;
    from.value = "2031-01-15";
    submit(form);
    await settle();
    expect(backend.calls.find((c) => c.cmd === "create_key")?.args.limits).toEqual({
      roles: ["explorer"],
      permissions: { dashboard: ["can_view"] },
      fixedAttributes: { tenant: "acme" },
      networks: ["203.0.113.0/24", "2001:db8::/32"],
      requestsPerMinute: 120,
      notBefore: "2031-01-15T00:00:00Z",
    });
  });
});

describe("initials (the window is the only place they are shown)", () => {
  it("take the first letter of the first two words, upper case, and none without a name", async () => {
    const { initials } = await import("../src/state");
    expect(initials("grace brewster murray hopper")).toBe("GB");
    expect(initials("Ørjan")).toBe("Ø");
    expect(initials("  ")).toBe("");
    expect(initials(null)).toBe("");
  });
});
