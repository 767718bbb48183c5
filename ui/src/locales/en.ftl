# Toucan Keys: the window's words in English. Each message is named by what
# it is for; values come in as { $name }. The French catalogue (fr.ftl) has
# exactly the same messages (a test checks it).

## Shared

cancel = Cancel
close = Close
dismiss = Dismiss
save = Save
notice-error-lead = Didn't work:
notice-warning-lead = Note:
copied-clears = Copied. { $clears }
error-unexpected = Something unexpected went wrong ({ $detail }). Try again.

## Times and durations

time-just-now = just now
# A time before or after now, in the key list: $count (1 or more) of the unit.
time-future-year =
    { $count ->
        [1] next year
       *[other] in { $count } years
    }
time-past-year =
    { $count ->
        [1] last year
       *[other] { $count } years ago
    }
time-future-month =
    { $count ->
        [1] next month
       *[other] in { $count } months
    }
time-past-month =
    { $count ->
        [1] last month
       *[other] { $count } months ago
    }
time-future-week =
    { $count ->
        [1] next week
       *[other] in { $count } weeks
    }
time-past-week =
    { $count ->
        [1] last week
       *[other] { $count } weeks ago
    }
time-future-day =
    { $count ->
        [1] tomorrow
       *[other] in { $count } days
    }
time-past-day =
    { $count ->
        [1] yesterday
       *[other] { $count } days ago
    }
time-future-hour =
    { $count ->
        [1] in 1 hour
       *[other] in { $count } hours
    }
time-past-hour =
    { $count ->
        [1] 1 hour ago
       *[other] { $count } hours ago
    }
time-future-minute =
    { $count ->
        [1] in 1 minute
       *[other] in { $count } minutes
    }
time-past-minute =
    { $count ->
        [1] 1 minute ago
       *[other] { $count } minutes ago
    }
# A date and time for tooltips: "Saturday 28 November 2026, 14:05:09 (UTC+01:00)".
time-exact = { $day }, { $time } ({ $zone })
clears-never = Stays until you copy something else
clears-in-seconds = Clears in { $seconds } s
clears-in-minutes = Clears in { $minutes } min
duration-seconds = { $count ->
    [one] { $count } second
   *[other] { $count } seconds
}
duration-minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
duration-hours = { $count ->
    [one] { $count } hour
   *[other] { $count } hours
}

## Key statuses

status-active = Active
status-expiresSoon = Expires soon
status-retiring = Retiring
status-expired = Expired
status-revoked = Revoked
status-missing = Missing from keychain

## The key table

never = Never
never-expires = Doesn't expire
never-copied = Not copied yet
never-used = Not used yet
not-registered-yet = Not registered yet
keys-table = API keys
keys-empty-title = No API keys yet
keys-empty-text = A key lets your product show Toucan dashboards to your own customers: your server uses it to ask Toucan for a pass for each person who opens a dashboard, saying what that person may see. Create your first key, then hand it to whoever runs your server.
details-tooltip = Details and activity
column-name = Name
column-expires = Expires
column-last-used = Last used
column-last-copied = Last copied
column-status = Status
column-actions = Actions
action-copy = Copy
action-copy-named = Copy { $name }
action-delete = Delete
action-delete-named = Delete { $name }
action-roll = Roll
action-roll-named = Roll { $name }
action-generate = Generate token
action-generate-named = Generate token { $name }
action-rename = Rename
action-rename-named = Rename { $name }
action-details = Details
action-details-named = Details { $name }
action-revoke = Revoke
action-revoke-named = Revoke { $name }
action-more = More
action-more-named = More actions for { $name }
actions-menu-named = Actions for { $name }

## A key's details

copy-fingerprint = Copy fingerprint
copied-fingerprint = Copied the fingerprint.
details-key = Key
details-fingerprint = Fingerprint
details-created = Created
details-created-unknown = Unknown (found in your keychain and restored { $restored })
details-not-registered = Not registered with the server yet
details-replaces = Replaces
details-replaced-by = Replaced by
activity-title = Activity
activity-list = Activity, newest first
activity-none = Nothing recorded yet.
details-origins = Web addresses
details-origins-any = Any
details-origins-unknown = Not known here: they were in the key list that was lost. Your workspace server still enforces any it had.
details-origins-change = Change
details-origins-title = Where may “{ $name }” be used?
details-origins-saved = Saved: the server refuses this key's tokens for other web addresses.
create-origins = Web addresses its tokens may be used from (optional)
create-origins-help = Pages on other web addresses get no token from this key, even if the key leaks. Write each as https://shop.example.com, separated by commas; leave empty to allow any.
token-origin = The page's web address
use-in-code = Use this key in code

