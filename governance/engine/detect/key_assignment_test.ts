import assert from "node:assert/strict";
import { scan } from "../scan.ts";

const KEY =
  "SJFqmkvWdtgduv6bQ134ZbtJ4iKz3cOhDwTyFma/jWXnS0JwWrkA9LnwKxmpMspdyI06oLh8pjEtoXRNyFlc8Q==";

Deno.test("keys named for what they unlock are secrets when their value is random", () => {
  for (
    const text of [
      `export AZURE_STORAGE_KEY=${KEY}`,
      `  503  export AZURE_STORAGE_KEY=${KEY}\n`,
      `signing_key: "Qm7f2LxZp9Rk4VtW8sNc"`,
      `{"MASTER_KEY": "b8Zr2QkP4xLm9TvW1sYc"}`,
      `LICENSE_KEY='Hq3ZpX8mR2kLwT9v4NcB'`,
    ]
  ) {
    const r = scan(text);
    assert.ok(
      r.findings.some((f) => f.category === "secret"),
      `${text}: ${r.redacted}`,
    );
  }
  for (
    const text of [
      "storage_key_name: primary",
      "signing_key_id: 7f3a",
      "master_key = os.environ['MASTER_KEY']",
      "encryption_key_arn: arn:aws:kms:us-east-1:123456789012:key/x",
      "license_key: <your-license-key>",
      "app_key=changeme",
      "client_key: /etc/ssl/client.key",
    ]
  ) {
    const r = scan(text);
    assert.ok(
      !r.findings.some((f) => f.policyId === "sys_secret_key_assignment"),
      `${text}: ${r.redacted}`,
    );
  }
});

Deno.test("the service-key pattern is linear on hostile input", () => {
  const t0 = performance.now();
  scan("storage_key" + "-".repeat(200_000) + "=x");
  scan("storage_key=".repeat(50_000));
  assert.ok(performance.now() - t0 < 5_000);
});

Deno.test("a webhook URL kept in a base64 config blob is decoded and redacted", () => {
  const blob = btoa(
    "SLACK_WEBHOOK_URL=https://hooks.slack.com/services/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",
  );
  const r = scan(`config_blob: ${blob}`);
  assert.ok(!r.redacted.includes(blob), r.redacted);
  // An encoded blob of ordinary settings stays.
  const plain = btoa("LOG_LEVEL=info\nREGION=eu-west-1\nWORKERS=4\n");
  assert.equal(scan(`config_blob: ${plain}`).redacted, `config_blob: ${plain}`);
});

Deno.test("secret flags written with underscores, and quoted values holding shell characters", () => {
  for (
    const t of [
      "az login --client_secret 'NwWiiBJxZh-U&G'",
      "tool --api_key 'Qm7f2LxZp9Rk4VtW8sNc'",
    ]
  ) {
    assert.ok(
      scan(t).findings.some((f) => f.category === "secret"),
      t,
    );
  }
  for (
    const t of [
      "aws secretsmanager get-secret-value --secret-id prod/db",
      'gh auth login --token "$GITHUB_TOKEN"',
      "cli --client_secret '<your-secret>'",
    ]
  ) {
    assert.ok(
      !scan(t).findings.some((f) => f.category === "secret"),
      t,
    );
  }
});
