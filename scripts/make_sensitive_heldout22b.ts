/**
 * `deno run -A scripts/make_sensitive_heldout22b.ts > scripts/data/sensitive_heldout22b.jsonl`:
 * a second held-out set of secrets and PII round 8, written after the
 * round's fixes (which were designed on `sensitive_tune22.jsonl`, whose
 * templates set 22 shares) and measured once: the same classes in carriers
 * neither set uses. kubectl's last-applied annotation and Pulumi JSON with
 * escaped PEM keys, SSM parameters as YAML, Vault-style path names,
 * spaced Slack tokens, phrases in CSV cells and numbered lists; label
 * clauses with `was`, logfmt id types, vCard 2.1 fields, label qualifiers
 * of other languages, base64 JSON in logs; look-alikes of each.
 *
 * @module
 */

import { ALNUM, B64, DIG, HEX, Rng } from "./lib/sensitive_corpus.ts";
import {
  card,
  cpf,
  dni,
  emitRows,
  FIRST,
  gh,
  iban,
  LAST,
  nino,
  personEmail,
  type Row,
  rowAdders,
  ssn,
} from "./lib/sensitive_values.ts";
import { birthDate, bsn } from "./lib/world_values.ts";
import { BIP39_WORDS } from "../governance/engine/detect/bip39_words.ts";

const r = new Rng(22_2_1203_2026);
const rows: Row[] = [];
const { sec, pii, ben } = rowAdders(rows);
const cap = (s: string) => s[0].toUpperCase() + s.slice(1);
const fullName = () => `${cap(r.pick(FIRST))} ${cap(r.pick(LAST))}`;
const pad = (n: number) => String(n).padStart(2, "0");
const b64 = (n: number) => r.str(B64, n);
const MON = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep"];

async function phrase(n: 12 | 24): Promise<string> {
  const ent = new Uint8Array(n === 12 ? 16 : 32);
  for (let i = 0; i < ent.length; i++) ent[i] = r.int(256);
  const h = new Uint8Array(await crypto.subtle.digest("SHA-256", ent));
  const bits = [...ent].map((b) => b.toString(2).padStart(8, "0")).join("") +
    [...h].map((b) => b.toString(2).padStart(8, "0")).join("").slice(
      0,
      ent.length / 4,
    );
  const out: string[] = [];
  for (let i = 0; i < bits.length; i += 11) {
    out.push(BIP39_WORDS[parseInt(bits.slice(i, i + 11), 2)]);
  }
  return out.join(" ");
}

type Gen = () => string[] | Promise<string[]>;
const pemLines = () => ["MIIEowIBAAKCAQEA" + b64(48), b64(64), b64(64)];

