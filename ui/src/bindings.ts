// Generated from the Rust types by src-tauri/src/bindings.rs. Do not edit.

export type ErrorCode = "name_empty" | "name_too_long" | "name_invalid" | "name_taken" | "expiry_in_past" | "key_not_found" | "key_revoked" | "key_expired" | "key_leaked" | "key_not_revoked" | "key_already_listed" | "origin_invalid" | "limit_invalid" | "origin_not_allowed" | "key_already_rolled" | "invalid_key" | "keychain_locked" | "keychain_unavailable" | "secret_missing" | "secret_unreadable" | "keychain_failed" | "registry_corrupt" | "registry_too_new" | "disk_full" | "settings_corrupt" | "workspace_corrupt" | "activity_corrupt" | "autostart_failed" | "file_too_new" | "display_name_invalid" | "clear_delay_out_of_range" | "clipboard_failed" | "storage_failed" | "server_url_invalid" | "server_url_insecure" | "account_token_invalid" | "workspace_not_connected" | "connection_not_confirmed" | "key_bound_elsewhere" | "account_token_missing" | "server_unreachable" | "server_timeout" | "server_tls_failed" | "account_token_rejected" | "server_key_revoked" | "server_key_expired" | "server_key_unknown" | "server_rate_limited" | "server_invalid_request" | "server_refused" | "key_limit" | "server_redirected" | "server_bad_response" | "update_not_configured" | "update_unreachable" | "update_bad_feed" | "update_signature_invalid" | "update_nothing_to_install" | "update_authentication_cancelled" | "update_install_failed" | "distinct_id_invalid" | "attribute_invalid" | "lifetime_out_of_range" | "no_token_to_copy" | "unexpected";

export type ErrorField = "name" | "expiryDate" | "displayName" | "clearDelay" | "serverUrl" | "accountToken" | "distinctId" | "attributes" | "lifetime" | "origins" | "origin" | "limits";

export type KeyId = string;

export type LeakReport = { 
/**
 * When the server was told.
 */
foundAt: string, 
/**
 * Where it was found (a commit's file, an issue, a gist…), as reported.
 */
url?: string, 
/**
 * What kind of place that is (`content`, `commit`, `issue_comment`…), as reported.
 */
source?: string, };

export type KeyRecord = { 
/**
 * Non-secret id; the keychain account name.
 */
id: KeyId, 
/**
 * The name a person gave the key.
 */
name: string, 
/**
 * `tck_…` and the last four characters.
 */
hint: string, 
/**
 * SHA-256 of the whole key, hex.
 */
fingerprint: string, 
/**
 * When the key was created.
 */
createdAt: string, 
/**
 * When the key stops working, if ever.
 */
expiresAt: string | null, 
/**
 * When the key was revoked, if it was.
 */
revokedAt: string | null, 
/**
 * When the key was last copied to the clipboard.
 */
lastCopiedAt: string | null, 
/**
 * Set by `reconcile` when the keychain no longer holds the secret.
 */
secretMissing: boolean, 
/**
 * Set when the key was rolled: the key that replaces it. The key is then
 * retiring: it works until `expires_at` (the end of the overlap), and is
 * revoked once that has passed.
 */
replacedBy: KeyId | null, 
/**
 * The key this one replaced, if a roll made it.
 */
replaces: KeyId | null, 
/**
 * The web origins its session tokens may be used from (normalised:
 * `https://shop.example.com`); empty: any. The server enforces them.
 */
allowedOrigins: Array<string>, 
/**
 * What its session tokens may carry and who may ask for them; the
 * server enforces them. A record made before keys had limits has none:
 * full access.
 */
limits?: KeyLimits, 
/**
 * Set when the record was made again from a keychain entry no record
 * claimed (a "found" key): its creation and expiry dates are unknown, and
 * `created_at` is then the day it was restored.
 */
restoredAt: string | null, 
/**
 * Set when its own server said it was found in public (a
 * secret-scanning report): where and when. The key is then leaked, for
 * good: a replacement is the only fix.
 */
leak?: LeakReport, };

export type KeyStatus = "active" | "expiresSoon" | "retiring" | "expired" | "revoked" | "missing" | "leaked";

