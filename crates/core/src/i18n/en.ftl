# Messages made in Rust, in English: the language every other catalogue falls
# back to. A new language copies this file, translates it, and adds one line
# to SHIPPED in languages.rs (and the window's catalogue, ui/src/locales/).

## The language itself: its own name, and the locale its dates are written in

language-name = English
language-locale = en-GB

## The keychain app people know on each system, named in keychain errors

keychain-app-macos = Keychain Access
keychain-app-windows = Credential Manager
keychain-app-linux = Passwords and Keys

## Dates: "28 November 2026"

month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
long-date = { $day } { $month } { $year }

## A change made here that the server doesn't know yet

not-registered-yet = Not registered with the workspace server yet; it will be the next time the server can be reached.
origins-not-on-server = Saved on this computer. The server hasn't been told yet, so it still accepts the key from the web addresses it knew until Toucan Keys can reach it.
limits-not-on-server = Saved on this computer. The server hasn't been told yet, so it still applies the limits it knew until Toucan Keys can reach it.
revoked-not-on-server = Revoked on this computer. The server hasn't been told yet, so the key still works there until Toucan Keys can reach it.
deleted-not-confirmed = Deleted on this computer. The server hasn't confirmed the revocation yet; Toucan Keys will tell it the next time it can reach it.
roll-not-on-server = The server doesn't know the new key yet, nor when the old one should stop working. Use “Finish rolling” once the server can be reached.
roll-old-not-revoked = The old key couldn't be revoked on this computer yet; Toucan Keys will try again at its next start and every hour.
roll-old-not-revoked-on-server = The old key is revoked here, but the server hasn't been told yet, so it still works there until Toucan Keys can reach it.

## Which key is this?

identify-unknown = This is a well-formed Toucan key, but not one of the keys on this computer.
identify-found = This is “{ $name }” ({ $hint }), created on { $created }; { $state }.
state-revoked-on = revoked on { $date }
state-expired-on = expired on { $date }
state-active-expires = active, expires on { $date }
state-active-never = active, never expires
state-retiring-until = replaced by a newer key, works until { $date }
state-leaked-on = found in public on { $date }; roll it
state-missing = its secret is missing from this computer's keychain
state-active = active
server-unknown-key = The workspace server ({ $host }) doesn't know this key.
server-view = On the workspace server ({ $host }): “{ $name }”, { $state }, { $used }.
never-used = never used
last-used-on = last used on { $date }

## Expiry reminders (desktop notifications)

reminder-expired-title = “{ $name }” has expired
reminder-expired-body = It stopped working on { $date }. Roll it in Toucan Keys to get a replacement.
reminder-expires-in = { $days ->
    [one] “{ $name }” expires within a day
   *[other] “{ $name }” expires in { $days } days
}
reminder-body = Roll it before { $date } so your backend keeps working.
reminder-leaked-title = “{ $name }” was found in public
reminder-leaked-revoked-body = Someone published it on { $date }, and the server revoked it. Roll it in Toucan Keys to get a replacement.
reminder-leaked-body = Someone published it on { $date }. It still works, for anyone: roll it in Toucan Keys now.
leak-unknown-place = a place the report didn’t name
leak-notice-revoked = “{ $name }” was found in public at { $url } on { $date }. The server revoked it. Roll it in Toucan Keys to get a replacement, and put the new key where the old one was used.
leak-notice = “{ $name }” was found in public at { $url } on { $date }. It still works, for anyone who saw it: roll it in Toucan Keys now.

## The connection question (a native dialog)

connect-title = Connect to a workspace server?
connect-why = When you generate session tokens, Toucan Keys sends your API keys to this server.
connect-new = Connect to { $server }?

    { $why } Connect only to your own workspace server.
connect-switch = Connect to { $server } instead of { $previous }?

    { $why } Keys registered with { $previous } are still sent only there.
connect-still-working = { $count ->
    [one] Revoked here but not yet on { $server }: { $names }. It keeps working there until you connect to that server again.
   *[other] Revoked here but not yet on { $server }: { $names }. They keep working there until you connect to that server again.
}
quoted-name = “{ $name }”
list-and = { " and " }
connect-button = Connect
cancel-button = Cancel

## Errors (error-…): what went wrong and what to do, for every error the core has

