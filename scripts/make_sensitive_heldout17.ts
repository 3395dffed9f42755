/**
 * `deno run -A scripts/make_sensitive_heldout17.ts > scripts/data/sensitive_heldout17.jsonl`:
 * the fifteenth held-out set (secrets round 6), written after the round's
 * last change (held-outs 13 and 14 were each measured before a change they
 * led to) and measured once: the honest figure of the branch's final code.
 * Carriers new to the round: cloud-init, kubeconfig users, helm --set,
 * docker-compose environment lists, crates.io and gh hosts.yml, pip.conf,
 * .yarnrc.yml, composer auth.json, NuGet.config, Maven settings.xml,
 * gradle.properties, Ansible inventories, tfvars, PHP define(), Go struct
 * literals, Kafka JAAS, Airflow and Celery URIs, Prometheus and Grafana
 * provisioning, Keycloak client JSON; look-alikes in the same carriers.
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

const r = new Rng(15_0312_2026);
const rows: Row[] = [];
const { sec, ben } = rowAdders(rows);

const hx = (n: number) => r.str(HEX, n);
const pw = () =>
  r.pick(["Granite", "Willow", "Aurora", "Pebble", "Thistle", "Comet"]) +
  r.pick(["!", "#", "*", "-", "."]) + r.str(LOW + UP + DIG, 8) +
  r.str(DIG, 2);

/** Each maker returns [text, ...values]. */
const SECRET_ROWS: [string, () => string[]][] = [
  ["cloud_init", () => {
    const p = pw();
    return [
      `#cloud-config\nchpasswd:\n  list: |\n    ubuntu:${p}\n  expire: false`,
      p,
    ];
  }],
  ["kubeconfig_token", () => {
    const t = r.str(URLSAFE, 48);
    return [`users:\n- name: ci\n  user:\n    token: ${t}`, t];
  }],
  ["helm_set", () => {
    const p = pw();
    return [
      `helm upgrade --install api ./chart --set db.password=${p} --set replicas=3`,
      p,
    ];
  }],
  ["compose_env", () => {
    const p = pw();
    return [
      `services:\n  db:\n    image: postgres:16\n    environment:\n      - POSTGRES_USER=app\n      - POSTGRES_PASSWORD=${p}`,
      p,
    ];
  }],
  ["crates_io", () => {
    const t = "cio" + r.str(ALNUM, 32);
    return [`# ~/.cargo/credentials.toml\n[registry]\ntoken = "${t}"`, t];
  }],
  ["gh_hosts", () => {
    const t = gh(r, "gho_");
    return [
      `github.com:\n    user: octocat\n    oauth_token: ${t}\n    git_protocol: https`,
      t,
    ];
  }],
  ["pip_conf", () => {
    const t = r.str(ALNUM, 32);
    return [
      `[global]\nindex-url = https://ci:${t}@pypi.corp.example/simple/`,
      t,
    ];
  }],
  ["yarnrc", () => {
    const t = gh(r, "npm_");
    return [
      `npmScopes:\n  acme:\n    npmRegistryServer: "https://npm.pkg.github.com"\n    npmAuthToken: "${t}"`,
      t,
    ];
  }],
  ["composer_auth", () => {
    const t = gh(r, "ghp_");
    return [
      `{\n    "github-oauth": {\n        "github.com": "${t}"\n    }\n}`,
      t,
    ];
  }],
  ["nuget", () => {
    const p = pw();
    return [
      `<packageSourceCredentials>\n  <corp>\n    <add key="Username" value="ci" />\n    <add key="ClearTextPassword" value="${p}" />\n  </corp>\n</packageSourceCredentials>`,
      p,
    ];
  }],
  ["maven", () => {
    const p = pw();
    return [
      `<servers>\n  <server>\n    <id>corp-releases</id>\n    <username>deploy</username>\n    <password>${p}</password>\n  </server>\n</servers>`,
      p,
    ];
  }],
  ["gradle", () => {
    const p = pw();
    return [
      `org.gradle.jvmargs=-Xmx2g\nossrhUsername=acme-bot\nossrhPassword=${p}\nsigning.keyId=${
        hx(8).toUpperCase()
      }`,
      p,
    ];
  }],
  ["ansible_inventory", () => {
    const p = pw();
    return [
      `[db]\ndb1.internal ansible_user=admin ansible_password=${p} ansible_port=22`,
      p,
    ];
  }],
  ["tfvars", () => {
    const p = pw();
    return [
      `region      = "eu-west-1"\ndb_password = "${p}"\ninstance    = "db.t3.medium"`,
      p,
    ];
  }],
  ["php_define", () => {
    const p = pw();
    return [
      `define( 'DB_USER', 'wp' );\ndefine( 'DB_PASSWORD', '${p}' );\ndefine( 'DB_HOST', 'localhost' );`,
      p,
    ];
  }],
  ["go_struct", () => {
    const p = pw();
    return [
      `cfg := mysql.Config{\n\tUser:   "app",\n\tPasswd: "${p}",\n\tNet:    "tcp",\n}`,
      p,
    ];
  }],
  ["kafka_jaas", () => {
    const p = pw();
    return [
      `sasl.mechanism=PLAIN\nsasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="svc" password="${p}";`,
      p,
    ];
  }],
  ["airflow_conn", () => {
    const p = r.str(ALNUM, 18);
    return [
      `AIRFLOW_CONN_WAREHOUSE='postgres://etl:${p}@warehouse.internal:5432/dwh'`,
      p,
    ];
  }],
  ["celery_broker", () => {
    const p = r.str(ALNUM, 20);
    return [
      `CELERY_BROKER_URL = "amqp://worker:${p}@rabbit.internal:5672/prod"`,
      p,
    ];
  }],
  ["prometheus", () => {
    const p = pw();
    return [
      `scrape_configs:\n  - job_name: node\n    basic_auth:\n      username: prom\n      password: ${p}`,
      p,
    ];
  }],
  ["grafana_provisioning", () => {
    const p = pw();
    return [
      `datasources:\n  - name: Postgres\n    type: postgres\n    secureJsonData:\n      password: "${p}"`,
      p,
    ];
  }],
  ["keycloak", () => {
    const s = r.str(ALNUM, 32);
    return [
      `{"clientId": "billing-api", "enabled": true, "secret": "${s}", "redirectUris": ["https://billing.example.com/*"]}`,
      s,
    ];
  }],
  ["fcm_key", () => {
    const k = `AAAA${r.str(URLSAFE, 7)}:APA91b${r.str(URLSAFE, 134)}`;
    return [
      `curl -X POST -H "Authorization: key=${k}" https://fcm.googleapis.com/fcm/send`,
      k,
    ];
  }],
  ["log_token", () => {
    const t = "glpat-" + r.str(URLSAFE, 20);
    return [
      `2026-12-03 11:02:33,418 INFO [gitlab] cloning with token ${t} (expires 2027-01-01)`,
      t,
    ];
  }],
  ["request_body", () => {
    const p = pw();
    return [
      `ValidationError: 422 Unprocessable Entity\n  request body: {"email":"ops@example.com","password":"${p}","remember":true}`,
      p,
    ];
  }],
  ["mosquitto", () => {
    const p = pw();
    return [
      `mosquitto_sub -h broker.internal -u sensor -P '${p}' -t 'plant/#'`,
      p,
    ];
  }],
  ["wireguard", () => {
    const k = r.str(B64, 43) + "=";
    return [
      `[Interface]\nAddress = 10.8.0.2/24\nPrivateKey = ${k}\nDNS = 10.8.0.1`,
      k,
    ];
  }],
  ["openvpn_key", () => {
    const b = [r.str(B64, 64), r.str(B64, 64)];
    return [
      `<key>\n-----BEGIN PRIVATE KEY-----\n${
        b.join("\n")
      }\n-----END PRIVATE KEY-----\n</key>`,
      ...b,
    ];
  }],
  ["sendgrid_log", () => {
    const k = `SG.${r.str(URLSAFE, 22)}.${r.str(URLSAFE, 43)}`;
    return [`[mailer] using api key ${k} for domain example.com`, k];
  }],
  ["jdbc", () => {
    const p = r.str(ALNUM, 16);
    return [
      `jdbc:sqlserver://db.internal:1433;databaseName=app;user=app;password=${p};encrypt=true`,
      p,
    ];
  }],
  ["shopify_app", () => {
    const t = "shpss_" + hx(32);
    return [`SHOPIFY_API_SECRET_KEY: ${t}`, t];
  }],
  ["stripe_restricted", () => {
    const t = "rk_live_51" + r.str(ALNUM, 97);
    return [`stripe.api_key = "${t}"`, t];
  }],
  ["slack_bot_py", () => {
    const t = `xoxb-${r.str(DIG, 12)}-${r.str(DIG, 13)}-${r.str(ALNUM, 24)}`;
    return [`client = WebClient(token="${t}")`, t];
  }],
  ["jwt_cookie", () => {
    const j = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." +
      btoa(JSON.stringify({ uid: r.int(99999), role: "admin" })).replace(
        /=+$/,
        "",
      )
        .replace(/\+/g, "-").replace(/\//g, "_") +
      "." + r.str(URLSAFE, 43);
    return [
      `Set-Cookie: access_token=${j}; HttpOnly; Secure; SameSite=Lax`,
      j.split(".")[2],
    ];
  }],
  ["aws_pair_log", () => {
    const s = r.str(B64, 40);
    return [
      `Found credentials in environment: key AKIA${
        r.str("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)
      } secret ${s}`,
      s,
    ];
  }],
];

for (let i = 0; i < 70; i++) {
  const [cls, mk] = SECRET_ROWS[i % SECRET_ROWS.length];
  const [text, ...values] = mk();
  sec(cls, text, ...values);
}

const BENIGN: (() => string)[] = [
  () => `#cloud-config\nchpasswd:\n  expire: false\nssh_pwauth: false`,
  () =>
    `users:\n- name: ci\n  user:\n    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n      command: aws`,
  () =>
    `helm upgrade --install api ./chart --set replicas=3 --set image.tag=${
      hx(7)
    }`,
  () =>
    `    environment:\n      - POSTGRES_USER=app\n      - POSTGRES_PASSWORD_FILE=/run/secrets/db_password`,
  () => `[registry]\ndefault = "crates-io"`,
  () => `github.com:\n    user: octocat\n    git_protocol: ssh`,
  () => `[global]\nindex-url = https://pypi.org/simple/\ntimeout = 60`,
  () =>
    `npmScopes:\n  acme:\n    npmRegistryServer: "https://npm.pkg.github.com"\n    npmAlwaysAuth: true`,
  () =>
    `{"require": {"monolog/monolog": "^3.5"}, "config": {"sort-packages": true}}`,
  () => `<add key="ClearTextPassword" value="%NUGET_PASSWORD%" />`,
  () =>
    `<server>\n  <id>corp</id>\n  <username>\${env.MVN_USER}</username>\n  <password>\${env.MVN_PASS}</password>\n</server>`,
  () =>
    `org.gradle.jvmargs=-Xmx2g\nversion=2.${r.int(20)}.${
      r.int(9)
    }\nsigning.keyId=${hx(8).toUpperCase()}`,
  () => `[db]\ndb1.internal ansible_user=admin ansible_port=22`,
  () => `db_password = var.db_password\ninstance    = "db.t3.medium"`,
  () => `define( 'DB_PASSWORD', getenv('DB_PASSWORD') );`,
  () =>
    `cfg := mysql.Config{User: "app", Passwd: os.Getenv("DB_PASS"), Net: "tcp"}`,
  () =>
    `sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="svc" password="\${KAFKA_PASSWORD}";`,
  () => `AIRFLOW_CONN_WAREHOUSE='postgres://localhost:5432/dwh'`,
  () => `CELERY_BROKER_URL = "redis://localhost:6379/0"`,
  () =>
    `    basic_auth:\n      username: prom\n      password_file: /etc/prometheus/pass`,
  () => `    secureJsonData:\n      password: $__env{PG_PASSWORD}`,
  () =>
    `{"clientId": "billing-web", "publicClient": true, "redirectUris": ["https://billing.example.com/*"]}`,
  () => `FCM registration token refreshed for device ${uuid(r)}`,
  () => `2026-12-03 11:02:33,418 INFO [gitlab] cloned acme/api at ${hx(40)}`,
  () =>
    `ValidationError: 422 Unprocessable Entity\n  request body: {"email":"ops@example.com","remember":true}`,
  () => `mosquitto_sub -h broker.internal -t 'plant/#' -v`,
  () =>
    `[Peer]\nPublicKey = ${r.str(B64, 43)}=\nEndpoint = vpn.example.com:51820`,
  () =>
    `<ca>\n-----BEGIN CERTIFICATE-----\nMIIB${
      r.str(B64, 60)
    }\n-----END CERTIFICATE-----\n</ca>`,
  () =>
    `[mailer] sent ${r.int(900)} messages (message-id <${
      hx(16)
    }@mail.example.com>)`,
  () =>
    `jdbc:sqlserver://db.internal:1433;databaseName=app;integratedSecurity=true`,
  () => `SHOPIFY_SHOP_DOMAIN: acme-${r.str(LOW, 6)}.myshopify.com`,
  () => `stripe.api_key = os.environ["STRIPE_API_KEY"]`,
  () => `client = WebClient(token=os.environ["SLACK_BOT_TOKEN"])`,
  () => `Set-Cookie: theme=dark; Path=/; SameSite=Lax`,
  () =>
    `Found no credentials in environment; falling back to instance metadata`,
  () => `git log --format=%H -1 -> ${hx(40)}`,
  () => `sha512sum: ${hx(128)}  release.tar.gz`,
];
for (let i = 0; i < 74; i++) {
  ben(`lookalike/${i % BENIGN.length}`, BENIGN[i % BENIGN.length]());
}

emitRows(rows);
