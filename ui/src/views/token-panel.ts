// "Generate token" for one key: who the session is for (distinctId), its
// role, row-level-security attributes, permissions and lifetime. Rust reads
// the key from the keychain and asks the workspace server; the panel shows
// the signed token, a Copy button (through Rust, same clipboard rules as
// keys) and the token's decoded claims.

import { CHOICES, type Attribute, type AttributeType, type DeclaredAttribute, type GeneratedToken, type KeySummary, type Level, type Permission, type Resource, type Role } from "../bindings";
import { focusFirst, openDialog } from "../dialog";
import { h, uniqueId, whileBusy } from "../dom";
import { fieldWithError } from "../field";
import { durationLabel, exactTime } from "../format";
import { intlLocale, t } from "../i18n";
import { api, asCommandError } from "../ipc";
import { showCopied, showError } from "../toast";

// The values come from Rust (CHOICES); only their words are in the catalogue.
const roles = () => CHOICES.roles.map((value: Role) => ({ value, label: t(`role-${value}`) }));
const resources = () => CHOICES.resources.map((value: Resource) => ({ value, label: t(`resource-${value}`) }));
const levels = () => CHOICES.levels.map((value: Level) => ({ value, label: t(`level-${value}`) }));
const lifetimes = () => CHOICES.tokenLifetimeMinutes.map((minutes) => ({ minutes, label: durationLabel(minutes * 60) }));

// How each declared type is typed in: the input's type and a hint. Rust turns
// the text into the type (and says which row is wrong).
// Placeholders read as examples ("e.g. EMEA"), never as values already filled in.
const TYPE_INPUTS: Record<AttributeType, { type: string; step?: string; placeholder: string }> = {
  string: { type: "text", placeholder: "EMEA" },
  integer: { type: "number", step: "1", placeholder: "42" },
  number: { type: "number", step: "any", placeholder: "4.5" },
  boolean: { type: "text", placeholder: "true / false" },
  date: { type: "date", placeholder: "2026-01-31" },
};

interface AttributeRow {
  element: HTMLElement;
  name: HTMLInputElement;
  value: HTMLInputElement;
}

