// The Workspace section and the "Generate token" panel, over the mocked IPC.

import { describe, expect, it } from "vitest";
import { ACCOUNT_TOKEN, button, clearMocks, createKey, fakeBackend, type FakeBackend, key, mountApp, settle, submit, TEST_SECRET, topDialog, type } from "./helpers";


const SERVER = "https://embed.example.com";

function workspaceCard(): HTMLElement {
  return document.getElementById("workspace")!;
}

function input(root: ParentNode, name: string): HTMLInputElement {
  return root.querySelector<HTMLInputElement>(`input[name=${name}]`)!;
}

function headers(): string[] {
  return [...document.querySelectorAll("table.keys thead th")].map((th) => th.textContent ?? "");
}

async function connected(keys = [key({ name: "Production backend" })]) {
  const backend = fakeBackend({ keys, workspace: { serverUrl: SERVER, keys: [], problem: null, pendingRevocations: [] } });
  await mountApp();
  return backend;
}

describe("the Workspace section", () => {
  it("offers to connect, and adds no server columns or actions until connected", async () => {
    fakeBackend({ keys: [key({ name: "Production backend" })] });
    await mountApp();
    expect(workspaceCard().querySelector("form")).not.toBeNull();
    expect(input(workspaceCard(), "account-token").type).toBe("password");
    expect(headers()).not.toContain("Last used");
    expect(() => button("Generate token Production backend")).toThrow();
  });

  it("asks the server at start-up only when connected", async () => {
    const offline = fakeBackend();
    await mountApp();
    expect(offline.calls.map((c) => c.cmd)).not.toContain("sync_workspace");
    clearMocks();
    const online = await connected();
    expect(online.calls.map((c) => c.cmd)).toContain("sync_workspace");
    expect(workspaceCard().textContent).toContain("Connected to");
  });

  it("names a bad address under its field and keeps what was typed", async () => {
    const backend = fakeBackend();
    await mountApp();
    type(input(workspaceCard(), "server-url"), "http://embed.example.com");
    type(input(workspaceCard(), "account-token"), ACCOUNT_TOKEN);
    submit(workspaceCard().querySelector("form")!);
    await settle();
    const url = input(workspaceCard(), "server-url");
    expect(url.getAttribute("aria-invalid")).toBe("true");
    expect(document.getElementById(url.getAttribute("aria-describedby")!)!.textContent).toContain("https://");
    expect(input(workspaceCard(), "account-token").value).toBe(ACCOUNT_TOKEN);
    expect(backend.calls.filter((c) => c.cmd === "connect_workspace")).toHaveLength(1);
  });

  it("keeps typing in the form when the screen redraws", async () => {
    fakeBackend();
    const app = await mountApp();
    type(input(workspaceCard(), "server-url"), SERVER);
    app.render();
    expect(input(workspaceCard(), "server-url").value).toBe(SERVER);
  });

  it("connects, empties the token field, and shows last used and Generate token", async () => {
    const backend = fakeBackend({ keys: [key({ name: "Production backend" })] });
    await mountApp();
    type(input(workspaceCard(), "server-url"), SERVER);
    type(input(workspaceCard(), "account-token"), ACCOUNT_TOKEN);
    submit(workspaceCard().querySelector("form")!);
    await settle();
    expect(backend.calls.find((c) => c.cmd === "connect_workspace")!.args).toEqual({ serverUrl: SERVER, accountToken: ACCOUNT_TOKEN });
    expect(document.getElementById("workspace-url")!.textContent).toBe(SERVER);
    expect(workspaceCard().textContent).toContain("Connected to");
    expect(headers()).toContain("Last used");
    const row = document.querySelector("tbody tr")!;
    expect(row.textContent).toContain("Not used yet");
    expect(button("Generate token Production backend")).toBeTruthy();
    expect(document.body.innerHTML).not.toContain(ACCOUNT_TOKEN);
  });

  it("says why the server can't be reached, keeps the list, and retries", async () => {
    const backend = fakeBackend({
      keys: [key({ name: "Production backend" })],
      workspace: { serverUrl: SERVER, keys: [], problem: { code: "server_unreachable", message: "Can't reach the server at embed.example.com.", field: null }, pendingRevocations: [] },
    });
    await mountApp();
    expect(document.getElementById("workspace-problem")!.textContent).toContain("Can't reach the server");
    expect(document.querySelectorAll("tbody tr")).toHaveLength(1);
    backend.workspace = { serverUrl: SERVER, keys: [], problem: null, pendingRevocations: [] };
    button("Try again", workspaceCard()).click();
    await settle();
    expect(document.getElementById("workspace-problem")).toBeNull();
  });

  it("names revoked keys the server hasn't confirmed, and asks before disconnecting from it", async () => {
    const pending = [
      { serverUrl: SERVER, keyId: "key_a", keyName: "Old backend" },
      { serverUrl: SERVER, keyId: "key_b", keyName: "Staging" },
      { serverUrl: "https://other.example.com", keyId: "key_c", keyName: "Elsewhere" },
    ];
    const backend = fakeBackend({
      keys: [key({ name: "Production backend" })],
      workspace: { serverUrl: SERVER, keys: [], problem: null, pendingRevocations: pending },
    });
    await mountApp();
    const notice = document.getElementById("workspace-pending")!.textContent!;
    expect(notice).toContain(`Revoked here but not yet on ${SERVER}: “Old backend” and “Staging”. They still work there`);
    expect(notice).toContain("not yet on https://other.example.com: “Elsewhere”. It still works there until you connect to that server again");

    button("Disconnect").click();
    await settle();
    expect(topDialog().textContent).toContain("“Old backend” and “Staging” are revoked on this computer but the server hasn't confirmed it yet");
    expect(topDialog().textContent).not.toContain("Elsewhere");
    button("Cancel", topDialog()).click();
    await settle();
    expect(backend.calls.some((c) => c.cmd === "disconnect_workspace")).toBe(false);
  });

  it("disconnects after a confirmation", async () => {
    const backend = await connected();
    button("Disconnect").click();
    await settle();
    expect(topDialog().textContent).toContain("removed from your keychain");
    button("Disconnect", topDialog()).click();
    await settle();
    expect(backend.calls.some((c) => c.cmd === "disconnect_workspace")).toBe(true);
    expect(workspaceCard().querySelector("form")).not.toBeNull();
    expect(headers()).not.toContain("Last used");
  });

  it("says what revoking ends for tokens already issued", async () => {
    await connected();
    button("Revoke Production backend").click();
    await settle();
    expect(topDialog().textContent).toContain("fail the server's checks at once");
    expect(topDialog().textContent).toContain("until they expire (at most 24 hours)");
  });

  it("shows a server warning after a revoke made while offline", async () => {
    const backend = await connected();
    backend.serverWarning = "Revoked on this computer. The server hasn't been told yet.";
    button("Revoke Production backend").click();
    await settle();
    button("Revoke key", topDialog()).click();
    await settle();
    const warning = document.querySelector<HTMLElement>("#alerts .notice-warning")!;
    expect(warning.textContent).toContain("The server hasn't been told yet.");
    expect(document.getElementById("toasts")!.textContent).not.toContain("The server hasn't been told yet.");
    // It stays until dismissed.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(warning.isConnected).toBe(true);
    button("Dismiss", warning).click();
    expect(warning.isConnected).toBe(false);
  });

  it("says in the reveal when a new key couldn't be registered yet", async () => {
    const backend = await connected([]);
    backend.serverWarning = "Not registered with the workspace server yet; it will be the next time the server can be reached. Can't reach the server at embed.example.com.";
    await createKey("Offline key");
    expect(document.getElementById("server-warning")!.textContent).toBe(backend.serverWarning);
  });
});

