// "Create API Key": name, what the key is for (its limits) and expiry, then
// the one-time reveal. The secret
// lives only in the reveal field and one local variable, and both are
// cleared when the dialog closes. Copying goes through Rust (copy_key),
// which reads the keychain; the secret never crosses IPC again.

import { CHOICES, type CreatedKeyReply, type Expiry, type ExpiryKind, type KeySummary } from "../bindings";
import { confirmDialog, focusFirst, openDialog, type Dialog } from "../dialog";
import { longDay } from "../format";
import { h, uniqueId, whileBusy } from "../dom";
import { fieldWithError } from "../field";
import { api, asCommandError } from "../ipc";
import { t } from "../i18n";
import { showCopied, showError } from "../toast";
import { limitsForm } from "./limits-form";
import { openSnippetsDialog } from "./snippets-dialog";

// The choices come from Rust (CHOICES); only their words are in the catalogue.
const expiryChoices = () => CHOICES.expiry.map((value: ExpiryKind) => ({ value, label: t(`expiry-${value}`) }));

function tomorrow(): string {
  const date = new Date(Date.now() + 24 * 3600 * 1000);
  return date.toISOString().slice(0, 10);
}

/** Web addresses as typed: separated by commas, spaces or new lines. */
export function originList(text: string): string[] {
  return text.split(/[\s,]+/).filter(Boolean);
}

/** Opens the dialog. `onChange` is told of the new key (and of copies). */
export function openCreateKeyDialog(onChange: (key: KeySummary) => void): void {
  let revealing = false;
  const dialog = openDialog({
    title: t("create-title"),
    className: "create-dialog",
    onEscape: () => (revealing ? requestCloseReveal() : dialog.close()),
  });
  let requestCloseReveal = () => {};

  const nameField = fieldWithError("key-name", {
    name: "name",
    placeholder: t("create-name-placeholder"),
    required: true,
  });
  const name = nameField.input;
  const originsField = fieldWithError("key-origins", {
    name: "origins",
    placeholder: "https://shop.example.com",
  });
  const origins = originsField.input;
  const dateField = fieldWithError("expiry-date", {
    type: "date",
    class: "date-field",
    min: tomorrow(),
    value: tomorrow(),
    hidden: true,
    // Where the engine honours it, the picker speaks the window's language.
    lang: document.documentElement.lang,
    "aria-label": t("create-expiry-date"),
  });
  const date = dateField.input;
  // The day a choice gives, in the window's words: "Until 2 March 2027".
  const until = h("p", { class: "help expiry-until", "aria-live": "polite" });
  const EXPIRY_CHOICES = expiryChoices();
  const radios = EXPIRY_CHOICES.map((choice) =>
    h("input", { type: "radio", name: "expiry", value: choice.value, id: uniqueId("expiry"), checked: choice.value === CHOICES.defaults.expiry }),
  );
  const neverWarning = h("p", { class: "hint warning", hidden: true }, t("create-never-warning"));
  const expiryOptions = h(
    "div",
    { class: "radio-row" },
    ...EXPIRY_CHOICES.map((choice, i) => h("label", { class: "radio", for: radios[i].id }, radios[i], choice.label)),
  );
  const limits = limitsForm();
  const formError = h("div", { class: "form-error", role: "alert", hidden: true });
  const submit = h("button", { type: "submit", class: "button primary" }, t("create-submit"));
  const form = h(
    "form",
    { novalidate: true },
    h("label", { for: name.id, class: "label" }, t("column-name")),
    name,
    nameField.error,
    limits.element,
    h("fieldset", { class: "fieldset" }, h("legend", { class: "label" }, t("column-expires")), expiryOptions, date, until, dateField.error, neverWarning),
    h("label", { for: origins.id, class: "label" }, t("create-origins")),
    origins,
    originsField.error,
    h("p", { class: "help" }, t("create-origins-help")),
    formError,
    h(
      "div",
      { class: "dialog-actions" },
      h("button", { type: "button", class: "button", onclick: () => dialog.close() }, t("cancel")),
      submit,
    ),
  );

  /** Shows the date field only for "On a date", and the day the choice ends on. */
  function showChosenExpiry(): void {
    const value = radios.find((r) => r.checked)?.value ?? CHOICES.defaults.expiry;
    date.hidden = value !== "onDate";
    neverWarning.hidden = value !== "never";
    const days = /^days(\d+)$/.exec(value)?.[1];
    const day = days ? new Date(Date.now() + Number(days) * 86400e3).toISOString() : value === "onDate" && date.value ? `${date.value}T12:00:00Z` : null;
    until.textContent = day ? t("expiry-until", { date: longDay(day) }) : "";
    until.hidden = day === null;
  }
  for (const radio of radios) radio.addEventListener("change", showChosenExpiry);
  date.addEventListener("input", showChosenExpiry);
  showChosenExpiry();

  function chosenExpiry(): Expiry {
    const value = radios.find((r) => r.checked)?.value ?? CHOICES.defaults.expiry;
    if (value === "onDate") return { kind: "onDate", value: date.value };
    return { kind: value } as Expiry;
  }

  function showError(target: "name" | "date" | "origins" | "form", message: string) {
    if (target === "name") nameField.showError(message);
    else if (target === "date") dateField.showError(message);
    else if (target === "origins") originsField.showError(message);
    else {
      formError.textContent = message;
      formError.hidden = false;
    }
  }

  function clearErrors() {
    nameField.clearError();
    dateField.clearError();
    originsField.clearError();
    limits.clearError();
    formError.hidden = true;
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors();
    const expiry = chosenExpiry();
    if (expiry.kind === "onDate" && !date.value) return showError("date", t("create-pick-a-day"));
    const chosen = limits.limits();
    if ("problem" in chosen) {
      limits.showError(chosen.problem);
      chosen.field.focus();
      return;
    }
    await whileBusy(submit, t("create-busy"), async () => {
      try {
        const created = await api.createKey(name.value, expiry, originList(origins.value), chosen.ok);
        onChange(created.key);
        revealing = true;
        showReveal(dialog, created, onChange, (close) => (requestCloseReveal = close));
      } catch (caught) {
        const error = asCommandError(caught);
        if (error.field === "name") showError("name", error.message);
        else if (error.field === "expiryDate") showError("date", error.message);
        else if (error.field === "origins") showError("origins", error.message);
        else if (error.field === "limits") limits.showError(error.message);
        else showError("form", error.message);
      }
    });
  });

  dialog.body.append(form);
  focusFirst(dialog, name);
}

