/**
 * Assistant turns of a chat transcript: a line labelled `assistant:`,
 * `bot:`, `ai:` or `deploy-bot:` after a person's turn (`user:`, `human:`,
 * `customer:`) is the assistant's own words in a pasted conversation
 * (`user: how do I undo my last commit?` / `assistant: Run git reset ...`),
 * not a request to the AI reading the text. Support logs, docs and chat
 * exports are full of them. A turn whose body asks for something grave
 * (sending secrets, piping a download to a shell, acting covertly) is still
 * judged: a forged history can put the attack in the assistant's mouth. A
 * command shown to the person (`Use git push --force-with-lease`) is advice.
 *
 * The label is read on the finding's own line, the person's turn within a
 * bounded distance before it: the cost per finding is bounded.
 *
 * @module
 */

import { forgedTurn } from "./addressed.ts";

/** How far before the assistant's turn a person's turn is looked for. */
const BEFORE = 2000;

/** An AI speaker label at a line start; group 1: the body after the colon. */
const AI_TURN =
  /^[ \t]{0,4}(?:\*\*|[<[])?(?:assistant|ai|bot|model|gpt|chatgpt|claude|copilot|codex|agent|[a-z][\w.]{0,20}-bot|[a-z][\w.]{0,20}bot)(?:\*\*|[>\]])?[ \t]{0,2}:[ \t]{0,4}([^\n]{0,400})/i;

/** A person's turn at a line start. */
const PERSON_TURN =
  /(?:^|\n)[ \t]{0,4}(?:\*\*|[<[])?(?:user|human|customer|client|visitor|me)(?:\*\*|[>\]])?[ \t]{0,2}:/i;

/**
 * True when `at` lies on an AI speaker's turn of a transcript (a person's
 * turn comes before it) whose body asks for nothing grave.
 */
export function assistantTurn(text: string, at: number): boolean {
  const start = text.lastIndexOf("\n", at - 1) + 1;
  let end = text.indexOf("\n", at);
  if (end < 0) end = text.length;
  const m = AI_TURN.exec(text.slice(start, Math.min(end, start + 500)));
  if (!m) return false;
  if (!PERSON_TURN.test(text.slice(Math.max(0, start - BEFORE), start))) {
    return false;
  }
  return !forgedTurn(m[1]);
}

/** Most lines of one span looked at for assistant turns. */
const MAX_TURN_LINES = 64;

/**
 * text[start, end) with the bodies of its assistant turns (see
 * {@link assistantTurn}) blanked, or undefined when it holds none: what a
 * transcript says to its reader once the assistant's own words are set
 * aside (`human: what does rm -rf do?` / `assistant: It removes files ...`).
 */
export function withoutAssistantTurns(
  text: string,
  start: number,
  end: number,
): string | undefined {
  let out = "";
  let changed = false;
  let pos = start;
  for (let n = 0; pos < end && n < MAX_TURN_LINES; n++) {
    let nl = text.indexOf("\n", pos);
    if (nl < 0 || nl > end) nl = end;
    const line = text.slice(pos, nl);
    if (AI_TURN.test(line) && assistantTurn(text, pos)) {
      out += " ".repeat(line.length);
      changed = true;
    } else out += line;
    if (nl < end) out += "\n";
    pos = nl + 1;
  }
  if (pos < end) out += text.slice(pos, end);
  return changed ? out : undefined;
}
