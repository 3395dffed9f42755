/**
 * `deno run -A scripts/make_sensitive_heldout13.ts > scripts/data/sensitive_heldout13.jsonl`:
 * the thirteenth held-out set (secrets round 6), written after round 6's
 * changes and measured once: the honest figure of the round's final
 * detector. Its carriers differ from held-out 12: GitHub Actions and
 * Docker build logs, curl -v traces, Ansible -vvv module args, Terraform
 * state, Python/Rust/Java object dumps, SQL UPDATEs, Mongo shell output,
 * systemd units, PowerShell, nginx config, pytest diffs, kubectl describe,
 * git diffs, Slack exports, quoted-printable mail; vendors include some held-out 12
 * did not (Anthropic, OpenAI, Hugging Face, Sentry, New Relic, Telegram,
 * Mailchimp, Notion, Figma, Docker, Pulumi, Supabase, Airtable).
 * Look-alikes: content ids, IPFS CIDs, chain addresses, CSP nonces,
 * idempotency keys, masked keys, docs placeholders, public keys.
 *
 * @module
 */

import {
  ALNUM,
  B64,
  DIG,
  HEX,
  LOW,
  Rng,
  UP,
  URLSAFE,
} from "./lib/sensitive_corpus.ts";
import {
  emitRows,
  gh,
  type Row,
  rowAdders,
  uuid,
} from "./lib/sensitive_values.ts";

const r = new Rng(13_0312_2026);
const rows: Row[] = [];
const { sec, ben } = rowAdders(rows);

const hx = (n: number) => r.str(HEX, n);
const B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
const pw = () =>
  r.pick(["Copper", "Nimbus", "Saffron", "Basil", "Orchid", "Falcon"]) +
  r.pick(["-", ".", "@", "#", "!"]) + r.str(LOW + UP + DIG, 9) +
  r.str(DIG, 2);

/** Secret value makers: [format, value, env key]. */
const SECRETS: [string, () => string, string][] = [
  [
    "anthropic",
    () => "sk-ant-api03-" + r.str(URLSAFE, 93) + "AA",
    "ANTHROPIC_API_KEY",
  ],
  [
    "openai",
    () => "sk-proj-" + r.str(URLSAFE, 64) + "T3BlbkFJ" + r.str(URLSAFE, 64),
    "OPENAI_API_KEY",
  ],
  ["huggingface", () => "hf_" + r.str(UP + LOW, 34), "HF_TOKEN"],
  [
    "sentry",
    () => "sntryu_" + hx(64),
    "SENTRY_AUTH_TOKEN",
  ],
  ["newrelic", () => "NRAK-" + r.str(UP + DIG, 27), "NEW_RELIC_API_KEY"],
  [
    "telegram",
    () => `${1000000000 + r.int(899999999)}:AA${r.str(URLSAFE, 33)}`,
    "TELEGRAM_BOT_TOKEN",
  ],
  ["mailchimp", () => `${hx(32)}-us${1 + r.int(20)}`, "MAILCHIMP_API_KEY"],
  ["notion", () => "ntn_" + r.str(DIG, 11) + r.str(ALNUM, 35), "NOTION_TOKEN"],
  ["figma", () => "figd_" + r.str(URLSAFE, 40), "FIGMA_TOKEN"],
  ["docker", () => "dckr_pat_" + r.str(URLSAFE, 27), "DOCKERHUB_TOKEN"],
  ["pulumi", () => "pul-" + hx(40), "PULUMI_ACCESS_TOKEN"],
  ["supabase", () => "sbp_" + hx(40), "SUPABASE_ACCESS_TOKEN"],
  [
    "airtable",
    () => `pat${r.str(ALNUM, 14)}.${hx(64)}`,
    "AIRTABLE_TOKEN",
  ],
  ["ghp", () => gh(r, "ghp_"), "GITHUB_TOKEN"],
  ["gho", () => gh(r, "gho_"), "GH_OAUTH_TOKEN"],
  ["npm", () => gh(r, "npm_"), "NPM_TOKEN"],
  ["glpat", () => "glpat-" + r.str(URLSAFE, 20), "CI_PUSH_TOKEN"],
  [
    "slack_user",
    () =>
      `xoxp-${r.str(DIG, 11)}-${r.str(DIG, 12)}-${r.str(DIG, 13)}-${hx(32)}`,
    "SLACK_USER_TOKEN",
  ],
  ["stripe", () => "sk_live_51" + r.str(ALNUM, 97), "STRIPE_API_KEY"],
  [
    "sendgrid",
    () => `SG.${r.str(URLSAFE, 22)}.${r.str(URLSAFE, 43)}`,
    "SMTP_PASS",
  ],
  ["vault", () => "hvs." + r.str(ALNUM, 24), "VAULT_TOKEN"],
  ["doppler", () => "dp.st.prd." + r.str(ALNUM, 43), "DOPPLER_TOKEN"],
  ["dop", () => "dop_v1_" + hx(64), "DO_API_TOKEN"],
  ["aws_secret", () => r.str(B64, 40), "AWS_SECRET_ACCESS_KEY"],
  ["password", pw, "ADMIN_PASSWORD"],
  ["datadog", () => hx(32), "DD_API_KEY"],
  ["generic_secret", () => r.str(ALNUM, 40), "CLIENT_SECRET"],
];

