/**
 * Scan reports for code-scanning tools: SARIF 2.1.0 (GitHub code scanning,
 * GitLab, most IDEs) and a plain JSON document. Values are never included,
 * only where they are and what they are.
 *
 * @module
 */
import { VERSION } from "../../governance/version.ts";

/** One finding located in a file. */
export interface LocatedFinding {
  file: string;
  /** 1-based line and column (UTF-16 code units, as SARIF's default). */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  policyId: string;
  type: string;
  severity: string;
  action: string;
  category: string;
}

/** SARIF level of a severity. */
export function sarifLevel(severity: string): "error" | "warning" | "note" {
  return severity === "critical" || severity === "high"
    ? "error"
    : severity === "medium"
    ? "warning"
    : "note";
}

/** Line/column (1-based) of each offset of a text, for sorted or unsorted offsets. */
export function lineColumn(
  text: string,
): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 10) starts.push(i + 1);
  }
  return (offset: number) => {
    let lo = 0, hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo] + 1 };
  };
}

/** The SARIF 2.1.0 log of a scan. */
export function sarifLog(
  findings: readonly LocatedFinding[],
  describe: (policyId: string) => { name: string; description: string },
): Record<string, unknown> {
  const ruleIds = [...new Set(findings.map((f) => f.policyId))].sort();
  const rules = ruleIds.map((id) => {
    const d = describe(id);
    const f = findings.find((x) => x.policyId === id);
    return {
      id,
      name: d.name,
      shortDescription: { text: d.name },
      fullDescription: { text: d.description },
      defaultConfiguration: { level: sarifLevel(f?.severity ?? "") },
      properties: { category: f?.category ?? "", severity: f?.severity ?? "" },
    };
  });
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [{
      tool: {
        driver: {
          name: "axonflow-governance",
          version: VERSION,
          rules,
        },
      },
      results: findings.map((f) => ({
        ruleId: f.policyId,
        ruleIndex: ruleIds.indexOf(f.policyId),
        level: sarifLevel(f.severity),
        message: {
          text: `${
            describe(f.policyId).name
          } (${f.type}) found; value not shown`,
        },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: f.file },
            region: {
              startLine: f.line,
              startColumn: f.column,
              endLine: f.endLine,
              endColumn: f.endColumn,
            },
          },
        }],
      })),
    }],
  };
}

/** The JSON report of a scan. */
export function jsonReport(
  findings: readonly LocatedFinding[],
  filesScanned: number,
): Record<string, unknown> {
  return {
    files_scanned: filesScanned,
    findings_count: findings.length,
    findings: findings.map((f) => ({
      file: f.file,
      line: f.line,
      column: f.column,
      end_line: f.endLine,
      end_column: f.endColumn,
      policy_id: f.policyId,
      type: f.type,
      category: f.category,
      severity: f.severity,
      action: f.action,
    })),
  };
}