## Create API Key, and the one-time reveal

create-title = Create API Key
create-name-placeholder = For example: Production backend
create-expiry-date = Expiry date
expiry-days30 = 30 days
expiry-days60 = 60 days
expiry-days90 = 90 days
expiry-onDate = On a date
expiry-never = Never
expiry-until = Until { $date }
create-never-warning = A key that never expires stays usable until you revoke it. Prefer an expiry when you can.
create-submit = Create key
create-pick-a-day = Pick the day the key should stop working.
create-busy = Creating…
reveal-title = Save your API key
reveal-intro = Toucan Keys won't show this key in full again. Copy it now to where it will be used, such as your server's environment variables (.env) or a password manager. This computer can still copy it later from its keychain, with Copy on its row; no other computer can.
reveal-label = API key for “{ $name }”
reveal-copied = Copied
reveal-done = Done
reveal-saved-title = Have you saved it?
reveal-saved-message = You won't be able to see this key again. If you haven't saved it yet, go back and copy it.
reveal-saved-yes = Yes, close
reveal-saved-back = Go back
security-alert-lead = Security alert:
security-alert = Never expose this key in client-side code, public repositories, or frontend scripts, as it grants administrative access to generate session tokens.

## Roll

roll-title = Roll “{ $name }”
roll-intro = Toucan Keys makes a new key with the same name and expiry and shows it once. Put it in your backend; meanwhile the old key keeps working, then it is revoked, on this computer and on the workspace server.
roll-overlap-legend = Keep the old key working for
roll-overlap-hours24 = 24 hours (recommended)
roll-overlap-hour1 = 1 hour
roll-overlap-days7 = 7 days
roll-overlap-now = Stop it now (the key leaked)
roll-now-warning = Apps still using the old key stop working as soon as you roll.
roll-submit = Roll key
roll-busy = Rolling…
roll-finish = Finish rolling

## Use this key in code

snippets-intro = Each example asks your workspace server for a session token. The key is read from the environment variable TOUCAN_API_KEY; it is never written in the code.
snippets-languages = Language
snippet-copy-named = Copy the { $language } example
snippet-copied = Copied the { $language } example.
hand-off-title = How to give this key to your developer safely
hand-off-1 = Copy the key and paste it straight into your backend's secret store or its environment, as TOUCAN_API_KEY.
hand-off-2 = Never put it in frontend code, a mobile app, a repository or a chat message: anyone who reads it can generate session tokens.
hand-off-3 = If it may have leaked, roll it with “Stop it now”.

## Which key is this?

identify-title = Which key is this?
identify-intro = Paste a key to find out which one it is. It is checked on this computer and sent nowhere.
identify-check = Check
identify-ask-server = Ask the workspace server
identify-empty = Paste a key first.
identify-busy = Checking…
identify-asking = Asking…

## The API Keys section

keys-title = API Keys
keys-intro = Your backend sends an API key to request signed session tokens for embedded dashboards. A key is shown in full only when it is made; after that, this computer can still copy it from its keychain.
try-again = Try again
expiry-soon = { $count ->
    [one] 1 key expires soon
   *[other] { $count } keys expire soon
}
expiry-expired = { $count ->
    [one] 1 key has expired
   *[other] { $count } keys have expired
}
expiry-both = { $soon } and { $expired }
expiry-advice = { $count ->
    [one] Roll it to keep your backends working.
   *[other] Roll them to keep your backends working.
}
expiry-banner = { $what }. { $advice }
expiry-show-them = Show them
expiry-show-all = Show all keys
search-label = Find a key
search-placeholder = Name or last characters
order-label = Sort
order-newest = Newest first
order-oldest = Oldest first
order-name = Name (A to Z)
order-expires = Expires soonest
search-nothing = No key matches “{ $query }”
search-help = Search by a key's name, or by the last characters of the key as the table shows them.
search-clear = Clear search
list-showing = Showing { $shown } of { $total } keys.
list-show-more = Show { $count } more

## Settings sections

saved = Saved.
clipboard-title = Clipboard
clipboard-intro = A copied key is removed from the clipboard after this delay, unless you have copied something else since.
clipboard-clear-label = Clear copied keys
clear-after = After { $duration }
page-title = Account settings
profile-title = Profile
# The profile button: its visible initials first (voice control finds it by them).
profile-button = { $initials }: profile of { $name }
profile-button-no-name = Profile (no name yet)
profile-no-name-yet = No name yet
edit-display-name = Edit display name
check-for-updates = Check for updates
reminders-title = Expiry reminders
reminders-intro = Toucan Keys tells you with a desktop notification 14 days and 3 days before a key expires, and when it has expired, once each.
autostart-label = Start Toucan Keys when I log in, to remind me of expiring keys
autostart-on = Toucan Keys will start when you log in.
autostart-off = Toucan Keys won't start when you log in.