/** Carriers of one labelled value, none of them held-out 12's. */
const CARRIERS: ((k: string, v: string) => string)[] = [
  (k, v) =>
    `##[group]Run ./scripts/deploy.sh\n./scripts/deploy.sh\nshell: /usr/bin/bash -e {0}\nenv:\n  ${k}: ${v}\n##[endgroup]`,
  (k, v) =>
    `#12 [build 4/7] RUN --mount=type=cache,target=/root/.npm ${k}=${v} npm ci\n#12 0.412 npm warn config production Use \`--omit=dev\` instead.`,
  (k, v) =>
    `* Connected to api.corp.example (10.2.0.4) port 443\n> POST /v2/deploy HTTP/2\n> Host: api.corp.example\n> X-${
      k.replace(/_/g, "-")
    }: ${v}\n> Content-Length: 0`,
  (k, v) =>
    `<127.0.0.1> EXEC /bin/sh -c 'python3 && sleep 0'\nok: [web1] => {"changed": false, "invocation": {"module_args": {"name": "app", "env": {"${k}": "${v}"}}}}`,
  (k, v) =>
    `        "attributes": {\n          "id": "${
      uuid(r)
    }",\n          "${k.toLowerCase()}": "${v}",\n          "tags": {}\n        },`,
  (k, v) =>
    `Settings(debug=False, ${k.toLowerCase()}='${v}', workers=${2 + r.int(6)})`,
  (k, v) =>
    `Config { region: "eu-central-1", ${k.toLowerCase()}: "${v}", retries: 3 }`,
  (k, v) =>
    `AppConfig{env='prod', ${
      k.toLowerCase().replace(/_(\w)/g, (_, c) => c.toUpperCase())
    }='${v}', poolSize=10}`,
  (k, v) =>
    `UPDATE service_accounts SET ${k.toLowerCase()} = '${v}', updated_at = now() WHERE id = ${
      r.int(900)
    };`,
  (k, v) =>
    `[\n  {\n    _id: ObjectId('${hx(24)}'),\n    service: 'billing',\n    ${
      k.toLowerCase().replace(/_(\w)/g, (_, c) => c.toUpperCase())
    }: '${v}'\n  }\n]`,
  (k, v) =>
    `[Service]\nUser=app\nEnvironment="${k}=${v}"\nExecStart=/usr/local/bin/app serve`,
  (k, v) => `PS C:\\app> $env:${k} = "${v}"\nPS C:\\app> .\\deploy.ps1`,
  (k, v) =>
    `    location /api/ {\n        proxy_pass http://backend;\n        proxy_set_header X-${
      k.replace(/_/g, "-")
    } "${v}";\n    }`,
  (k, v) =>
    `E       AssertionError: assert settings.${k.toLowerCase()} == 'expected'\nE         - expected\nE         + ${v}`,
  (k, v) =>
    `Containers:\n  api:\n    Image:      ghcr.io/acme/api:2.4.1\n    Environment:\n      ${k}:  ${v}\n      LOG_LEVEL: info`,
  (k, v) =>
    `diff --git a/.env.production b/.env.production\n@@ -3,2 +3,2 @@\n-${k}=\n+${k}=${v}`,
  (k, v) =>
    `{"type":"message","user":"U0${
      r.str(UP + DIG, 8)
    }","text":"here's the prod ${k}: ${v} (don't share)","ts":"1764750000.${
      r.str(DIG, 6)
    }"}`,
];

