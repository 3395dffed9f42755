/**
 * Round-3 secret classes with their near misses: a `credential(s)` key
 * assigned a literal (not a credential's id, name, source or helper), a
 * value cut by a backslash line continuation inside the token, and dotted
 * tokens whose parts are random (not `config.db.password` code). Values
 * are made up.
 */
import assert from "node:assert/strict";
import { scan } from "../mod.ts";

const gone = (t: string, v: string) => !scan(t).redacted.includes(v);
const secrets = (t: string) =>
  scan(t).findings.filter((f) => f.category === "secret");

Deno.test("credential keys assigned a literal are secrets", () => {
  const v = "8mbcq7hbhC2pYjMKK+ZltSRrWvT9zVbzYxZNjOSV";
  for (
    const t of [
      `SERVICE_CREDENTIAL=${v}`,
      `credentials: "${v}"`,
      `{"credential":"${v}","mode":"live"}`,
      `"postData": {"text": "{\\"credential\\":\\"Falcon-1zqc$W433\\"}"}`,
    ]
  ) {
    const want = t.includes("Falcon") ? "Falcon-1zqc$W433" : v;
    assert.ok(gone(t, want), t);
  }
});

Deno.test("credential keys that name, locate or source a credential are not secrets", () => {
  for (
    const t of [
      "credentialsId: 'github-deploy-key-prod'",
      "credential_source = Ec2InstanceMetadata",
      "credential_process = /usr/local/bin/aws-vault export --format=json prod",
      "credentials: 'include'",
      "credential: ${{ secrets.SERVICE_CREDENTIAL }}",
      "credentials_file: /etc/app/credentials.json",
      "credential: !vault |",
      "credentialHelper: osxkeychain",
    ]
  ) assert.deepEqual(secrets(t), [], t);
});

Deno.test("a backslash line continuation inside a token is read through", () => {
  const t =
    'export SERVICE_CREDENTIAL="BMi8Q~72\\\nvQrqCe1bH4-n8VwR54Vrd8Xjdef_tIGY"';
  assert.ok(gone(t, "BMi8Q~72"));
  assert.ok(gone(t, "vQrqCe1bH4-n8VwR54Vrd8Xjdef_tIGY"));
  // Shell continuations between words stay what they are.
  assert.deepEqual(
    secrets("docker run --rm \\\n  -e LOG_LEVEL=debug \\\n  acme/api:2.3.1"),
    [],
  );
});

Deno.test("dotted tokens with random parts are not code references", () => {
  assert.ok(
    gone(
      "users:\n- name: ci\n  user:\n    token: KRmwxV.xxfx48juecgnu5il",
      "KRmwxV.xxfx48juecgnu5il",
    ),
  );
  for (
    const t of [
      "token: config.auth.accessToken",
      "token: self.session_token2",
      "token: process.env.GITHUB_TOKEN",
    ]
  ) assert.deepEqual(secrets(t), [], t);
});