const SECRETS: [string, Gen][] = [
  ["last_applied_pem", () => {
    const l = pemLines();
    const applied = JSON.stringify({
      apiVersion: "v1",
      kind: "Secret",
      stringData: {
        "tls.key": `-----BEGIN RSA PRIVATE KEY-----\n${
          l.join("\n")
        }\n-----END RSA PRIVATE KEY-----\n`,
      },
    });
    return [
      JSON.stringify({
        metadata: {
          annotations: {
            "kubectl.kubernetes.io/last-applied-configuration": applied,
          },
        },
      }),
      l[1],
    ];
  }],
  ["pulumi_json_pem", () => {
    const l = pemLines();
    const v = JSON.stringify(
      `-----BEGIN PRIVATE KEY-----\n${l.join("\n")}\n-----END PRIVATE KEY-----`,
    );
    return [
      `$ pulumi stack output --json --show-secrets\n{\n  "deployKey": ${
        JSON.stringify(v)
      }\n}`,
      l[2],
    ];
  }],
  ["ssm_yaml", () => {
    const v = "/" + r.str(B64, 39);
    return [
      `Parameter:\n  Name: /prod/payments/secret_key\n  Type: SecureString\n  Value: ${v}\n  Version: 7`,
      v,
    ];
  }],
  ["vault_path_pair", () => {
    const v = "/" + r.str(ALNUM, 20) + "+" + r.str(ALNUM, 11);
    return [`{"key": "secret/data/prod/api_token", "value": "${v}"}`, v];
  }],
  ["spaced_slack", () => {
    const t = `xoxb-${r.str(DIG, 12)}-${r.str(DIG, 13)}-${r.str(ALNUM, 24)}`;
    const sp = [...t].join(" ");
    return [`from the screenshot: ${sp}`, sp.slice(20, 60)];
  }],
  ["spaced_groups_key", () => {
    const k = r.str(ALNUM, 20);
    const sp = k.replace(/(.{5})(?=.)/g, "$1 ");
    return [`API key (read over the phone): ${sp}`, sp];
  }],
  ["phrase_csv_cell", async () => {
    const w = await phrase(12);
    return [`id,label,value\n7,backup-2,"${w}"`, w];
  }],
  ["phrase_numbered_lines", async () => {
    const w = (await phrase(12)).split(" ");
    return [
      `paper.txt\n${w.map((x, i) => `${i + 1}. ${x}`).join("\n")}`,
      ...w.filter((x) => x.length >= 7),
    ];
  }],
  ["ghp_in_ini", () => {
    const t = gh(r, "ghp_");
    return [`[github]\n    user = ci-bot\n    token = ${t}`, t];
  }],
  ["pgpass_env", () => {
    const p = r.pick(["Birch", "Cobalt", "Delta"]) + "!" + r.str(ALNUM, 9);
    return [`PGPASSWORD='${p}' psql -h db.internal -U app orders`, p];
  }],
];

const PII: [string, Gen][] = [
  ["label_was", () => {
    const s = ssn(r, "-");
    return [`The SSN on the original application was ${s}.`, s];
  }],
  ["label_reads", () => {
    const [y, m, d] = birthDate(r);
    const v = `${pad(m)}/${pad(d)}/${y}`;
    return [`DOB listed in the chart reads ${v}`, v];
  }],
  ["label_clause_iban", () => {
    const v = iban("NL", "ABNA" + r.str(DIG, 10));
    return [`The IBAN that I use for rent is ${v}`, v];
  }],
  ["logfmt_id_type", () => {
    const v = r.pick(["5", "C"]) + r.str(DIG, 8);
    return [
      `at=info id_type=passport id_number=${v} kyc_level=2 user=${
        r.str(DIG, 6)
      }`,
      v,
    ];
  }],
  ["logfmt_quoted_doc", () => {
    const v = "X" + r.str(DIG, 8);
    return [`msg="doc saved" document_type="P" document_number="${v}"`, v];
  }],
  ["vcard21", () => {
    const [y, m, d] = birthDate(r);
    const bd = `${y}-${pad(m)}-${pad(d)}`;
    const e = personEmail(r);
    return [
      `BEGIN:VCARD\nVERSION:2.1\nN:${r.pick(LAST)};${
        r.pick(FIRST)
      }\nBDAY;VALUE=date:${bd}\nEMAIL;INTERNET:${e}\nEND:VCARD`,
      bd,
      e,
    ];
  }],
  ["csv_dob_short_month", () => {
    const [y, , d] = birthDate(r);
    const v = `${r.pick(MON)} ${d}, ${y}`;
    return [
      `member_id,full_name,dob\n${r.str(DIG, 5)},${fullName()},${v}`,
      v.split(",")[0],
    ];
  }],
  ["qualifier_cpf", () => {
    const v = cpf(r);
    return [`cpf_titular: ${v}`, v];
  }],
  ["qualifier_dni", () => {
    const v = dni(r);
    return [`{"dni_cliente": "${v}"}`, v];
  }],
  ["qualifier_bsn", () => {
    const v = bsn(r);
    return [`bsn_klant=${v}`, v];
  }],
  ["qualifier_nino_paren", () => {
    const v = nino(r);
    return [`NINO (UK): ${v}`, v];
  }],
  ["base64_json_log", () => {
    const b = btoa(JSON.stringify({ email: personEmail(r), plan: "pro" }));
    return [`2026-12-03 10:00:01 DEBUG payload=${b}`, b];
  }],
  ["card_split_terminal", () => {
    const c = card(r, "5", 16);
    return [
      `payment.card_number = ${c.slice(0, 4)} ${c.slice(4, 8)} ${
        c.slice(8, 12)
      }\n${c.slice(12)}`,
      c.slice(8, 12),
    ];
  }],
];