export type KeyActions = { 
/**
 * Copy its secret (and ask for session tokens with it).
 */
copy: boolean, 
/**
 * Make its replacement.
 */
roll: boolean, 
/**
 * Give it another name.
 */
rename: boolean, 
/**
 * Revoke it.
 */
revoke: boolean, 
/**
 * Delete it from the list (only once revoked).
 */
delete: boolean, };

export type KeySummary = { 
/**
 * Active, expires soon, expired, revoked or missing.
 */
status: KeyStatus, 
/**
 * What the person may do with it now (decided here, not in the window).
 */
actions: KeyActions, 
/**
 * Its limits in a few words ("View only · tenant = acme"), in the
 * window's language.
 */
limitsSummary: string, 
/**
 * Whether it has no limit at all (a master key, worth narrowing).
 */
fullAccess: boolean, 
/**
 * Non-secret id; the keychain account name.
 */
id: KeyId, 
/**
 * The name a person gave the key.
 */
name: string, 
/**
 * `tck_…` and the last four characters.
 */
hint: string, 
/**
 * SHA-256 of the whole key, hex.
 */
fingerprint: string, 
/**
 * When the key was created.
 */
createdAt: string, 
/**
 * When the key stops working, if ever.
 */
expiresAt: string | null, 
/**
 * When the key was revoked, if it was.
 */
revokedAt: string | null, 
/**
 * When the key was last copied to the clipboard.
 */
lastCopiedAt: string | null, 
/**
 * Set by `reconcile` when the keychain no longer holds the secret.
 */
secretMissing: boolean, 
/**
 * Set when the key was rolled: the key that replaces it. The key is then
 * retiring: it works until `expires_at` (the end of the overlap), and is
 * revoked once that has passed.
 */
replacedBy: KeyId | null, 
/**
 * The key this one replaced, if a roll made it.
 */
replaces: KeyId | null, 
/**
 * The web origins its session tokens may be used from (normalised:
 * `https://shop.example.com`); empty: any. The server enforces them.
 */
allowedOrigins: Array<string>, 
/**
 * What its session tokens may carry and who may ask for them; the
 * server enforces them. A record made before keys had limits has none:
 * full access.
 */
limits?: KeyLimits, 
/**
 * Set when the record was made again from a keychain entry no record
 * claimed (a "found" key): its creation and expiry dates are unknown, and
 * `created_at` is then the day it was restored.
 */
restoredAt: string | null, 
/**
 * Set when its own server said it was found in public (a
 * secret-scanning report): where and when. The key is then leaked, for
 * good: a replacement is the only fix.
 */
leak?: LeakReport, };

export type FoundKey = { 
/**
 * The keychain entry's account: the key's id.
 */
id: KeyId, 
/**
 * The key's name, from the keychain label where the keychain keeps one.
 */
name: string | null, 
/**
 * `tck_…` and its last four characters; `None` if the entry doesn't hold a valid key.
 */
hint: string | null, };

export type Expiry = { "kind": "days30" } | { "kind": "days60" } | { "kind": "days90" } | { "kind": "onDate", "value": string } | { "kind": "never" };

export type ExpiryKind = "days30" | "days60" | "days90" | "onDate" | "never";

export type ClipboardClear = { "kind": "after", 
/**
 * Seconds to wait.
 */
seconds: number, } | { "kind": "never" };

export type Language = string;

export type SettingChange = { "setting": "displayName", "value": string | null } | { "setting": "clipboardClear", "value": ClipboardClear } | { "setting": "language", "value": Language | null } | { "setting": "welcomed" };

export type OfferedLanguage = { 
/**
 * Its tag.
 */
language: Language, 
/**
 * Its name in itself ("Français").
 */
ownName: string, 
/**
 * The locale its dates are written in ("fr-FR").
 */
locale: string, 
/**
 * The plural category (CLDR's cardinal: `zero`, `one`, `two`, `few`,
 * `many`, `other`) of each whole number from 0 to [`PLURAL_TABLE_SIZE`] - 1,
 * by index: the window picks its messages' plurals from it. `Intl`'s plural
 * rules would cost the page about 2 MiB for the few counts it shows
 * (docs/BENCHMARKS.md); it asks `Intl` only beyond the table.
 */
plurals: Array<string>, };