for (let i = 0; i < 68; i++) {
  const [fmt, mk, k] = SECRETS[i % SECRETS.length];
  const ci = (i * 5 + Math.floor(i / SECRETS.length) * 3) % CARRIERS.length;
  const v = mk();
  sec(`${fmt}/c${ci}`, CARRIERS[ci](k, v), v);
}

// ------------------------------------------------------------ shaped rows
for (let i = 0; i < 2; i++) {
  const body = [r.str(B64, 64), r.str(B64, 64), r.str(B64, 64)];
  const lines = [
    "-----BEGIN PRIVATE KEY-----",
    "MIIEvgIBADANBgkqhkiG9w0BAQEFAASC" + r.str(B64, 32),
    ...body,
    "-----END PRIVATE KEY-----",
  ];
  sec(
    "pem/numbered_view",
    lines.map((l, n) => `${String(n + 1).padStart(6)}→${l}`).join("\n"),
    ...body,
  );
  const ob = [r.str(B64, 70), r.str(B64, 70)];
  sec(
    "pem/terraform_output",
    `tls_private_key.deploy: Creation complete\n\nprivate_key_pem = <<EOT\n-----BEGIN RSA PRIVATE KEY-----\n${
      ob.join("\n")
    }\n-----END RSA PRIVATE KEY-----\nEOT`,
    ...ob,
  );
  const p1 = pw();
  sec(
    "mail/quoted_printable",
    `Content-Type: text/plain; charset="utf-8"\nContent-Transfer-Encoding: quoted-printable\n\nYour temporary password=3D${p1}\nPlease change it on first login.`,
    p1,
  );
  const sk = r.str(B64, 40);
  sec(
    "aws/env_dump",
    `$ env | sort\nAWS_ACCESS_KEY_ID=AKIA${
      r.str("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)
    }\nAWS_DEFAULT_REGION=us-west-2\nAWS_SECRET_ACCESS_KEY=${sk}\nHOME=/home/runner`,
    sk,
  );
  const p2 = pw();
  sec(
    "redis/config_get",
    `127.0.0.1:6379> CONFIG GET requirepass\n1) "requirepass"\n2) "${p2}"`,
    p2,
  );
  const jwt = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9." +
    btoa(JSON.stringify({ sub: r.str(DIG, 9), aud: "api", exp: 1893456000 }))
      .replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_") +
    "." +
    r.str(URLSAFE, 86);
  sec(
    "jwt/har_header",
    `{"name": "authorization", "value": "Bearer ${jwt}"}`,
    jwt.split(".")[2],
  );
  const tok = gh(r, "ghp_");
  sec(
    "git/config",
    `$ git config --get remote.origin.url\nhttps://ci-bot:${tok}@github.com/acme/infra.git`,
    tok,
  );
  const p3 = pw();
  sec(
    "psql/conninfo",
    `$ psql "postgresql://report_ro:${p3}@analytics.internal:5432/warehouse?sslmode=require"\npsql (16.2)`,
    p3,
  );
  const dbu = btoa(`admin:${pw()}`);
  sec(
    "header/proxy_basic",
    `Proxy-Authorization: Basic ${dbu}\nUser-Agent: curl/8.5.0`,
    dbu,
  );
  const wk = hx(64);
  sec(
    "wallet/hardhat_env",
    `# hardhat deploy\nDEPLOYER_PRIVATE_KEY=${wk}\nRPC_URL=https://mainnet.infura.io/v3/${
      hx(32)
    }`,
    wk,
  );
}

