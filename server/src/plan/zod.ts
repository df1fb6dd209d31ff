/**
 * zod for every server schema (`import * as z from '../plan/zod'`): zod/mini, the functional API that a
 * bundle keeps only the used parts of (the chained `zod` API brings all of zod into the language server,
 * about 150 KB more), with the English messages that `zod` installs by default, so a failed check reads the
 * same ("Invalid input: expected object, received array") wherever a schema gives no message of its own.
 *
 * Chained calls become wrappers and checks: `x.optional()` is `z.optional(x)`, `x.nullable()` is
 * `z.nullable(x)`, `x.int()` is `x.check(z.int())`, `x.positive()` is `x.check(z.positive())`,
 * `x.refine(f, p)` is `x.check(z.refine(f, p))`, `z.object(s).strict()` is `z.strictObject(s)` and
 * `z.preprocess(f, x)` is `z.pipe(z.transform(f), x)`.
 */
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config(en());

export * from 'zod/mini';
