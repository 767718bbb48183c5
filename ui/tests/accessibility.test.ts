// axe-core over every screen and dialog of the built UI (mocked IPC): zero
// violations. (jsdom can't compute colours, so contrast is checked by eye in
// the screenshots, not here.)

import axe from "axe-core";
import { beforeEach, describe, expect, it } from "vitest";
import { ACCOUNT_TOKEN, button, createKey, fakeBackend, key, mountApp, openCreateDialog, press, settle, submit, TEST_SECRET, topDialog, type } from "./helpers";

async function violations(): Promise<string[]> {
  const results = await axe.run(document.documentElement, { resultTypes: ["violations"] });
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

beforeEach(() => {
  document.documentElement.lang = "en";
  document.title = "Toucan Keys";
});


const withKeys = () =>
  fakeBackend({
    keys: [
      key({ name: "Production backend" }),
      key({ name: "Soon", status: "expiresSoon" }),
      key({ name: "Gone", status: "missing" }),
      key({ name: "Old", status: "revoked", revokedAt: new Date().toISOString() }),
      key({ name: "Published", status: "leaked", revokedAt: new Date().toISOString(), leak: { foundAt: new Date().toISOString(), url: "https://github.com/octo-org/shop/blob/0123abc/.env" } }),
    ],
  });

describe("accessibility (axe-core)", () => {
  it("the empty API Keys screen", async () => {
    fakeBackend();
    await mountApp();
    expect(await violations()).toEqual([]);
  });

  it("the screen with keys in every status", async () => {
    withKeys();
    await mountApp();
    expect(await violations()).toEqual([]);
  });

  it("keys found in the keychain, and the question before deleting one", async () => {
    const backend = withKeys();
    backend.found = [
      { id: "key_found0000000001", name: "Old backend", hint: "tck_…w1zz" },
      { id: "key_found0000000002", name: null, hint: null },
    ];
    await mountApp();
    expect(document.getElementById("found-keys")).not.toBeNull();
    expect(await violations()).toEqual([]);
    button("Delete Old backend").click();
    await settle();
    expect(await violations()).toEqual([]);
  });

  it("the update banner, with a refused install, and the menu's update item", async () => {
    const backend = fakeBackend({
      update: { feedConfigured: true, offer: { version: "0.2.0", currentVersion: "0.1.0", notes: "Faster start-up.", published: null } },
    });
    await mountApp();
    backend.failNext.set("install_update", { code: "update_signature_invalid", message: "This update isn't signed by Toucan AI.", field: null });
    button("Install and restart").click();
    await settle();
    document.querySelector<HTMLButtonElement>(".profile-button")!.click();
    expect(await violations()).toEqual([]);
  });

  it("a key's details, the roll dialog, and 'Use this key in code'", async () => {
    withKeys();
    await mountApp();
    button("Production backend").click();
    await settle();
    expect(await violations()).toEqual([]);
    button("Use this key in code", topDialog()).click();
    await settle();
    expect(await violations()).toEqual([]);
    press("Escape");
    press("Escape");
    button("Roll Production backend").click();
    await settle();
    expect(await violations()).toEqual([]);
  });

  it("the screen with keys in every status, and the create dialog, in French", async () => {
    const backend = withKeys();
    backend.settings.language = "fr";
    await mountApp();
    expect(document.documentElement.lang).toBe("fr");
    expect(await violations()).toEqual([]);
    document.getElementById("create-key")!.click();
    await settle();
    expect(await violations()).toEqual([]);
  });

  it("the open profile menu", async () => {
    withKeys();
    await mountApp();
    document.querySelector<HTMLButtonElement>(".profile-button")!.click();
    expect(await violations()).toEqual([]);
  });

  it("the create dialog, with a field error", async () => {
    const backend = fakeBackend();
    await mountApp();
    await openCreateDialog();
    expect(await violations()).toEqual([]);
    backend.failNext.set("create_key", { code: "name_empty", message: "Give the key a name.", field: "name" });
    submit(topDialog().querySelector("form")!);
    await settle();
    expect(await violations()).toEqual([]);
  });

  it("the one-time reveal and its 'Have you saved it?' question", async () => {
    fakeBackend();
    await mountApp();
    await createKey("Production");
    expect(await violations()).toEqual([]);
    button("Done", topDialog()).click();
    await settle();
    expect(await violations()).toEqual([]);
  });

  it("the revoke confirmation and the rename dialog", async () => {
    withKeys();
    await mountApp();
    button("Revoke Production backend").click();
    await settle();
    expect(await violations()).toEqual([]);
    button("Cancel", topDialog()).click();
    await settle();
    button("Rename Production backend").click();
    await settle();
    expect(await violations()).toEqual([]);
  });

  it("'Which key is this?' with an answer, and with a field error; an error notice", async () => {
    withKeys();
    await mountApp();
    button("Which key is this?").click();
    await settle();
    const input = topDialog().querySelector<HTMLInputElement>("input[name=pasted-key]")!;
    type(input, TEST_SECRET);
    submit(topDialog().querySelector("form")!);
    await settle();
    expect(await violations()).toEqual([]);
    type(input, "not a key");
    submit(topDialog().querySelector("form")!);
    await settle();
    expect(await violations()).toEqual([]);
    const { showError } = await import("../src/toast");
    showError("Your keychain is locked. Unlock it (for example by signing in again, or in Passwords and Keys) and try again.");
    expect(await violations()).toEqual([]);
  });

  it("the first-run welcome dialog", async () => {
    fakeBackend({ settings: { displayName: null, clipboardClear: { kind: "never" }, language: null, welcomed: false } });
    await mountApp();
    expect(topDialog().textContent).toContain("Welcome");
    expect(await violations()).toEqual([]);
  });
});

describe("the accessibility check itself", () => {
  it("reports an unlabelled control (so a zero above means something)", async () => {
    fakeBackend();
    await mountApp();
    document.querySelector("main")!.append(document.createElement("input"));
    expect((await violations()).join("\n")).toContain("label");
  });

});

describe("accessibility of the workspace (axe-core)", () => {
  it("the Workspace form with a field error, and the connected and unreachable states", async () => {
    const backend = fakeBackend({ keys: [key({ name: "Production backend" })] });
    await mountApp();
    const card = document.getElementById("workspace")!;
    type(card.querySelector<HTMLInputElement>("input[name=server-url]")!, "http://example.com");
    submit(card.querySelector("form")!);
    await settle();
    expect(await violations()).toEqual([]);
    type(card.querySelector<HTMLInputElement>("input[name=server-url]")!, "https://embed.example.com");
    type(card.querySelector<HTMLInputElement>("input[name=account-token]")!, ACCOUNT_TOKEN);
    submit(card.querySelector("form")!);
    await settle();
    expect(await violations()).toEqual([]);
    expect(document.getElementById("workspace-url")).not.toBeNull();
    button("Disconnect").click();
    await settle();
    expect(await violations()).toEqual([]);
    button("Cancel", topDialog()).click();
    backend.workspace = {
      serverUrl: "https://embed.example.com",
      keys: [],
      problem: { code: "server_unreachable", message: "Can't reach the server.", field: null },
      pendingRevocations: [{ serverUrl: "https://embed.example.com", keyId: "key_a", keyName: "Old backend" }],
    };
    await mountApp();
    expect(document.getElementById("workspace-problem")).not.toBeNull();
    expect(await violations()).toEqual([]);
  });

  it("the Generate token panel, with an error and with a token", async () => {
    const backend = fakeBackend({ keys: [key({ name: "Production backend" })], workspace: { serverUrl: "https://embed.example.com", keys: [], problem: null, pendingRevocations: [] } });
    await mountApp();
    button("Generate token Production backend").click();
    await settle();
    submit(topDialog().querySelector("form")!);
    await settle();
    expect(await violations()).toEqual([]);
    backend.failNext.set("generate_token", { code: "attribute_invalid", message: "Attribute row 1 needs a name.", field: "attributes" });
    type(topDialog().querySelector<HTMLInputElement>("input[name=distinct-id]")!, "user-42");
    submit(topDialog().querySelector("form")!);
    await settle();
    expect(await violations()).toEqual([]);
    submit(topDialog().querySelector("form")!);
    await settle();
    expect(topDialog().querySelector("textarea")).not.toBeNull();
    expect(await violations()).toEqual([]);
  });
});
