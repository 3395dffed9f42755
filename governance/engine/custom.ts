/**
 * The user's own policies: a regular expression over the judged text, or a
 * command prefix over each simple command of a shell line.
 *
 * @module
 */
import type { CustomPolicy } from "./config.ts";
import type { Finding, Match } from "./types.ts";

const compiled = new WeakMap<CustomPolicy, RegExp | null>();

/** The policy's regular expression (global, case-insensitive), or null when it has none or it is invalid. */
export function customRegex(p: CustomPolicy): RegExp | null {
  if (compiled.has(p)) return compiled.get(p) ?? null;
  let re: RegExp | null = null;
  if (p.pattern) {
    try {
      re = new RegExp(p.pattern, "gi");
    } catch {
      re = null;
    }
  }
  compiled.set(p, re);
  return re;
}

/** The words of each simple command in a shell line, split on `;`, `&&`, `||`, `|`, `&` and newlines. */
export function commandSegments(command: string): string[][] {
  return command.split(/\|\||&&|[;|&\n]/).map((seg) =>
    seg.trim().split(/\s+/).filter(Boolean).map((w) =>
      w.replace(/^['"]|['"]$/g, "")
    )
  ).filter((words) => words.length > 0);
}

const PREFIX_WRAPPERS = new Set(["sudo", "command", "exec", "nohup", "time"]);

/** True when a simple command starts with the prefix's words (after a `sudo`-like wrapper). */
export function startsWithWords(
  words: readonly string[],
  prefix: readonly string[],
): boolean {
  let i = 0;
  while (i < words.length && PREFIX_WRAPPERS.has(words[i])) i++;
  if (words.length - i < prefix.length) return false;
  for (let k = 0; k < prefix.length; k++) {
    const w = words[i + k];
    const base = k === 0 ? w.slice(w.lastIndexOf("/") + 1) : w;
    if (base !== prefix[k]) return false;
  }
  return true;
}

function matchOf(p: CustomPolicy, reason: string): Match {
  return {
    policyId: p.id,
    policyName: p.name,
    category: p.category,
    severity: p.severity,
    action: p.action,
    reason,
  };
}

/** Custom policies that fire on a tool call's input: `texts` are the judged strings, `command` the shell line if any. */
export function customInputMatches(
  policies: readonly CustomPolicy[],
  texts: readonly string[],
  command: string | undefined,
): Match[] {
  const out: Match[] = [];
  const segments = command ? commandSegments(command) : [];
  for (const p of policies) {
    if (p.appliesTo === "output") continue;
    if (p.commandPrefix && segments.length > 0) {
      const prefix = p.commandPrefix.trim().split(/\s+/);
      if (segments.some((words) => startsWithWords(words, prefix))) {
        out.push(
          matchOf(
            p,
            `${p.description} (command starts with "${p.commandPrefix}")`,
          ),
        );
        continue;
      }
    }
    const re = customRegex(p);
    if (
      re && texts.some((t) => {
        re.lastIndex = 0;
        return re.test(t);
      })
    ) {
      out.push(matchOf(p, `${p.description} (matched /${p.pattern}/)`));
    }
  }
  return out;
}

/** Findings of custom regex policies that apply to outputs. */
export function customOutputFindings(
  policies: readonly CustomPolicy[],
  text: string,
): Finding[] {
  const out: Finding[] = [];
  for (const p of policies) {
    if (p.appliesTo === "input") continue;
    const re = customRegex(p);
    if (!re) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      out.push({
        policyId: p.id,
        type: p.id.replace(/^user_/, ""),
        start: m.index,
        end: m.index + m[0].length,
        severity: p.severity,
        action: p.action,
        category: p.category,
      });
    }
  }
  return out;
}
