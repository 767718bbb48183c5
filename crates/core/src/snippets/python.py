# Python 3, standard library only. The key is read from the environment, never written here.
import json, os, urllib.request

body = {
    "user": {"distinctId": "user-42", "role": "explorer", "attributes": {"region": "EMEA"}},
    "permissions": {"dashboard": ["can_view"]},
    "lifetimeSeconds": 3600,
    # The web address of the page that shows the dashboard (the key may be limited to it).
    "origin": "{{ORIGIN}}",
}
request = urllib.request.Request(
    "{{SERVER}}/embed/generate-token",
    data=json.dumps(body).encode(),
    headers={"x-api-key": os.environ["TOUCAN_API_KEY"], "content-type": "application/json"},
    method="POST",
)
with urllib.request.urlopen(request) as reply:
    token = json.load(reply)["token"]
print(token)
