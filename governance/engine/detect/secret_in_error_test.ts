import assert from "node:assert/strict";
import { scan } from "../scan.ts";
Deno.test("secrets: a key or token an error message echoes is redacted", () => {
  for (
    const [t, v] of [
      [
        "app.errors.AuthError: rejected token '1381ba825ad02d9e7822206d2e996e83'",
        "1381ba825ad02d9e7822206d2e996e83",
      ],
      [
        "Error: Invalid API key provided: a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7",
        "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7",
      ],
      [
        "401: expired access token `Zk3p9QxV7mN2bT8wR4yL6cJ1`",
        "Zk3p9QxV7mN2bT8wR4yL6cJ1",
      ],
    ]
  ) assert.ok(!scan(t).redacted.includes(v), t);
  for (
    const t of [
      "error: invalid token: please run `gh auth login` again",
      "unknown token type 'Bearer'",
      "warning: invalid key 'max_connections_per_host' in config",
      "rejected token 'YOUR_TOKEN_HERE_1234567890'",
      "bad credentials: the request was rejected",
    ]
  ) assert.equal(scan(t).redacted, t);
});
