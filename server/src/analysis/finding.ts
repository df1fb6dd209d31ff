import type { Range, Span } from '../parse/textSpan';
import type { CurvePoint } from '../schedules/schedule';
import type { RuleId } from '../rules';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** The id of a rule: one per module in `RULE_MODULES` (server/src/rules/index.ts). */
export type { RuleId };

/** A minimal text edit on the analyzed text: replace [start, end) with newText. */
export interface TextEdit {
  span: Span;
  newText: string;
}

export interface Fix {
  title: string;
  isPreferred: boolean;
  edits: TextEdit[];
  /**
   * The curve the run would follow after this fix (sampled), when it can be drawn. The core leaves it empty: previews
   * are computed on request (`previewFix`, analysis/fixPreview.ts), so analyzing a keystroke never pays for them.
   */
  preview?: CurvePoint[];
}

export interface Finding {
  ruleId: RuleId;
  severity: Severity;
  /** What is wrong, why, and what to do, in one message. */
  message: string;
  span: Span;
  /** The key the finding is about, for hover. */
  keySpan?: Span;
  fixes: Fix[];
  /**
   * When the value the finding is about lives in another file (a Hydra config-group file, a detectron2 `_BASE_`):
   * where it is written there. `span` stays on what pulled it in here (the `- group: option` item, `_BASE_`).
   */
  elsewhere?: FileLocation & { keySpan: Span; keyRange: Range };
  /** Other places that explain the finding (LSP related information, SARIF relatedLocations). */
  related?: RelatedLocation[];
}

/** A place in another file: offsets and, since that file's text is not at hand where this is shown, its range. */
export interface FileLocation {
  fileName: string;
  span: Span;
  range: Range;
}

export interface RelatedLocation extends FileLocation {
  message: string;
}
