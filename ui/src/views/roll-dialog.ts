// "Roll": a replacement for a key with the same name, expiry and server,
// revealed once like a new key, while the old key keeps working for the
// overlap the person picks (or stops at once, for a leaked key).

import { CHOICES, type KeySummary, type RollOverlap } from "../bindings";
import { focusFirst, openDialog } from "../dialog";
import { h, uniqueId, whileBusy } from "../dom";
import { api, asCommandError } from "../ipc";
import { showWarning } from "../toast";
import { showReveal } from "./create-key";

const OVERLAP_LABELS: Record<RollOverlap, string> = {
  hours24: "24 hours (recommended)",
  hour1: "1 hour",
  days7: "7 days",
  now: "Stop it now (the key leaked)",
};

/** What the roll dialog tells the screen. */
export interface RollHost {
  /** A key changed or was added. */
  keyChanged(key: KeySummary): void;
  /** Sends the server what it missed ("Finish rolling"). */
  finishRolling(): void;
}

/** Opens the roll dialog for `key`. */
export function openRollDialog(key: KeySummary, host: RollHost): void {
  let requestCloseReveal: (() => void) | null = null;
  const dialog = openDialog({
    title: `Roll “${key.name}”`,
    className: "create-dialog",
    onEscape: () => (requestCloseReveal ? requestCloseReveal() : dialog.close()),
  });
  const radios = CHOICES.rollOverlap.map((value) =>
    h("input", { type: "radio", name: "overlap", value, id: uniqueId("overlap"), checked: value === "hours24" }),
  );
  const nowWarning = h(
    "p",
    { class: "hint warning", id: uniqueId("roll-now"), hidden: true },
    "Apps still using the old key stop working as soon as you roll.",
  );
  for (const radio of radios) radio.addEventListener("change", () => (nowWarning.hidden = chosen() !== "now"));
  const chosen = () => (radios.find((r) => r.checked)?.value ?? "hours24") as RollOverlap;
  const formError = h("div", { class: "form-error", role: "alert", hidden: true });
  const submit = h("button", { type: "submit", class: "button primary" }, "Roll key");
  const form = h(
    "form",
    { novalidate: true },
    h(
      "p",
      {},
      "Toucan Keys makes a new key with the same name and expiry and shows it once. Put it in your backend; meanwhile the old key keeps working, then it is revoked, on this computer and on the workspace server.",
    ),
    h(
      "fieldset",
      { class: "fieldset" },
      h("legend", { class: "label" }, "Keep the old key working for"),
      h(
        "div",
        { class: "radio-row" },
        ...CHOICES.rollOverlap.map((value, i) => h("label", { class: "radio", for: radios[i].id }, radios[i], OVERLAP_LABELS[value])),
      ),
      nowWarning,
    ),
    formError,
    h(
      "div",
      { class: "dialog-actions" },
      h("button", { type: "button", class: "button", onclick: () => dialog.close() }, "Cancel"),
      submit,
    ),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    formError.hidden = true;
    await whileBusy(submit, "Rolling…", async () => {
      try {
        const rolled = await api.rollKey(key.id, chosen());
        host.keyChanged(rolled.old);
        host.keyChanged(rolled.key);
        if (rolled.serverWarning) {
          showWarning(rolled.serverWarning, { label: "Finish rolling", run: () => host.finishRolling() });
        }
        showReveal(dialog, rolled, host.keyChanged, (close) => (requestCloseReveal = close));
      } catch (caught) {
        formError.textContent = asCommandError(caught).message;
        formError.hidden = false;
      }
    });
  });
  dialog.body.append(form);
  focusFirst(dialog, radios.find((r) => r.checked));
}