export type WindowLanguages = { 
/**
 * The language the window speaks now.
 */
speaking: Language, 
/**
 * Whether that is the system's (no language was chosen).
 */
followsSystem: boolean, 
/**
 * Every language the app has a catalogue for, English first.
 */
offered: Array<OfferedLanguage>, };

export type Settings = { 
/**
 * The name shown in the profile menu; asked for on first run.
 */
displayName: string | null, 
/**
 * When copied keys are cleared from the clipboard.
 */
clipboardClear: ClipboardClear, 
/**
 * The window's language, if one was chosen in Settings; `None` follows
 * the system's ([`Settings::language`]).
 */
language: Language | null, 
/**
 * Whether the welcome was answered or put off ("Later"): it is shown
 * once, not at every start. A name set any way counts as welcomed.
 */
welcomed: boolean, };

export type CreatedKeyReply = { 
/**
 * The key as the list shows it.
 */
key: KeySummary, 
/**
 * The full key. Serialized here and nowhere else.
 */
secret: string, 
/**
 * Why the key isn't registered with the workspace server yet, if it isn't.
 */
serverWarning: string | null, };

export type RollOverlap = "now" | "hour1" | "hours24" | "days7";

export type RolledKeyReply = { 
/**
 * The replacement as the list shows it.
 */
key: KeySummary, 
/**
 * The replacement's full key. Serialized here and nowhere else.
 */
secret: string, 
/**
 * The old key: retiring until the end of the overlap, or revoked.
 */
old: KeySummary, 
/**
 * What the server doesn't know yet, if anything, and how it will learn it.
 */
serverWarning: string | null, };

export type Activity = { "kind": "created" } | { "kind": "copied" } | { "kind": "tokenGenerated", 
/**
 * The end user's id (`distinctId`).
 */
user: string, } | { "kind": "renamed", 
/**
 * Its name before.
 */
from: string, 
/**
 * Its name after.
 */
to: string, } | { "kind": "rolledInto", 
/**
 * The replacement's id.
 */
replacement: KeyId, } | { "kind": "rolledFrom", 
/**
 * The key it replaces.
 */
replaced: KeyId, } | { "kind": "revoked" } | { "kind": "restored" } | { "kind": "originsChanged", 
/**
 * The origins now.
 */
origins: Array<string>, } | { "kind": "limitsChanged", 
/**
 * The limits now.
 */
limits: KeyLimits, } | { "kind": "registered", 
/**
 * The server's address.
 */
server: string, } | { "kind": "foundInPublic", 
/**
 * Where, as reported.
 */
url: string | null, 
/**
 * Whether the server revoked it.
 */
revoked: boolean, };

export type ActivityEvent = { 
/**
 * When.
 */
at: string, 
/**
 * What.
 */
activity: Activity, };

export type ActivityLine = { 
/**
 * What happened, in words ("Renamed from “A” to “B”").
 */
text: string, 
/**
 * When.
 */
at: string, 
/**
 * What.
 */
activity: Activity, };

export type KeyDetails = { 
/**
 * The key as the list shows it.
 */
key: KeySummary, 
/**
 * The name of the key it replaced, if a roll made it.
 */
replaces: string | null, 
/**
 * The name of the key that replaces it, if it was rolled.
 */
replacedBy: string | null, 
/**
 * What happened to it, newest first, each in words.
 */
activity: Array<ActivityLine>, 
/**
 * Why the history can't be shown, if it can't.
 */
activityProblem: string | null, };

export type SnippetLanguage = "curl" | "node" | "python" | "go";

export type CodeSnippet = { 
/**
 * The language.
 */
language: SnippetLanguage, 
/**
 * Its name on the tab ("Node.js").
 */
label: string, 
/**
 * The program, ready to paste.
 */
code: string, };

export type CopyReply = { 
/**
 * The key, with its new "last copied" time.
 */
key: KeySummary, 
/**
 * Seconds until the clipboard is cleared, if it will be.
 */
clearsInSeconds: number | null, };

export type RevokeReply = { 
/**
 * The key, now revoked.
 */
key: KeySummary, 
/**
 * Why the server hasn't revoked it yet, if it hasn't.
 */
serverWarning: string | null, };

export type OriginsReply = { 
/**
 * The key, with its new origins.
 */
key: KeySummary, 
/**
 * Why the server doesn't enforce them yet, if it doesn't (the next sync sends them).
 */
serverWarning: string | null, };

