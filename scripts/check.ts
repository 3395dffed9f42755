/**
 * `deno task check -- "<command>"`: the decision on a shell command and the
 * policies that fired. `--json` prints the `check_policy` document;
 * `--scan FILE|-` scans a text (`--json`: the `check_output` document);
 * `--list-policies --json` prints `{"policies":[...],"count":N}`; `--cwd DIR`.
 *
 * @module
 */
import { parseArgs } from "node:util";
import {
  checkPolicyDocument,
  listPoliciesDocument,
  scan,
} from "../governance/engine/mod.ts";
import {
  formatDecision,
  formatScan,
  judge,
  scanDocument,
  toolCall,
} from "./cli/check.ts";
import {
  loadConfig,
  printJson,
  readInput,
  stripDashDash,
  table,
} from "./cli/common.ts";

const HELP =
  `Usage: deno task check -- "<command>" [--cwd DIR] [--profile P] [--json]
       deno task check -- --scan FILE|- [--json]
       deno task check -- --list-policies [--category C] [--severity S] [--json]
`;

/** Run the check entry; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: stripDashDash(argv),
      options: {
        json: { type: "boolean", default: false },
        scan: { type: "string" },
        "list-policies": { type: "boolean", default: false },
        category: { type: "string" },
        severity: { type: "string" },
        cwd: { type: "string" },
        profile: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
      allowPositionals: true,
    });
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${HELP}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const { config, warnings } = loadConfig(values.profile);
  for (const w of warnings) console.error(`warning: ${w}`);
  if (values["list-policies"]) {
    const doc = listPoliciesDocument({
      category: values.category,
      severity: values.severity,
    }, config);
    if (values.json) printJson(doc);
    else {
      console.log(table(
        ["id", "severity", "action", "name"],
        doc.policies.map((
          p,
        ) => [
          String(p.id),
          String(p.severity),
          String(p.action),
          String(p.name),
        ]),
      ));
      console.log(`\n${doc.count} policies`);
    }
    return 0;
  }
  if (values.scan !== undefined) {
    const text = await readInput(values.scan);
    const r = scan(text, config);
    if (values.json) printJson(scanDocument(r, config));
    else console.log(formatScan(text, r));
    return 0;
  }
  if (!positionals.length) {
    console.error(`give a command to check\n\n${HELP}`);
    return 2;
  }
  const d = judge(
    toolCall({
      command: positionals.join(" "),
      cwd: values.cwd ?? Deno.cwd(),
      home: Deno.env.get("HOME") ?? "/",
      config,
    }),
    config,
  );
  if (values.json) printJson(checkPolicyDocument(d));
  else console.log(formatDecision(d));
  return 0;
}

if (import.meta.main) Deno.exit(await main(Deno.args));
