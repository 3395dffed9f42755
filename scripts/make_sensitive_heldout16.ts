/**
 * `deno run -A scripts/make_sensitive_heldout16.ts > scripts/data/sensitive_heldout16.jsonl`:
 * the fourteenth held-out set (secrets round 6), written after the last
 * change of the round (held-out 13 was measured before it) and measured
 * once. Carriers new to the round: Makefiles, GitLab CI variables,
 * CloudFormation parameters, serverless.yml, Rails credentials, Django
 * settings, Laravel .env, Spring properties, appsettings.json, notebook
 * output cells, Postman environments, Bitwarden and 1Password CLI JSON,
 * Elasticsearch ApiKey headers, Redis AUTH, LDAP binds, webhook URLs; and
 * look-alikes in the same carriers.
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

const r = new Rng(14_0312_2026);
const rows: Row[] = [];
const { sec, ben } = rowAdders(rows);

const hx = (n: number) => r.str(HEX, n);
const pw = () =>
  r.pick(["Harbor", "Lantern", "Meadow", "Tidal", "Cinder", "Juniper"]) +
  r.pick(["$", "%", "^", "*", "+", "_"]) + r.str(LOW + UP + DIG, 8) +
  r.str(DIG, 3);

/** [format, value, key]. */
const SECRETS: [string, () => string, string][] = [
  [
    "google_oauth",
    () => "GOCSPX-" + r.str(URLSAFE, 28),
    "GOOGLE_CLIENT_SECRET",
  ],
  [
    "azure_client_secret",
    () => r.str(ALNUM, 3) + "8Q~" + r.str(URLSAFE + "~.", 31),
    "AZURE_CLIENT_SECRET",
  ],
  [
    "mapbox",
    () => "sk.eyJ1Ijoi" + r.str(URLSAFE, 50) + "." + r.str(URLSAFE, 22),
    "MAPBOX_SECRET_TOKEN",
  ],
  ["shopify", () => "shpat_" + hx(32), "SHOPIFY_ADMIN_TOKEN"],
  ["twilio", () => "SK" + hx(32), "TWILIO_API_KEY"],
  ["ghs", () => gh(r, "ghs_"), "GH_INSTALLATION_TOKEN"],
  ["gldt", () => "gldt-" + r.str(URLSAFE, 20), "DEPLOY_TOKEN"],
  ["linear", () => "lin_api_" + r.str(ALNUM, 40), "LINEAR_KEY"],
  ["okta", () => "00" + r.str(URLSAFE, 40), "OKTA_TOKEN"],
  ["grafana", () => `glsa_${r.str(ALNUM, 32)}_${hx(8)}`, "GRAFANA_TOKEN"],
  ["databricks", () => "dapi" + hx(32), "DATABRICKS_PAT"],
  ["tfc", () => `${r.str(ALNUM, 14)}.atlasv1.${r.str(ALNUM, 67)}`, "TFE_TOKEN"],
  ["password", pw, "DB_PASS"],
  ["secret_key", () => r.str(ALNUM + "!@%^&*(-_=+)", 50), "SECRET_KEY"],
  ["app_key", () => "base64:" + btoa(r.str(ALNUM, 32)), "APP_KEY"],
  ["aws", () => r.str(B64, 40), "AWS_SECRET_ACCESS_KEY"],
];

const CARRIERS: ((k: string, v: string) => string)[] = [
  (k, v) => `${k} ?= ${v}\n\ndeploy:\n\t./scripts/deploy.sh`,
  (k, v) =>
    `variables:\n  ${k}: "${v}"\n  DOCKER_DRIVER: overlay2\nstages: [build, deploy]`,
  (k, v) =>
    `[\n  {"ParameterKey": "Env", "ParameterValue": "prod"},\n  {"ParameterKey": "${k}", "ParameterValue": "${v}"}\n]`,
  (k, v) =>
    `provider:\n  name: aws\n  environment:\n    ${k}: ${v}\n    STAGE: prod`,
  (k, v) => `production:\n  ${k.toLowerCase()}: ${v}\n  host: api.internal`,
  (k, v) => `DEBUG = False\n${k} = '${v}'\nALLOWED_HOSTS = ["api.example.com"]`,
  (k, v) => `APP_ENV=production\n${k}=${v}\nLOG_CHANNEL=stack`,
  (k, v) =>
    `spring.application.name=billing\napp.${
      k.toLowerCase().replace(/_/g, "-")
    }=${v}\nserver.port=8080`,
  (k, v) =>
    `{\n  "Logging": { "LogLevel": { "Default": "Information" } },\n  "Secrets": { "${k}": "${v}" }\n}`,
  (k, v) =>
    `{"cell_type": "code", "outputs": [{"name": "stdout", "output_type": "stream", "text": ["${k} loaded: ${v}\\n"]}]}`,
  (k, v) =>
    `{"name": "prod", "values": [{"key": "${k.toLowerCase()}", "value": "${v}", "type": "secret", "enabled": true}]}`,
  (k, v) =>
    `{"object":"item","name":"${k}","login":{"username":"svc","password":"${v}"},"revisionDate":"2026-11-30T08:00:00Z"}`,
  (k, v) =>
    `{"id":"${
      r.str(LOW + DIG, 26)
    }","title":"${k}","fields":[{"id":"credential","type":"CONCEALED","label":"credential","value":"${v}"}]}`,
];

