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

/**
 * Card numbers that card networks and payment providers publish for testing
 * (Stripe, Adyen, Braintree documentation): they charge nobody, and
 * developers paste them into prompts all the time.
 */
const TEST_CARD_NUMBERS: ReadonlySet<string> = new Set([
  "4242424242424242",
  "4000056655665556",
  "4111111111111111",
  "4012888888881881",
  "5555555555554444",
  "5200828282828210",
  "5105105105105100",
  "2223003122003222",
  "378282246310005",
  "371449635398431",
  "6011111111111117",
  "6011000990139424",
  "3056930009020004",
  "36227206271667",
  "3566002020360505",
  "6200000000000005",
]);

/**
 * True for a finding that stops a prompt: a critical or high secret of a
 * known format, or a payment card number other than a published test number.
 * `text` is the prompt the finding was made in.
 */
export function stopsPrompt(f: Finding, text: string): boolean {
  if (f.category === "secret") {
    return (f.severity === "critical" || f.severity === "high") &&
      !HEURISTIC_SECRET.test(f.policyId);
  }
  if (f.category !== "pii" || f.type !== "credit_card") return false;
  const digits = text.slice(f.start, f.end).replace(/\D/g, "");
  return !TEST_CARD_NUMBERS.has(digits);
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
  const findings = scan(prompt, config).findings.filter((f) =>
    stopsPrompt(f, prompt)
  );
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
