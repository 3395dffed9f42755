/**
 * The first step of reading any hook event: the text on stdin as one JSON
 * object, or why it is not one. Shared by the tool-call events
 * (`payload.ts`) and the session and prompt events (`event.ts`).
 *
 * @module
 */

/** What a hook's stdin held. */
export type EventObject =
  | { kind: "empty" }
  | { kind: "malformed"; reason: string }
  | { kind: "object"; value: Record<string, unknown> };

/** True for a plain JSON object (not null, not an array). */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A non-empty string field, or undefined. */
export function optString(v: unknown): string | undefined {
  return typeof v === "string" && v !== "" ? v : undefined;
}

/** Parse stdin as one JSON object. Never throws. */
export function readEventObject(text: string): EventObject {
  if (text.trim() === "") return { kind: "empty" };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    return { kind: "malformed", reason: `not JSON (${msg.slice(0, 120)})` };
  }
  if (!isRecord(value)) {
    return { kind: "malformed", reason: "the event is not a JSON object" };
  }
  return { kind: "object", value };
}
