// "Roll": a replacement for a key with the same name, expiry and server,
// revealed once like a new key, while the old key keeps working for the
// overlap the person picks (or stops at once, for a leaked key).

import { CHOICES, type KeySummary, type RollOverlap } from "../bindings";
import { t } from "../i18n";
import { focusFirst, openDialog } from "../dialog";
import { h, uniqueId, whileBusy } from "../dom";
import { api, asCommandError } from "../ipc";
import { showWarning } from "../toast";
import { showReveal } from "./create-key";


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
    title: t("roll-title", { name: key.name }),
    className: "create-dialog",
    onEscape: () => (requestCloseReveal ? requestCloseReveal() : dialog.close()),
  });
  const radios = CHOICES.rollOverlap.map((value) =>
    h("input", { type: "radio", name: "overlap", value, id: uniqueId("overlap"), checked: value === CHOICES.defaults.rollOverlap }),
  );
  const nowWarning = h(
    "p",
    { class: "hint warning", id: uniqueId("roll-now"), hidden: true },
    t("roll-now-warning"),
  );
  for (const radio of radios) radio.addEventListener("change", () => (nowWarning.hidden = chosen() !== "now"));
  // A leaked key is already dead (or should be): its replacement comes at once, with no overlap.
  const leaked = key.status === "leaked";
  const chosen = () => (leaked ? "now" : (radios.find((r) => r.checked)?.value ?? CHOICES.defaults.rollOverlap)) as RollOverlap;
  const formError = h("div", { class: "form-error", role: "alert", hidden: true });
  const submit = h("button", { type: "submit", class: "button primary" }, t("roll-submit"));
  const form = h(
    "form",
    { novalidate: true },
    h("p", {}, t(leaked ? "roll-leaked-intro" : "roll-intro")),
    leaked
      ? ""
      : h(
          "fieldset",
          { class: "fieldset" },
          h("legend", { class: "label" }, t("roll-overlap-legend")),
          h(
            "div",
            { class: "radio-row" },
            ...CHOICES.rollOverlap.map((value, i) => h("label", { class: "radio", for: radios[i].id }, radios[i], t(`roll-overlap-${value}`))),
          ),
          nowWarning,
        ),
    formError,
    h(
      "div",
      { class: "dialog-actions" },
      h("button", { type: "button", class: "button", onclick: () => dialog.close() }, t("cancel")),
      submit,
    ),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    formError.hidden = true;
    await whileBusy(submit, t("roll-busy"), async () => {
      try {
        const rolled = await api.rollKey(key.id, chosen());
        host.keyChanged(rolled.old);
        host.keyChanged(rolled.key);
        if (rolled.serverWarning) {
          showWarning(rolled.serverWarning, { label: t("roll-finish"), run: () => host.finishRolling() });
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
