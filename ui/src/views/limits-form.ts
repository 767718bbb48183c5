// "What will this key be used for?": the presets Rust offers (CHOICES.presets,
// narrowest first and suggested), and "Custom…" with the detailed choices.
// Used by the create dialog and by "Change limits" in a key's details. The
// limits are checked by Rust (create_key, set_key_limits) and enforced by
// the server; this form only gathers them.

import { CHOICES, type KeyLimits, type Level, type Preset, type Resource, type Role } from "../bindings";
import { h, uniqueId } from "../dom";
import { fieldWithError, type FieldWithError } from "../field";
import { durationLabel } from "../format";
import { t } from "../i18n";

type Choice = Preset | "custom";

/** The form's element, and what it gathered (or the field to fix). */
export interface LimitsForm {
  element: HTMLElement;
  /** The limits chosen, or a message naming what is missing. */
  limits(): { ok: KeyLimits } | { problem: string; field: HTMLElement };
  /** Shows a message from Rust about the limits. */
  showError(message: string): void;
  clearError(): void;
}

/** Which preset `limits` are, if any (a customer attribute aside). */
function presetOf(limits: KeyLimits): Choice {
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  const fixed = limits.fixedAttributes ?? {};
  for (const { preset, limits: base } of CHOICES.presets) {
    const rest = { ...limits, fixedAttributes: undefined };
    const baseRest = { ...base, fixedAttributes: undefined };
    const fixedOk = preset === "showDashboards" ? Object.keys(fixed).length === 1 : Object.keys(fixed).length === 0;
    if (fixedOk && same(rest.roles, baseRest.roles) && same(rest.permissions, baseRest.permissions) &&
      !rest.networks?.length && rest.maxLifetimeSeconds == null && rest.requestsPerMinute == null && rest.notBefore == null) {
      return preset;
    }
  }
  return "custom";
}