for (let i = 0; i < 48; i++) {
  const [fmt, mk, k] = SECRETS[i % SECRETS.length];
  const ci = (i * 3 + Math.floor(i / SECRETS.length)) % CARRIERS.length;
  const v = mk();
  sec(`${fmt}/c${ci}`, CARRIERS[ci](k, v), v);
}
for (let i = 0; i < 2; i++) {
  const ek = btoa(`${r.str(URLSAFE, 20)}:${r.str(URLSAFE, 22)}`);
  sec(
    "header/es_apikey",
    `curl -H "Authorization: ApiKey ${ek}" https://es.internal:9200/_cat/indices`,
    ek,
  );
  const rp = pw();
  sec(
    "redis/auth",
    `$ redis-cli -h cache.internal\ncache.internal:6379> AUTH ${rp}\nOK`,
    rp,
  );
  const lp = pw();
  sec(
    "ldap/bind",
    `ldapsearch -x -H ldaps://ldap.corp.example -D "cn=svc-ci,ou=svc,dc=corp,dc=example" -w '${lp}' -b "dc=corp,dc=example"`,
    lp,
  );
  const sh = r.str(ALNUM, 24);
  sec(
    "webhook/slack",
    `SLACK_WEBHOOK_URL=https://hooks.slack.com/services/T${
      r.str(UP + DIG, 10)
    }/B${r.str(UP + DIG, 10)}/${sh}`,
    sh,
  );
  const dw = r.str(URLSAFE, 68);
  sec(
    "webhook/discord",
    `await fetch("https://discord.com/api/webhooks/${
      r.str(DIG, 18)
    }/${dw}", {method: "POST"})`,
    dw,
  );
  const mp = pw();
  sec(
    "url/smtp",
    `MAIL_URL=smtps://postmaster%40mg.example.io:${
      mp.replace(/[$%^*+]/g, "x")
    }@smtp.mailgun.org:465`,
    mp.replace(/[$%^*+]/g, "x"),
  );
  const kb = [r.str(B64, 64), r.str(B64, 64)];
  sec(
    "pem/gitlab_variable",
    `variables:\n  SSH_PRIVATE_KEY: |\n    -----BEGIN OPENSSH PRIVATE KEY-----\n    ${
      kb.join("\n    ")
    }\n    -----END OPENSSH PRIVATE KEY-----`,
    ...kb,
  );
}

const BENIGN: (() => string)[] = [
  () =>
    `IMAGE ?= ghcr.io/acme/api:${r.int(9)}.${r.int(30)}.${
      r.int(9)
    }\n\nbuild:\n\tdocker build -t $(IMAGE) .`,
  () => `variables:\n  DB_PASS: $CI_DB_PASS\n  DOCKER_DRIVER: overlay2`,
  () => `{"ParameterKey": "DbPassword", "ParameterValue": "****"}`,
  () => `provider:\n  environment:\n    SECRET_KEY: \${ssm:/prod/secret_key}`,
  () => `production:\n  secret_key_base: <%= ENV["SECRET_KEY_BASE"] %>`,
  () => `SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]`,
  () => `APP_KEY=\nDB_PASSWORD=`,
  () => `spring.datasource.password=\${DB_PASSWORD}`,
  () => `{"Secrets": {"ApiKey": ""}}`,
  () =>
    `{"cell_type": "code", "outputs": [{"output_type": "stream", "text": ["loaded 1204 rows in 0.8s\\n"]}]}`,
  () =>
    `{"key": "base_url", "value": "https://api.example.com", "type": "default"}`,
  () =>
    `{"object":"item","name":"GitHub","login":{"username":"octocat","password":null}}`,
  () =>
    `{"id":"${
      r.str(LOW + DIG, 26)
    }","title":"Prod DB","category":"DATABASE","version":${r.int(9)}}`,
  () =>
    `curl -H "Authorization: ApiKey \${ES_API_KEY}" https://es.internal:9200`,
  () =>
    `cache.internal:6379> AUTH\n(error) ERR wrong number of arguments for 'auth' command`,
  () =>
    `ldapsearch -x -H ldaps://ldap.corp.example -b "dc=corp,dc=example" "(uid=jdoe)" cn mail`,
  () =>
    `https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX`,
  () => `https://discord.com/api/webhooks/{webhook.id}/{webhook.token}`,
  () => `MAIL_URL=smtp://localhost:1025`,
  () => `ssh-keyscan gitlab.com >> ~/.ssh/known_hosts`,
  () => `etag: W/"${hx(40)}"`,
  () => `build cache key: ${hx(64)}`,
  () => `kid: ${r.str(URLSAFE, 43)}`,
  () => `x-amzn-RequestId: ${uuid(r)}`,
  () => `Registered runner ${r.str(ALNUM, 8)} (id ${r.str(DIG, 6)})`,
  () => `secret_key_base length must be at least 30 characters`,
  () => `Rotating DB_PASS every 90 days (next: 2027-03-01)`,
  () =>
    `GOOGLE_CLIENT_ID=${r.str(DIG, 12)}-${
      r.str(LOW + DIG, 32)
    }.apps.googleusercontent.com`,
  () => `tenant_id = "${uuid(r)}"\nsubscription_id = "${uuid(r)}"`,
  () =>
    `pk.eyJ1IjoiYWNtZSIsImEiOiJjbGV4YW1wbGUifQ.${
      r.str(URLSAFE, 22)
    } (public Mapbox token)`,
];
for (let i = 0; i < 60; i++) {
  ben(`lookalike/${i % BENIGN.length}`, BENIGN[i % BENIGN.length]());
}

emitRows(rows);
