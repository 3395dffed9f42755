import assert from "node:assert/strict";
import type { AuditEvent } from "../audit/store.ts";
import { octetFrame, sdValue, syslogMessage } from "./syslog.ts";

const EV: AuditEvent = {
  id: 7,
  time: "2026-12-02T05:00:00.123Z",
  prevHash: "0".repeat(64),
  hash: "ab".repeat(32),
  agent: "codex",
  toolName: "Bash",
  connectorType: "codex.Bash",
  decision: "blocked",
  decisionId: "d-7",
  policies: ["sys_dangerous_rm_home", "x"],
  severity: "critical",
  reason: 'deletes "home" ]',
  inputSummary: "rm -rf ~\nsecond line",
  success: true,
  user: "dev",
  host: "laptop 1",
  sessionId: "s-1",
};

Deno.test("syslogMessage: RFC 5424 header, escaped structured data, one line", () => {
  const m = syslogMessage(EV);
  // facility 13 (log audit) * 8 + severity 4 (warning) = 108
  assert.ok(
    m.startsWith(
      "<108>1 2026-12-02T05:00:00.123Z laptop1 axonflow - blocked [audit@32473 ",
    ),
    m,
  );
  assert.match(m, / id="7" /);
  assert.match(m, / policies="sys_dangerous_rm_home,x" /);
  assert.match(m, / user="dev" /);
  assert.match(m, / session="s-1" /);
  assert.ok(m.endsWith('] rm -rf ~ second line | deletes "home" ]'), m);
  assert.ok(!m.includes("\n"));
  assert.equal(sdValue('a"b\\c]d'), 'a\\"b\\\\c\\]d');
});

Deno.test("syslogMessage: severities follow the verdict; an empty host is '-'", () => {
  const pri = (d: AuditEvent["decision"]) =>
    syslogMessage({ ...EV, decision: d, host: undefined }).match(
      /^<(\d+)>1 \S+ (\S+)/,
    )!;
  assert.deepEqual(pri("allowed").slice(1), ["110", "-"]);
  assert.equal(pri("redacted")[1], "109");
  assert.equal(pri("error")[1], "107");
});

Deno.test("octetFrame counts bytes, not characters", () => {
  const f = new TextDecoder().decode(octetFrame("é1"));
  assert.equal(f, "3 é1");
});
