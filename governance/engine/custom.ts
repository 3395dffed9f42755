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
    if (!re) continue;
    const budget = { until: performance.now() + CUSTOM_BUDGET_MS };
    let seen: "match" | "none" | "unseen" = "none";
    for (const t of texts) {
      const r = windowedTest(re, t, budget);
      if (r === "match") {
        seen = r;
        break;
      }
      if (r === "unseen") seen = r;
    }
    if (seen === "match") {
      out.push(matchOf(p, `${p.description} (matched /${p.pattern}/)`));
    } else if (seen === "unseen") {
      out.push(matchOf(
        p,
        `${p.description} (the input is too long or too costly for /${p.pattern}/ to check in time; treated as a match)`,
      ));
    }
  }
  return out;
}

/**
 * A custom pattern runs on windows of this many characters (neighbours
 * overlap by {@link CUSTOM_OVERLAP}): a user's pattern may backtrack
 * quadratically (`\w+@x`, `(?:a|b)*c` on a long run of letters), and a
 * window bounds one run's cost. A match is at most CUSTOM_OVERLAP long.
 */
export const CUSTOM_WINDOW = 4_096;
/** Overlap of neighbouring windows: the longest match a window pair sees whole. */
export const CUSTOM_OVERLAP = 1_024;
/**
 * Time one custom pattern may spend on one text; what it has not reached by
 * then is reported as unseen (fail closed: the policy's own action applies).
 */
export const CUSTOM_BUDGET_MS = 250;

/** Whether `re` matches `text`, window by window: "unseen" when the budget ran out first. */
function windowedTest(
  re: RegExp,
  text: string,
  budget: { until: number },
): "match" | "none" | "unseen" {
  for (let a = 0; a < text.length; a += CUSTOM_WINDOW - CUSTOM_OVERLAP) {
    if (a > 0 && performance.now() > budget.until) return "unseen";
    re.lastIndex = 0;
    if (re.test(text.slice(a, a + CUSTOM_WINDOW))) return "match";
    if (a + CUSTOM_WINDOW >= text.length) break;
  }
  return "none";
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
    const at = (start: number, end: number, type: string): Finding => ({
      policyId: p.id,
      type,
      start,
      end,
      severity: p.severity,
      action: p.action,
      category: p.category,
    });
    const type = p.id.replace(/^user_/, "");
    const until = performance.now() + CUSTOM_BUDGET_MS;
    // Each window reports the matches that start in its own part: from its
    // start (or where the previous window's report ended) up to where the
    // next window begins, or to its end for the last one.
    let from = 0;
    for (let a = 0; a < text.length; a += CUSTOM_WINDOW - CUSTOM_OVERLAP) {
      if (a > 0 && performance.now() > until) {
        out.push(at(from, text.length, "unscannable"));
        break;
      }
      const last = a + CUSTOM_WINDOW >= text.length;
      const own = last ? text.length : a + CUSTOM_WINDOW - CUSTOM_OVERLAP;
      const win = text.slice(a, a + CUSTOM_WINDOW);
      re.lastIndex = Math.max(0, from - a);
      for (let m = re.exec(win); m; m = re.exec(win)) {
        if (a + m.index >= own) break;
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        out.push(at(a + m.index, a + m.index + m[0].length, type));
        from = a + m.index + m[0].length;
      }
      from = Math.max(from, own);
      if (last) break;
    }
  }
  return out;
}