## Row actions

rename-title = Rename key
revoke-title = Revoke “{ $name }”?
revoke-message = Apps using this key will stop working right away, and its secret is deleted from your keychain. This can't be undone.
revoke-message-connected = Apps using this key will stop working right away, and its secret is deleted from your keychain. Session tokens it already issued fail the server's checks at once; a backend that only checks their signature accepts them until they expire (at most 24 hours). This can't be undone.
revoke-confirm = Revoke key
revoked-toast = “{ $name }” was revoked.
delete-title = Delete “{ $name }”?
deleted = “{ $name }” was deleted, with its history.
delete-message = This revoked key and its activity history will be removed from this computer's list. This can't be undone.

## Keys found in the keychain that the list doesn't know

found-title = { $count ->
    [one] Found in your keychain: 1 key this computer's list doesn't know
   *[other] Found in your keychain: { $count } keys this computer's list doesn't know
}
found-intro = They were made with Toucan Keys, but the key list was moved, replaced or lost. Restore a key to use it again; its creation and expiry dates are unknown. Nothing here is removed unless you delete it.
found-no-name = Key without a name
found-not-a-key = not a valid key
found-restore = Restore
found-restore-named = Restore { $name }
found-restored = “{ $name }” is back in your list.
found-delete-title = Delete “{ $name }” from your keychain?
found-delete-message = Its secret leaves this computer's keychain for good, and it is revoked on the server it was registered with. Anything that still uses this key stops working. This can't be undone.
found-deleted = “{ $name }” was deleted from your keychain.

## Workspace

workspace-title = Workspace
workspace-intro = Connect to the workspace server your backend uses, so your keys work there and you can generate test session tokens. Your keys keep working on this computer without it.
workspace-intro-connected = Keys you create are registered with this server, and keys you revoke are revoked there too. Use “Generate token” on a key to try it.
checking = Checking…
connect = Connect
connect-form = Connect to a workspace server
server-address = Server address
account-token = Account token
account-token-help = The server prints its account token once, the first time it starts. It is kept in your keychain, never on disk.
connect-busy = Connecting…
connected-toast = Connected. New keys are registered with the server.
quoted-name = “{ $name }”
pending-line-current = { $count ->
    [one] Revoked here but not yet on { $server }: { $names }. It still works there until the server can be reached.
   *[other] Revoked here but not yet on { $server }: { $names }. They still work there until the server can be reached.
}
pending-line-other = { $count ->
    [one] Revoked here but not yet on { $server }: { $names }. It still works there until you connect to that server again.
   *[other] Revoked here but not yet on { $server }: { $names }. They still work there until you connect to that server again.
}
disconnect = Disconnect
disconnect-title = Disconnect from the workspace?
disconnect-message = The account token is removed from your keychain. Your keys stay on this computer and keep working on the server; to generate tokens here again, connect again.
disconnect-waiting = { $count ->
    [one] { $names } is revoked on this computer but the server hasn't confirmed it yet, so it still works on { $server }. Toucan Keys will finish when you connect to that server again. Disconnect anyway?
   *[other] { $names } are revoked on this computer but the server hasn't confirmed it yet, so they still work on { $server }. Toucan Keys will finish when you connect to that server again. Disconnect anyway?
}
workspace-unreachable = Not reachable:
workspace-connected = Connected to
workspace-checking = Checking

## Updates

update-title = Toucan Keys { $version } is available
update-text = You have version { $current }. The update is checked against Toucan AI's signature before it is installed; your keys stay in your keychain.
update-notes-lead = What's new:
update-install = Install and restart
update-installing = Installing…
later = Later

## Generate a session token

token-title = Generate token: { $name }
token-user = Who is this for? (their ID in your product)
token-user-placeholder = For example: user-42
token-user-help = The user's stable ID in your own system. The token is issued for this user.
token-role = Role
role-explorer = Explorer: views and explores dashboards
role-maker = Maker: also builds charts and dashboards
role-admin = Admin: everything
token-attributes = What they may see (optional: rows filtered by these attributes)
attribute-name-label = Attribute { $index } name
attribute-value-label = Attribute { $index } value
attribute-remove = Remove
attribute-remove-label = Remove attribute { $index }
attribute-add = Add attribute
attribute-declared = This workspace declares: { $list }.
attribute-declared-one = { $name } ({ $type })
attribute-type-string = text
attribute-type-integer = whole number
attribute-type-number = number
attribute-type-boolean = true or false
attribute-type-date = date
token-permissions = Permissions
token-permissions-help = Ticked for the role you picked. Change them if this user needs more or less.
token-resource = Resource
resource-dashboard = Dashboards
resource-chart = Charts
resource-database = Databases
resource-ai = AI assistant
level-can_view = View
level-can_edit = Edit
level-can_query = Query
permission-label = { $resource }: { $level }
token-lifetime = Token lasts
token-busy = Generating…
token-copy = Copy token
token-session = Session token
token-signed-expires = Signed token, expires { $at }
token-encrypted-expires = Encrypted token, expires { $at }
token-hand-over = Your server gives this token to the page that shows the dashboard, in the web component below. It stops working when it expires or when the key is revoked.
token-claims = Claims
token-decoded-claims = Decoded claims
token-encrypted-help = This token is encrypted: only the dashboard host, which holds the server's token encryption key, can read what it grants.

