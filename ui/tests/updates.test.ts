// Updates as a person meets them: a banner when a newer version is on offer,
// installed only on "Install and restart"; "Check for updates" in the profile
// menu only in builds that have an update feed.

import { describe, expect, it } from "vitest";
import { button, fakeBackend, mountApp, settle } from "./helpers";


const offer = { version: "0.2.0", currentVersion: "0.1.0", notes: "Faster start-up.", published: "2026-12-01T10:00:00Z" };

function menuItems(): string[] {
  return [...document.querySelectorAll("#profile-menu [role=menuitem]")].map((item) => item.textContent ?? "");
}

describe("updates", () => {
  it("a build without a feed shows no banner and no menu item", async () => {
    const backend = fakeBackend();
    await mountApp();
    expect(document.getElementById("update")).toBeNull();
    expect(menuItems()).not.toContain("Check for updates");
    expect(backend.calls.filter((c) => c.cmd === "install_update")).toHaveLength(0);
  });

  it("offers a newer version with what's new, and installs nothing until asked", async () => {
    const backend = fakeBackend({ update: { feedConfigured: true, offer } });
    await mountApp();
    const banner = document.getElementById("update")!;
    expect(banner.textContent).toContain("Toucan Keys 0.2.0 is available");
    expect(banner.textContent).toContain("You have version 0.1.0");
    expect(banner.textContent).toContain("Faster start-up.");
    expect(backend.calls.filter((c) => c.cmd === "install_update")).toHaveLength(0);

    button("Install and restart").click();
    await settle();
    expect(backend.calls.filter((c) => c.cmd === "install_update")).toHaveLength(1);
  });

  it("'Later' hides the banner without installing", async () => {
    const backend = fakeBackend({ update: { feedConfigured: true, offer } });
    await mountApp();
    button("Later").click();
    await settle();
    expect(document.getElementById("update")).toBeNull();
    expect(backend.calls.filter((c) => c.cmd === "install_update")).toHaveLength(0);
  });

  it("a refused update is explained in the banner and the app keeps working", async () => {
    const backend = fakeBackend({ update: { feedConfigured: true, offer } });
    await mountApp();
    const message = "This update isn't signed by Toucan AI, so it was not installed. Your current version keeps working.";
    backend.failNext.set("install_update", { code: "update_signature_invalid", message, field: null });
    button("Install and restart").click();
    await settle();
    const alert = document.querySelector("#update [role=alert]")!;
    expect(alert.textContent).toBe(message);
    expect((alert as HTMLElement).hidden).toBe(false);
    expect(button("Install and restart").disabled).toBe(false);
    expect(button("Create API Key")).toBeTruthy();
  });

  it("'Check for updates' in the menu says when the app is up to date", async () => {
    const backend = fakeBackend({ update: { feedConfigured: true, offer: null } });
    await mountApp();
    expect(menuItems()).toContain("Check for updates");
    button("Check for updates").click();
    await settle();
    expect(document.getElementById("toasts")!.textContent).toContain("You have the latest version");
    expect(backend.calls.filter((c) => c.cmd === "check_for_update")).toHaveLength(2);
  });

  it("'Check for updates' says why a check failed", async () => {
    const backend = fakeBackend({ update: { feedConfigured: true, offer: null } });
    await mountApp();
    backend.failNext.set("check_for_update", { code: "update_unreachable", message: "Toucan Keys couldn't reach its update server.", field: null });
    button("Check for updates").click();
    await settle();
    const error = document.querySelector<HTMLElement>("#alerts .notice-error")!;
    expect(error.getAttribute("role")).toBe("alert");
    expect(error.textContent).toContain("couldn't reach its update server");
  });
});