error-name-empty = Give the key a name.
error-name-too-long = This name has { $chars } characters. Use { $max } or fewer.
error-name-invalid = Names can't contain line breaks, tabs or other invisible control characters.
error-name-taken = You already have an active key named "{ $name }". Choose another name.
error-expiry-in-past = Pick an expiry date after today.
error-key-not-found = This key no longer exists. It may have been deleted in another window.
error-key-not-named = None of your keys is named “{ $wanted }” or has that id. The list shows your keys.
error-key-revoked = This key has been revoked and can no longer be used.
error-key-leaked = This key was found in public, so it isn’t handed out any more. Roll it to get a replacement.
error-key-expired = This key expired on { $on } and can no longer be used. Create a new key to replace it.
error-key-already-rolled = This key is already being replaced by “{ $replacement }”. Roll that key instead.
error-key-not-revoked = Revoke this key before deleting it.
error-key-already-listed = This key is already in your list. Look for it there.
error-origin-invalid = “{ $origin }” isn't a web address a page can have. Write it as https://shop.example.com (http:// only for localhost), with no path.
error-too-many-origins = A key can be limited to { $max } web addresses at most.
error-origin-not-allowed = This key may be used only from { $allowed }. Choose where the token will be used.
error-key-wrong-prefix = This is not a Toucan API key: it should start with "tck_".
error-key-wrong-length = This key has { $found } characters, but a Toucan API key has { $expected }. Part of it may be missing; copy it again.
error-key-bad-character = This key has a character that cannot be in a key, at position { $position }. Copy it again.
error-key-checksum-mismatch = This key has a typo: its check characters do not match. Copy it again.
error-key-typo-at = This key has a typo near character { $position } (counting the t of tck_ as 1). Look there in the place you copied it from, or copy it again.
error-keychain-locked = Your keychain is locked. Unlock it (for example by signing in again, or in { $app }) and try again.
error-keychain-unavailable = Your computer's keychain isn't available, so the key can't be kept safe. Make sure a keychain service is running (on Linux: GNOME Keyring or KWallet), then try again.
error-secret-missing = This key's secret is no longer in your keychain ({ $app }). It may have been removed outside Toucan Keys; revoke this key and create a new one.
error-secret-unreadable = The keychain entry for this key has been changed (in { $app } or by another program) and is no longer a valid key. Revoke this key and create a new one.
error-keychain-failed = Your keychain refused the request ({ $detail }). Try again; if it keeps happening, open { $app } to check the keychain, or restart your computer.
error-registry-corrupt = The key list at { $path } is damaged and can't be read. It has been left untouched so nothing is lost; move it elsewhere to start a new list, or restore it from a backup.
error-registry-too-new = The key list at { $path } was saved by a newer version of Toucan Keys (format { $found }). Update the app to open it; it has been left untouched.
error-disk-full = Your disk is full, so the key list couldn't be saved. Free some space and try again; nothing was changed.
error-settings-corrupt = Your settings at { $path } are damaged and can't be read. They have been left untouched; delete the file to go back to the defaults.
error-workspace-corrupt = The workspace connection file at { $path } is damaged and can't be read. It has been left untouched because it may list revoked keys the server hasn't been told about yet. Restore it from a backup if you have one; your keys keep working on this computer meanwhile.
error-autostart = Toucan Keys couldn't change whether it starts when you log in ({ $detail }). Try again, or change it in your system's startup settings.
error-activity-corrupt = The history file { $path } (key activity or expiry reminders) is damaged and can't be read. Your keys are not affected; move the file away to start a new history.
error-file-too-new = The file { $path } was saved by a newer version of Toucan Keys (format { $found }). Update the app to use it; it has been left untouched.
error-display-name-invalid = Enter a name of 1 to 64 characters.
error-clear-delay-out-of-range = Choose a clipboard delay between 10 seconds and 5 minutes, or never.
error-clipboard = The key couldn't be copied to the clipboard ({ $detail }). Try again.
error-distinct-id-invalid = Enter the user's ID from your own system (for example user-42), up to 256 characters.
error-attribute-invalid = Attribute row { $row } { $problem }.
error-no-token-to-copy = Generate a token first, then copy it.
error-lifetime-out-of-range = Choose a token lifetime between 1 minute and 24 hours.
error-storage = The key list at { $path } couldn't be saved or read ({ $detail }). Nothing was changed; check the folder's permissions and try again.
error-server-url-no-scheme = This address has no https:// in front. Did you mean { $suggestion }?
error-server-url-invalid = This isn't a server address. Enter one like https://embed.example.com.
error-server-url-insecure = Use an address that starts with https://. Plain http:// is only allowed for a server on this computer (localhost).
error-account-token-invalid = That doesn't look like an account token. It starts with tka_ and is printed once when the server first starts; copy it again, whole.
error-workspace-not-connected = Toucan Keys isn't connected to a workspace server. Connect one in the Workspace section first.
error-account-token-missing = The account token for { $host } is no longer in your keychain. Connect to the workspace again.
error-connection-not-confirmed = The connection to { $host } wasn't confirmed, so nothing changed. Your keys are only sent to a server you confirm.
error-key-bound-elsewhere = This key was registered with { $server }, so Toucan Keys sends it only there. Connect to { $server } to use it, or create a new key for this server.
error-server-unreachable-local = Nothing answers at { $host } on this computer. Is the server running? Start it, check the port, then try again. Your keys on this computer keep working.
error-server-unreachable = Can't reach the server at { $host }. Check your internet connection and the server address, then try again. Your keys on this computer keep working.
error-server-timeout = The server at { $host } took too long to answer. Try again in a moment.
error-server-tls-local = The secure connection to { $host } failed: { $reason }. A server on this computer usually speaks plain HTTP: try the address with http:// in front instead of https://. Nothing was sent.
error-server-tls = The secure connection to { $host } failed: { $reason }. Check the address; if it is right, ask whoever runs the server to fix its certificate. Nothing was sent.
error-account-token-rejected = The server at { $host } didn't accept the account token. Copy the token again from the server and connect again.
error-server-refused = The server refused the request: { $message }
error-key-limit-role = This key may grant only the role { $allowed }; the request asked for { $asked }.
error-key-limit-permission = This key may grant at most { $resource }:{ $allowed }; the request asked for { $resource }:{ $asked }.
error-key-limit-permission-none = This key may grant no permission on { $resource }; the request asked for { $resource }:{ $asked }.
error-key-limit-fixed-attribute = This key always sets { $name } to “{ $fixed }”; the request asked for “{ $asked }”. Leave { $name } out, or use the key made for that customer.
error-key-limit-lifetime = This key's tokens may last at most { $max ->
        [one] 1 minute
       *[other] { $max } minutes
    }; the request asked for { $asked ->
        [one] 1 minute
       *[other] { $asked } minutes
    }.
