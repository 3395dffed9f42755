/**
 * Secrets in pieces (`pieces.ts`): concatenated literals, groups read out
 * after a keyword, hex dumps, with the look-alikes that stay untouched.
 * Values are generated here.
 */
import assert from "node:assert/strict";
import { findSensitive } from "./sensitive.ts";
import { redact } from "../redact.ts";
import { cutView } from "./disguise.ts";

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
let seed = 0x9e3779b;
function rand(n: number): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (((t ^ (t >>> 14)) >>> 0) / 4294967296 * n) | 0;
}
function rnd(alphabet: string, n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += alphabet[rand(alphabet.length)];
  return s;
}
const hex = (s: string) =>
  [...s].map((c) => c.charCodeAt(0).toString(16).padStart(2, "0")).join("");
function gone(text: string, ...values: string[]): void {
  const out = redact(text, findSensitive(text));
  for (const v of values) assert.ok(!out.includes(v), `${text} -> ${out}`);
}
function none(text: string): void {
  assert.deepEqual(
    findSensitive(text).map((f) =>
      `${f.policyId}:${text.slice(f.start, f.end)}`
    ),
    [],
    text,
  );
}

Deno.test("cutView maps view characters back to their source spans", () => {
  const v = cutView('a"+"b', [[1, 4]]);
  assert.equal(v.text, "ab");
  assert.deepEqual([...v.from], [0, 4]);
  assert.deepEqual([...v.to], [4, 5]);
});

Deno.test("literals joined by concatenation", () => {
  for (
    const f of [
      (a: string, b: string) => `const t = "${a}" + "${b}";`,
      (a: string, b: string) => `TOKEN = ("${a}"\n    "${b}")`,
      (a: string, b: string) => `export K="${a}""${b}"`,
      (a: string, b: string) => `key := "${a}" +\n\t"${b}"`,
      (a: string, b: string) => `String k = "${a}"\n    + "${b}";`,
      (a: string, b: string) => `k = '${a}' \\\n  '${b}'`,
      (a: string, b: string) => `K="${a}"\nK+="${b}"`,
      (a: string, b: string) => `$k = '${a}' . '${b}';`,
    ]
  ) {
    const t = "ghp_" + rnd(ALNUM, 36);
    const cut = 6 + rand(20);
    gone(f(t.slice(0, cut), t.slice(cut)), t.slice(0, cut), t.slice(cut));
  }
  for (
    const t of [
      'msg = "Hello, " + "world" + "!"',
      'path = "/usr/" + "local/" + "bin"',
      'name = "token_" + "count"',
      'url = "https://" + host + "/api/v1"',
      `label = "ghp_" + "prefix is for classic tokens"`,
    ]
  ) {
    none(t);
  }
});

Deno.test("tokens read out in groups after their prefix", () => {
  const t = "gsk_" + rnd(ALNUM, 52);
  const g = t.match(/.{1,4}/g)!.join(" ");
  gone(`creds: ${g}`, ...g.split(" ").slice(1, 5));
  const h = "ghp_" + rnd(ALNUM, 36);
  const g2 = h.match(/.{1,6}/g)!.join(" ");
  gone(`token is ${g2} ok`, ...g2.split(" ").slice(1, 4));
  none("the ghp_ prefix is for a classic token, see the docs");
  // Prose after a whole token is not more of it.
  const whole = "ghr_" + rnd(ALNUM, 36);
  const text = `here is ${whole} for you and me`;
  const fs = findSensitive(text);
  assert.deepEqual(fs.map((f) => text.slice(f.start, f.end)), [whole]);
  none("sk-ant and sk-proj keys are in the vault now");
});

Deno.test("secrets printed as hex", () => {
  const t = "ghp_" + rnd(ALNUM, 36);
  const h = hex(t);
  gone(`token (hex): ${h}`, h);
  gone(
    `$ echo -n "$T" | xxd -p\n${h.slice(0, 60)}\n${h.slice(60)}`,
    h.slice(0, 60),
  );
  const spaced = h.match(/../g)!.join(" ");
  gone(`bytes: ${spaced}`, spaced.slice(12, 40));
  const pw = hex("password=" + "Xq7" + rnd(ALNUM, 14));
  gone(`payload ${pw}`, pw);
  for (
    const t of [
      `sha256 ${rnd("0123456789abcdef", 64)}`,
      `commit ${rnd("0123456789abcdef", 40)}`,
      hex("hello world, this is a build log line"),
      `$ xxd -p banner.txt\n${hex("Welcome to the build server, have fun")}`,
      "bytes: 7f 45 4c 46 02 01 01 00 00 00 00 00 00 00 00 00",
      `ETag: "${rnd("0123456789abcdef", 32)}"`,
    ]
  ) {
    none(t);
  }
});

