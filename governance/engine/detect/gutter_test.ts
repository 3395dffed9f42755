import assert from "node:assert/strict";
import { gutterView } from "./gutter.ts";
import { findSensitive } from "./sensitive.ts";
import { redact } from "../redact.ts";

// Generated, not a real password.
const PW = "Ember%y9PsrARMr9";

Deno.test("gutterView: numbered lines lose their gutters, other text stays", () => {
  const arrow = `     1→host=db\n     2→port=5432\n`;
  assert.equal(gutterView(arrow)?.text, "host=db\nport=5432\n");
  const bar = "  9 | a\n 10 | b\nplain line";
  assert.equal(gutterView(bar)?.text, "a\nb\nplain line");
  assert.equal(gutterView("    12\tone\n    13\ttwo")?.text, "one\ntwo");
  // One arrow line is a view; one bar or tab line, or numbers that do not count up, are not.
  assert.equal(gutterView("     7→only")?.text, "only");
  assert.equal(gutterView("  1 | only"), undefined);
  assert.equal(gutterView("1\tx\n5\ty"), undefined);
  assert.equal(gutterView("no gutter\n  2 | x"), undefined);
});

Deno.test("a numbered file view: values at the start of a line are found and redacted in place", () => {
  const t =
    `     1→# ~/.pgpass\n     2→db.internal:5432:app:app:${PW}\n     3→`;
  const out = redact(t, findSensitive(t));
  assert.ok(!out.includes(PW), out);
  assert.ok(out.startsWith("     1→# ~/.pgpass\n     2→"), out);
  const netrc =
    `  1 | machine api.example.com\n  2 |   login ci\n  3 |   password ${PW}\n`;
  assert.ok(!redact(netrc, findSensitive(netrc)).includes(PW));
});

Deno.test("gutterView on hostile input finishes in linear time", () => {
  const started = performance.now();
  gutterView("1→1→1→1→".repeat(50_000));
  gutterView(
    Array.from({ length: 100_000 }, (_, i) => `${i + 1}→x`).join("\n"),
  );
  findSensitive("     1→" + "a".repeat(200_000));
  assert.ok(performance.now() - started < 5_000);
});
