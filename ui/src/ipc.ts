// The app's commands, typed by the command map generated from Rust
// (`Commands` in bindings.ts): a misspelt command, a wrong argument or a
// changed reply fails `tsc`. Every failure arrives as a CommandError with a
// stable code, a message written for people and, when it is about one field,
// that field's name.

import { invoke } from "@tauri-apps/api/core";
import { COMMAND_PARAMETERS } from "./bindings";
import type { Commands, ErrorCode, ErrorField, IpcError } from "./bindings";
import { t } from "./i18n";

/** A command's name. */
export type Command = keyof Commands;
/** A command's arguments. */
export type Args<C extends Command> = Commands[C]["args"];
/** A command's reply. */
export type ReplyOf<C extends Command> = Commands[C]["reply"];

/** A failed command: `code` for the program, `message` for the person, `field` where it belongs. */
export class CommandError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field: ErrorField | null = null,
  ) {
    super(message);
  }
}

function isIpcError(value: unknown): value is IpcError {
  return typeof value === "object" && value !== null && "code" in value && "message" in value;
}

/** Calls `command` with its typed arguments; resolves to its typed reply. */
export async function call<C extends Command>(command: C, args: Args<C>): Promise<ReplyOf<C>> {
  try {
    return await invoke<ReplyOf<C>>(command, args);
  } catch (error) {
    if (isIpcError(error)) throw new CommandError(error.code, error.message, error.field ?? null);
    throw new CommandError("unexpected", t("error-unexpected", { detail: String(error) }));
  }
}

/** `create_key` → `createKey`. */
type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;

function camelCase(snake: string): string {
  return snake.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/** Every command as a function of its arguments in order: `api.createKey(name, expiry, origins)`. */
export type Api = { [C in Command as CamelCase<C>]: (...values: Commands[C]["parameters"]) => Promise<ReplyOf<C>> };

/** Made from the command table (bindings.ts): a new command needs no line here. */
export const api = Object.fromEntries(
  (Object.keys(COMMAND_PARAMETERS) as Command[]).map((command) => [
    camelCase(command),
    (...values: unknown[]) =>
      call(command, Object.fromEntries(COMMAND_PARAMETERS[command].map((name, i) => [name, values[i]])) as Args<Command>),
  ]),
) as Api;

/** A failure as a CommandError, whatever was thrown. */
export function asCommandError(caught: unknown): CommandError {
  return caught instanceof CommandError ? caught : new CommandError("unexpected", String(caught));
}