/** Opens the panel for `key`; `onUsed` is told when a token was issued (to refresh "last used"). */
export function openTokenPanel(key: KeySummary, onUsed: () => void): void {
  const dialog = openDialog({ title: t("token-title", { name: key.name }), className: "token-dialog", onEscape: () => close() });

  const user = fieldWithError("distinct-id", { name: "distinct-id", placeholder: t("token-user-placeholder"), required: true });
  const role = h("select", { id: uniqueId("role"), class: "field select" });
  // A restricted key: only what it allows is offered, and the panel says why.
  const limits = key.limits ?? {};
  const ROLES = roles().filter((choice) => !limits.roles || limits.roles.includes(choice.value));
  const allowedLevel = (resource: Resource, level: Level) => !limits.permissions || (limits.permissions[resource] ?? []).includes(level);
  const RESOURCES = resources();
  const LEVELS = levels();
  for (const choice of ROLES) role.append(h("option", { value: choice.value }, choice.label));

  const rows: AttributeRow[] = [];
  // The attributes the workspace declares (none: any name, text values).
  let declared: DeclaredAttribute[] = [];
  const namesList = h("datalist", { id: uniqueId("declared-attributes") });
  const declaredHelp = h("p", { class: "help", id: uniqueId("declared-help"), hidden: true });
  /** The value input takes the declared type of the name typed beside it. */
  function fitValue(row: AttributeRow) {
    const kind = declared.find((attribute) => attribute.name === row.name.value.trim())?.type ?? "string";
    const input = TYPE_INPUTS[kind];
    row.value.type = input.type;
    if (input.step) row.value.step = input.step;
    else row.value.removeAttribute("step");
    row.value.placeholder = t("example", { value: input.placeholder });
  }
  const rowList = h("div", { class: "attribute-rows" });
  const attributesError = h("p", { id: uniqueId("attributes-error"), class: "field-error", hidden: true });
  function addRow(name = "", value = ""): AttributeRow {
    const index = rows.length + 1;
    const nameInput = h("input", { type: "text", class: "field", value: name, autocomplete: "off", spellcheck: "false", "aria-label": t("attribute-name-label", { index }), placeholder: t("example", { value: "region" }) });
    const valueInput = h("input", { type: "text", class: "field", value, autocomplete: "off", spellcheck: "false", "aria-label": t("attribute-value-label", { index }), placeholder: t("example", { value: "EMEA" }) });
    const row: AttributeRow = { element: h("div", { class: "attribute-row" }), name: nameInput, value: valueInput };
    nameInput.setAttribute("list", namesList.id);
    nameInput.addEventListener("input", () => fitValue(row));
    fitValue(row);
    const remove = h("button", { type: "button", class: "button small", "aria-label": t("attribute-remove-label", { index }) }, t("attribute-remove"));
    remove.addEventListener("click", () => {
      rows.splice(rows.indexOf(row), 1);
      row.element.remove();
      (rows[rows.length - 1]?.name ?? addButton).focus();
    });
    row.element.append(nameInput, valueInput, remove);
    rows.push(row);
    rowList.append(row.element);
    return row;
  }
  const addButton = h("button", { type: "button", class: "button small", onclick: () => addRow().name.focus() }, t("attribute-add"));
  addRow();
  void api
    .declaredAttributes()
    .then((attributes) => {
      declared = attributes;
      if (!attributes.length) return;
      namesList.replaceChildren(...attributes.map((attribute) => h("option", { value: attribute.name })));
      const list = attributes.map((attribute) => t("attribute-declared-one", { name: attribute.name, type: t(`attribute-type-${attribute.type}`) }));
      declaredHelp.textContent = t("attribute-declared", { list: new Intl.ListFormat(intlLocale(), { type: "unit" }).format(list) });
      declaredHelp.hidden = false;
      rows.forEach(fitValue);
    })
    // Without the list, names and values are typed freely; the server still checks them.
    .catch(() => undefined);

  // Only the levels that mean something for a resource get a box (CHOICES.resourceLevels);
  // the role decides which are ticked, and the person may change them after.
  const permissionsHelpId = uniqueId("permissions-help");
  const permissionBoxes: { permission: Permission; box: HTMLInputElement }[] = [];
  const meaningful = (resource: Resource, level: Level) =>
    CHOICES.resourceLevels.some((entry) => entry.resource === resource && entry.levels.includes(level));
  const grid = h(
    "table",
    { class: "permissions", "aria-label": t("token-permissions"), "aria-describedby": permissionsHelpId },
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("token-resource")), ...LEVELS.map((level) => h("th", { scope: "col" }, level.label)))),
    h(
      "tbody",
      {},
      ...RESOURCES.map((resource) =>
        h(
          "tr",
          {},
          h("th", { scope: "row" }, resource.label),
          ...LEVELS.map((level) => {
            if (!meaningful(resource.value, level.value)) return h("td", { class: "no-level" });
            const allowed = allowedLevel(resource.value, level.value);
            const box = h("input", {
              type: "checkbox",
              "aria-label": t("permission-label", { resource: resource.label, level: level.label }),
              disabled: !allowed,
              title: allowed ? undefined : t("token-beyond-limits"),
            });
            permissionBoxes.push({ permission: { resource: resource.value, level: level.value }, box });
            return h("td", {}, box);
          }),
        ),
      ),
    ),
  );
  /** Ticks what `chosen` starts with (CHOICES.rolePermissions), within the key's limits. */
  function followRole(chosen: Role) {
    const defaults = CHOICES.rolePermissions.find((entry) => entry.role === chosen)?.permissions ?? [];
    for (const { permission, box } of permissionBoxes) {
      box.checked = !box.disabled && defaults.some((p) => p.resource === permission.resource && p.level === permission.level);
    }
  }
  // Editing something means seeing it: Edit ticks View, and unticking View unticks Edit.
  const boxOf = (resource: Resource, level: Level) =>
    permissionBoxes.find((entry) => entry.permission.resource === resource && entry.permission.level === level)?.box;
  for (const { permission, box } of permissionBoxes) {
    box.addEventListener("change", () => {
      const view = boxOf(permission.resource, "can_view");
      const edit = boxOf(permission.resource, "can_edit");
      if (permission.level === "can_edit" && box.checked && view && !view.disabled) view.checked = true;
      if (permission.level === "can_view" && !box.checked && edit) edit.checked = false;
    });
  }
  role.addEventListener("change", () => followRole(role.value as Role));
  if (ROLES.length) followRole(ROLES[0].value);

  // A key limited to web addresses: the token is for a page on one of them.
  const origin = key.allowedOrigins.length ? h("select", { id: uniqueId("token-origin"), class: "field select" }) : null;
  for (const allowed of key.allowedOrigins) origin?.append(h("option", { value: allowed }, allowed));

  const lifetime = h("select", { id: uniqueId("lifetime"), class: "field select" });
  const LIFETIMES = lifetimes().filter((choice) => limits.maxLifetimeSeconds == null || choice.minutes * 60 <= limits.maxLifetimeSeconds);
  const startLifetime = LIFETIMES.some((c) => c.minutes === CHOICES.defaults.tokenLifetimeMinutes)
    ? CHOICES.defaults.tokenLifetimeMinutes
    : LIFETIMES[LIFETIMES.length - 1]?.minutes;
  for (const choice of LIFETIMES) lifetime.append(h("option", { value: String(choice.minutes), selected: choice.minutes === startLifetime }, choice.label));
  const fixed = Object.entries(limits.fixedAttributes ?? {}).map(([name, value]) => `${name} = ${String(value)}`);
  const limitsNote = key.fullAccess
    ? null
    : h(
        "p",
        { class: "help limits-note" },
        t("token-limited", { summary: key.limitsSummary }),
        ...(ROLES.length < CHOICES.roles.length ? [" ", t("token-limited-roles")] : []),
        ...(limits.permissions ? [" ", t("token-limited-permissions")] : []),
        ...(fixed.length ? [" ", t("token-fixed", { list: fixed.join(", ") })] : []),
      );

  const formError = h("div", { class: "form-error", role: "alert", hidden: true });
  const submit = h("button", { type: "submit", class: "button primary", id: "generate-token" }, t("action-generate"));
  const result = h("div", { class: "token-result", "aria-live": "polite" });
  const form = h(
    "form",
    { novalidate: true, class: "token-form" },
    h("label", { for: user.input.id, class: "label" }, t("token-user")),
    user.input,
    user.error,
    h("p", { class: "help" }, t("token-user-help")),
    limitsNote,
    h("label", { for: role.id, class: "label" }, t("token-role")),
    role,
    h(
      "fieldset",
      { class: "fieldset", "aria-describedby": attributesError.id },
      h("legend", { class: "label" }, t("token-attributes")),
      declaredHelp,
      namesList,
      rowList,
      attributesError,
      addButton,
    ),
    h(
      "fieldset",
      { class: "fieldset" },
      h("legend", { class: "label" }, t("token-permissions")),
      h("p", { class: "help", id: permissionsHelpId }, t("token-permissions-help")),
      grid,
    ),
    origin ? h("label", { for: origin.id, class: "label" }, t("token-origin")) : null,
    origin,
    h("label", { for: lifetime.id, class: "label" }, t("token-lifetime")),
    lifetime,
    formError,
    h(
      "div",
      { class: "dialog-actions" },
      h("button", { type: "button", class: "button", onclick: () => close() }, t("close")),
      submit,
    ),
  );

  function clearErrors() {
    user.clearError();
    attributesError.hidden = true;
    formError.hidden = true;
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors();
    const attributes: Attribute[] = rows.map((row) => ({ name: row.name.value, value: row.value.value }));
    const permissions = permissionBoxes.filter((p) => p.box.checked).map((p) => p.permission);
    await whileBusy(submit, t("token-busy"), async () => {
      try {
        const token = await api.generateToken(key.id, {
          distinctId: user.input.value,
          role: role.value as Role,
          attributes,
          permissions,
          lifetimeMinutes: Number(lifetime.value),
          origin: origin?.value ?? null,
        });
        showResult(token);
        onUsed();
      } catch (caught) {
        const error = asCommandError(caught);
        if (error.field === "distinctId") user.showError(error.message);
        else if (error.field === "attributes") {
          attributesError.textContent = error.message;
          attributesError.hidden = false;
          rows[0]?.name.focus();
        } else {
          formError.textContent = error.message;
          formError.hidden = false;
        }
      }
    });
  });

  /** "For maria@…, Explorer, Dashboards: View, region = EMEA, valid until …". */
  function tokenSummary(token: GeneratedToken): string {
    const claims = token.claims as { sub?: string; role?: string; permissions?: Record<string, string[]>; attributes?: Record<string, unknown> };
    const parts = [t("token-summary-for", { user: claims.sub ?? "?" })];
    if (claims.role) parts.push(t(`role-name-${claims.role}`));
    // In the panel's own order (Rust's CHOICES), whatever order the server wrote them in.
    const granted = claims.permissions ?? {};
    // One entry per resource, its levels joined in words ("Dashboards: View and Edit").
    const and = new Intl.ListFormat(intlLocale(), { type: "conjunction" });
    const can = CHOICES.resources
      .filter((resource: Resource) => (granted[resource] ?? []).length > 0)
      .map((resource: Resource) =>
        t("permission-label", { resource: t(`resource-${resource}`), level: and.format(granted[resource].map((level) => t(`level-${level}`))) }),
      );
    parts.push(can.length ? can.join(", ") : t("token-summary-nothing"));
    for (const [name, value] of Object.entries(claims.attributes ?? {})) parts.push(`${name} = ${String(value)}`);
    parts.push(t("token-summary-until", { at: exactTime(token.expiresAt) }));
    return `${parts.join(", ")}.`;
  }

  function showResult(token: GeneratedToken) {
    const fieldId = uniqueId("session-token");
    const field = h("textarea", { id: fieldId, class: "field secret-field token-field", readonly: true, rows: 4, spellcheck: "false" });
    field.value = token.token;
    const copy = h("button", { type: "button", class: "button primary", id: "copy-token" }, t("token-copy"));
    copy.addEventListener("click", async () => {
      try {
        const reply = await api.copyToken();
        showCopied(reply.clearsInSeconds);
      } catch (caught) {
        showError(asCommandError(caught).message);
      }
    });
    // What it grants in words, the raw claims one click away.
    const claims = token.encrypted
      ? [
          h("h3", { class: "result-title" }, t("token-claims")),
          h("p", { class: "help", id: "token-claims" }, t("token-encrypted-help")),
        ]
      : [
          h("h3", { class: "result-title" }, t("token-grants")),
          h("p", { class: "token-summary", id: "token-summary" }, tokenSummary(token)),
          h(
            "details",
            { class: "claims-details" },
            h("summary", {}, t("token-decoded-claims")),
            h("pre", { class: "claims", id: "token-claims", tabindex: "0", role: "region", "aria-label": t("token-decoded-claims") }, JSON.stringify(token.claims, null, 2)),
          ),
        ];
    result.replaceChildren(
      h("h3", { class: "result-title" }, t("token-session")),
      h("label", { for: fieldId, class: "label" }, t(token.encrypted ? "token-encrypted-expires" : "token-signed-expires", { at: exactTime(token.expiresAt) })),
      h("div", { class: "secret-row" }, field, copy),
      ...claims,
      h("h3", { class: "result-title" }, t("token-where-title")),
      h("p", { class: "help" }, t("token-hand-over")),
      h("pre", { class: "snippet-code", id: "token-where", tabindex: "0" }, h("code", {}, t("token-web-component"))),
    );
    copy.focus();
  }

  function close() {
    result.replaceChildren();
    dialog.close();
  }

  dialog.body.append(form, result);
  focusFirst(dialog, user.input);
}