/** The form, starting at `initial` (none: the suggested, narrowest preset). */
export function limitsForm(initial?: KeyLimits): LimitsForm {
  const start: Choice = initial ? presetOf(initial) : CHOICES.presets[0].preset;
  const choices: Choice[] = [...CHOICES.presets.map((p) => p.preset), "custom"];
  const group = uniqueId("use");
  const radios = choices.map((choice) =>
    h("input", { type: "radio", name: group, value: choice, id: uniqueId("use"), checked: choice === start }),
  );
  const options = choices.map((choice, i) =>
    h(
      "label",
      { class: "radio preset", for: radios[i].id },
      radios[i],
      h("span", {}, h("strong", {}, t(`preset-${choice}`)), i === 0 ? h("span", { class: "badge" }, t("preset-suggested")) : "", h("span", { class: "help" }, t(`preset-${choice}-help`))),
    ),
  );

  // Show dashboards: the one customer every token is for.
  const fixedEntries = Object.entries(initial?.fixedAttributes ?? {});
  const attributeName = fieldWithError("customer-attribute", { value: fixedEntries[0]?.[0] ?? "tenant", "aria-label": t("limits-customer-attribute") });
  const attributeValue = fieldWithError("customer-value", { value: String(fixedEntries[0]?.[1] ?? ""), placeholder: "acme", "aria-label": t("limits-customer-value") });
  const customer = h(
    "div",
    { class: "customer-row" },
    h("label", { class: "label", for: attributeName.input.id }, t("limits-customer-attribute")),
    attributeName.input,
    h("label", { class: "label", for: attributeValue.input.id }, t("limits-customer-value")),
    attributeValue.input,
    attributeValue.error,
    h("p", { class: "help" }, t("limits-customer-help")),
  );

  // Custom: roles, the most each resource may get, fixed attributes, networks, longest token.
  const roleBoxes = CHOICES.roles.map((role: Role) =>
    h("input", { type: "checkbox", value: role, id: uniqueId("role"), checked: !initial?.roles || initial.roles.includes(role) }),
  );
  const levelBoxes = CHOICES.resources.flatMap((resource: Resource) =>
    CHOICES.levels.map((level: Level) => {
      const ceiling = initial?.permissions;
      const checked = !ceiling || (ceiling[resource] ?? []).includes(level);
      return h("input", { type: "checkbox", id: uniqueId("ceiling"), "data-resource": resource, value: level, checked, "aria-label": `${t(`resource-${resource}`)}: ${t(`level-${level}`)}` });
    }),
  );
  const fixedField = fieldWithError("fixed-attributes", {
    value: fixedEntries.map(([name, value]) => `${name}=${String(value)}`).join(", "),
    placeholder: "tenant=acme",
  });
  const networksField = fieldWithError("networks", { value: (initial?.networks ?? []).join(", "), placeholder: "203.0.113.0/24" });
  const lifetime = h(
    "select",
    { id: uniqueId("max-lifetime"), class: "field" },
    h("option", { value: "" }, t("limits-lifetime-any")),
    ...CHOICES.tokenLifetimeMinutes.map((minutes: number) =>
      h("option", { value: String(minutes * 60), selected: initial?.maxLifetimeSeconds === minutes * 60 }, durationLabel(minutes * 60)),
    ),
  );
  const rateField = fieldWithError("rate", { type: "number", min: "1", step: "1", value: initial?.requestsPerMinute != null ? String(initial.requestsPerMinute) : "" });
  const fromField = fieldWithError("not-before", { type: "date", value: initial?.notBefore ? initial.notBefore.slice(0, 10) : "" });
  const custom = h(
    "div",
    { class: "custom-limits" },
    h("fieldset", { class: "fieldset" }, h("legend", { class: "label" }, t("limits-roles")), ...CHOICES.roles.map((role: Role, i: number) => h("label", { class: "checkbox", for: roleBoxes[i].id }, roleBoxes[i], t(`role-${role}-short`)))),
    h(
      "fieldset",
      { class: "fieldset" },
      h("legend", { class: "label" }, t("limits-permissions")),
      // Rows of checkboxes, not a table: the page's only tables are key lists.
      h(
        "div",
        { class: "permission-grid" },
        ...CHOICES.resources.map((resource: Resource, r: number) => {
          const label = uniqueId("resource");
          return h(
            "div",
            { class: "permission-row", role: "group", "aria-labelledby": label },
            h("span", { id: label }, t(`resource-${resource}`)),
            ...CHOICES.levels.map((level: Level, l: number) =>
              h("label", { class: "checkbox" }, levelBoxes[r * CHOICES.levels.length + l], t(`level-${level}`))),
          );
        }),
      ),
    ),
    h("label", { class: "label", for: fixedField.input.id }, t("limits-fixed")),
    fixedField.input,
    fixedField.error,
    h("label", { class: "label", for: networksField.input.id }, t("limits-networks")),
    networksField.input,
    networksField.error,
    h("label", { class: "label", for: lifetime.id }, t("limits-lifetime")),
    lifetime,
    h("label", { class: "label", for: rateField.input.id }, t("limits-rate")),
    rateField.input,
    rateField.error,
    h("label", { class: "label", for: fromField.input.id }, t("limits-from")),
    fromField.input,
    fromField.error,
  );

  // Announced politely: the field it names gets the focus at the same time.
  const error = h("p", { class: "field-error limits-error", "aria-live": "polite", hidden: true });
  const element = h(
    "fieldset",
    { class: "fieldset limits" },
    h("legend", { class: "label" }, t("limits-question")),
    ...options,
    customer,
    custom,
    error,
  );
  const chosen = (): Choice => (radios.find((r) => r.checked)?.value as Choice) ?? start;
  const show = () => {
    customer.hidden = chosen() !== "showDashboards";
    custom.hidden = chosen() !== "custom";
  };
  radios.forEach((radio) => radio.addEventListener("change", show));
  show();

  function pairs(field: FieldWithError): Record<string, string> | null {
    const out: Record<string, string> = {};
    for (const pair of field.input.value.split(/[,\n]+/).map((p) => p.trim()).filter(Boolean)) {
      const at = pair.indexOf("=");
      if (at < 1) return null;
      out[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
    }
    return out;
  }

  return {
    element,
    limits() {
      const choice = chosen();
      if (choice === "custom") {
        const roles = roleBoxes.filter((b) => b.checked).map((b) => b.value as Role);
        if (roles.length === 0) return { problem: t("limits-pick-a-role"), field: roleBoxes[0] };
        const permissions: Partial<Record<Resource, Level[]>> = {};
        for (const box of levelBoxes.filter((b) => b.checked)) {
          const resource = box.dataset.resource as Resource;
          (permissions[resource] ??= []).push(box.value as Level);
        }
        const fixed = pairs(fixedField);
        if (!fixed) return { problem: t("limits-fixed-help"), field: fixedField.input };
        const everyRole = roles.length === CHOICES.roles.length;
        const everyLevel = levelBoxes.every((b) => b.checked);
        const networks = networksField.input.value.split(/[\s,]+/).filter(Boolean);
        const rate = rateField.input.value.trim();
        if (rate && !(Number.isInteger(Number(rate)) && Number(rate) >= 1)) return { problem: t("limits-rate-help"), field: rateField.input };
        const from = fromField.input.value;
        const limits: KeyLimits = {
          ...(everyRole ? {} : { roles }),
          ...(everyLevel ? {} : { permissions }),
          ...(Object.keys(fixed).length ? { fixedAttributes: fixed } : {}),
          ...(networks.length ? { networks } : {}),
          ...(lifetime.value ? { maxLifetimeSeconds: Number(lifetime.value) } : {}),
          ...(rate ? { requestsPerMinute: Number(rate) } : {}),
          // Midnight UTC of the day picked, as the command line's --not-before.
          ...(from ? { notBefore: `${from}T00:00:00Z` } : {}),
        };
        return { ok: limits };
      }
      const base = CHOICES.presets.find((p) => p.preset === choice)?.limits ?? {};
      if (choice !== "showDashboards") return { ok: base };
      const name = attributeName.input.value.trim();
      const value = attributeValue.input.value.trim();
      if (!name || !value) return { problem: t("limits-customer-needed"), field: name ? attributeValue.input : attributeName.input };
      return { ok: { ...base, fixedAttributes: { [name]: value } } };
    },
    showError(message: string) {
      error.textContent = message;
      error.hidden = false;
    },
    clearError() {
      error.hidden = true;
      attributeValue.clearError();
      fixedField.clearError();
      networksField.clearError();
    },
  };
}