export type DeleteReply = { 
/**
 * Why the server hasn't confirmed the key's revocation yet, if it hasn't.
 */
serverWarning: string | null, };

export type Identified = { 
/**
 * The key on this computer with the same fingerprint, if there is one.
 */
key: KeySummary | null, 
/**
 * The pasted key's fingerprint (SHA-256; not secret), to ask the workspace server about it.
 */
fingerprint: string, 
/**
 * The answer in words ([`Identified::message`]).
 */
message: string, };

export type PastedKey = string;

export type ServerKeyState = { 
/**
 * The key's id.
 */
id: KeyId, 
/**
 * When the server revoked it, if it did.
 */
revokedAt: string | null, 
/**
 * When it last requested a token.
 */
lastUsedAt: string | null, 
/**
 * Where and when the server was told it was found in public. Only from
 * the key's own server, for the key this computer has (same
 * fingerprint): another server can't mark a key leaked.
 */
leak?: LeakReport, };

export type PendingRevocation = { 
/**
 * The server that must be told.
 */
serverUrl: string, 
/**
 * The key to revoke there.
 */
keyId: KeyId, 
/**
 * The key's name when it was revoked (the record may be deleted since).
 */
keyName: string, };

export type WorkspaceView = { 
/**
 * The server's address; `None` when not connected.
 */
serverUrl: string | null, 
/**
 * The server's view of this computer's keys (empty when unknown).
 */
keys: Array<ServerKeyState>, 
/**
 * Why the server couldn't be asked, if it couldn't.
 */
problem: IpcError | null, 
/**
 * Keys revoked here that a server hasn't confirmed yet: they still work there.
 */
pendingRevocations: Array<PendingRevocation>, };

export type Role = "explorer" | "maker" | "admin";

export type Resource = "dashboard" | "chart" | "database" | "ai";

export type Level = "can_view" | "can_edit" | "can_query";

export type Permission = { 
/**
 * What it applies to.
 */
resource: Resource, 
/**
 * What it allows.
 */
level: Level, };

export type Attribute = { 
/**
 * The attribute's name, for example `region`.
 */
name: string, 
/**
 * Its value, for example `EMEA`.
 */
value: string, };

export type TokenRequest = { 
/**
 * The end user's stable id in the customer's system.
 */
distinctId: string, 
/**
 * The session's role.
 */
role: Role, 
/**
 * Row-level-security attributes; rows left wholly blank are ignored.
 */
attributes: Array<Attribute>, 
/**
 * What the session may do.
 */
permissions: Array<Permission>, 
/**
 * How long the token lasts.
 */
lifetimeMinutes: number, 
/**
 * The web origin of the page the token will be used on; required when
 * the key is limited to origins, and then one of them.
 */
origin: string | null, };

export type AttributeType = "string" | "integer" | "number" | "boolean" | "date";

export type DeclaredAttribute = { 
/**
 * Its name, as token requests send it.
 */
name: string, 
/**
 * Its type.
 */
type: AttributeType, };

export type GeneratedToken = { 
/**
 * The compact JWS (a compact JWE around one when encrypted).
 */
token: string, 
/**
 * When it stops working.
 */
expiresAt: string, 
/**
 * Its payload, decoded (not a verification: the server signed it);
 * empty when the token is encrypted.
 */
claims: Record<string, unknown>, 
/**
 * Whether the server encrypted it (a JWE around the signed token, for a
 * server run with `--encrypt-tokens`): only the dashboard host can read its claims.
 */
encrypted: boolean, };

export type CopyTokenReply = { 
/**
 * Seconds until the clipboard is cleared, if it will be.
 */
clearsInSeconds: number | null, };

export type UpdateOffer = { 
/**
 * The version on offer, for example `0.2.0`.
 */
version: string, 
/**
 * The version running now.
 */
currentVersion: string, 
/**
 * What's new, as the release wrote it.
 */
notes: string | null, 
/**
 * When it was published (RFC 3339), if the feed says.
 */
published: string | null, };

export type UpdateCheck = { 
/**
 * Whether this build checks for updates at all.
 */
feedConfigured: boolean, 
/**
 * The newer version on offer, if there is one.
 */
offer: UpdateOffer | null, };

