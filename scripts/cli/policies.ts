/**
 * `axonflow policies list|show|test`: the catalogue, one policy, and the
 * user's own policy file (validated with line numbers, then tried on sample
 * commands).
 *
 * @module
 */
import { parseArgs } from "node:util";
import {
  evaluate,
  findPolicy,
  listPolicies,
  parsePolicyFile,
} from "../../governance/engine/mod.ts";
import {
  loadConfig,
  paint,
  policyFile,
  printJson,
  readInput,
  table,
  UsageError,
} from "./common.ts";

const HELP =
  `Usage: axonflow policies list [--category C] [--severity S] [--json]
       axonflow policies show ID [--json]
       axonflow policies test FILE [--command "<cmd>"]... [--json]

  list   the built-in catalogue plus your policies (disabled ones marked)
  show   one policy: what it catches, severity, action, where it applies
  test   validate a policy file (errors name the line), then run it on sample commands
Your policy file: $AXONFLOW_HOME/policies.json (default ~/.axonflow/policies.json).
`;

/** `axonflow policies ...`. */
export async function runPolicies(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      category: { type: "string" },
      severity: { type: "string" },
      command: { type: "string", multiple: true },
      profile: { type: "string" },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    allowPositionals: true,
  });
  const [sub, arg] = positionals;
  if (values.help || !sub) {
    console.log(HELP);
    return values.help ? 0 : 2;
  }
  const color = paint();
  if (sub === "list") {
    const { config } = loadConfig(values.profile);
    const list = listPolicies(config)
      .filter((p) => !values.category || p.category === values.category)
      .filter((p) => !values.severity || p.severity === values.severity);
    if (values.json) printJson({ policies: list, count: list.length });
    else {
      console.log(table(
        ["id", "severity", "action", "applies", "enabled", "name"],
        list.map((p) => [
          p.id,
          p.severity,
          p.action,
          p.appliesTo,
          p.enabled ? "yes" : color.dim("no"),
          p.name + (p.profile === "strict" ? color.dim(" (strict)") : ""),
        ]),
      ));
      console.log(
        `\n${list.length} policies. Details: axonflow policies show ID`,
      );
    }
    return 0;
  }
  if (sub === "show") {
    if (!arg) {
      throw new UsageError(
        "give a policy id, e.g. axonflow policies show sys_dangerous_rm_root",
      );
    }
    const { config } = loadConfig(values.profile);
    const p = findPolicy(arg, config);
    if (!p) {
      if (values.json) printJson({ error: `unknown policy ${arg}` });
      else console.error(`unknown policy ${arg}; see axonflow policies list`);
      return 1;
    }
    const enabled = listPolicies(config).find((x) => x.id === p.id)?.enabled ??
      true;
    if (values.json) printJson({ ...p, enabled });
    else {
      console.log(`${color.bold(p.id)}  ${p.name}`);
      console.log(p.description);
      console.log(
        `category ${p.category} · severity ${p.severity} · action ${p.action} · applies to ${p.appliesTo}` +
          (p.profile ? ` · only in the ${p.profile} profile` : "") +
          ` · ${enabled ? "enabled" : "disabled"}`,
      );
      console.log(
        color.dim(`Disable it: add "${p.id}" to "disable" in ${policyFile()}`),
      );
    }
    return 0;
  }
  if (sub === "test") {
    if (!arg) {
      throw new UsageError(
        "give a policy file, e.g. axonflow policies test ~/.axonflow/policies.json",
      );
    }
    const text = await readInput(arg);
    const { config, errors } = parsePolicyFile(text);
    const results = (values.command ?? []).map((command) => {
      const d = evaluate({
        toolName: "Bash",
        input: { command },
        cwd: Deno.cwd(),
        home: Deno.env.get("HOME") ?? "/",
        profile: config.profile,
      }, config);
      return {
        command,
        allowed: d.allowed,
        matches: d.matches.map((m) => ({
          policyId: m.policyId,
          action: m.action,
          reason: m.reason,
        })),
      };
    });
    if (values.json) {
      printJson({
        file: arg,
        valid: errors.length === 0,
        errors,
        profile: config.profile,
        disabled: config.disabled,
        custom: config.custom.map((c) => c.id),
        results,
      });
    } else {
      if (errors.length) {
        for (const e of errors) {
          console.log(color.red(`${arg}:${e.line}: ${e.message}`));
        }
      } else {
        console.log(
          color.green("OK") +
            `  ${arg}: profile ${config.profile}, ${config.custom.length} custom policies, ${config.disabled.length} disabled`,
        );
      }
      for (const r of results) {
        const fired = r.matches.map((m) => m.policyId).join(", ") || "none";
        console.log(
          `${
            r.allowed ? color.green("ALLOWED") : color.red("BLOCKED")
          }  ${r.command}  (policies: ${fired})`,
        );
      }
    }
    return errors.length ? 1 : 0;
  }
  throw new UsageError(`unknown policies command "${sub}"\n\n${HELP}`);
}