error-key-limit-network = This key may be used only from { $allowed }; the request came from { $address }.
error-key-limit-unknown-address = an address the server couldn't tell
error-key-limit-not-yet = This key works from { $date }; it can't be used before then.
error-limit-roles = Choose at least one role this key may grant.
error-limit-fixed-attribute = The fixed value of “{ $given }” must be text, a number or true/false (up to 256 bytes), and its name letters, digits, _, - or .
error-limit-lifetime = The longest token lifetime must be from 1 minute to 24 hours.
error-limit-network = “{ $given }” isn't a network. Write an IP address, or a range such as 203.0.113.0/24 or 2001:db8::/32.
error-limit-rate = The requests per minute must be at least 1.
error-limit-other = This limit can't be set as written: { $given }.

## A key's limits in a few words (list, details, command line)
limits-full-access = Full access
limits-no-permission = No permission
limits-view-only = View only
limits-view-and-ai = View and AI questions
limits-some-permissions = Some permissions
limits-roles = { $roles } only
limits-lifetime = tokens up to { $minutes } min
limits-networks = { $count ->
        [one] 1 network
       *[other] { $count } networks
    }
limits-rate = { $count }/min
limits-from = from { $date }
error-server-key-revoked = The server refuses this API key: it was revoked. Create a new key to keep generating tokens.
error-server-key-revoked-on = The server refuses this API key: it was revoked on { $date }. Create a new key to keep generating tokens.
error-server-key-expired = The server refuses this API key: it has expired. Roll it to get a key that works.
error-server-key-expired-on = The server refuses this API key: it expired on { $date }. Roll it to get a key that works.
error-server-key-unknown = The server doesn't know this key yet. Connect the workspace again so Toucan Keys can register it, then try again.
error-server-rate-limited = Too many requests with this API key. Wait a minute and try again.
error-server-request-timeout = The request took too long to arrive at the server. Send it again.
error-server-internal = The server couldn't complete the request. Try again; if it keeps failing, whoever runs the server will find the cause in its log.
error-server-redirected = The server at { $host } answered with a redirect to { $location }. Toucan Keys doesn't follow redirects, so nothing was sent there. If the server has moved, connect to its new address.
error-server-bad-response = The server at { $host } sent an answer Toucan Keys doesn't understand (HTTP { $status }). Check that the address points to a Toucan embed server.
error-update-not-configured = This copy of Toucan Keys doesn't check for updates. Download new versions from toucanai.cloud.
error-update-unreachable = Toucan Keys couldn't reach its update server ({ $detail }). Check your internet connection and try again later; your current version keeps working.
error-update-bad-feed = The update server's answer couldn't be used ({ $detail }). Try again later; your current version keeps working.
error-update-signature-invalid = This update isn't signed by Toucan AI, so it was not installed. Your current version keeps working. If this happens again, download Toucan Keys from toucanai.cloud.
error-update-nothing-to-install = There's no update to install. Check for updates first.
error-update-authentication-cancelled = The update wasn't installed because your computer's password prompt was cancelled. Try again when you're ready.
error-update-install-failed = The update was downloaded and verified, but couldn't be installed ({ $detail }). Your current version keeps working; try again, or install the new version from toucanai.cloud.

