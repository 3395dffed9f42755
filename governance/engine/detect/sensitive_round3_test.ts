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

Deno.test("literals of one secret in a list that code joins are read together", () => {
  const t = 'let k = ["whsec_gSXMg1CvHndPlG9H33BzcH", "i76tZBrI7F"].join("");';
  assert.ok(gone(t, "i76tZBrI7F"));
  for (
    const x of [
      'scopes = ["ghp_scope", "repo", "read:org"]',
      'prefixes = ["sk_live_", "sk_test_", "rk_live_"]',
      'args = ["--token", "abc", "--verbose"]',
    ]
  ) assert.deepEqual(secrets(x), [], x);
});

Deno.test("a token wrapped after a log prefix goes on after the prefix on the next line", () => {
  const a = "IMz05PWoxnD", b = "jSCY3Rq3twL6glIarPs7c73iBqlHy";
  const t = `2026-12-02T10:14:07Z | token=${a}\n2026-12-02T10:14:07Z | ${b}`;
  assert.ok(gone(t, a) && gone(t, b));
  const ms =
    "2026-12-02T10:14:07.101Z [app] token=EAAABnlQUOmnEWh6\n2026-12-02T10:14:07.102Z [app] Tw_KvR2T4VthXva3pBK_vQ8qhi4DJhkuO6BnmLQ3nxuGs9AW";
  assert.ok(gone(ms, "Tw_KvR2T4VthXva3pBK_vQ8qhi4DJhkuO6BnmLQ3nxuGs9AW"));
  // The next log message is not part of the token.
  for (
    const next of ["request done", "Request-Id", "GET /healthz 200", "retry=3"]
  ) {
    const x =
      `2026-12-02T10:14:07Z | token=IMz05PWoxnD8\n2026-12-02T10:14:08Z | ${next}`;
    assert.ok(scan(x).redacted.includes(next), next);
  }
});

Deno.test(".npmrc _auth and base64 Secret data of Docker configs and URLs are secrets", () => {
  const auth = btoa("deploy:Qz8ruLm3x!");
  assert.ok(gone(`_auth=${auth}`, auth));
  assert.ok(gone(`//npm.acme.dev/:_auth="${auth}"`, auth));
  const docker = btoa(
    `{"auths":{"r.io":{"auth":"${btoa("deploy:Qz8ruLm3x!")}"}}}`,
  );
  assert.ok(gone(`  .dockerconfigjson: ${docker}`, docker));
  const url = btoa("mysql://shop:Qz8ruLm3x@10.2.3.4/shop");
  assert.ok(gone(`  url: ${url}`, url));
  for (
    const t of [
      "_auth=${NPM_AUTH}",
      "always-auth=true",
      `_authToken=\${NPM_TOKEN}`,
      `_auth=${btoa("no-colon-here")}`,
      `  config.json: ${btoa('{"auths":{}}')}`,
    ]
  ) assert.deepEqual(secrets(t), [], t);
});

Deno.test("PAT keys, Service Bus shared access keys and short base64 env lines are secrets", () => {
  const pat = "zmtz3jjhvundt52mshhx7jggry7i5pqaa2nxjdasnteyqup3cfe4";
  assert.ok(gone(`AZURE_DEVOPS_PAT=${pat}`, pat));
  assert.ok(gone(`gh_pat: "${pat}"`, pat));
  const sak = "aP0a+RFGGQt6d/bY4P+SfbgHyrJhEBlPJRmOUYqCeU9=";
  assert.ok(
    gone(
      `Endpoint=sb://x.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=${sak}`,
      sak,
    ),
  );
  const b = btoa("APP_SECRET=Tundra72%ToAu21");
  assert.ok(gone(`echo ${b} | base64 -d`, b));
  for (
    const t of [
      "pattern: Yx8kLm2Qp9Rt4Zw7",
      "path: /usr/local/bin",
      "PAT=${{ secrets.ADO_PAT }}",
      "SharedAccessKeyName=RootManageSharedAccessKey",
      `echo ${btoa("hello world, nothing here")} | base64 -d`,
    ]
  ) assert.deepEqual(secrets(t), [], t);
});

Deno.test("secret keys that name or locate a secret are not secrets; secret ids are", () => {
  for (
    const t of [
      "secretRef: billing-credentials",
      "secretName: tls-prod-cert-2026",
      "secret_arn: arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf",
      "secretPath: kv/data/billing/prod",
      "secret_store: aws-secrets-manager",
    ]
  ) assert.deepEqual(secrets(t), [], t);
  assert.ok(
    gone(
      "secret_id: 6a174c20-f6de-a53c-74d2-6018fcceff64",
      "6a174c20-f6de-a53c-74d2-6018fcceff64",
    ),
  );
});

Deno.test("a long run of repeated assignment keys is read in linear time; a key after it still counts", () => {
  for (
    const w of ["token=", "password=", "secret:", "api_key=", "credential="]
  ) {
    const t = w.repeat(80_000);
    const t0 = performance.now();
    scan(t);
    assert.ok(performance.now() - t0 < 3000, w);
  }
  const v = "Zk3q9XbT2mVw8LpR4sYc7NhJ";
  assert.ok(gone(`${"token=".repeat(1000)} token=${v}`, v));
});

Deno.test("Firecrawl, E2B, Cerebras, Resend and Amazon MWS keys by their formats", () => {
  for (
    const v of [
      "fc-f8b4c0bf8e704eb5a6162ac20172de3d",
      "e2b_f8b4c0bf8e704eb5a6162ac20172de3d4a5152cd",
      "csk-C3J27XDCG2LmlZGEONYlgCtjfIZ4SOcMz9CPVNPkNa1Hedcm",
      "re_C3J27XDC_G2LmlZGEONYlgCtjfIZ4SOcM",
      "amzn.mws.f8b4c0bf-8e70-4eb5-a616-2ac20172de3d",
    ]
  ) assert.ok(gone(`key: ${v}`, v) && gone(v, v), v);
  for (
    const t of [
      "fc-00000000000000000000000000000000",
      "re_release_candidatebuildartifacts",
      "are_you_sure_about_this_value_ok",
      "csk-local-dev",
      "e2b_sandbox_template",
      "amzn.mws.example",
    ]
  ) assert.deepEqual(secrets(t), [], t);
});
