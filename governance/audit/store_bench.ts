/**
 * Audit store benchmarks: append rate, and search / stats latency on a
 * 1,000,000-event store (built once in a temp dir in batched transactions,
 * events spread over 30 days). Set AUDIT_BENCH_EVENTS to change the size.
 */
import { type AuditEventInput, auditPath, AuditStore } from "./store.ts";
import { recordEvent } from "./record.ts";
import { SPOOL_FILE, spoolEvent } from "./spool.ts";

const N = Number(Deno.env.get("AUDIT_BENCH_EVENTS") ?? 1_000_000);
const DAYS = 30;
const TOOLS = ["Bash", "apply_patch", "mcp__db__query", "Write"];
const POLICIES = [
  "sys_dangerous_rm_root",
  "sys_sqli_union_select",
  "sys_pii_ssn",
  "sys_secret_aws_key",
  "sys_injection_override",
];

function synthetic(i: number, now: number): AuditEventInput {
  const hit = i % 7 === 0;
  const tool = TOOLS[i % TOOLS.length];
  return {
    time: new Date(now - (N - i) * (DAYS * 86400_000 / N)).toISOString(),
    agent: i % 3 === 0 ? "mcp" : "codex",
    toolName: tool,
    connectorType: i % 11 === 0 ? "postgres" : `codex.${tool}`,
    decision: hit ? (i % 2 ? "blocked" : "redacted") : "allowed",
    decisionId: i % 2 ? `dec-${i}` : undefined,
    policies: hit ? [POLICIES[i % POLICIES.length]] : [],
    severity: hit ? "high" : "none",
    reason: hit ? "policy matched" : undefined,
    inputSummary: `command ${i} ${tool} ls -la /srv/app/${i % 1000}`,
    durationMs: (i % 50) / 10,
    success: true,
  };
}

const dir = Deno.makeTempDirSync({ prefix: "audit_bench_" });
const store = AuditStore.open(auditPath(dir));
{
  const now = Date.now();
  const t0 = performance.now();
  const BATCH = 20_000;
  for (let i = 0; i < N; i += BATCH) {
    const batch: AuditEventInput[] = [];
    for (let j = i; j < Math.min(N, i + BATCH); j++) {
      batch.push(synthetic(j, now));
    }
    store.appendBatch(batch);
  }
  const s = (performance.now() - t0) / 1000;
  console.log(
    `built ${N} events in ${s.toFixed(1)} s (${
      Math.round(N / s)
    } events/s batched); file ${
      (Deno.statSync(auditPath(dir)).size / 1e6).toFixed(0)
    } MB`,
  );
}

const appendDir = Deno.makeTempDirSync({ prefix: "audit_bench_append_" });
const appendStore = AuditStore.open(auditPath(appendDir));
let k = 0;

Deno.bench("append one event (open store)", { group: "append" }, () => {
  appendStore.append(synthetic(k++, Date.now()));
});

Deno.bench("recordEvent (open, append, close: the MCP server's write)", {
  group: "append",
}, () => {
  recordEvent(appendDir, synthetic(k++, Date.now()));
});

const spoolDir = Deno.makeTempDirSync({ prefix: "audit_bench_spool_" });
let spooled = 0;
Deno.bench("spoolEvent (one hook's write: one appended line)", {
  group: "append",
}, () => {
  spoolEvent(spoolDir, synthetic(k++, Date.now()));
  // Keep the file small, as the hooks' merges do.
  if (++spooled % 1000 === 0) Deno.removeSync(`${spoolDir}/${SPOOL_FILE}`);
});

const last15 = () => ({
  from: new Date(Date.now() - 15 * 60_000).toISOString(),
});
const last24h = () => ({
  from: new Date(Date.now() - 86400_000).toISOString(),
});

Deno.bench("search: default window (last 15 min), 20 newest", {
  group: "search",
}, () => {
  store.search({ ...last15(), limit: 20 });
});
Deno.bench("search: decision=blocked, last 24 h", { group: "search" }, () => {
  store.search({ ...last24h(), decision: "blocked", limit: 20 });
});
Deno.bench("search: policy_id, last 24 h", { group: "search" }, () => {
  store.search({ ...last24h(), policyId: "sys_pii_ssn", limit: 20 });
});
Deno.bench("search: tool=apply_patch, last 24 h, offset 100", {
  group: "search",
}, () => {
  store.search({
    ...last24h(),
    toolName: "apply_patch",
    limit: 20,
    offset: 100,
  });
});
Deno.bench("search: text, last 15 min", { group: "search" }, () => {
  store.search({ ...last15(), text: "srv/app/42", limit: 20 });
});
Deno.bench("search: text, last 24 h", { group: "search" }, () => {
  store.search({ ...last24h(), text: "srv/app/42", limit: 20 });
});
Deno.bench(
  "search: all time, newest 20 (total over 1M)",
  { group: "search" },
  () => {
    store.search({ limit: 20 });
  },
);
Deno.bench("search: by decision id", { group: "search" }, () => {
  store.byDecisionId(`dec-${N - 101}`);
});

Deno.bench("stats: last 24 h", { group: "stats" }, () => {
  store.stats({});
});
Deno.bench(
  "stats: last 24 h, connector_type=postgres",
  { group: "stats" },
  () => {
    store.stats({ connectorType: "postgres" });
  },
);
Deno.bench("stats: all time (30 days, all events)", { group: "stats" }, () => {
  store.stats({ from: "2000-01-01T00:00:00Z" });
});