# A key's history (the window's details and `toucan-keys-cli details`)
activity-created = Created
activity-copied = Copied to the clipboard
activity-token-generated = Session token generated for { $user }
activity-renamed = Renamed from “{ $from }” to “{ $to }”
activity-rolled-into = Rolled: a new key replaces it
activity-rolled-from = Made by rolling an older key
activity-revoked = Revoked
activity-restored = Restored from your keychain
activity-origins-changed = Limited to { $origins }
activity-origins-any = Allowed on any web address
activity-limits-changed = Limits changed
activity-registered = Registered with { $server }
activity-found-in-public = Found in public at { $url }
activity-found-in-public-revoked = Found in public at { $url }; the server revoked it

## A key's status, in the window's words (the command line's STATUS column)

status-active = Active
status-expiresSoon = Expires soon
status-retiring = Retiring
status-expired = Expired
status-revoked = Revoked
status-missing = Missing from keychain
status-leaked = Leaked

# Shared with the window, word for word (a test compares them with ui/src/locales)
revoke-title = Revoke “{ $name }”?
revoke-message = Apps using this key will stop working right away, and its secret is deleted from your keychain. This can't be undone.
revoked-toast = “{ $name }” was revoked.
delete-title = Delete “{ $name }”?
delete-message = This revoked key and its activity history will be removed from this computer's list. This can't be undone.
deleted = “{ $name }” was deleted, with its history.
found-delete-title = Delete “{ $name }” from your keychain?
found-delete-message = Its secret leaves this computer's keychain for good, and it is revoked on the server it was registered with. Anything that still uses this key stops working. This can't be undone.
found-deleted = “{ $name }” was deleted from your keychain.

