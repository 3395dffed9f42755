/**
 * Validating a tool call's raw arguments against its schema, with an error
 * that names each bad argument.
 *
 * @module
 */

import { z } from "npm:zod@4.6.7";
import { INPUT_SHAPES, type ToolName } from "./shapes.ts";

/** Bad arguments: the message names the argument. */
export class ToolArgumentError extends Error {
  /** Build from zod issues. */
  constructor(tool: string, detail: string) {
    super(`Invalid arguments for tool ${tool}: ${detail}`);
    this.name = "ToolArgumentError";
  }
}

/** True when `name` is one of the tools. */
export function isToolName(name: string): name is ToolName {
  return Object.hasOwn(INPUT_SHAPES, name);
}

/** Validate raw arguments for a tool; throws ToolArgumentError naming each bad argument. */
export function parseToolArgs(
  name: ToolName,
  raw: unknown,
): Record<string, unknown> {
  const schema = z.object(INPUT_SHAPES[name] as z.ZodRawShape);
  const res = schema.safeParse(raw ?? {});
  if (res.success) return res.data as Record<string, unknown>;
  const detail = res.error.issues.map((i) =>
    `${i.path.length ? i.path.join(".") : "arguments"}: ${i.message}`
  ).join("; ");
  throw new ToolArgumentError(name, detail);
}
