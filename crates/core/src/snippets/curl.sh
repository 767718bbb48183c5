# The key is read from the environment, never written here.
# "origin": the web address of the page that shows the dashboard (the key may be limited to it).
curl --silent --show-error --fail-with-body \
  --request POST "{{SERVER}}/embed/generate-token" \
  --header "x-api-key: $TOUCAN_API_KEY" \
  --header "content-type: application/json" \
  --data '{"user": {"distinctId": "user-42", "role": "explorer", "attributes": {"region": "EMEA"}}, "permissions": {"dashboard": ["can_view"]}, "lifetimeSeconds": 3600, "origin": "{{ORIGIN}}"}'
