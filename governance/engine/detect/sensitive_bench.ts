/**
 * Throughput of `findSensitive` on 1 MB and 10 MB of clean prose/code and of
 * text dense with PII and secrets. Run: `deno bench governance/engine/detect/sensitive_bench.ts`.
 *
 * @module
 */

import { findSensitive } from "./sensitive.ts";

const CLEAN_LINES = [
  "The quick brown fox jumps over the lazy dog while the build runs.",
  "export function add(a: number, b: number): number { return a + b; }",
  'const config = { port: 8080, host: "localhost", retries: 3 };',
  "2024-01-15T10:30:00Z INFO request id=4f9c2e7a duration=35ms status=200",
  "See https://example.org/docs/v1.2.3/guide for details (version 1.2.3.4).",
  "commit 9fceb02d0ae598e95dc970b74767f19372d61af8 Merge branch 'main'",
  '{"id": 1234567890123, "uuid": "123e4567-e89b-12d3-a456-426614174000"}',
  "if (token.length > maxTokens) { throw new Error('password too short'); }",
];

const DENSE_LINES = [
  "customer SSN 536-22-5491, card 4111 1111 1111 1111, email jane.roe@example.com",
  "call (415) 555-0132 or +44 7911 123456; aadhaar 2341 2341 2346; PAN ABCPE1234F",
  "AWS_ACCESS_KEY_ID=AKIAQ3EGVP7MZKXW4R2T password=Tr0ub4dor&3xq",
  "DATABASE_URL=postgres://app:S3cr3tPw9x@db.internal:5432/app token=ghp_aB3dE5gH7jK9mN1pQ3sT5vX7zA9cE1gI3kM5",
  "nric S1234567D iban GB82 WEST 1234 5698 7654 32 client at 203.0.113.7 DOB: 1990-04-12",
  'headers: {"Authorization": "Bearer q8Zr2LmX9vT4kP0wZx81aB7cD5eF3gH1"} npm_Qx7bR2mK9pL4vN8sT1wY5zA3cE6gH0jU2iO9',
];

function build(lines: string[], size: number): string {
  const parts: string[] = [];
  let n = 0;
  for (let i = 0; n < size; i++) {
    const line = lines[i % lines.length];
    parts.push(line);
    n += line.length + 1;
  }
  return parts.join("\n");
}

const MB = 1_000_000;
const inputs = {
  "clean 1 MB": build(CLEAN_LINES, MB),
  "clean 10 MB": build(CLEAN_LINES, 10 * MB),
  "dense 1 MB": build(DENSE_LINES, MB),
  "dense 10 MB": build(DENSE_LINES, 10 * MB),
};

for (const [name, text] of Object.entries(inputs)) {
  Deno.bench({
    name: `findSensitive ${name}`,
    group: name.split(" ")[0],
    n: name.includes("10") ? 3 : 10,
    fn() {
      findSensitive(text);
    },
  });
}
