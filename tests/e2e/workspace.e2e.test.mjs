// The app and the embed-token server: connect, tokens verified with jose, restricted
// keys, a key found in public (GitHub's signed report), and rolling with an overlap.

import assert from "node:assert/strict";
import { generateKeyPairSync, sign } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { after, test } from "node:test";
import { createLocalJWKSet, jwtVerify } from "jose";
import {
  clipboardTargets, isWellFormedKey, keychain, keychainLookup, screenshot, startEmbedServer, answerNativeDialog,
  watchNotifications,
} from "./support.mjs";
import {
  WORDS, askForToken, browser, clickButton, clickLabelled, closeRevealWithoutCopy, connectWindow, createInWindow,
  endSession, openCreateDialog, relaunch, revealedKey, seeSecret, setValue, start, tableRows, waitForClipboard,
} from "./scenario.mjs";

after(endSession);

test("8. workspace: connect, create, generate a token (verified with jose), copy it, revoke, then the server refuses the key", async () => {
  await start();
  const server = await startEmbedServer();
  try {
    assert.match(server.accountToken ?? "", /^tka_/, "the server printed its account token");
    seeSecret(server.accountToken);
    await setValue("input[name=server-url]", server.url);
    await setValue("input[name=account-token]", server.accountToken);
    // Rust asks in a native dialog, which the page can't answer. Declined: nothing changes.
    await (await browser.$("#connect-workspace")).click();
    await answerNativeDialog(browser, WORDS.en.connectTitle, 1, 2);
    await (await browser.$(`//*[contains(text(), "wasn't confirmed, so nothing changed")]`)).waitForExist({ timeout: 10_000 });
    assert.equal(keychainLookup("workspace-account-token"), null, "a declined connection stored the account token");
    assert.equal(await (await browser.$("#workspace-url")).isExisting(), false);
    // Confirmed: connected.
    await setValue("input[name=account-token]", server.accountToken);
    await (await browser.$("#connect-workspace")).click();
    await answerNativeDialog(browser, WORDS.en.connectTitle, 0, 2);
    const url = await browser.$("#workspace-url");
    await url.waitForExist({ timeout: 20_000 });
    assert.equal(await url.getText(), server.url);
    assert.equal(keychainLookup("workspace-account-token"), server.accountToken, "the account token is in the keychain");
    const dom = await browser.execute(() => document.documentElement.outerHTML);
    assert.ok(!dom.includes(server.accountToken), "the account token is not left in the page");

    const name = await openCreateDialog();
    await name.setValue("Embed backend");
    await clickButton("Create key");
    const key = await revealedKey();
    assert.equal(await (await browser.$("#server-warning")).isExisting(), false, "registered without a warning");
    await clickButton("Copy");
    await clickButton("Done");
    const row = await browser.$("tr*=Embed backend");
    await row.waitForExist({ timeout: 10_000 });
    const id = await row.getAttribute("data-key-id");
    await browser.waitUntil(async () => (await (await row.$("td.last-used")).getText()) === "Not used yet", {
      timeout: 10_000,
      timeoutMsg: "the new key is registered and shows 'Not used yet'",
    });

    await clickLabelled("Generate token Embed backend");
    await (await browser.$("input[name=distinct-id]")).waitForDisplayed({ timeout: 10_000 });
    await setValue("input[name=distinct-id]", "user-42");
    await setValue("[aria-label='Attribute 1 name']", "region");
    await setValue("[aria-label='Attribute 1 value']", "EMEA");
    await (await browser.$("[aria-label='AI assistant: Query']")).click();
    await (await browser.$("#generate-token")).click();
    const field = await browser.$("textarea.token-field");
    await field.waitForExist({ timeout: 15_000 });
    const token = await field.getValue();
    seeSecret(token);

    const jwks = await (await fetch(`${server.url}/.well-known/jwks.json`)).json();
    const { payload, protectedHeader } = await jwtVerify(token, createLocalJWKSet(jwks), {
      issuer: "toucan-embed-server",
      audience: "toucan-embed",
    });
    assert.equal(protectedHeader.alg, "EdDSA");
    assert.equal(payload.sub, "user-42");
    assert.equal(payload.role, "explorer");
    assert.equal(payload.azp, id);
    assert.deepEqual(payload.attributes, { region: "EMEA" });
    // An explorer's permissions (the role's defaults, from the core), and the AI assistant ticked by hand.
    assert.deepEqual(payload.permissions, { dashboard: ["can_view"], chart: ["can_view"], ai: ["can_query"] });
    assert.equal(payload.exp - payload.iat, 3600, "the default lifetime is one hour");
    const summary = await browser.execute(() => document.getElementById("token-summary")?.textContent ?? null);
    assert.match(summary ?? "", /^For user-42, Explorer, Dashboards: View, Charts: View, AI assistant: Query, region = EMEA, valid until /);
    await (await browser.$("details.claims-details summary")).click();
    const shown = JSON.parse(await (await browser.$("#token-claims")).getText());
    assert.deepEqual(shown, payload, "the raw claims are one click away");
    const page = await browser.execute(() => document.documentElement.outerHTML);
    assert.ok(!page.includes(key.slice(4)), "the key is not in the page while generating");
    await screenshot(browser, "token-generated");

    await (await browser.$("#copy-token")).click();
    assert.ok(await waitForClipboard(token, 5), "xclip reads exactly the session token");
    assert.ok(clipboardTargets().includes("x-kde-passwordManagerHint"), "the token copy is marked as a secret too");
    await clickButton("Close");
    await browser.waitUntil(async () => (await (await row.$("td.last-used")).getText()) !== "Not used yet", {
      timeout: 10_000,
      timeoutMsg: "last used comes from the server after a token was issued",
    });

    await clickLabelled("Revoke Embed backend");
    await clickButton("Revoke key");
    await browser.waitUntil(async () => (await row.getAttribute("class")) === "revoked", { timeout: 10_000 });
    await (await browser.$(".toast*=was revoked")).waitForExist({ timeout: 5_000 });
    assert.equal(await (await browser.$('button[aria-label="Generate token Embed backend"]')).isExisting(), false);
    await screenshot(browser, "workspace-revoked");

    const refused = await fetch(`${server.url}/embed/generate-token`, {
      method: "POST",
      headers: { "x-api-key": key, "content-type": "application/json" },
      body: JSON.stringify({ user: { distinctId: "user-42", role: "explorer" } }),
    });
    assert.equal(refused.status, 401);
    const body = await refused.json();
    assert.equal(body.code, "key_revoked");
    assert.ok(!JSON.stringify(body).includes(key.slice(4)), "the refusal does not echo the key");
    const introspected = await fetch(`${server.url}/embed/introspect`, {
      method: "POST",
      headers: { "x-api-key": key, "content-type": "application/json" },
      body: JSON.stringify({ token }),
    });
    assert.deepEqual(await introspected.json(), { active: false }, "the token issued before the revoke stopped working");
  } finally {
    server.stop();
  }
});

