// Node.js 18 or later. The key is read from the environment, never written here.
const reply = await fetch("{{SERVER}}/embed/generate-token", {
  method: "POST",
  headers: { "x-api-key": process.env.TOUCAN_API_KEY, "content-type": "application/json" },
  body: JSON.stringify({
    user: { distinctId: "user-42", role: "explorer", attributes: { region: "EMEA" } },
    permissions: { dashboard: ["can_view"] },
    lifetimeSeconds: 3600,
    // The web address of the page that shows the dashboard (the key may be limited to it).
    origin: "{{ORIGIN}}",
  }),
});
if (!reply.ok) throw new Error(`Toucan refused: ${await reply.text()}`);
const { token, expiresAt } = await reply.json();
console.log(token);