// --------------------------------------------------------------- disguises
const esc = (n: number) => `\x1b[${n}m`;
for (let i = 0; i < 2; i++) {
  const an = "sk-ant-api03-" + r.str(URLSAFE, 93) + "AA";
  sec(
    "disguise/json_u_middle",
    `{"k":"${an.slice(0, 20)}\\u002d${an.slice(21)}"}`,
    an.slice(21),
  );
  const hf = "hf_" + r.str(UP + LOW, 34);
  sec(
    "disguise/url_query",
    `GET /download?repo=acme%2Fmodel&token=${
      encodeURIComponent(hf).replace("_", "%5F")
    } 200 1.2s`,
    hf.slice(3),
  );
  const np = gh(r, "npm_");
  sec(
    "disguise/html_pre",
    `<pre>//registry.npmjs.org/:_authToken=${np.slice(0, 3)}&#95;${
      np.slice(4)
    }</pre>`,
    np.slice(4),
  );
  const p = pw();
  sec(
    "disguise/ansi_env",
    `${esc(2)}DB_HOST${esc(0)}=db\n${esc(2)}DB_PASSWORD${esc(0)}=${
      esc(31)
    }${p}${esc(0)}`,
    p,
  );
  const gl = "glpat-" + r.str(URLSAFE, 20);
  sec(
    "disguise/zero_width_joiner",
    `CI_PUSH_TOKEN=${gl.slice(0, 10)}\u2060${gl.slice(10)}`,
    gl.slice(6, 10),
    gl.slice(10),
  );
  const oa = "sk-proj-" + r.str(URLSAFE, 64) + "T3BlbkFJ" + r.str(URLSAFE, 64);
  sec(
    "disguise/terminal_wrap",
    `$ echo $OPENAI_API_KEY\n${oa.slice(0, 80)}\n${oa.slice(80)}`,
    oa.slice(8, 80),
    oa.slice(80),
  );
  const env = btoa(
    `SENTRY_AUTH_TOKEN=sntryu_${hx(64)}\nDB_PASSWORD=${pw()}\n`,
  );
  sec("disguise/base64_dotenv", `ENV_FILE_B64="${env}"`, env);
  const st = "sk_live_51" + r.str(ALNUM, 50);
  const md = st.replace(/_/g, "\\_");
  sec("disguise/markdown_table", `| Stripe | ${md} |`, md.slice(13));
}

