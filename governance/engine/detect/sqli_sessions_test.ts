import assert from "node:assert/strict";
import { findSqlInjection } from "./sqli.ts";

const ids = (q: string): string[] =>
  findSqlInjection(q, { isStatement: true }).map((f) => f.policyId);

Deno.test("sessions: terminating every session, a user's or a database's is a shutdown", () => {
  for (
    const q of [
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity",
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid()",
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database()",
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'auditor'",
      "SELECT pg_terminate_backend(a.pid) FROM pg_catalog.pg_stat_activity a WHERE a.usename <> current_user",
    ]
  ) assert.ok(ids(q).includes("sys_sqli_shutdown"), `${q}: ${ids(q)}`);
});

Deno.test("sessions: one session by pid, or an idle reaper, passes", () => {
  for (
    const q of [
      "SELECT pg_terminate_backend(48211)",
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid = 1234",
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid IN (11, 12)",
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE state = 'idle' AND state_change < now() - interval '30 minutes'",
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE state = 'idle in transaction' AND xact_start < now() - interval '1 hour'",
      "SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE query_start < now() - interval '5 minutes'",
      "SELECT pid, usename, state FROM pg_stat_activity",
      "INSERT INTO runbook (step) VALUES ('SELECT pg_terminate_backend(pid) FROM pg_stat_activity')",
    ]
  ) assert.deepEqual(ids(q), [], q);
});

Deno.test("row-level security: a policy dropped without a replacement", () => {
  assert.ok(
    ids("DROP POLICY tenant_isolation ON invoices").includes(
      "sys_sqli_privilege_change",
    ),
  );
  assert.ok(
    ids("DROP POLICY IF EXISTS tenant_read ON documents").includes(
      "sys_sqli_privilege_change",
    ),
  );
  // A migration that drops and creates it again replaces it.
  assert.deepEqual(
    ids(
      'DROP POLICY IF EXISTS "own rows" ON profiles; CREATE POLICY "own rows" ON profiles FOR SELECT USING (auth.uid() = user_id);',
    ),
    [],
  );
  assert.deepEqual(ids("SELECT * FROM pg_policies WHERE tablename = 'x'"), []);
});

Deno.test("sessions and policies: hostile input stays linear", () => {
  const started = performance.now();
  ids("SELECT pg_terminate_backend(" + "p".repeat(100_000) + ")");
  ids(
    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE " +
      "x = 1 AND ".repeat(20_000) + "true",
  );
  ids("DROP POLICY " + "p ".repeat(50_000) + "ON t");
  assert.ok(performance.now() - started < 3000);
});
