// zod/mini: the same checks as zod's chained API, about 170 KB less in each of the client and page bundles.
import * as z from 'zod/mini';
import type { CurveResponse, FixPreview } from '../../server/src/lsp/protocol';

// The webview's CSP has no 'unsafe-eval': keep zod from probing `new Function` (it would be reported as a violation).
z.config({ jitless: true });

/** Caps on what the page may send: an export is a chart, not an arbitrary blob. */
const MAX_EXPORT_CHARS = 8_000_000;

/** Messages from the page to the extension host: validated with zod before use. */
export const PageMessageSchema = z.union([
  z.strictObject({ type: z.literal('ready') }),
  z.strictObject({
    type: z.literal('export'),
    format: z.literal('svg'),
    content: z.string().check(z.maxLength(MAX_EXPORT_CHARS), z.startsWith('<svg ')),
  }),
  z.strictObject({
    type: z.literal('export'),
    format: z.literal('png'),
    content: z.string().check(z.maxLength(MAX_EXPORT_CHARS), z.regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/)),
  }),
  z.strictObject({ type: z.literal('export'), format: z.literal('csv') }),
]);
export type PageMessage = z.infer<typeof PageMessageSchema>;

/** Messages from the extension host to the page. */
export interface HostMessage {
  type: 'curve';
  fileName: string;
  response: CurveResponse | null;
  /** Compare mode: the curves the fixes of the finding under the cursor would give. */
  previews?: FixPreview[];
}

const PointSchema = z.object({ step: z.number(), lr: z.number() });

/** The page validates what it is sent too: a malformed message is ignored, never rendered. */
export const HostMessageSchema = z.object({
  type: z.literal('curve'),
  fileName: z.string(),
  response: z.nullable(
    z.object({
      uri: z.string(),
      version: z.number(),
      dialect: z.nullable(z.string()),
      description: z.array(z.string()),
      curve: z.nullable(
        z.looseObject({
          dialect: z.string(),
          dialectName: z.string(),
          schedule: z.string(),
          unit: z.string(),
          totalSteps: z.number(),
          validationDriven: z.boolean(),
          points: z.array(PointSchema),
          markers: z.array(z.object({ step: z.number(), kind: z.string(), label: z.string() })),
          assumptions: z.array(z.string()),
          summary: z.looseObject({ text: z.string() }),
        }),
      ),
    }),
  ),
  previews: z.optional(z.array(z.object({ title: z.string(), points: z.array(PointSchema) }))),
});
export type ValidHostMessage = z.infer<typeof HostMessageSchema>;
