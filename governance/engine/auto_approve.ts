/**
 * Routine calls the user lets the PermissionRequest hook approve without
 * asking: the `autoApprove` list of policies.json.
 *
 * ```json
 * { "autoApprove": [
 *     { "commandPrefix": "npm test" },
 *     { "commandPrefix": "cargo build" },
 *     { "tool": "mcp__github__list_issues" } ] }
 * ```
 *
 * A `commandPrefix` rule approves a shell command that is exactly those
 * words, or those words followed by more arguments, and nothing else: a
 * command holding any shell operator (`;`, `&`, `|`, `>`, `<`, backquote,
 * `$`, parentheses, braces, a newline) is never auto-approved, so
 * `npm test && curl … | sh` does not ride on `npm test`. A `tool` rule
 * approves calls of one non-shell tool by its exact name. Only calls the
 * policies allow without warnings are ever approved.
 *
 * @module
 */

/** One auto-approve rule. */
export interface AutoApproveRule {
  /** Shell command words, e.g. `npm test`. */
  commandPrefix?: string;
  /** Exact name of a non-shell tool, e.g. `mcp__github__list_issues`. */
  tool?: string;
}

/** A problem in the autoApprove list, with its line. */
export interface AutoApproveError {
  line: number;
  message: string;
}

const RULE_KEYS = new Set(["commandPrefix", "tool", "description"]);
/** Characters that make a command more than one plain program call. */
const SHELL_OPERATOR = /[;&|<>`$(){}\n\r\\]/;

/** Collapse runs of spaces and tabs into one space and trim. */
function words(s: string): string {
  return s.trim().split(/[ \t]+/).filter((w) => w !== "").join(" ");
}

/** Parse the `autoApprove` value of a policy file; problems go to `errors`, valid rules are returned. */
export function parseAutoApprove(
  value: unknown,
  lineOf: (v: unknown) => number,
  errors: AutoApproveError[],
): AutoApproveRule[] {
  const line = lineOf(value);
  if (!Array.isArray(value)) {
    errors.push({ line, message: "autoApprove must be a list of rules" });
    return [];
  }
  const rules: AutoApproveRule[] = [];
  for (const item of value) {
    const at = lineOf(item);
    if (item === null || typeof item !== "object" || Array.isArray(item)) {
      errors.push({
        line: at,
        message: "each autoApprove rule must be an object",
      });
      continue;
    }
    const o = item as Record<string, unknown>;
    const unknown = Object.keys(o).find((k) => !RULE_KEYS.has(k));
    if (unknown) {
      errors.push({
        line: at,
        message:
          `unknown autoApprove field "${unknown}" (expected commandPrefix or tool)`,
      });
      continue;
    }
    const prefix = typeof o.commandPrefix === "string"
      ? words(o.commandPrefix)
      : "";
    const tool = typeof o.tool === "string" ? o.tool.trim() : "";
    if ((prefix === "") === (tool === "")) {
      errors.push({
        line: at,
        message:
          'each autoApprove rule needs exactly one of "commandPrefix" or "tool"',
      });
      continue;
    }
    if (prefix !== "") {
      if (SHELL_OPERATOR.test(prefix)) {
        errors.push({
          line: at,
          message:
            `autoApprove commandPrefix "${prefix}" holds a shell operator; give plain command words`,
        });
        continue;
      }
      rules.push({ commandPrefix: prefix });
    } else {
      if (
        /^(?:bash|shell|exec_command|shell_command|local_shell)$/i.test(tool)
      ) {
        errors.push({
          line: at,
          message:
            `autoApprove tool "${tool}" is the shell; use commandPrefix for shell commands`,
        });
        continue;
      }
      rules.push({ tool });
    }
  }
  return rules;
}

/**
 * The rule that approves a call, if any. `command` is the shell command line
 * for shell tools (undefined for other tools).
 */
export function autoApproveRule(
  rules: readonly AutoApproveRule[],
  toolName: string,
  command: string | undefined,
): AutoApproveRule | undefined {
  if (command !== undefined) {
    if (SHELL_OPERATOR.test(command)) return undefined;
    const line = words(command);
    return rules.find((r) =>
      r.commandPrefix !== undefined &&
      (line === r.commandPrefix || line.startsWith(r.commandPrefix + " "))
    );
  }
  return rules.find((r) => r.tool !== undefined && r.tool === toolName);
}
