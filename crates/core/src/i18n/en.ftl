# Messages made in Rust, in English. Errors' English is beside each error's
# definition (#[error(...)]); their French is in fr.ftl (error-…).

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
revoked-not-on-server = Revoked on this computer. The server hasn't been told yet, so the key still works there until Toucan Keys can reach it.
deleted-not-confirmed = Deleted on this computer. The server hasn't confirmed the revocation yet; Toucan Keys will tell it the next time it can reach it.
roll-not-on-server = The server doesn't know the new key yet, nor when the old one should stop working. Use “Finish rolling” once the server can be reached.
roll-old-not-revoked = The old key couldn't be revoked on this computer yet; Toucan Keys will try again at its next start and every hour.
roll-old-not-revoked-on-server = The old key is revoked here, but the server hasn't been told yet, so it still works there until Toucan Keys can reach it.

## Which key is this?

identify-unknown = This is a well-formed Toucan key, but not one of the keys on this computer.
identify-found = This is “{ $name }” ({ $id }), created on { $created }; { $state }.
state-revoked-on = revoked on { $date }
state-expired-on = expired on { $date }
state-active-expires = active, expires on { $date }
state-active-never = active, never expires
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