export type Defaults = { 
/**
 * When a copied key leaves the clipboard, until the person chooses.
 */
clipboardClear: ClipboardClear, 
/**
 * How long a new key lasts.
 */
expiry: ExpiryKind, 
/**
 * How long a rolled key keeps working beside its replacement.
 */
rollOverlap: RollOverlap, 
/**
 * A session token's lifetime, in minutes.
 */
tokenLifetimeMinutes: number, };

export type Schedule = { 
/**
 * Reading the key list again while the window is shown (another process,
 * the command line, may have changed it), in seconds.
 */
listRefreshSeconds: number, 
/**
 * Revoking rolled keys whose overlap has ended while the app runs, in
 * seconds (also once at start).
 */
housekeepingSeconds: number, 
/**
 * Asking the workspace server about this computer's keys (revoked,
 * found in public, last used) while the window is shown and connected,
 * in seconds (also at start and after each change).
 */
serverCheckSeconds: number, 
/**
 * Showing due notifications (expiry reminders, keys found in public)
 * while the app runs, in seconds (also once at start).
 */
noticesSeconds: number, };

export type KeyLimits = { 
/**
 * The roles its tokens may carry; none listed: any role.
 */
roles?: Array<Role>, 
/**
 * The most each resource's permission may be; a resource left out may
 * get none. Not set: any permission.
 */
permissions?: Partial<Record<Resource, Array<Level>>>, 
/**
 * Attributes every token of this key carries, written by the server:
 * a request may repeat one with the same value, never change it.
 */
fixedAttributes?: Record<string, string | number | boolean>, 
/**
 * The longest lifetime of its tokens, in seconds.
 */
maxLifetimeSeconds?: number, 
/**
 * The client networks (CIDR, IPv4 or IPv6) that may ask for tokens; none: any.
 */
networks?: Array<string>, 
/**
 * Its own token requests per minute, below the server's default.
 */
requestsPerMinute?: number, 
/**
 * The key works from this date and time on.
 */
notBefore?: string, };

export type LimitBreach = { "limit": "role", 
/**
 * The roles it may grant.
 */
allowed: Array<Role>, 
/**
 * The role asked for.
 */
asked: Role, } | { "limit": "permission", 
/**
 * The resource.
 */
resource: Resource, 
/**
 * The levels the key may grant on it (none: no permission).
 */
allowed: Array<Level>, 
/**
 * The level asked for.
 */
asked: Level, } | { "limit": "fixedAttribute", 
/**
 * The attribute.
 */
name: string, 
/**
 * The value the key fixes.
 */
fixed: string | number | boolean, 
/**
 * The value asked for.
 */
asked: unknown, } | { "limit": "lifetime", 
/**
 * The longest it allows, in seconds.
 */
maxSeconds: number, 
/**
 * The lifetime asked for, in seconds.
 */
askedSeconds: bigint, } | { "limit": "network", 
/**
 * The client's address, as the server saw it (`None`: unknown).
 */
address?: string | null, 
/**
 * The networks it may come from.
 */
allowed: Array<string>, } | { "limit": "notYet", 
/**
 * When the key starts working.
 */
notBefore: string, };

export type Preset = "showDashboards" | "aiAssistant" | "fullAccess";

export type PresetChoice = { 
/**
 * Which preset.
 */
preset: Preset, 
/**
 * Its limits (for the first: without its customer attribute).
 */
limits: KeyLimits, };

export type ResourceLevels = { 
/**
 * The resource.
 */
resource: Resource, 
/**
 * Its levels, in the order shown.
 */
levels: Array<Level>, };

export type RolePermissions = { 
/**
 * The role.
 */
role: Role, 
/**
 * Its permissions.
 */
permissions: Array<Permission>, };