// ------------------------------------------------------------- look-alikes
const BENIGN: (() => string)[] = [
  () => `sha256:${hx(64)}: Pulling fs layer`,
  () => `uid: ${uuid(r)}\nresourceVersion: "${r.str(DIG, 7)}"`,
  () => `aws_instance.web: Refreshing state... [id=i-0${hx(16)}]`,
  () => `ipfs://Qm${r.str(B58, 44)}`,
  () =>
    `bc1q${r.str("023456789acdefghjklmnpqrstuvwxyz", 38)} (receive address)`,
  () => `to: 0x${hx(40)} value: 0.5 ETH tx: 0x${hx(64)}`,
  () => `Solana pubkey ${r.str(B58, 44)}`,
  () =>
    `Content-Security-Policy: script-src 'self' 'nonce-${r.str(B64, 22)}=='`,
  () => `Idempotency-Key: ${uuid(r)}`,
  () => `X-Request-ID: ${r.str(ALNUM, 26)}`,
  () => `ulid=${r.str("0123456789ABCDEFGHJKMNPQRSTVWXYZ", 26)}`,
  () => `https://www.youtube.com/watch?v=${r.str(URLSAFE, 11)}`,
  () => `s3://acme-logs/2026/12/03/${hx(32)}.json.gz`,
  () => `STRIPE_API_KEY=sk_live_****************${r.str(ALNUM, 4)}`,
  () => `"api_key": "YOUR_API_KEY"`,
  () => `ANTHROPIC_API_KEY=sk-ant-...`,
  () => `export OPENAI_API_KEY="sk-..." # get one at platform.openai.com`,
  () => `HF_TOKEN=hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx`,
  () => `password: "{{ lookup('env', 'DB_PASSWORD') }}"`,
  () => `Environment="DB_PASSWORD=%d/db_password"`,
  () => `$env:API_KEY = Read-Host -AsSecureString`,
  () => `proxy_set_header Authorization $http_authorization;`,
  () => `E       AssertionError: assert 401 == 200`,
  () =>
    `Containers:\n  api:\n    Environment:\n      DB_PASSWORD:  <set to the key 'password' in secret 'db'>  Optional: false`,
  () => `-DB_PASSWORD=\n+DB_PASSWORD=\${DB_PASSWORD}`,
  () =>
    `{"type":"message","text":"rotated the prod API key, new one is in 1Password","ts":"1764750000.${
      r.str(DIG, 6)
    }"}`,
  () =>
    `Content-Transfer-Encoding: quoted-printable\n\nReset your password=\nhere: https://example.com/reset`,
  () => `127.0.0.1:6379> CONFIG GET requirepass\n1) "requirepass"\n2) ""`,
  () => `{"name": "authorization", "value": "Bearer [REDACTED]"}`,
  () => `https://github.com/acme/infra.git`,
  () => `psql "postgresql://localhost/warehouse"`,
  () => `# DEPLOYER_PRIVATE_KEY=<hex private key of the deployer>`,
  () =>
    `-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE${
      r.str(B64, 64)
    }\n${r.str(B64, 24)}==\n-----END PUBLIC KEY-----`,
  () =>
    `     1→-----BEGIN CERTIFICATE-----\n     2→MIIC${
      r.str(B64, 60)
    }\n     3→-----END CERTIFICATE-----`,
  () => `private_key_pem = (sensitive value)`,
  () => `Settings(debug=True, api_key=None, workers=2)`,
  () => `Config { region: "eu-central-1", token: None, retries: 3 }`,
  () => `AppConfig{env='dev', clientSecret='***', poolSize=10}`,
  () =>
    `UPDATE service_accounts SET last_used_at = now() WHERE id = ${
      r.int(900)
    };`,
  () =>
    `{ _id: ObjectId('${hx(24)}'), service: 'billing', apiKeyId: 'key_${
      r.int(9999)
    }' }`,
  () => `##[group]Run actions/checkout@v4\nwith:\n  token: ***\n##[endgroup]`,
  () => `#12 [build 4/7] RUN npm ci --ignore-scripts\n#12 DONE 14.2s`,
  () => `> GET /healthz HTTP/1.1\n> Host: localhost:8080\n< HTTP/1.1 200 OK`,
  () => `ok: [web1] => {"changed": false, "ping": "pong"}`,
  () =>
    `"lineage": "${uuid(r)}",\n"serial": ${
      r.int(300)
    },\n"terraform_version": "1.9.${r.int(9)}"`,
  () => `Telegram bot @acme_alerts_bot (id ${r.str(DIG, 10)})`,
  () => `Mailchimp audience id ${hx(10)} (list-id)`,
  () => `Notion page https://www.notion.so/acme/Runbook-${hx(32)}`,
  () => `Figma file https://www.figma.com/file/${r.str(ALNUM, 22)}/Design`,
  () => `docker pull acme/api@sha256:${hx(64)}`,
  () => `pulumi stack select acme/prod  # stack id ${uuid(r)}`,
  () => `supabase project ref: ${r.str(LOW, 20)}`,
  () => `airtable base app${r.str(ALNUM, 14)} table tbl${r.str(ALNUM, 14)}`,
  () =>
    `Sentry DSN host: o${r.str(DIG, 6)}.ingest.sentry.io project ${
      r.str(DIG, 7)
    }`,
  () => `New Relic account ${r.str(DIG, 7)} app id ${r.str(DIG, 9)}`,
  () => `Hugging Face model acme/${r.str(LOW, 8)}-7b revision ${hx(40)}`,
];
for (let i = 0; i < 110; i++) {
  ben(`lookalike/${i % BENIGN.length}`, BENIGN[i % BENIGN.length]());
}

emitRows(rows);
