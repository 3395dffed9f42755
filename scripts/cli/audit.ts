/**
 * `axonflow audit tail|search|stats|verify|export`: the audit trail as a
 * readable table, a small terminal chart of blocks per policy and per day,
 * chain verification and export to JSON lines or CSV.
 *
 * @module
 */
import { parseArgs } from "node:util";
import {
  type AuditEvent,
  auditPath,
  type AuditQuery,
  AuditStore,
  type Verdict,
} from "../../governance/audit/store.ts";
import {
  clip,
  dataDir,
  type Paint,
  paint,
  printJson,
  table,
  UsageError,
  withProgress,
} from "./common.ts";
import {
  asCheckpoint,
  WITNESS_GET,
} from "../../governance/audit/checkpoint.ts";
import { rpcCall } from "../../governance/remote/rpc.ts";

const HELP = `Usage: axonflow audit tail [-n N] [--json]
       axonflow audit search [--decision allowed|blocked|redacted|error] [--tool T] [--policy ID]
                             [--text S] [--from ISO] [--to ISO] [--limit N] [--json]
       axonflow audit stats [--days N] [--json]
       axonflow audit verify [--remote] [--json]   (--remote: also against the team server's copy of the newest checkpoint)
       axonflow audit export --format jsonl|csv [--out FILE] [search filters]

The trail lives in $AXONFLOW_HOME/audit.db (default ~/.axonflow/audit.db).
`;

const VERDICTS = ["allowed", "blocked", "redacted", "error"];

/** The team server's copy of this store's newest checkpoint, compared with the file: the problems found. */
async function remoteProblems(store: AuditStore): Promise<string[]> {
  const endpoint = Deno.env.get("AXONFLOW_ENDPOINT");
  if (!endpoint) {
    return [
      "--remote: no AXONFLOW_ENDPOINT is set, so there is no team server to ask",
    ];
  }
  const out = await rpcCall(
    {
      endpoint,
      auth: Deno.env.get("AXONFLOW_AUTH") || undefined,
      timeoutMs: 5000,
    },
    WITNESS_GET,
    { store_id: store.storeId() },
  );
  if (out.kind === "none") {
    return [`the team server's checkpoint could not be read (${out.message})`];
  }
  const cp = asCheckpoint((out.result as { checkpoint?: unknown })?.checkpoint);
  if (!cp) {
    return store.count() > 0
      ? [
        `the team server ${endpoint} holds no checkpoint of this store (${store.storeId()})`,
      ]
      : [];
  }
  return store.compareWith(cp).map((p) => `team server's copy: ${p}`);
}

/** Open the store read-mostly; undefined when there is no trail yet. */
function openStore(): AuditStore | undefined {
  const path = auditPath(dataDir());
  try {
    Deno.statSync(path);
  } catch {
    return undefined;
  }
  return AuditStore.open(path);
}

function colorDecision(d: Verdict, c: Paint): string {
  return d === "blocked"
    ? c.red(d)
    : d === "redacted"
    ? c.yellow(d)
    : d === "error"
    ? c.red(d)
    : c.green(d);
}

/** The trail as a table, oldest first. */
export function eventTable(events: AuditEvent[], c = paint()): string {
  return table(
    ["id", "time", "decision", "agent", "tool", "policies", "input"],
    [...events].reverse().map((e) => [
      String(e.id),
      e.time.replace("T", " ").slice(0, 19),
      colorDecision(e.decision, c),
      e.agent,
      clip(e.toolName, 24),
      clip(e.policies.join(",") || "-", 40),
      clip(e.inputSummary, 60),
    ]),
  );
}

/** Every event matching the query, newest first, paging through the store. */
export function allEvents(
  store: AuditStore,
  q: AuditQuery,
  max = 1_000_000,
): AuditEvent[] {
  const out: AuditEvent[] = [];
  for (let offset = 0; out.length < max; offset += 1000) {
    const page = store.search({ ...q, limit: 1000, offset }).entries;
    out.push(...page);
    if (page.length < 1000) break;
  }
  return out;
}