## The screen

app-name = Toucan Keys
welcome-title = Welcome to Toucan Keys
welcome-intro = Toucan Keys makes the API keys your backend uses to show Toucan dashboards in your product, and keeps them in this computer's keychain. Next, you'll create your first key. What should we call you? Your name stays on this computer; its initials appear on the profile button.
display-name = Display name
continue = Continue
update-latest = You have the latest version of Toucan Keys.
retired-toast = { $count ->
    [one] The overlap ended, so { $names } was revoked.
   *[other] The overlap ended, so { $names } were revoked.
}
language-title = Language
language-label = The window's language
language-system = The system's language

## What a key may be used for (create, Change limits)
limits-question = What will this key be used for?
preset-suggested = Suggested
preset-showDashboards = Show dashboards to your customers
preset-showDashboards-help = View only, for one customer: every token carries that customer, so a leaked key can only ever read their rows.
preset-aiAssistant = Let the AI assistant answer questions
preset-aiAssistant-help = View dashboards and ask the AI assistant; nothing can be edited.
preset-fullAccess = Full access
preset-fullAccess-help = Any role and permission, for any customer. If this key leaks, every customer's rows are open.
preset-custom = Custom…
preset-custom-help = Choose roles, permissions, fixed values, networks and how long tokens last.
limits-customer-attribute = Customer attribute
limits-customer-value = Customer
limits-customer-help = For example tenant and acme: tokens from this key only ever show acme's rows.
limits-customer-needed = Say which customer this key is for.
limits-roles = Roles its tokens may have
limits-permissions = The most its tokens may do
limits-fixed = Values every token carries (optional)
limits-fixed-help = Write each as name=value, separated by commas, for example tenant=acme.
limits-networks = Networks that may ask for tokens (optional)
limits-lifetime = Longest token
limits-lifetime-any = As long as the server allows
limits-pick-a-role = Choose at least one role.
role-explorer-short = Explorer
role-maker-short = Maker
role-admin-short = Admin
details-limits = Limits
details-limits-change = Change limits
details-limits-title = Limits of “{ $name }”
details-limits-saved = Limits saved. The server applies them from the next request.
full-access-hint = Full access: worth narrowing
full-access-tooltip = This key can grant any role and permission for any customer. Open its details and choose Change limits to narrow it.
token-limited = This key is limited: { $summary }. Only what it allows is offered.
token-limited-roles = Roles it may not grant are left out.
token-limited-permissions = Greyed-out permissions are beyond its limits.
token-fixed = Every token from it carries { $list }, written by the server.
token-beyond-limits = Beyond this key's limits
limits-rate = Its own token requests per minute (optional)
limits-rate-help = Write a whole number of requests per minute, 1 or more, or leave it empty.
limits-from = Works from (optional)

# A key found in public (a secret scanner told its server)
status-leaked = Leaked
leaked-found = found
leak-found = Found in public at { $url } on { $date }.
leak-unknown-place = a place the report didn’t name
leak-revoked = The server revoked it.
leak-not-revoked = It still works, for anyone who saw it: roll it now.
leak-what-to-do = Roll it to get a replacement at once, put the new key where the old one was used, and remove the old one from where it was published.
roll-leaked-intro = This key was found in public, so its replacement is made at once and the old key stops working now (no overlap). Put the new key where the old one was used.

# The token panel in plain words
example = e.g. { $value }
token-grants = What it grants
token-summary-for = For { $user }
token-summary-nothing = no permission
token-summary-until = valid until { $at }
role-name-explorer = Explorer
role-name-maker = Maker
role-name-admin = Admin
token-where-title = Where this goes
# Where a session token goes: a placeholder, never the token itself.
token-web-component = <tc-dashboard dashboard-id="YOUR_DASHBOARD_ID" auth-token="SESSION_TOKEN"></tc-dashboard>
