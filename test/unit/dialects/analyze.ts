// Shared by the dialect tests: analyze an inline snippet, failing loudly on internal errors.
import assert from 'node:assert/strict';
import { analyzeConfig, onInternalError, type ConfigAnalysis, type LensSettings, type TrainingPlan } from '../../../server/src/index';

onInternalError((error) => {
  throw error;
});

export function analyze(text: string, fileName = 'config.yaml', settings: LensSettings = {}): ConfigAnalysis {
  return analyzeConfig(text, fileName, settings);
}

export function dialectOf(text: string, fileName = 'config.yaml', settings: LensSettings = {}): string | null {
  return analyze(text, fileName, settings).documents[0]?.dialect.id ?? null;
}

/** The plan of the first document, asserting the dialect that produced it. */
export function planOf(text: string, dialect: string, fileName = 'config.yaml', settings: LensSettings = {}): TrainingPlan {
  const analysis = analyze(text, fileName, settings);
  const first = analysis.documents[0];
  assert.equal(first?.dialect.id, dialect, `expected dialect ${dialect}, got ${first?.dialect.id ?? 'none'}`);
  assert.ok(first.plan, `${dialect}: no plan`);
  return first.plan;
}

export function ruleIds(text: string, fileName = 'config.yaml', settings: LensSettings = {}): string[] {
  return analyze(text, fileName, settings).findings.map((f) => f.ruleId);
}

/** YAML from lines, so snippets keep their indentation in test sources. */
export function yaml(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}