Deno.test("pieces stay linear on 100 KB of hostile input", () => {
  for (
    const t of [
      'token "a" + '.repeat(8_000),
      '"ghp_"'.repeat(16_000),
      "ghp_ " + "ab ".repeat(30_000),
      "41 ".repeat(33_000) + "8",
      "4142".repeat(25_000) + "8",
      "41:".repeat(33_000),
      "token " + "6".repeat(100_000),
      "key " + "65, ".repeat(25_000) + "x",
      "0x41,".repeat(20_000),
      "\\101".repeat(25_000) + "9",
    ]
  ) {
    const t0 = performance.now();
    findSensitive(t);
    const ms = performance.now() - t0;
    assert.ok(ms < 1500, `${ms.toFixed(0)} ms on ${t.slice(0, 20)}`);
  }
});

Deno.test("secrets as byte lists and octal escapes", () => {
  const t = "ghp_" + rnd(ALNUM, 36);
  const codes = [...t].map((c) => c.charCodeAt(0));
  const hexList = codes.map((c) => "0x" + c.toString(16)).join(", ");
  gone(`static const char key[] = { ${hexList} };`, hexList.slice(12, 40));
  const decList = codes.join(", ");
  gone(`key := []byte{${decList}}`, decList.slice(10, 30));
  const oct = codes.map((c) => "\\" + c.toString(8).padStart(3, "0")).join("");
  gone(`printf '${oct}'`, oct.slice(8, 40));
  none(
    "static const char banner[] = { 0x48, 0x65, 0x6c, 0x6c, 0x6f, 0x2c, 0x20, 0x77, 0x6f, 0x72, 0x6c, 0x64 };",
  );
  none("magic := []byte{137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13}");
  none("printf '\\033[1;32mOK\\033[0m\\n'");
  none("1,2,3,4,5,6,7,8,9,10,11,12,13,14,15");
});

Deno.test("a secret cut into the elements of a list or JSON array", () => {
  for (
    const f of [
      (a: string, b: string) => `{"parts":["${a}","${b}"]}`,
      (a: string, b: string) => `token = ["${a}", "${b}"]`,
      (a: string, b: string) => `parts: ['${a}', '${b}']`,
    ]
  ) {
    const t = "ghp_" + rnd(ALNUM, 36);
    const cut = 6 + rand(20);
    gone(f(t.slice(0, cut), t.slice(cut)), t.slice(0, cut), t.slice(cut));
  }
  for (
    const t of [
      '["alpha", "beta", "gamma"]',
      '{"tags":["ghp_", "prefix of classic tokens"]}',
      '["sha256:9f86d081884c7d65", "9a2feaa0c55ad015a3bf4f1b"]',
      '["AKIA", "IOSFODNN7EXAMPLE is the documented example"]',
      '["node_modules", "dist", "build", "coverage"]',
    ]
  ) {
    none(t);
  }
});

Deno.test("pieces: base64 padding ends a value, the next list item is not joined to it", () => {
  const v = rnd(ALNUM, 30) + "==";
  const t = `{"token":"${v}", "b":"x"}`;
  const out = redact(t, findSensitive(t));
  assert.ok(!out.includes(v), out);
  assert.ok(out.includes(', "b":"x"}'), out);
});

Deno.test("pieces: literals joined across a Python line continuation after +", () => {
  const body = rnd(ALNUM, 36);
  const [a, b, c] = [body.slice(0, 7), body.slice(7, 25), body.slice(25)];
  gone(`_TOKEN = "ghp_${a}" + "${b}" + \\\n    "${c}"\n`, a, b, c);
  gone(`key = "sk_live_${a}" \\\n  "${b}${c}"\n`, a, b);
  none(`msg = "Hello, " + \\\n    "world and everyone"\n`);
});

Deno.test("labelled secrets: a quoted value a formatter wrapped onto the next line", () => {
  const v = rnd(ALNUM, 40);
  const [a, b, c] = [v.slice(0, 10), v.slice(10, 29), v.slice(29)];
  gone(`private static final String TOKEN =\n        "${v}";\n`, v);
  gone(
    `private static final String TOKEN =\n        "${a}" +\n        "${b}" +\n        "${c}";\n`,
    a,
    b,
    c,
  );
  gone(`val dbPassword =\n    "${a}!x${c}"\n`, a);
  none("token:\n  enabled: true\n  ttl: 3600\n");
  none('API_TOKEN_HEADER =\n    "X-Api-Token"\n');
});

Deno.test("Azure storage keys under a storage or account key label", () => {
  const key = rnd(ALNUM + "+/", 86) + "==";
  gone(`"AZURE_STORAGE_ACCOUNT_KEY=${key}",`, key);
  gone(`integrations:\n  azure_storage_account_key: ${key}\n`, key);
  // Microsoft's published storage-emulator key is not a secret.
  none(
    "AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;",
  );
});
