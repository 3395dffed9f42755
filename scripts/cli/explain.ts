/**
 * `axonflow explain <decision-id>`: one decision from the audit trail — the
 * verdict, every policy that fired with its reason and suggestion, the
 * (redacted) input, and what the analysis saw: working directory, programs
 * run, files targeted.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { auditPath, AuditStore } from "../../governance/audit/store.ts";
import { spoolPath } from "../../governance/audit/spool.ts";
import {
  allowCommand,
  builtinPolicyInfo,
  type DecisionContext,
} from "../../governance/engine/mod.ts";
import { showTime } from "./audit.ts";
import { dataDir, paint, printJson, table, UsageError } from "./common.ts";

const HELP = `Usage: axonflow explain <decision-id> [--json] [--utc]

Everything the audit trail holds about one decision: verdict, time, tool, the
policies that fired and why, the input (redacted), and what the analysis saw
(working directory, programs, files). Decision ids appear in block messages,
in axonflow audit tail/search, and in check --json.
`;

function openStore(): AuditStore | undefined {
  const dir = dataDir();
  for (const p of [auditPath(dir), spoolPath(dir)]) {
    try {
      Deno.statSync(p);
      return AuditStore.open(auditPath(dir));
    } catch {
      // next
    }
  }
  return undefined;
}

/** `axonflow explain`. */
export function runExplain(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    options: {
      json: { type: "boolean", default: false },
      utc: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    allowPositionals: true,
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (positionals.length !== 1) {
    throw new UsageError(`give one decision id\n\n${HELP}`);
  }
  const id = positionals[0];
  const store = openStore();
  const ev = store?.byDecisionId(id);
  store?.close();
  if (!ev) {
    throw new UsageError(`no decision ${id} in the audit trail`, 1);
  }
  let ctx: DecisionContext | undefined;
  try {
    ctx = ev.context ? JSON.parse(ev.context) : undefined;
  } catch {
    ctx = undefined;
  }
  const matches = ctx?.matches ?? ev.policies.map((p) => ({
    policyId: p,
    policyName: builtinPolicyInfo(p)?.name ?? p,
    severity: builtinPolicyInfo(p)?.severity ?? "",
    action: "",
    reason: builtinPolicyInfo(p)?.description ?? "",
  }));
  const doc = {
    decision_id: id,
    decision: ev.decision,
    time: ev.time,
    agent: ev.agent,
    tool: ev.toolName,
    connector_type: ev.connectorType,
    severity: ev.severity,
    reason: ev.reason,
    input_summary: ev.inputSummary,
    analysis: ctx
      ? { cwd: ctx.cwd, programs: ctx.programs, paths: ctx.paths }
      : undefined,
    matches,
    allow_command: ev.decision === "blocked" ? allowCommand(id) : undefined,
  };
  if (values.json) {
    printJson(doc);
    return 0;
  }
  const c = paint();
  const head = ev.decision === "blocked"
    ? c.red("BLOCKED")
    : ev.decision === "allowed"
    ? c.green("ALLOWED")
    : c.yellow(ev.decision.toUpperCase());
  const out = [
    `${head}  decision ${id}`,
    `time      ${showTime(ev.time, values.utc)}`,
    `tool      ${ev.toolName} (${ev.connectorType}, ${ev.agent})`,
    `input     ${ev.inputSummary}`,
  ];
  if (ctx?.cwd) out.push(`cwd       ${ctx.cwd}`);
  if (ctx?.programs?.length) out.push(`programs  ${ctx.programs.join(", ")}`);
  if (ctx?.paths?.length) out.push(`files     ${ctx.paths.join(", ")}`);
  if (!ctx) {
    out.push(
      c.dim(
        "(recorded without analysis details: an older version or a remote verdict)",
      ),
    );
  }
  out.push("");
  out.push(
    matches.length
      ? table(
        ["policy", "severity", "action", "why it matched"],
        matches.map((m) => [
          m.policyId,
          m.severity,
          m.action +
          ("allowedBy" in m && m.allowedBy ? ` (${m.allowedBy})` : ""),
          m.reason +
          ("suggestion" in m && m.suggestion ? ` → ${m.suggestion}` : ""),
        ]),
      )
      : "No policy fired.",
  );
  if (ev.decision === "blocked") {
    out.push("", `To allow exactly this call: ${allowCommand(id)}`);
  }
  console.log(out.join("\n"));
  return 0;
}
