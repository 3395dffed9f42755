/**
 * `deno task check -- "<command>"`: the decision on a shell command and the
 * policies that fired. `--json` prints the `check_policy` document;
 * `--scan FILE|-` scans a text (`--json`: the `check_output` document);
 * `--list-policies --json` prints `{"policies":[...],"count":N}`; `--cwd DIR`.
 * A command is judged by the same code as `axonflow check` (same document,
 * same exit codes: 0 allowed, 1 blocked, 2 usage error, 3 unreadable input).
 *
 * @module
 */
import { parseArgs } from "node:util";
import { listPoliciesDocument, scan } from "../governance/engine/mod.ts";
import { formatScan, runCheck, scanDocument } from "./cli/check.ts";
import {
  EXIT,
  loadConfig,
  printJson,
  readInputOrFail,
  stripDashDash,
  table,
  UsageError,
} from "./cli/common.ts";

const HELP =
  `Usage: deno task check -- "<command>" [--cwd DIR] [--profile P] [--json]
       deno task check -- --scan FILE|- [--json]
       deno task check -- --list-policies [--category C] [--severity S] [--json]

Exit code: 0 allowed / nothing found, 1 blocked / something found, 2 usage error,
3 input unreadable.
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
    const text = await readInputOrFail(values.scan);
    const r = scan(text, config);
    if (values.json) printJson(scanDocument(r, config));
    else console.log(formatScan(text, r));
    return r.findings.length ? EXIT.found : EXIT.ok;
  }
  if (!positionals.length) {
    console.error(`give a command to check\n\n${HELP}`);
    return EXIT.usage;
  }
  return await runCheck(stripDashDash(argv));
}

if (import.meta.main) {
  try {
    Deno.exit(await main(Deno.args));
  } catch (e) {
    console.error((e as Error).message);
    Deno.exit(e instanceof UsageError ? e.code : EXIT.error);
  }
}