# The command line (toucan-keys-cli)
cli-limits = Limits: { $summary }
cli-limits-of = “{ $name }”: { $summary }
cli-scan-none = No Toucan key found.
cli-hook-added = Added to { $hook }: every commit is searched for Toucan keys first.
cli-hook-present = { $hook } already searches every commit for Toucan keys.
cli-roll-old-until = “{ $name }” keeps working until { $date }, then is revoked.
cli-renamed = Renamed to “{ $name }”.
cli-yes-no = [y/N]
cli-yes-no-default-yes = [Y/n]
cli-answer-yes = y, yes
cli-nothing-revoked = Nothing was revoked.
cli-nothing-deleted = Nothing was deleted.
cli-origins-any = “{ $name }” may be used from anywhere.
cli-origins-only = “{ $name }” may be used only from { $origins }.
cli-restored = “{ $name }” is back in your list ({ $hint }). Its creation and expiry dates are unknown.
cli-stdin-unreadable = Standard input couldn't be read ({ $error }).
cli-found-none = Your keychain holds no key that this computer's list doesn't know.
cli-found-count = Found in your keychain: { $count ->
    [one] 1 key
   *[other] { $count } keys
} this computer's list doesn't know.
cli-found-not-a-key = (not a valid key)
cli-found-no-name = (no name)
cli-found-howto = Restore one with: toucan-keys-cli restore <id>. Delete one with: toucan-keys-cli delete <id>
cli-copied-clears = Copied “{ $name }”. The clipboard is cleared in { $seconds } s unless you copy something else; Ctrl+C clears it now.
cli-copied-stays = Copied “{ $name }”. It stays until you copy something else; Ctrl+C clears it and ends this command.
cli-shown-once = Toucan Keys won't show this key in full again. This computer can still copy it later from its keychain: toucan-keys-cli copy { $id }
cli-created = Created “{ $name }” ({ $hint }).
cli-copy-now = Copy it to the clipboard now? It won't be shown again.
cli-not-copied = Not copied. This computer can copy it later from its keychain: toucan-keys-cli copy { $id }
cli-no-keys = No keys yet. Create one with: toucan-keys-cli create --name "Production backend"
cli-column-name = NAME
cli-column-key = KEY
cli-column-status = STATUS
cli-column-created = CREATED
cli-column-expires = EXPIRES
cli-column-limits = LIMITS
cli-unknown = unknown
cli-never = never
cli-detail-name = Name
cli-detail-key = Key
cli-detail-status = Status
cli-detail-fingerprint = Fingerprint
cli-detail-created = Created
cli-detail-restored-on = unknown (restored on { $date })
cli-detail-expires = Expires
cli-detail-limits = Limits
cli-detail-origins = Web addresses
cli-detail-any-origin = any
cli-detail-revoked = Revoked
cli-detail-replaces = Replaces
cli-detail-replaced-by = Replaced by
cli-detail-found-in-public = Found in public
cli-detail-found-at = { $url } on { $date }
cli-activity-title = Activity, newest first:
cli-activity-none = Nothing recorded yet.
cli-no-data-folder = This user has no data folder (set HOME or XDG_DATA_HOME).
cli-no-config-folder = This user has no configuration folder (set HOME or XDG_CONFIG_HOME).

# The command line's --help (crates/cli/src/help.rs)
cli-help-usage = Usage:
cli-help-commands = Commands
cli-help-options = Options
cli-help-arguments = Arguments
cli-help-flag = Print help
cli-version-flag = Print version
cli-help-examples =
    Examples:
      toucan-keys-cli list
      toucan-keys-cli create --name "Production backend" --expires 90d
      toucan-keys-cli create --name "Acme dashboards" --preset show-dashboards --customer tenant=acme
      toucan-keys-cli limits "Acme dashboards" --preset show-dashboards --customer tenant=acme --network 203.0.113.0/24
      toucan-keys-cli run --key "Production backend" -- npm start
      toucan-keys-cli run --key key_3XkP9mQ2 --env TOUCAN_API_KEY -- ./server --port 8080
      toucan-keys-cli token --key "Production backend" --user user-42 --role explorer \
          --attr region=EMEA --permission dashboard:can_view --lifetime 1h
      echo "$PASTED_KEY" | toucan-keys-cli identify
      toucan-keys-cli list --found
      toucan-keys-cli restore key_3XkP9mQ2

    A key is named by its name or its id (key_…). Keys live in your computer's keychain, shared with
    the Toucan Keys app; the two can run at the same time.

    Exit codes: 0 ok, 1 failure, 2 usage, 3 keychain locked, 4 key not found, 5 key revoked, expired or leaked;
    `run` exits with the command's own code (128 + N when signal N ended it).