export type Choices = { 
/**
 * When a copied key or token leaves the clipboard.
 */
clipboardClear: Array<ClipboardClear>, 
/**
 * How long a new key lasts.
 */
expiry: Array<ExpiryKind>, 
/**
 * How long a rolled key keeps working beside its replacement.
 */
rollOverlap: Array<RollOverlap>, 
/**
 * A session token's lifetime, in minutes.
 */
tokenLifetimeMinutes: Array<number>, 
/**
 * A session's role.
 */
roles: Array<Role>, 
/**
 * What a permission applies to.
 */
resources: Array<Resource>, 
/**
 * Permission levels.
 */
levels: Array<Level>, 
/**
 * For each resource, the levels that mean something for it (the
 * token panel offers no other box).
 */
resourceLevels: Array<ResourceLevels>, 
/**
 * What each role starts with in the token panel.
 */
rolePermissions: Array<RolePermissions>, 
/**
 * What a new key may be used for, the narrowest (suggested) first, with
 * its limits. The first one's fixed customer attribute is asked for
 * when the key is made.
 */
presets: Array<PresetChoice>, 
/**
 * What each choice starts at.
 */
defaults: Defaults, 
/**
 * How often the app does its work on its own.
 */
schedule: Schedule, };

/** The values the window offers to choose from, as the core accepts them. */
export const CHOICES: Choices = {"clipboardClear":[{"kind":"after","seconds":10},{"kind":"after","seconds":20},{"kind":"after","seconds":30},{"kind":"after","seconds":60},{"kind":"after","seconds":120},{"kind":"after","seconds":300},{"kind":"never"}],"expiry":["days30","days60","days90","onDate","never"],"rollOverlap":["hours24","hour1","days7","now"],"tokenLifetimeMinutes":[15,60,240,1440],"roles":["explorer","maker","admin"],"resources":["dashboard","chart","database","ai"],"levels":["can_view","can_edit","can_query"],"resourceLevels":[{"resource":"dashboard","levels":["can_view","can_edit"]},{"resource":"chart","levels":["can_view","can_edit"]},{"resource":"database","levels":["can_view","can_query"]},{"resource":"ai","levels":["can_query"]}],"rolePermissions":[{"role":"explorer","permissions":[{"resource":"dashboard","level":"can_view"},{"resource":"chart","level":"can_view"}]},{"role":"maker","permissions":[{"resource":"dashboard","level":"can_view"},{"resource":"dashboard","level":"can_edit"},{"resource":"chart","level":"can_view"},{"resource":"chart","level":"can_edit"},{"resource":"database","level":"can_view"},{"resource":"database","level":"can_query"}]},{"role":"admin","permissions":[{"resource":"dashboard","level":"can_view"},{"resource":"dashboard","level":"can_edit"},{"resource":"chart","level":"can_view"},{"resource":"chart","level":"can_edit"},{"resource":"database","level":"can_view"},{"resource":"database","level":"can_query"},{"resource":"ai","level":"can_query"}]}],"presets":[{"preset":"showDashboards","limits":{"roles":["explorer"],"permissions":{"dashboard":["can_view"],"chart":["can_view"]}}},{"preset":"aiAssistant","limits":{"roles":["explorer"],"permissions":{"dashboard":["can_view"],"chart":["can_view"],"ai":["can_query"]}}},{"preset":"fullAccess","limits":{}}],"defaults":{"clipboardClear":{"kind":"after","seconds":30},"expiry":"days90","rollOverlap":"hours24","tokenLifetimeMinutes":60},"schedule":{"listRefreshSeconds":3,"housekeepingSeconds":3600,"serverCheckSeconds":300,"noticesSeconds":60}};