describe("the Generate token panel", () => {
  async function openPanel(prepare: (backend: FakeBackend) => void = () => {}) {
    const backend = await connected();
    prepare(backend);
    button("Generate token Production backend").click();
    await settle();
    return { backend, panel: topDialog() };
  }

  it("ticks the permissions of the role picked, offers only levels that mean something, and keeps View under Edit", async () => {
    const { panel } = await openPanel();
    const ticked = () =>
      [...panel.querySelectorAll<HTMLInputElement>(".permissions input:checked")].map((box) => box.getAttribute("aria-label"));
    const offered = [...panel.querySelectorAll<HTMLInputElement>(".permissions input")].map((box) => box.getAttribute("aria-label"));
    expect(offered).toEqual([
      "Dashboards: View", "Dashboards: Edit", "Charts: View", "Charts: Edit", "Databases: View", "Databases: Query", "AI assistant: Query",
    ]);
    expect(ticked(), "an explorer at first").toEqual(["Dashboards: View", "Charts: View"]);
    const role = panel.querySelector<HTMLSelectElement>("select")!;
    role.value = "maker";
    role.dispatchEvent(new Event("change"));
    expect(ticked()).toEqual(["Dashboards: View", "Dashboards: Edit", "Charts: View", "Charts: Edit", "Databases: View", "Databases: Query"]);
    role.value = "explorer";
    role.dispatchEvent(new Event("change"));
    expect(ticked()).toEqual(["Dashboards: View", "Charts: View"]);
    const box = (label: string) => panel.querySelector<HTMLInputElement>(`[aria-label='${label}']`)!;
    box("Charts: View").click();
    expect(ticked(), "no view, no edit").toEqual(["Dashboards: View"]);
    box("Charts: Edit").click();
    expect(ticked(), "edit brings view").toEqual(["Dashboards: View", "Charts: View", "Charts: Edit"]);
    box("Charts: View").click();
    expect(ticked(), "unticking view takes edit").toEqual(["Dashboards: View"]);
    expect(panel.textContent).toContain("Ticked for the role you picked.");
  });

  it("sends who, role, attribute rows, permissions and lifetime; never the key", async () => {
    const { backend, panel } = await openPanel();
    expect(panel.querySelector("h2")!.textContent).toBe("Generate token: Production backend");
    type(input(panel, "distinct-id"), "user-42");
    const role = panel.querySelector<HTMLSelectElement>("select")!;
    role.value = "maker";
    role.dispatchEvent(new Event("change"));
    type(panel.querySelector<HTMLInputElement>("[aria-label='Attribute 1 name']")!, "region");
    type(panel.querySelector<HTMLInputElement>("[aria-label='Attribute 1 value']")!, "EMEA");
    button("Add attribute", panel).click();
    type(panel.querySelector<HTMLInputElement>("[aria-label='Attribute 2 name']")!, "tenant");
    type(panel.querySelector<HTMLInputElement>("[aria-label='Attribute 2 value']")!, "acme");
    panel.querySelector<HTMLInputElement>("[aria-label='AI assistant: Query']")!.click();
    submit(panel.querySelector("form")!);
    await settle();
    const call = backend.calls.find((c) => c.cmd === "generate_token")!;
    expect(call.args).toEqual({
      id: backend.keys[0].id,
      request: {
        distinctId: "user-42",
        role: "maker",
        attributes: [
          { name: "region", value: "EMEA" },
          { name: "tenant", value: "acme" },
        ],
        // A maker's permissions, and the AI assistant ticked by hand.
        permissions: [
          { resource: "dashboard", level: "can_view" },
          { resource: "dashboard", level: "can_edit" },
          { resource: "chart", level: "can_view" },
          { resource: "chart", level: "can_edit" },
          { resource: "database", level: "can_view" },
          { resource: "database", level: "can_query" },
          { resource: "ai", level: "can_query" },
        ],
        lifetimeMinutes: 60,
        origin: null,
      },
    });
    // What it grants, in words; the raw claims one click away; where it goes.
    expect(panel.querySelector("#token-summary")!.textContent).toMatch(
      /^For user-42, Maker, Dashboards: View and Edit, Charts: View and Edit, Databases: View and Query, AI assistant: Query, region = EMEA, tenant = acme, valid until .+\.$/,
    );
    expect(panel.querySelector("details.claims-details")!.hasAttribute("open")).toBe(false);
    expect(panel.querySelector("#token-where")!.textContent).toContain('<tc-dashboard dashboard-id="YOUR_DASHBOARD_ID" auth-token="SESSION_TOKEN">');
    // Labels in plain words, examples that read as examples.
    expect(panel.textContent).toContain("Who is this for?");
    expect(panel.querySelector<HTMLInputElement>("[aria-label='Attribute 1 value']")!.placeholder).toBe("e.g. EMEA");
  });

  it("asks, for a key limited to web addresses, which one the token is for", async () => {
    const backend = await connected([
      key({ name: "Production backend", allowedOrigins: ["https://shop.example.com", "https://admin.example.com"] }),
    ]);
    button("Generate token Production backend").click();
    await settle();
    const panel = topDialog();
    const origin = panel.querySelector<HTMLSelectElement>("select[id^='token-origin']")!;
    expect([...origin.options].map((o) => o.value)).toEqual(["https://shop.example.com", "https://admin.example.com"]);
    expect(panel.textContent).toContain("The page's web address");
    origin.value = "https://admin.example.com";
    type(input(panel, "distinct-id"), "user-42");
    submit(panel.querySelector("form")!);
    await settle();
    const call = backend.calls.find((c) => c.cmd === "generate_token")!;
    expect((call.args.request as { origin: string }).origin).toBe("https://admin.example.com");
  });

  it("offers, for a restricted key, only what it allows and says why the rest is missing", async () => {
    await connected([
      key({
        name: "Production backend",
        fullAccess: false,
        limitsSummary: "View only · tenant = acme",
        limits: {
          roles: ["explorer"],
          permissions: { dashboard: ["can_view"], chart: ["can_view"] },
          fixedAttributes: { tenant: "acme" },
          maxLifetimeSeconds: 900,
        },
      }),
    ]);
    button("Generate token Production backend").click();
    await settle();
    const panel = topDialog();
    const selects = [...panel.querySelectorAll<HTMLSelectElement>("select")];
    expect([...selects[0].options].map((o) => o.value)).toEqual(["explorer"]);
    const lifetimes = [...selects[selects.length - 1].options].map((o) => o.value);
    expect(lifetimes).toEqual(["15"]);
    const edit = panel.querySelector<HTMLInputElement>("[aria-label='Dashboards: Edit']")!;
    expect(edit.disabled).toBe(true);
    expect(edit.title).toBe("Beyond this key's limits");
    expect(panel.querySelector<HTMLInputElement>("[aria-label='Dashboards: View']")!.disabled).toBe(false);
    const note = panel.querySelector(".limits-note")!.textContent!;
    expect(note).toContain("View only · tenant = acme");
    expect(note).toContain("Roles it may not grant are left out.");
    expect(note).toContain("carries tenant = acme");
  });

  it("offers the attributes the workspace declares, each typed as its type", async () => {
    const { backend, panel } = await openPanel((b) => {
      b.declaredAttributes = [
        { name: "region", type: "string" },
        { name: "accounts", type: "integer" },
        { name: "since", type: "date" },
      ];
    });
    await settle();
    expect(panel.textContent).toContain("This workspace declares: region (text), accounts (whole number), since (date).");
    const names = [...panel.querySelectorAll("datalist option")].map((option) => option.getAttribute("value"));
    expect(names).toEqual(["region", "accounts", "since"]);
    const name = panel.querySelector<HTMLInputElement>("[aria-label='Attribute 1 name']")!;
    const value = panel.querySelector<HTMLInputElement>("[aria-label='Attribute 1 value']")!;
    type(name, "accounts");
    expect(value.type).toBe("number");
    expect(value.step).toBe("1");
    type(name, "since");
    expect(value.type).toBe("date");
    type(name, "region");
    expect(value.type).toBe("text");
    expect(backend.calls.some((c) => c.cmd === "declared_attributes")).toBe(true);
  });

  it("shows an encrypted token without claims, saying who can read them", async () => {
    const { backend, panel } = await openPanel();
    backend.encryptTokens = true;
    type(input(panel, "distinct-id"), "user-42");
    submit(panel.querySelector("form")!);
    await settle();
    expect(panel.querySelector<HTMLTextAreaElement>("textarea")!.value.split(".")).toHaveLength(5);
    expect(panel.textContent).toContain("Encrypted token, expires");
    expect(document.getElementById("token-claims")!.textContent).toContain("only the dashboard host");
    expect(panel.querySelector("pre.claims")).toBeNull();
  });

  it("shows the token, copies it through Rust and shows its decoded claims", async () => {
    const { backend, panel } = await openPanel();
    type(input(panel, "distinct-id"), "user-42");
    submit(panel.querySelector("form")!);
    await settle();
    const field = panel.querySelector<HTMLTextAreaElement>("textarea")!;
    expect(field.readOnly).toBe(true);
    expect(field.value.split(".")).toHaveLength(3);
    const claims = JSON.parse(document.getElementById("token-claims")!.textContent!);
    expect(claims).toMatchObject({ sub: "user-42", role: "explorer" });
    button("Copy token", panel).click();
    await settle();
    expect(backend.calls[backend.calls.length - 1]).toEqual({ cmd: "copy_token", args: {} });
    expect(document.getElementById("toasts")!.textContent).toContain("Copied. Clears in 30 s");
  });

  it("names a missing user ID under its field", async () => {
    const { panel } = await openPanel();
    submit(panel.querySelector("form")!);
    await settle();
    const user = input(panel, "distinct-id");
    expect(user.getAttribute("aria-invalid")).toBe("true");
    expect(document.activeElement).toBe(user);
    expect(panel.querySelector("textarea")).toBeNull();
  });

  it("shows a server refusal in the panel, keeping the inputs", async () => {
    const { backend, panel } = await openPanel();
    backend.failNext.set("generate_token", { code: "server_key_revoked", message: "This API key was revoked on 2026-11-28. Create a new key to keep generating tokens.", field: null });
    type(input(panel, "distinct-id"), "user-42");
    submit(panel.querySelector("form")!);
    await settle();
    expect(panel.querySelector("[role=alert]")!.textContent).toContain("was revoked");
    expect(input(panel, "distinct-id").value).toBe("user-42");
  });
});

