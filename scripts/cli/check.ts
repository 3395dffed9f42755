/**
 * `axonflow check "<command>"`: the engine's decision and which policies
 * fired and why; the scan report helpers `axonflow scan` shares.
 *
 * @module
 */
import { parseArgs } from "node:util";
import {
  checkOutputDocument,
  checkPolicyDocument,
  type Decision,
  type EngineConfig,
  evaluate,
  listPolicies,
  type ScanResult,
  type ToolCall,
} from "../../governance/engine/mod.ts";
import {
  clip,
  EXIT,
  loadConfig,
  paint,
  printJson,
  readInputOrFail,
  table,
  UsageError,
} from "./common.ts";

/** Build the ToolCall for a command or a tool input file. */
export function toolCall(
  opts: {
    command?: string;
    tool?: string;
    inputText?: string;
    cwd: string;
    home: string;
    config: EngineConfig;
  },
): ToolCall {
  const tool = opts.tool ?? "Bash";
  let input: unknown;
  if (opts.inputText !== undefined) {
    if (tool === "apply_patch" || tool === "Bash") {
      input = { command: opts.inputText };
    } else {
      try {
        input = JSON.parse(opts.inputText);
      } catch {
        input = opts.inputText;
      }
    }
  } else {input = tool === "Bash" || tool === "apply_patch"
      ? { command: opts.command ?? "" }
      : opts.command ?? "";}
  return {
    toolName: tool,
    input,
    cwd: opts.cwd,
    home: opts.home,
    profile: opts.config.profile,
  };
}

/** Judge a call with the user's configuration. */
export function judge(call: ToolCall, config: EngineConfig): Decision {
  return evaluate(call, config);
}

/** Human report of a decision. */
export function formatDecision(d: Decision, color = paint()): string {
  const head = d.allowed
    ? color.green("ALLOWED") +
      (d.matches.length ? color.yellow(" (with warnings)") : "")
    : color.red("BLOCKED");
  const out = [
    `${head}  ${d.reason}`,
    color.dim(
      `decision ${d.decisionId}, ${d.policiesEvaluated} policies evaluated, risk ${d.riskLevel}`,
    ),
  ];
  if (d.matches.length) {
    out.push("");
    out.push(table(
      ["policy", "severity", "action", "why"],
      d.matches.map((
        m,
      ) => [
        m.policyId,
        m.severity,
        m.action,
        m.reason + (m.suggestion ? ` → ${m.suggestion}` : ""),
      ]),
    ));
  } else out.push("No policy fired.");
  return out.join("\n");
}

/** Number of policies that look at outputs (what a scan evaluates). */
export function outputPolicyCount(config: EngineConfig): number {
  return listPolicies(config).filter((p) =>
    p.enabled && p.appliesTo !== "input"
  ).length;
}

/** The `check_output` document for a scanned text. */
export function scanDocument(
  result: ScanResult,
  config: EngineConfig,
): Record<string, unknown> {
  return {
    ...checkOutputDocument(
      result,
      crypto.randomUUID(),
      outputPolicyCount(config),
    ),
  };
}

/** Human report of a scan. */
export function formatScan(
  text: string,
  r: ScanResult,
  color = paint(),
): string {
  if (!r.findings.length) return color.green("CLEAN") + "  nothing found";
  const lineOf = (off: number) => text.slice(0, off).split("\n").length;
  const out = [
    color.yellow(`FOUND ${r.findings.length}`) +
    "  findings (values not shown)",
    "",
  ];
  out.push(table(
    ["line", "type", "policy", "severity", "action"],
    r.findings.map((
      f,
    ) => [String(lineOf(f.start)), f.type, f.policyId, f.severity, f.action]),
  ));
  out.push("", color.bold("Redacted:"), clip(r.redacted, 2000));
  return out.join("\n");
}

const CHECK_HELP =
  `Usage: axonflow check "<command>" [--cwd DIR] [--profile standard|strict] [--json]
       axonflow check --tool apply_patch --input FILE [--json]

Judge a tool call the way the PreToolUse hook would, and show which policies fired and why.
  --tool NAME     Bash (default), apply_patch, Write, Edit, Read, mcp__server__tool, postgres, ...
  --input FILE    the tool input from a file (- for stdin): a patch, or JSON arguments
  --cwd DIR       the workspace the call runs in (default: current directory)
  --profile P     standard or strict (default: policy file, $AXONFLOW_PROFILE, standard)
  --json          the check_policy document (the same as deno task check --json)

Exit code: 0 allowed (warnings included), 1 blocked, 2 usage error, 3 input unreadable.
`;

/** `axonflow check`. */
export async function runCheck(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      tool: { type: "string" },
      input: { type: "string" },
      cwd: { type: "string" },
      profile: { type: "string" },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    allowPositionals: true,
  });
  if (values.help) {
    console.log(CHECK_HELP);
    return 0;
  }
  if (!positionals.length && values.input === undefined) {
    throw new UsageError(`give a command to check\n\n${CHECK_HELP}`);
  }
  const { config, warnings } = loadConfig(
    values.profile,
    undefined,
    values.cwd ?? Deno.cwd(),
  );
  for (const w of warnings) console.error(`warning: ${w}`);
  const call = toolCall({
    command: positionals.join(" "),
    tool: values.tool,
    inputText: values.input !== undefined
      ? await readInputOrFail(values.input)
      : undefined,
    cwd: values.cwd ?? Deno.cwd(),
    home: Deno.env.get("HOME") ?? "/",
    config,
  });
  const d = judge(call, config);
  if (values.json) printJson(checkPolicyDocument(d));
  else console.log(formatDecision(d));
  return d.allowed ? EXIT.ok : EXIT.found;
}