/** Replaces the dialog's form with the one-time reveal of `created`'s secret (a new or rolled key). */
export function showReveal(
  dialog: Dialog,
  created: CreatedKeyReply,
  onChange: (key: KeySummary) => void,
  setCloseHandler: (close: () => void) => void,
): void {
  let secret: string | null = created.secret;
  created.secret = "";
  let copied = false;
  dialog.setTitle(t("reveal-title"));
  const fieldId = uniqueId("revealed-key");
  const labelId = uniqueId("revealed-key-label");
  // Shown as text that can't be selected, so WebKit never copies it itself:
  // not to the clipboard (where it would be neither concealed nor cleared)
  // and not to the X11 PRIMARY selection. Every way to copy it goes to Rust.
  const field = h(
    "code",
    {
      id: fieldId,
      class: "field secret-field",
      tabindex: "0",
      role: "textbox",
      "aria-readonly": "true",
      "aria-labelledby": labelId,
    },
    secret,
  );
  secret = null;
  const copyButton = h("button", { type: "button", class: "button primary" }, t("action-copy"));
  const copyThroughRust = (event: Event) => {
    event.preventDefault();
    void copy();
  };
  field.addEventListener("copy", copyThroughRust);
  field.addEventListener("cut", copyThroughRust);
  field.addEventListener("contextmenu", (event) => event.preventDefault());
  field.addEventListener("keydown", (event: KeyboardEvent) => {
    const key = event.key.toLowerCase();
    if ((event.ctrlKey || event.metaKey) && (key === "c" || key === "x" || key === "insert")) copyThroughRust(event);
    else if ((event.ctrlKey || event.metaKey) && key === "a") event.preventDefault();
  });
  copyButton.addEventListener("click", () => void copy());
  async function copy() {
    try {
      const reply = await api.copyKey(created.key.id);
      copied = true;
      copyButton.textContent = t("reveal-copied");
      onChange(reply.key);
      showCopied(reply.clearsInSeconds);
    } catch (caught) {
      showError(asCommandError(caught).message);
    }
  }
  const done = h("button", { type: "button", class: "button" }, t("reveal-done"));

  async function requestClose() {
    if (!copied) {
      const saved = await confirmDialog({
        title: t("reveal-saved-title"),
        message: t("reveal-saved-message"),
        confirmLabel: t("reveal-saved-yes"),
        cancelLabel: t("reveal-saved-back"),
      });
      if (!saved) return;
    }
    field.textContent = "";
    field.remove();
    dialog.close();
  }
  done.addEventListener("click", requestClose);
  setCloseHandler(requestClose);

  dialog.body.replaceChildren(
    h("p", {}, t("reveal-intro")),
    h("p", { id: labelId, class: "label" }, t("reveal-label", { name: created.key.name })),
    h("div", { class: "secret-row" }, field, copyButton),
    h("div", { class: "security-alert", role: "note" }, h("strong", {}, t("security-alert-lead"), " "), t("security-alert")),
    ...(created.serverWarning
      ? [h("p", { class: "hint warning", id: "server-warning" }, created.serverWarning)]
      : []),
    h(
      "div",
      { class: "dialog-actions" },
      h("button", { type: "button", class: "button", onclick: () => void openSnippetsDialog() }, t("use-in-code")),
      done,
    ),
  );
  focusFirst(dialog, copyButton);
}