test("8b. restricted key: 'Show dashboards' made in the window for one customer; the server refuses can_edit, naming the limit, and writes the customer into every token", async () => {
  await start();
  const server = await startEmbedServer();
  try {
    await connectWindow(server);
    const name = await openCreateDialog({ keepSuggested: true });
    assert.equal(await (await browser.$("input[value=showDashboards]")).isSelected(), true, "the narrowest use is suggested");
    await name.setValue("Acme dashboards");
    await setValue("input[placeholder=acme]", "acme");
    await screenshot(browser, "create-show-dashboards");
    await clickButton("Create key");
    const key = await revealedKey();
    await closeRevealWithoutCopy();
    const row = await browser.$("tr*=Acme dashboards");
    await row.waitForExist({ timeout: 10_000 });
    assert.match(await (await row.$(".limits")).getText(), /View only.*tenant = acme/);

    const ask = async (level, attributes = {}) => {
      const reply = await fetch(`${server.url}/embed/generate-token`, {
        method: "POST",
        headers: { "x-api-key": key, "content-type": "application/json" },
        body: JSON.stringify({ user: { distinctId: "maria", role: "explorer", attributes }, permissions: { dashboard: [level] } }),
      });
      return [reply.status, await reply.json()];
    };
    const [status, refused] = await ask("can_edit");
    assert.equal(status, 403);
    assert.equal(refused.code, "key_limit");
    assert.equal(refused.message, "This key may grant at most dashboard:can_view; the request asked for dashboard:can_edit.");
    const [otherStatus] = await ask("can_view", { tenant: "globex" });
    assert.equal(otherStatus, 403, "another customer's rows are refused");
    const [okStatus, issued] = await ask("can_view");
    assert.equal(okStatus, 200);
    seeSecret(issued.token);
    const jwks = await (await fetch(`${server.url}/.well-known/jwks.json`)).json();
    const { payload } = await jwtVerify(issued.token, createLocalJWKSet(jwks), { issuer: "toucan-embed-server", audience: "toucan-embed" });
    assert.deepEqual(payload.attributes, { tenant: "acme" }, "the server wrote the customer in");
  } finally {
    server.stop();
  }
});

