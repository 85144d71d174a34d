// Reads [{secret, headers, body}] as JSON on stdin; verifies each with the Standard Webhooks reference
// library and prints [{id, verified, error}]; exits 1 when any delivery fails verification.
import { Webhook } from "standardwebhooks";

let input = "";
for await (const chunk of process.stdin) input += chunk;
const results = JSON.parse(input).map(({ secret, headers, body }) => {
  try {
    new Webhook(secret).verify(body, headers);
    return { id: headers["webhook-id"], verified: true };
  } catch (e) {
    return { id: headers["webhook-id"], verified: false, error: String(e.message ?? e) };
  }
});
console.log(JSON.stringify(results));
process.exit(results.every((r) => r.verified) ? 0 : 1);