describe("which key is this?", () => {
  async function openIdentify() {
    button("Which key is this?").click();
    await settle();
    const dialog = topDialog();
    return { dialog, input: dialog.querySelector<HTMLInputElement>("input[name=pasted-key]")! };
  }

  it("names the key, sends the pasted text to Rust once, and empties the field", async () => {
    const backend = fakeBackend({ keys: [key({ name: "Production backend" })] });
    await mountApp();
    const { dialog, input } = await openIdentify();
    expect(input.type).toBe("password");
    expect(dialog.textContent).toContain("sent nowhere");
    type(input, ` ${TEST_SECRET}\n`);
    submit(dialog.querySelector("form")!);
    await settle();
    expect(dialog.querySelector("[role=status]")!.textContent).toContain("This is “Production backend”");
    expect(input.value).toBe("");
    const calls = backend.calls.filter((c) => JSON.stringify(c.args).includes(TEST_SECRET.slice(4)));
    expect(calls.map((c) => c.cmd)).toEqual(["identify_key"]);
    expect(document.documentElement.outerHTML).not.toContain(TEST_SECRET.slice(4));
    // Not connected: the server isn't offered.
    expect(button("Ask the workspace server", dialog).hidden).toBe(true);
  });

  it("says when the text isn't a Toucan key, and still empties the field", async () => {
    fakeBackend();
    await mountApp();
    const { dialog, input } = await openIdentify();
    type(input, "sk_live_something_else");
    submit(dialog.querySelector("form")!);
    await settle();
    expect(dialog.querySelector(".field-error")!.textContent).toContain("Toucan keys start with tck_");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(input.value).toBe("");
  });

  it("asks the connected workspace server only when asked, by fingerprint", async () => {
    const backend = await connected();
    const { dialog, input } = await openIdentify();
    type(input, TEST_SECRET);
    submit(dialog.querySelector("form")!);
    await settle();
    expect(backend.calls.some((c) => c.cmd === "ask_server_about_key")).toBe(false);
    button("Ask the workspace server", dialog).click();
    await settle();
    const asked = backend.calls.find((c) => c.cmd === "ask_server_about_key")!;
    expect(asked.args).toEqual({ fingerprint: "f".repeat(64) });
    expect(dialog.textContent).toContain("On the workspace server");
  });
});
