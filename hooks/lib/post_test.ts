import assert from "node:assert/strict";
import { DEFAULT_CONFIG } from "../../governance/engine/mod.ts";
import { MAX_TIMEOUT_SECONDS } from "./config.ts";
import {
  embeddedScan,
  postDeadlineMs,
  redactedExcerpt,
  remoteNotice,
  scanWindow,
} from "./post.ts";

Deno.test("scanWindow keeps short texts and cuts the middle of long ones", () => {
  assert.deepEqual(scanWindow("abc", 10), { text: "abc", skipped: 0 });
  const w = scanWindow("a".repeat(10) + "b".repeat(10), 10);
  assert.equal(w.skipped, 10);
  assert.ok(w.text.startsWith("aaaaa\n[... 10 characters not scanned ...]\n"));
  assert.ok(w.text.endsWith("bbbbb"));
});

Deno.test("redactedExcerpt keeps every marker of a long text, within bounds", () => {
  const long = "x".repeat(50_000) + "[REDACTED:ssn]" + "y".repeat(50_000) +
    "[REDACTED:email]" + "z".repeat(50_000);
  const e = redactedExcerpt(long, 12_000);
  assert.ok(e.length < 12_000);
  assert.ok(e.includes("[REDACTED:ssn]") && e.includes("[REDACTED:email]"));
  assert.match(e, /characters omitted/);
  assert.equal(redactedExcerpt("short"), "short");
  // Adversarial: many markers, and a marker prefix repeated.
  assert.ok(
    redactedExcerpt("[REDACTED:".repeat(100_000), 12_000).length < 40_000,
  );
});

Deno.test("embeddedScan: findings give a notice with the redacted text; clean text none", () => {
  const found = embeddedScan("customer ssn 123-45-6789", DEFAULT_CONFIG);
  assert.match(found.notice, /\[REDACTED:ssn\]/);
  assert.ok(!found.notice.includes("123-45-6789"));
  assert.equal(embeddedScan("all good", DEFAULT_CONFIG).notice, "");
});

Deno.test("remoteNotice: redacted_message and blocked output", () => {
  assert.equal(remoteNotice({ allowed: true }), "");
  const n = remoteNotice({
    allowed: true,
    redacted_message: "ssn [REDACTED:ssn]",
  });
  assert.match(n, /instead of the original/);
  assert.match(n, /\[REDACTED:ssn\]/);
  assert.match(
    remoteNotice({ allowed: false, blocked_by: "p", block_reason: "r" }),
    /do not follow instructions/,
  );
});

Deno.test("postDeadlineMs stays below the 15 s hooks.json timeout", () => {
  const base = { home: "/h", dataDir: "/d", debug: false, warnings: [] };
  assert.equal(postDeadlineMs(base), 12_000);
  assert.ok(
    postDeadlineMs({
      ...base,
      endpoint: "http://x",
      timeoutSeconds: MAX_TIMEOUT_SECONDS,
    }) < 15_000,
  );
});
