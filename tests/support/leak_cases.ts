/**
 * The leak classes the end-to-end carrier tests send through the real CLIs:
 * fake values in real formats (never live credentials), each class with its
 * own values so a leak names its class, as a text file (what a shell command
 * prints, or a file the agent reads) and as a structured MCP result.
 *
 * Text classes: a plain secret, personal data, a token split by ANSI colour
 * codes, URL-encoded, split over two lines, base64 credentials in a
 * data:text URI, a token JSON-escaped twice, a token markdown-escaped
 * (`ghp\_…`, as WebFetch writes a page), and JSON documents printed as
 * text (a token as a map key, a card and an SSN as numbers, a token split
 * across array elements, a token nested 40 levels deep). Structured classes
 * are the same shapes as real JSON values of `structuredContent`.
 *
 * @module
 */

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** A deterministic pseudo-random alphanumeric string for `label`. */
export function fakeChars(label: string, n: number): string {
  let h = 2166136261;
  for (const c of label) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  let out = "";
  for (let i = 0; i < n; i++) {
    h = Math.imul(h ^ (h >>> 15), 2246822519) >>> 0;
    h = (h + 0x9e3779b9) >>> 0;
    out += ALNUM[h % ALNUM.length];
  }
  return out;
}

/** A fake GitHub token for `label` (the real format: ghp_ and 36 characters). */
export function fakeGithub(label: string): string {
  return `ghp_${fakeChars(label, 36)}`;
}

/** Card, SSN, e-mail, IBAN and phone values (fake, valid in form and checksum). */
export const PII = {
  ssn: "536-90-4399",
  card: "4539 1488 0343 6467",
  email: "jane.roe@acme-corp.io",
  iban: "GB82 WEST 1234 5698 7654 32",
} as const;

/** One leak class: its values (name -> raw value) and how it is written. */
export interface LeakClass {
  name: string;
  values: Record<string, string>;
  /** The class as lines of text. */
  text: string;
}

function nested(depth: number, leaf: unknown): unknown {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = { level: v };
  return v;
}