/** A horizontal bar of `value` scaled so that `max` fills `width`. */
export function bar(value: number, max: number, width = 30): string {
  if (max <= 0 || value <= 0) return "";
  return "█".repeat(Math.max(1, Math.round((value / max) * width)));
}

/** Blocks per policy and per day for a list of events. */
export function blockCounts(
  events: AuditEvent[],
): { perPolicy: Map<string, number>; perDay: Map<string, number> } {
  const perPolicy = new Map<string, number>();
  const perDay = new Map<string, number>();
  for (const e of events) {
    if (e.decision !== "blocked") continue;
    const day = e.time.slice(0, 10);
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
    for (const p of e.policies.length ? e.policies : ["(none)"]) {
      perPolicy.set(p, (perPolicy.get(p) ?? 0) + 1);
    }
  }
  return { perPolicy, perDay };
}

function csvCell(v: unknown): string {
  const s = v === undefined || v === null
    ? ""
    : Array.isArray(v)
    ? v.join(" ")
    : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Columns of the CSV export. */
export const CSV_COLUMNS: (keyof AuditEvent)[] = [
  "id",
  "time",
  "agent",
  "toolName",
  "connectorType",
  "decision",
  "decisionId",
  "policies",
  "severity",
  "reason",
  "inputSummary",
  "outputSummary",
  "durationMs",
  "success",
  "errorMessage",
  "sessionId",
  "turnId",
  "toolUseId",
  "prevHash",
  "hash",
];

/** Events as CSV (header + rows). */
export function toCsv(events: AuditEvent[]): string {
  const rows = [CSV_COLUMNS.join(",")];
  for (const e of events) {
    rows.push(CSV_COLUMNS.map((k) => csvCell(e[k])).join(","));
  }
  return rows.join("\n") + "\n";
}

/** `axonflow audit ...`. */
export async function runAudit(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      n: { type: "string", short: "n" },
      decision: { type: "string" },
      tool: { type: "string" },
      policy: { type: "string" },
      text: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      limit: { type: "string" },
      days: { type: "string" },
      format: { type: "string" },
      remote: { type: "boolean", default: false },
      out: { type: "string" },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    allowPositionals: true,
  });
  const sub = positionals[0];
  if (values.help || !sub) {
    console.log(HELP);
    return values.help ? 0 : 2;
  }
  const int = (v: string | undefined, name: string, dflt: number) => {
    if (v === undefined) return dflt;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) {
      throw new UsageError(`${name} must be a whole number, not ${v}`);
    }
    return n;
  };
  if (values.decision && !VERDICTS.includes(values.decision)) {
    throw new UsageError(`--decision must be one of ${VERDICTS.join(", ")}`);
  }
  const query: AuditQuery = {
    decision: values.decision as Verdict | undefined,
    toolName: values.tool,
    policyId: values.policy,
    text: values.text,
    from: values.from,
    to: values.to,
  };
  if (!["tail", "search", "stats", "verify", "export"].includes(sub)) {
    throw new UsageError(`unknown audit command "${sub}"\n\n${HELP}`);
  }
  if (
    sub === "export" && values.format !== "jsonl" && values.format !== "csv"
  ) {
    throw new UsageError("export needs --format jsonl or --format csv");
  }
  const c = paint();
  const store = openStore();
  const path = auditPath(dataDir());
  if (!store) {
    if (values.json) {
      printJson({ path, events: 0, message: "no audit trail yet" });
    } else {console.log(
        `No audit trail yet at ${path} (it appears once a hook or the MCP server records a call).`,
      );}
    if (sub === "export" && values.out) {
      await Deno.writeTextFile(
        values.out,
        values.format === "csv" ? toCsv([]) : "",
      );
    }
    return 0;
  }
  try {
    if (sub === "tail" || sub === "search") {
      const limit = sub === "tail"
        ? int(values.n, "-n", 20)
        : int(values.limit, "--limit", 50);
      const r = store.search({ ...(sub === "tail" ? {} : query), limit });
      if (values.json) printJson({ entries: r.entries, total: r.total });
      else {
        console.log(
          r.entries.length ? eventTable(r.entries, c) : "No matching events.",
        );
        console.log(
          c.dim(`\n${r.entries.length} of ${r.total} events (${path})`),
        );
      }
      return 0;
    }
    if (sub === "stats") {
      const days = int(values.days, "--days", 7);
      const from = new Date(Date.now() - days * 86_400_000).toISOString();
      const to = new Date().toISOString();
      const stats = store.stats({ from, to });
      const events = await withProgress(
        "Reading the trail",
        () => allEvents(store, { from, to, decision: "blocked" }),
      );
      const { perPolicy, perDay } = blockCounts(events);
      if (values.json) {
        printJson({
          ...stats,
          blocks_per_policy: Object.fromEntries(perPolicy),
          blocks_per_day: Object.fromEntries(perDay),
        });
        return 0;
      }
      console.log(
        c.bold(`Last ${days} days: `) +
          `${stats.total_requests} verdicts, ${stats.blocked_requests} blocked, ${stats.modified_requests} redacted, ` +
          `block rate ${stats.block_rate_percent}%, compliance score ${stats.compliance_score}`,
      );
      const chart = (
        title: string,
        m: Map<string, number>,
        sortByKey: boolean,
      ) => {
        console.log(`\n${c.bold(title)}`);
        if (!m.size) return console.log("  (none)");
        const entries = [...m.entries()].sort((a, b) =>
          sortByKey ? a[0].localeCompare(b[0]) : b[1] - a[1]
        );
        const max = Math.max(...entries.map((e) => e[1]));
        const w = Math.max(...entries.map((e) => e[0].length));
        for (const [k, v] of entries) {
          console.log(`  ${k.padEnd(w)}  ${c.red(bar(v, max))} ${v}`);
        }
      };
      chart("Blocks per policy", perPolicy, false);
      chart("Blocks per day", perDay, true);
      return 0;
    }
    if (sub === "verify") {
      const total = store.count();
      if (total > 50_000 && !values.json) {
        console.error(`Verifying ${total} events...`);
      }
      const r = await withProgress(
        `Verifying ${total} events`,
        () => store.verify(),
      );
      if (values.remote) {
        const extra = await remoteProblems(store);
        if (extra.length) {
          r.problems = [
            ...(r.problems ?? (r.ok ? [] : [r.message ?? ""])),
            ...extra,
          ];
          r.ok = false;
          r.message ??= extra[0];
        }
      }
      if (values.json) printJson({ path, ...r });
      else if (r.ok) {
        const cp = r.checkpoint
          ? `; matches the signed checkpoint of ${r.checkpoint.time} (${r.checkpoint.count} events)`
          : "";
        console.log(
          c.green("OK") +
            `  chain intact: ${r.checked} events verified${cp} (${path})`,
        );
      } else {
        const where = r.brokenAt === undefined ? "" : ` at event ${r.brokenAt}`;
        console.log(c.red("BROKEN") + `${where} (${path})`);
        for (const p of r.problems ?? [r.message ?? "hash mismatch"]) {
          console.log(`  - ${p}`);
        }
      }
      return r.ok ? 0 : 1;
    }
    // export
    const events = await withProgress(
      "Exporting",
      () => allEvents(store, query).reverse(),
    );
    const text = values.format === "csv"
      ? toCsv(events)
      : events.map((e) => JSON.stringify(e)).join("\n") +
        (events.length ? "\n" : "");
    if (values.out) {
      await Deno.writeTextFile(values.out, text);
      console.error(`Wrote ${events.length} events to ${values.out}`);
    } else await Deno.stdout.write(new TextEncoder().encode(text));
    return 0;
  } finally {
    store.close();
  }
}
