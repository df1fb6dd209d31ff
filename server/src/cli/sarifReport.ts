import { RULES } from '../rules/ruleCatalog';
import type { RuleId } from '../analysis/finding';
import type { FileReport } from './checkReport';

/**
 * SARIF 2.1.0 for code-scanning services: one run, the rule catalogue as the driver's rules, one result
 * per message with its region (1-based lines, UTF-16 columns as LSP counts).
 */
const LEVEL = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;

function artifactUri(path: string): string {
  return path.split(/[\\/]/).map(encodeURIComponent).join('/').replace(/^\.\//, '');
}

function physicalLocation(filePath: string, r: { line: number; column: number; endLine: number; endColumn: number }) {
  return {
    artifactLocation: { uri: artifactUri(filePath), ...(filePath.startsWith('/') ? {} : { uriBaseId: '%SRCROOT%' }) },
    region: { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn },
  };
}

export function formatSarif(reports: readonly FileReport[], version: string): string {
  const ruleIds = Object.keys(RULES) as RuleId[];
  const rules = ruleIds.map((id) => ({
    id,
    name: id.replace(/(^|-)(\w)/g, (_m, _dash: string, c: string) => c.toUpperCase()),
    shortDescription: { text: RULES[id].why },
    fullDescription: { text: RULES[id].explanation },
    help: { text: RULES[id].explanation, markdown: RULES[id].explanation },
    defaultConfiguration: { level: LEVEL[RULES[id].defaultSeverity] },
  }));
  const results = reports.flatMap((report) =>
    report.messages.map((m) => ({
      ruleId: m.ruleId ?? 'yaml-syntax',
      ...(m.ruleId ? { ruleIndex: ruleIds.indexOf(m.ruleId as RuleId) } : {}),
      level: LEVEL[m.lrLensSeverity],
      message: { text: m.message },
      locations: [{ physicalLocation: physicalLocation(report.filePath, m) }],
      ...(m.relatedLocations?.length
        ? {
            relatedLocations: m.relatedLocations.map((r, id) => ({
              id,
              physicalLocation: physicalLocation(r.filePath, r),
              message: { text: r.message },
            })),
          }
        : {}),
    })),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'LR Lens', semanticVersion: version, version, rules } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}