/** The text leak classes, each with its own values. */
export function textClasses(tag: string): LeakClass[] {
  const t = (k: string) => fakeGithub(`${tag}:${k}`);
  const plain = t("plain");
  const stripe = `sk_live_${fakeChars(`${tag}:stripe`, 28)}`;
  const ansi = t("ansi");
  const url = t("url");
  const split = t("split");
  const b64secret = fakeChars(`${tag}:aws`, 40);
  const twice = t("twice");
  const md = t("markdown");
  const key = t("key");
  const arr = t("array");
  const deep = t("deep");
  const creds =
    `[default]\naws_access_key_id = AKIAQX4Z7RT2LMNB5KWE\naws_secret_access_key = ${b64secret}\n`;
  return [
    {
      name: "plain secret",
      values: { github: plain, stripe },
      text: `GITHUB_TOKEN=${plain}\nSTRIPE_SECRET_KEY=${stripe}\n`,
    },
    {
      name: "personal data",
      values: { ...PII },
      text:
        `customer ssn: ${PII.ssn}\ncard on file: ${PII.card}\ncontact: ${PII.email}\npayout iban: ${PII.iban}\n`,
    },
    {
      name: "ANSI colour split",
      values: { github: ansi, tail: ansi.slice(12) },
      text: `deploy token \x1b[31m${ansi.slice(0, 12)}\x1b[0m${
        ansi.slice(12)
      }\n`,
    },
    {
      name: "URL-encoded",
      values: { github: url, tail: url.slice(10) },
      text: `redirect: /login?next=${
        encodeURIComponent(`https://ci.internal/cb?token=${url}`)
      }\n`,
    },
    {
      name: "split over lines",
      values: { github: split, tail: split.slice(20) },
      text: `GITHUB_TOKEN=${split.slice(0, 20)}\n${split.slice(20)}\n`,
    },
    {
      name: "base64 data:text URI",
      values: { aws: b64secret },
      text: `attachment: data:text/plain;base64,${btoa(creds)}\n`,
    },
    {
      name: "JSON-escaped twice",
      values: { github: twice, tail: twice.slice(4) },
      text: `payload: ${
        JSON.stringify(JSON.stringify({ t: twice })).replace(
          "ghp_",
          "\\\\u0067\\\\u0068\\\\u0070_",
        )
      }\n`,
    },
    {
      name: "markdown-escaped",
      values: { github: md, tail: md.slice(4) },
      text: `deploy token ${md.replace("_", "\\_")}\n`,
    },
    {
      name: "JSON: token as map key",
      values: { github: key },
      text: `${JSON.stringify({ grants: { [key]: "admin" } })}\n`,
    },
    {
      name: "JSON: card and SSN as numbers",
      values: { card: "4716108999716531", ssn: "212417783" },
      text: `${
        JSON.stringify({ card_number: 4716108999716531, ssn: 212417783 })
      }\n`,
    },
    {
      name: "JSON: token split across array elements",
      values: { github: arr, tail: arr.slice(18) },
      text: `${
        JSON.stringify({ token_parts: [arr.slice(0, 18), arr.slice(18)] })
      }\n`,
    },
    {
      name: "JSON: nested 40 deep",
      values: { github: deep },
      text: `${JSON.stringify(nested(40, { token: deep }))}\n`,
    },
  ];
}

/** One structured leak class: values and a JSON value carrying them. */
export interface StructuredClass {
  name: string;
  values: Record<string, string>;
  value: unknown;
}

/** The structured leak classes (what an MCP tool returns as `structuredContent`). */
export function structuredClasses(tag: string): StructuredClass[] {
  const t = (k: string) => fakeGithub(`${tag}:${k}`);
  const plain = t("plain");
  const key = t("key");
  const arr = t("array");
  const deep = t("deep");
  const twice = t("twice");
  const b64secret = fakeChars(`${tag}:aws`, 40);
  const creds =
    `[default]\naws_access_key_id = AKIAQX4Z7RT2LMNB5KWE\naws_secret_access_key = ${b64secret}\n`;
  return [
    { name: "plain secret", values: { github: plain }, value: { plain } },
    {
      name: "personal data",
      values: { ssn: PII.ssn, email: PII.email },
      value: { customer: { ssn: PII.ssn, email: PII.email } },
    },
    {
      name: "token as map key",
      values: { github: key },
      value: { grants: { [key]: "admin" } },
    },
    {
      name: "card, SSN, phone as numbers",
      values: {
        card: "4716108999716531",
        ssn: "212417783",
        phone: "4155238867",
      },
      value: {
        card_number: 4716108999716531,
        ssn: 212417783,
        phone: 4155238867,
      },
    },
    {
      name: "token split across array elements",
      values: { github: arr, tail: arr.slice(18) },
      value: { token_parts: [arr.slice(0, 18), arr.slice(18)] },
    },
    {
      name: "nested 40 deep",
      values: { github: deep },
      value: nested(40, { token: deep }),
    },
    {
      name: "base64 data:text URI",
      values: { aws: b64secret },
      value: { attachment: `data:text/plain;base64,${btoa(creds)}` },
    },
    {
      name: "JSON-escaped twice",
      values: { github: twice, tail: twice.slice(4) },
      value: {
        payload: JSON.stringify(JSON.stringify({ t: twice })).replace(
          "ghp_",
          "\\\\u0067\\\\u0068\\\\u0070_",
        ),
      },
    },
  ];
}

/** Routine output that must reach the model unchanged: look-alikes of secrets and PII that are not. */
export const CLEAN_TEXT = [
  "commit 3f9c2a1b7e4d5f6a8b9c0d1e2f3a4b5c6d7e8f90",
  "Merge: 1a2b3c4 5d6e7f8",
  "Date:   2026-11-30T14:05:09Z",
  "request id 7c9e6679-7425-40de-944b-e07fc1f90ae7 took 182 ms",
  "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
  "version 4.12.0 (build 20261130.3), port 8080, pid 41236",
  "ok  \tgithub.com/acme/api/internal/store\t0.412s",
  "total 3 files, 14,208 bytes",
].join("\n") + "\n";

/** A routine structured result (ids, timestamps, sizes, hashes as numbers and strings) that must reach the model unchanged. */
export const CLEAN_STRUCTURED = {
  rows: [
    { id: 1234567890123, created_at: 1733212345678, size: 10485760 },
    { user_id: 987654321, order_id: 20261203001, amount_cents: 1999900 },
  ],
  commit: "3f9c2a1b7e4d5f6a8b9c0d1e2f3a4b5c6d7e8f90",
  request_id: "7c9e6679-7425-40de-944b-e07fc1f90ae7",
  version: "4.12.0",
};

/** Every value of a list of classes, keyed `<class>/<value name>`. */
export function allValues(
  classes: readonly { name: string; values: Record<string, string> }[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of classes) {
    for (const [k, v] of Object.entries(c.values)) out[`${c.name}/${k}`] = v;
  }
  return out;
}

/** URI of the scripted MCP resource that carries leak classes. */
export const LEAK_RESOURCE = "file:///srv/app/config/.env";
/** URI of the scripted MCP resource that holds routine text. */
export const CLEAN_RESOURCE = "file:///srv/app/build.log";

/** The leak classes each tool of the scripted MCP server carries (see {@link mcpCarrierScript}). */
export interface McpCarrierClasses {
  text: readonly LeakClass[];
  struct: readonly StructuredClass[];
  only: readonly StructuredClass[];
  resource: readonly LeakClass[];
  embedded: readonly LeakClass[];
  /** The token the failing call's error text holds. */
  failing: string;
  /** The text block beside `structuredContent` in `leak_structured`. */
  structuredText: string;
}

/** The structured classes as one object, a key per class. */
export function structuredValue(
  cs: readonly StructuredClass[],
): Record<string, unknown> {
  return Object.fromEntries(cs.map((c, i) => [`case_${i}`, c.value]));
}

/**
 * The script of `scripted_mcp_server.ts` both CLIs' carrier tests run: tools
 * whose results carry the leak classes as text, structuredContent (with and
 * without text beside it), an embedded resource and a failing call; clean
 * twins of them; and two resources.
 */
export function mcpCarrierScript(
  c: McpCarrierClasses,
): Record<string, unknown> {
  const joined = (cs: readonly LeakClass[]) => cs.map((x) => x.text).join("");
  const attached = (uri: string, text: string) => [
    { type: "text", text: "see the attached file" },
    { type: "resource", resource: { uri, mimeType: "text/plain", text } },
  ];
  return {
    leak_text: { content: [{ type: "text", text: joined(c.text) }] },
    leak_structured: {
      content: [{ type: "text", text: c.structuredText }],
      structuredContent: structuredValue(c.struct),
    },
    leak_structured_only: {
      content: [],
      structuredContent: structuredValue(c.only),
    },
    clean_text: { content: [{ type: "text", text: CLEAN_TEXT }] },
    clean_structured: {
      content: [{ type: "text", text: JSON.stringify(CLEAN_STRUCTURED) }],
      structuredContent: CLEAN_STRUCTURED,
    },
    failing_call: {
      content: [{
        type: "text",
        text:
          `connection failed: postgres://app:${c.failing}@db.internal:5432/app`,
      }],
      isError: true,
    },
    leak_embedded: { content: attached(LEAK_RESOURCE, joined(c.embedded)) },
    clean_embedded: { content: attached(CLEAN_RESOURCE, CLEAN_TEXT) },
    __resources: {
      [LEAK_RESOURCE]: joined(c.resource),
      [CLEAN_RESOURCE]: CLEAN_TEXT,
    },
  };
}
