/**
 * The words of a PreToolUse "allowed with warnings": one text for the model
 * (`additionalContext`) and one for the user (`systemMessage`, stderr). The
 * command is shown redacted and clipped.
 *
 * @module
 */

import type { Match } from "../../governance/engine/types.ts";
import { summarize } from "../../governance/engine/messages.ts";

/** What a warned call tells each reader. */
export interface WarningTexts {
  model: string;
  user: string;
}

function sentence(s: string): string {
  const t = s.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

/** Texts for an allowed call whose matches include warnings. */
export function warningTexts(warned: Match[], statement: string): WarningTexts {
  const list = warned.map((m) =>
    `${m.policyId} (${m.policyName}, ${m.severity}): ${sentence(m.reason)}${
      m.suggestion ? ` Safer: ${sentence(m.suggestion)}` : ""
    }`
  );
  const ids = warned.map((m) => m.policyId).join(", ");
  const shown = summarize(statement, 160);
  return {
    model: `AxonFlow governance allowed this call with ${
      warned.length === 1 ? "a warning" : "warnings"
    }: ${
      list.join(" ")
    } It is risky rather than forbidden: run it only if the user asked for exactly this; if you are not sure, stop and ask the user before going on, and tell them what it did.`,
    user: `AxonFlow warning (${ids}): ${
      warned.map((m) => sentence(m.reason)).join(" ")
    } Allowed: ${shown}`,
  };
}