cli-about = Your Toucan API keys, from the terminal: the same keys as the Toucan Keys app
cli-about-completions = Prints shell completions
cli-about-copy = Copies a key to the clipboard, cleared after your clipboard delay (if it still holds the key); waits until then
cli-about-create = Creates a key. Its secret is shown once: printed when the output is not a terminal (or with --show); on a terminal, offered for the clipboard
cli-about-delete = Deletes a revoked key from the list, or a key found in your keychain (`list --found`): its secret leaves the keychain and it is revoked
cli-about-details = Everything known about a key, and its history
cli-about-hook = Git hooks: `hook install` adds `scan --staged` to this repository's pre-commit hook (a hook already there is kept)
cli-about-hook-install = Adds the staged scan to .git/hooks/pre-commit
cli-about-identify = Reads a key on standard input and says which of your keys it is
cli-about-limits = Changes what a key's tokens may carry and who may ask for them, here and on your workspace server (the flags of `create`; none: full access)
cli-about-list = Lists your keys, newest first (never their secrets)
cli-about-origins = Limits a key's session tokens to these web origins (none: anywhere), here and on your workspace server
cli-about-rename = Gives a key a new name
cli-about-restore = Brings a key found in your keychain back into the list, usable again
cli-about-revoke = Revokes a key: it stops working, here and on your workspace server
cli-about-roll = Makes a key's replacement (same name, expiry and server) and prints it once, as `create` does; the old key works for the overlap, then is revoked
cli-about-run = Runs a command with a key in its environment, straight from the keychain: never on disk, never on a command line
cli-about-scan = Finds Toucan keys in files and folders (following .gitignore), or in what `git commit` would commit (--staged), and says which of your keys each one is, never the key itself. Exits 1 when one is found
cli-about-token = Asks your workspace server for a session token, with the key from the keychain
cli-arg-completions-shell = bash, zsh, fish, elvish or powershell
cli-arg-create-expires = 30d, 60d, 90d, a date (YYYY-MM-DD) or never
cli-arg-create-name = The key's name (1 to 64 characters, unique among active keys)
cli-arg-create-origins = A web origin its session tokens may be used from (repeatable), for example https://shop.example.com; none: anywhere
cli-arg-create-show = Print the key even on a terminal
cli-arg-customer = The customer a show-dashboards key is for, as attribute=value, for example tenant=acme: every token carries it
cli-arg-fixed-attributes = An attribute every token carries, name=value (repeatable)
cli-arg-json = As JSON, for scripts
cli-arg-key = The key's name or id
cli-arg-list-found = Instead, the keys found in your keychain that this computer's list doesn't know (its list was moved or lost): restore or delete them
cli-arg-max-lifetime = The longest a token may last: 15m, 1h, 24h
cli-arg-networks = A client network that may ask for tokens, CIDR or one address (repeatable)
cli-arg-not-before = The first day it works (YYYY-MM-DD, midnight UTC)
cli-arg-origins-origins = The web origins, for example https://shop.example.com
cli-arg-permissions = The most a token may get on a resource, resource:level (repeatable); none: any permission
cli-arg-preset = show-dashboards (explorer, view only, one customer: give --customer), ai-assistant (explorer, view and ai:can_query), or full-access (the default)
cli-arg-rate = Its own token requests per minute
cli-arg-rename-new-name = The new name
cli-arg-restore-key = The found key's id (key_…), as `list --found` shows it
cli-arg-roles = A role its tokens may carry (repeatable); none: any
cli-arg-roll-overlap = How long the old key keeps working: 24h, 1h, 7d, or now (a leaked key)
cli-arg-roll-show = Print the new key even on a terminal
cli-arg-run-command = The command and its arguments, after `--`
cli-arg-run-env = The environment variable that holds the key (not one that changes how programs load or run, such as PATH or LD_PRELOAD)
cli-arg-run-no-masking = Show the key if the command prints it. By default it is replaced with <concealed by toucan-keys> in the command's output, and a command run in a terminal gets a terminal of its own (it keeps its colours and prompts)
cli-arg-scan-json = As JSON, for tools
cli-arg-scan-paths = Files and folders to search; none: this folder
cli-arg-scan-staged = Search what is staged for the next commit instead
cli-arg-token-attributes = A row-level-security attribute, name=value (repeatable)
cli-arg-token-json = The token and its decoded claims as JSON
cli-arg-token-lifetime = How long the token lasts: 15m, 1h, 24h (1 minute to 24 hours)
cli-arg-token-origin = The web origin of the page the token is for (needed when the key is limited to origins), for example https://shop.example.com
cli-arg-token-permissions = resource:level, for example dashboard:can_view (repeatable). Without it, the role's own, as the window ticks them: an explorer views dashboards and charts, a maker also edits them and queries databases, an admin has every level
cli-arg-token-role = explorer, maker or admin
cli-arg-token-user = The end user's id in your own system
cli-arg-yes = Don't ask first
