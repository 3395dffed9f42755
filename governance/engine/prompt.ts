/**
 * Judging a user's prompt before it is sent to the model provider: a prompt
 * that holds a high-confidence secret (cloud keys, tokens, private keys,
 * connection strings with a password) or a payment card number is stopped;
 * everything else passes, including prose that only talks about secrets and
 * lower-confidence PII (e-mail addresses, phone numbers), which users send on
 * purpose.
 *
 * @module
 */
import { DEFAULT_CONFIG, type EngineConfig } from "./config.ts";
import { scan } from "./scan.ts";
import type { Finding } from "./types.ts";

/** The verdict on a prompt. */
export interface PromptVerdict {
  /** True when the prompt must not be sent. */
  blocked: boolean;
  /** The findings that stop it (empty when it passes). */
  findings: Finding[];
  /** What to tell the user (empty when it passes). */
  message: string;
}

/**
 * Secret kinds found by a name-and-value heuristic (`password=...`,
 * `--token ...`) rather than by a format of their own: in a prompt they are
 * too often examples or placeholders to stop the user for.
 */
const HEURISTIC_SECRET = /_assignment$|^sys_secret_cli_/;

/** True for a finding that stops a prompt: a critical or high secret of a known format, or a payment card. */
export function stopsPrompt(f: Finding): boolean {
  if (f.category === "secret") {
    return (f.severity === "critical" || f.severity === "high") &&
      !HEURISTIC_SECRET.test(f.policyId);
  }
  return f.category === "pii" && f.type === "credit_card";
}

/** 1-based line of an offset in a text. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) line++;
  }
  return line;
}

/**
 * Judge a prompt. The message names each kind found and its line (never the
 * value) and says how to send the request without the secret.
 *
 * @example
 * ```ts
 * judgePrompt("deploy with key AKIAQ3ZJ7XK2M4N5P6RW").blocked; // true
 * judgePrompt("how do I rotate an AWS access key?").blocked; // false
 * ```
 */
export function judgePrompt(
  prompt: string,
  config: EngineConfig = DEFAULT_CONFIG,
): PromptVerdict {
  const findings = scan(prompt, config).findings.filter(stopsPrompt);
  if (findings.length === 0) return { blocked: false, findings, message: "" };
  const seen = new Map<string, number[]>();
  for (const f of findings) {
    const lines = seen.get(f.type) ?? [];
    const line = lineAt(prompt, f.start);
    if (!lines.includes(line)) lines.push(line);
    seen.set(f.type, lines);
  }
  const kinds = [...seen].map(([type, lines]) =>
    `${type.replaceAll("_", " ")} (line ${lines.join(", ")})`
  ).join("; ");
  const ids = [...new Set(findings.map((f) => f.policyId))].join(", ");
  const message =
    `AxonFlow stopped this prompt before it reached the model provider: it contains ${kinds} [${ids}]. ` +
    `Send it again without the value: keep the secret in an environment variable or a file and refer to it by name ` +
    `(for example "use $AWS_SECRET_ACCESS_KEY", "the token is in ~/.config/app/token"), or replace it with a placeholder such as <TOKEN>. ` +
    `Commands the agent runs can use the variable without the model ever seeing its value. A key you already pasted elsewhere should be rotated.`;
  return { blocked: true, findings, message };
}