test("8c. leaked: GitHub's signed report revokes a key on its server; the window shows it as leaked, where and when, one notification says so, and Roll replaces it at once", async () => {
  await start();
  // A secret scanner's key pair, made now, published in the format of GitHub's /meta/public_keys/secret_scanning.
  const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  const keysFile = join(mkdtempSync(join(tmpdir(), "toucan-scanner-")), "secret_scanning.json");
  const pem = publicKey.export({ type: "spki", format: "pem" });
  writeFileSync(keysFile, JSON.stringify({ public_keys: [{ key_identifier: "github-e2e", key: pem, is_current: true }] }));
  const server = await startEmbedServer(["--secret-scanning-keys", keysFile]);
  const watch = watchNotifications();
  try {
    await connectWindow(server);
    const { key } = await createInWindow("Published backend");
    const where = "https://github.com/octo-org/shop/blob/0123abc/.env";
    const body = Buffer.from(JSON.stringify([{ token: key, type: "toucan_api_key", url: where, source: "content" }]));
    const reported = await fetch(`${server.url}/api/secret-scanning`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "Github-Public-Key-Identifier": "github-e2e",
        "Github-Public-Key-Signature": sign("sha256", body, privateKey).toString("base64"),
      },
      body,
    });
    const feedback = await reported.json();
    assert.equal(feedback[0].label, "true_positive", JSON.stringify(feedback));
    assert.deepEqual(await askForToken(server, key), [401, "key_revoked"], "the server revoked it at once");

    // The window hears of it at its next sync (at start, after a change, and every few minutes).
    await endSession();
    await relaunch();
    const row = await browser.$("tr*=Published backend");
    await row.waitForExist({ timeout: 15_000 });
    await browser.waitUntil(async () => (await (await row.$(".badge")).getText()) === "Leaked", {
      timeout: 20_000,
      timeoutMsg: "the key isn't shown as leaked after a sync",
    });
    assert.equal(await (await row.$(".row-actions > button")).getText(), "Roll", "Roll is the first thing to do");
    assert.equal(keychainLookup(await row.getAttribute("data-key-id")), null, "the leaked key left the keychain");
    await browser.waitUntil(async () => watch.notifications().some(([title]) => title === "“Published backend” was found in public"), {
      timeout: 20_000,
      timeoutMsg: `no notification: ${JSON.stringify(watch.notifications())}`,
    });
    await clickLabelled("Details Published backend");
    const notice = await browser.$(".leak-notice");
    await notice.waitForDisplayed({ timeout: 10_000 });
    assert.match(await notice.getText(), new RegExp(`Found in public at ${where.replace(/[.]/g, "\\.")} on \\d{1,2} \\w+ \\d{4}\\. The server revoked it\\.`));
    await screenshot(browser, "leaked-details");
    await clickButton("Close");

    await clickLabelled("Roll Published backend");
    assert.equal(await (await browser.$("input[name=overlap]")).isExisting(), false, "a leaked key has no overlap to choose");
    await clickButton("Roll key");
    const replacement = await revealedKey();
    await closeRevealWithoutCopy();
    assert.deepEqual(await askForToken(server, replacement), [200, null], "the replacement works on the server");
    assert.equal(watch.notifications().filter(([title]) => title.includes("found in public")).length, 1, "told once");
  } finally {
    watch.stop();
    server.stop();
  }
});

test("12. roll: with 24 hours both keys work on the server; rolling again with 'now' refuses the old key at once", async () => {
  await start();
  const server = await startEmbedServer();
  try {
    await connectWindow(server);
    const first = await createInWindow("Rolled backend");
    assert.deepEqual(await askForToken(server, first.key), [200, null]);

    await clickLabelled("Roll Rolled backend");
    await clickButton("Roll key");
    const second = await revealedKey();
    assert.ok(isWellFormedKey(second) && second !== first.key, "a new, well-formed key is revealed");
    assert.equal(await (await browser.$("#server-warning")).isExisting(), false, "registered without a warning");
    await closeRevealWithoutCopy();
    let rows = await tableRows();
    const replacement = rows.find((row) => row.name === "Rolled backend");
    const retiring = rows.find((row) => row.id === first.id);
    assert.equal(retiring.name, "Rolled backend (old)");
    assert.equal(retiring.status, "Retiring");
    assert.match(retiring.expires, /^in (24|23) hours$/, "when it stops is said once, in the Expires column");
    assert.equal(keychainLookup(replacement.id), second, "the new key is in the keychain");
    assert.equal(keychainLookup(first.id), first.key, "the old key stays until its overlap ends");
    const newRow = await browser.$(`tr[data-key-id="${replacement.id}"]`);
    await browser.waitUntil(async () => (await (await newRow.$("td.last-used")).getText()) === "Not used yet", {
      timeout: 10_000,
      timeoutMsg: "the new key shows as registered with the server",
    });
    assert.deepEqual(await askForToken(server, first.key), [200, null], "the old key works during the overlap");
    assert.deepEqual(await askForToken(server, second), [200, null], "the new key works at once");
    await screenshot(browser, "rolled-24h");

    // A leak: roll the new key with no overlap.
    await clickLabelled("Roll Rolled backend");
    await (await browser.$("label*=Stop it now")).click();
    await (await browser.$("p*=stop working as soon as you roll")).waitForDisplayed({ timeout: 5_000 });
    await clickButton("Roll key");
    const third = await revealedKey();
    await closeRevealWithoutCopy();
    rows = await tableRows();
    const leaked = rows.find((row) => row.id === replacement.id);
    assert.equal(leaked.name, "Rolled backend (old 2)");
    assert.match(leaked.status, /^Revoked/);
    assert.equal(keychainLookup(replacement.id), null, "the leaked key left the keychain");
    const [status, code] = await askForToken(server, second);
    assert.equal(status, 401);
    assert.ok(["key_revoked", "key_expired"].includes(code), code);
    assert.deepEqual(await askForToken(server, third), [200, null]);
    assert.deepEqual(await askForToken(server, first.key), [200, null], "the first key's own overlap still runs");
    await screenshot(browser, "rolled-now");
  } finally {
    server.stop();
  }
});
