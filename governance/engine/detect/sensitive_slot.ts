/**
 * The PII and secret scanner for code that redacts without taking it as a
 * parameter (audit summaries, audit events). `sensitive.ts` puts itself
 * here when it is loaded, so every program that loads it (the MCP server,
 * the CLI, the PostToolUse hook) redacts with it. A hook that has not loaded
 * it yet is answered for the texts the gate clears (nothing to redact), and
 * gets {@link ScannerNotLoaded} for any other text: it must load the scanner
 * first (`hooks/lib/scanner.ts`), and a text is never passed on unredacted.
 *
 * @module
 */
import type { Finding } from "../types.ts";
import { mayHoldSensitive } from "./sensitive_gate.ts";

/** Thrown for a text that needs the scanner before the scanner was loaded. */
export class ScannerNotLoaded extends Error {
  constructor() {
    super("the PII and secret scanner is needed but was not loaded");
    this.name = "ScannerNotLoaded";
  }
}

let scanner: ((text: string) => Finding[]) | undefined;

/** Called by `sensitive.ts` when it is loaded. */
export function installScanner(find: (text: string) => Finding[]): void {
  scanner = find;
}

/** Whether the scanner is loaded. */
export function scannerLoaded(): boolean {
  return scanner !== undefined;
}

/** PII and secret findings in `text`; throws {@link ScannerNotLoaded} when they cannot be known yet. */
export function sensitiveFindings(text: string): Finding[] {
  if (scanner !== undefined) return scanner(text);
  if (!mayHoldSensitive(text)) return [];
  throw new ScannerNotLoaded();
}
