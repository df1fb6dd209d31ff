import { z } from 'zod';
import type { CurveResponse } from '../../server/src/lsp/protocol';

/** Messages from the page to the extension host: validated before use. */
export const PageMessageSchema = z.discriminatedUnion('type', [z.object({ type: z.literal('ready') })]);
export type PageMessage = z.infer<typeof PageMessageSchema>;

/** Messages from the extension host to the page. */
export interface HostMessage {
  type: 'curve';
  fileName: string;
  response: CurveResponse | null;
}

const PointSchema = z.object({ step: z.number(), lr: z.number() });

/** The page validates what it is sent too: a malformed message is ignored, never rendered. */
export const HostMessageSchema = z.object({
  type: z.literal('curve'),
  fileName: z.string(),
  response: z
    .object({
      uri: z.string(),
      version: z.number(),
      dialect: z.string().nullable(),
      description: z.array(z.string()),
      curve: z
        .object({
          dialect: z.string(),
          dialectName: z.string(),
          schedule: z.string(),
          unit: z.string(),
          totalSteps: z.number(),
          validationDriven: z.boolean(),
          points: z.array(PointSchema),
          markers: z.array(z.object({ step: z.number(), kind: z.string(), label: z.string() })),
          assumptions: z.array(z.string()),
          summary: z.object({ text: z.string() }).passthrough(),
        })
        .passthrough()
        .nullable(),
    })
    .nullable(),
});