/** Every command: its arguments (by name, and in order as `parameters`) and its reply. */
export type Commands = {
  list_keys: { args: {}; parameters: []; reply: Array<KeySummary> };
  check_keychain: { args: {}; parameters: []; reply: Array<KeySummary> };
  found_keys: { args: {}; parameters: []; reply: Array<FoundKey> };
  restore_found_key: { args: { id: KeyId }; parameters: [id: KeyId]; reply: KeySummary };
  delete_found_key: { args: { id: KeyId }; parameters: [id: KeyId]; reply: DeleteReply };
  create_key: { args: { name: string; expiry: Expiry; origins: Array<string>; limits: KeyLimits }; parameters: [name: string, expiry: Expiry, origins: Array<string>, limits: KeyLimits]; reply: CreatedKeyReply };
  set_key_origins: { args: { id: KeyId; origins: Array<string> }; parameters: [id: KeyId, origins: Array<string>]; reply: OriginsReply };
  set_key_limits: { args: { id: KeyId; limits: KeyLimits }; parameters: [id: KeyId, limits: KeyLimits]; reply: OriginsReply };
  roll_key: { args: { id: KeyId; overlap: RollOverlap }; parameters: [id: KeyId, overlap: RollOverlap]; reply: RolledKeyReply };
  retire_due_keys: { args: {}; parameters: []; reply: Array<KeySummary> };
  copy_key: { args: { id: KeyId }; parameters: [id: KeyId]; reply: CopyReply };
  rename_key: { args: { id: KeyId; name: string }; parameters: [id: KeyId, name: string]; reply: KeySummary };
  key_details: { args: { id: KeyId }; parameters: [id: KeyId]; reply: KeyDetails };
  copy_fingerprint: { args: { id: KeyId }; parameters: [id: KeyId]; reply: null };
  code_snippets: { args: {}; parameters: []; reply: Array<CodeSnippet> };
  copy_snippet: { args: { language: SnippetLanguage }; parameters: [language: SnippetLanguage]; reply: null };
  identify_key: { args: { pasted: PastedKey }; parameters: [pasted: PastedKey]; reply: Identified };
  ask_server_about_key: { args: { fingerprint: string }; parameters: [fingerprint: string]; reply: string };
  revoke_key: { args: { id: KeyId }; parameters: [id: KeyId]; reply: RevokeReply };
  delete_key: { args: { id: KeyId }; parameters: [id: KeyId]; reply: DeleteReply };
  get_settings: { args: {}; parameters: []; reply: Settings };
  change_setting: { args: { change: SettingChange }; parameters: [change: SettingChange]; reply: Settings };
  window_language: { args: {}; parameters: []; reply: WindowLanguages };
  get_workspace: { args: {}; parameters: []; reply: WorkspaceView };
  sync_workspace: { args: {}; parameters: []; reply: WorkspaceView };
  connect_workspace: { args: { serverUrl: string; accountToken: string }; parameters: [serverUrl: string, accountToken: string]; reply: WorkspaceView };
  disconnect_workspace: { args: {}; parameters: []; reply: null };
  declared_attributes: { args: {}; parameters: []; reply: Array<DeclaredAttribute> };
  generate_token: { args: { id: KeyId; request: TokenRequest }; parameters: [id: KeyId, request: TokenRequest]; reply: GeneratedToken };
  copy_token: { args: {}; parameters: []; reply: CopyTokenReply };
  show_due_notices: { args: {}; parameters: []; reply: null };
  get_autostart: { args: {}; parameters: []; reply: boolean };
  set_autostart: { args: { enabled: boolean }; parameters: [enabled: boolean]; reply: boolean };
  check_for_update: { args: {}; parameters: []; reply: UpdateCheck };
  install_update: { args: {}; parameters: []; reply: null };
};

/** Each command's argument names, in the table's order (`api` in ipc.ts calls with them). */
export const COMMAND_PARAMETERS = {
  list_keys: [],
  check_keychain: [],
  found_keys: [],
  restore_found_key: ["id"],
  delete_found_key: ["id"],
  create_key: ["name", "expiry", "origins", "limits"],
  set_key_origins: ["id", "origins"],
  set_key_limits: ["id", "limits"],
  roll_key: ["id", "overlap"],
  retire_due_keys: [],
  copy_key: ["id"],
  rename_key: ["id", "name"],
  key_details: ["id"],
  copy_fingerprint: ["id"],
  code_snippets: [],
  copy_snippet: ["language"],
  identify_key: ["pasted"],
  ask_server_about_key: ["fingerprint"],
  revoke_key: ["id"],
  delete_key: ["id"],
  get_settings: [],
  change_setting: ["change"],
  window_language: [],
  get_workspace: [],
  sync_workspace: [],
  connect_workspace: ["serverUrl", "accountToken"],
  disconnect_workspace: [],
  declared_attributes: [],
  generate_token: ["id", "request"],
  copy_token: [],
  show_due_notices: [],
  get_autostart: [],
  set_autostart: ["enabled"],
  check_for_update: [],
  install_update: [],
} as const satisfies { [C in keyof Commands]: readonly (keyof Commands[C]["args"])[] };

/** How every command error arrives: a stable code, a message for people, and the field it is about. */
export type IpcError = { code: ErrorCode; message: string; field: ErrorField | null };