const BENIGN: [string, Gen][] = [
  ["b_last_applied_cm", () => [
    JSON.stringify({
      metadata: {
        annotations: {
          "kubectl.kubernetes.io/last-applied-configuration": JSON.stringify({
            kind: "ConfigMap",
            data: {
              "ca.crt": "-----BEGIN CERTIFICATE-----\nMIIB" + b64(60) +
                "\n-----END CERTIFICATE-----\n",
            },
          }),
        },
      },
    }),
  ]],
  ["b_ssm_yaml_path", () => [
    `Parameter:\n  Name: /prod/payments/log_path\n  Type: String\n  Value: /var/log/payments/${
      r.str("abcdef", 4)
    }\n  Version: 2`,
  ]],
  ["b_vault_path_value", () => [
    `{"key": "secret/data/prod/api_token", "value": "/v1/secret/data/prod/${
      r.pick(["api", "web"])
    }"}`,
  ]],
  ["b_spaced_heading", () => [
    r.pick([
      "T A B L E   O F   C O N T E N T S",
      "C H A N G E L O G  —  v 2 . 4",
      "R E A D  M E  F I R S T",
    ]),
  ]],
  ["b_csv_words", () => [
    `id,label,value\n7,tags,"ocean forest river mountain desert island valley canyon glacier meadow"`,
  ]],
  ["b_numbered_todo", () => [
    `todo.txt\n1. review\n2. merge\n3. deploy\n4. monitor\n5. rollback\n6. notify`,
  ]],
  ["b_label_was_order", () => [
    `The order number on the original application was ${r.str(DIG, 9)}.`,
  ]],
  ["b_logfmt_id_type_user", () => [
    `at=info id_type=user id_number=${r.str(DIG, 6)} action=login`,
  ]],
  ["b_vcard_org", () => [
    `BEGIN:VCARD\nVERSION:2.1\nORG:Acme Support\nURL:https://support.acme.example\nEND:VCARD`,
  ]],
  ["b_csv_invoice_date", () => [
    `invoice_id,customer,issued\n${r.str(DIG, 5)},Acme Corp,${r.pick(MON)} ${
      1 + r.int(28)
    }, 2026`,
  ]],
  ["b_qualifier_null", () => [
    r.pick([
      "cpf_titular: null",
      `{"dni_cliente": ""}`,
      "bsn_klant=",
      "NINO (UK): n/a",
    ]),
  ]],
  ["b_base64_log_config", () => [
    `2026-12-03 10:00:01 DEBUG payload=${
      btoa(JSON.stringify({ plan: "pro", seats: r.int(50), trial: false }))
    }`,
  ]],
  ["b_split_numbers", () => [
    `build ${r.str(DIG, 4)} ${r.str(DIG, 4)} ${r.str(DIG, 4)}\n${
      r.str(DIG, 4)
    } done in ${r.int(90)}s`,
  ]],
  ["b_hex_key_id", () => [`key_id = ${r.str(HEX, 40)}  # public fingerprint`]],
];

for (const [cls, g] of SECRETS) {
  for (let i = 0; i < 5; i++) {
    sec(cls, ...(await g()) as [string, ...string[]]);
  }
}
for (const [cls, g] of PII) {
  for (let i = 0; i < 4; i++) {
    pii(cls, ...(await g()) as [string, ...string[]]);
  }
}
for (const [cls, g] of BENIGN) {
  for (let i = 0; i < 4; i++) ben(cls, (await g())[0]);
}
emitRows(rows);
