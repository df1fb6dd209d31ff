import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { analyzeConfig } from '../../server/src';
import { decimalLiteralEnd, toNumber } from '../../server/src/dialects/numbers';
import { toNumberList } from '../../server/src/dialects/numberLists';
import { parseComposerTime } from '../../server/src/schedules/composerTime';
import { MAX_OVERRIDE_DEPTH, readOverride } from '../../server/src/dialects/hydraOverrides';
import { resolveInterpolations, UNKNOWN } from '../../server/src/dialects/interpolation';
import { parseDirectives } from '../../server/src/parse/directives';
import { corpusFiles } from '../helpers/corpus';
import { announceSeed } from './fuzzSeed';

/**
 * The readers of user text on inputs that made regular expressions backtrack for minutes. Each runs a
 * 100,000-character input under a generous hang guard and asserts the result (no time is asserted: the bench
 * reports speed); fast-check compares the linear readers with the regular expressions they replace on short
 * inputs, where those are still quick, so behavior is unchanged.
 */
const HANG_GUARD = { timeout: 60_000 };
const LONG = 100_000;

// The regular expressions the readers used before (reference behavior on short inputs only).
const OLD_NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const OLD_LIST = /^\s*[([]\s*(.*?)\s*,?\s*[)\]]\s*$/;
const OLD_COMPOSER_TIME = /^(.+?)(ba|ep|dur|iter|sp|tok|sec)$/i;

function oldToNumber(value: string): unknown {
  const trimmed = value.trim().replace(/_/g, '');
  return OLD_NUMBER.test(trimmed) ? Number(trimmed) : value;
}

function oldToNumberList(value: string): unknown {
  const match = OLD_LIST.exec(value);
  if (!match) return value;
  const body = match[1] ?? '';
  if (body === '') return [];
  const numbers = body.split(',').map((part) => oldToNumber(part.trim()));
  return numbers.every((n) => typeof n === 'number') ? numbers : value;
}

function oldComposerTime(raw: string): unknown {
  const match = OLD_COMPOSER_TIME.exec(raw.trim().replace(/_/g, ''));
  if (!match) return undefined;
  const value = Number(match[1]);
  const unit = (match[2] ?? '').toLowerCase();
  if (!Number.isFinite(value)) return undefined;
  return { value: unit === 'dur' ? value : Math.trunc(value), unit };
}

/** Short strings over the characters these readers care about. */
const numberish = fc.stringMatching(/^[-+ _.,()[\]eE0-9a-z\t\n]{0,24}$/);
const timeish = fc.tuple(
  fc.stringMatching(/^[-+ _.eE0-9\n]{0,12}$/),
  fc.constantFrom('', 'ba', 'BA', 'ep', 'dur', 'iter', 'sp', 'tok', 'sec', 's', 'x'),
);

describe('numbers: a linear reader, same values as before', () => {
  test('100,000 digits followed by a stray character: not a number, read in one pass', HANG_GUARD, () => {
    const text = `${'1'.repeat(LONG)}!`;
    assert.equal(toNumber(text), text);
    assert.equal(decimalLiteralEnd(text), LONG);
  });

  test('100,000 digits: a float (Infinity), which settings then reject as not finite', HANG_GUARD, () => {
    assert.equal(toNumber('1'.repeat(LONG)), Infinity);
    assert.equal(toNumber(`0.${'0'.repeat(LONG)}1`), 0);
  });

  test('a 100,000-digit learning_rate through the core gives one invalid-value finding', HANG_GUARD, () => {
    const text = `output_dir: o\nlearning_rate: "${'1'.repeat(LONG)}!"\nlr_scheduler_type: linear\nmax_steps: 100\n`;
    const analysis = analyzeConfig(text, 'train.yaml');
    assert.equal(analysis.documents[0]?.dialect.id, 'huggingface');
    assert.deepEqual(
      analysis.findings.map((f) => f.ruleId),
      ['invalid-value'],
    );
  });

  test('fuzz: same result as the regular expression it replaces', () => {
    fc.assert(
      fc.property(numberish, (text) => {
        assert.deepEqual(toNumber(text), oldToNumber(text));
      }),
      announceSeed('toNumber'),
    );
  });
});

describe('number lists: tuples read by slicing, same values as before', () => {
  test('"(" + 100,000 spaces + "x" (the regex never finished on 600): left as written', HANG_GUARD, () => {
    for (const text of [`(${' '.repeat(LONG)}x`, `(${' '.repeat(LONG)}x)`, `[${' ,'.repeat(LONG)}]`, `(${'1, '.repeat(LONG)}`]) {
      assert.equal(toNumberList(text), text);
    }
    const list = toNumberList(`(${'0.5, '.repeat(LONG)})`);
    assert.ok(Array.isArray(list) && list.length === LONG && list.every((n) => n === 0.5));
  });

  test('fairseq adam_betas "(" + spaces + "x" through the core: recognized, one invalid-value finding', HANG_GUARD, () => {
    const config = (betas: string) =>
      'optimization:\n  max_update: 1000\n  lr: [0.0005]\n' +
      `optimizer:\n  _name: adam\n  adam_betas: "${betas}"\n` +
      'lr_scheduler:\n  _name: polynomial_decay\n  warmup_updates: 100\n';
    const fine = analyzeConfig(config('(0.9, 0.98)'), 'train.yaml');
    assert.equal(fine.documents[0]?.plan?.optimizer.beta2, 0.98);
    const analysis = analyzeConfig(config(`(${' '.repeat(LONG)}x`), 'train.yaml');
    assert.equal(analysis.documents[0]?.dialect.id, 'fairseq');
    assert.deepEqual(
      analysis.findings.map((f) => f.ruleId),
      ['invalid-value'],
    );
    assert.match(analysis.findings[0]?.message ?? '', /adam_betas/);
  });

  test('fuzz: same result as the regular expression it replaces', () => {
    fc.assert(
      fc.property(numberish, (text) => {
        assert.deepEqual(toNumberList(text), oldToNumberList(text));
      }),
      announceSeed('toNumberList'),
    );
  });
});

describe('Composer time strings', () => {
  test('"1…1!" and "1…1ba" with 100,000 digits', HANG_GUARD, () => {
    assert.equal(parseComposerTime(`${'1'.repeat(LONG)}!`), undefined);
    assert.equal(parseComposerTime(`${'1'.repeat(LONG)}ba`), undefined, 'not finite');
    assert.deepEqual(parseComposerTime(`${'0'.repeat(LONG)}7ba`), { value: 7, unit: 'ba' });
  });

  test('fuzz: same result as the regular expression it replaces', () => {
    fc.assert(
      fc.property(timeish, ([number, unit]) => {
        const text = number + unit;
        assert.deepEqual(parseComposerTime(text), oldComposerTime(text));
      }),
      announceSeed('parseComposerTime'),
    );
  });

  test('an llm-foundry config with a 100,000-digit max_duration or t_warmup', HANG_GUARD, (t) => {
    const file = (corpusFiles() ?? []).find(
      (f) => f.folder === 'llm_foundry' && /^max_duration:/m.test(f.text) && /t_warmup:/.test(f.text),
    );
    if (!file) return t.skip('../shared/corpus is missing');
    const recognized = analyzeConfig(file.text, 'train.yaml');
    assert.equal(recognized.documents[0]?.dialect.id, 'composer');
    // An unreadable max_duration: Composer's recognizer needs a time string there, so the file is not a Composer config.
    const duration = file.text.replace(/^max_duration:.*$/m, `max_duration: "${'1'.repeat(LONG)}!"`);
    assert.deepEqual(
      analyzeConfig(duration, 'train.yaml').documents.map((d) => d.dialect.id),
      [],
    );
    const warmup = file.text.replace(/t_warmup:.*$/m, `t_warmup: "${'1'.repeat(LONG)}!"`);
    const analysis = analyzeConfig(warmup, 'train.yaml');
    assert.equal(analysis.documents[0]?.dialect.id, 'composer');
    assert.ok(analysis.documents[0]?.plan, 'planned');
  });
});

describe('recursive readers: Hydra override grammar, interpolation, directives', () => {
  test('int(int(…(1)…)) and tag(tag(…)) 20,000 deep: read as a fixed text, no stack overflow', HANG_GUARD, () => {
    for (const name of ['int', 'tag', 'shuffle']) {
      const text = `${`${name}(`.repeat(20_000)}interval(0, 1)${')'.repeat(20_000)}`;
      const read = readOverride(text);
      assert.equal(read.kind, 'fixed');
      assert.match(String(read.values?.[0]), new RegExp(`^(${name}\\(){${20_000 - MAX_OVERRIDE_DEPTH}}`));
    }
    assert.deepEqual(readOverride(`int(${'int('.repeat(MAX_OVERRIDE_DEPTH - 2)}interval(0, 1)${')'.repeat(MAX_OVERRIDE_DEPTH - 1)}`), {
      kind: 'distribution',
      min: 0,
      max: 1,
      distribution: 'int',
    });
  });

  test('interpolation markers 100,000 characters long: unclosed, nested, repeated', HANG_GUARD, () => {
    const texts = [`\${${'a'.repeat(LONG)}`, '${a'.repeat(LONG / 4), '$'.repeat(LONG)];
    for (const text of texts) assert.equal((resolveInterpolations({ v: text }) as { v: unknown }).v, text);
    // The innermost `${a}` names a key the tree does not hold: unknown.
    const nested = `${'${'.repeat(LONG / 2)}a${'}'.repeat(LONG / 2)}`;
    assert.equal((resolveInterpolations({ v: nested }) as { v: unknown }).v, UNKNOWN);
    const many = resolveInterpolations({ a: 'x', v: '${a}'.repeat(LONG / 4) }) as { v: unknown };
    assert.equal(many.v, 'x'.repeat(LONG / 4));
  });

  test('fuzz: the override grammar never throws and gives a known kind', () => {
    const token = fc.constantFrom(
      'choice(',
      'range(',
      'interval(',
      'int(',
      'tag(',
      'log',
      'shuffle(',
      'glob(',
      ')',
      ',',
      '=',
      'step=',
      "'",
      '"',
      '[',
      ']',
      '1',
      '0.5',
      'x',
      ' ',
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 40 }), (tokens) => {
        const read = readOverride(tokens.join(''));
        assert.ok(['fixed', 'choice', 'range', 'distribution'].includes(read.kind));
      }),
      announceSeed('readOverride'),
    );
  });

  test('fuzz: interpolation never throws, never leaves a prototype key, and resolves what it can', () => {
    const key = fc.constantFrom('a', 'b', 'c', '__proto__', 'constructor', 'prototype', '0');
    const text = fc
      .array(fc.constantFrom('${a}', '${b.c}', '${..a}', '${oc.env:X}', '${', '}', '???', 'x', '$', '${a}${a}'), { maxLength: 6 })
      .map((parts) => parts.join(''));
    const tree = fc.letrec<{ node: unknown }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        text,
        fc.integer(),
        fc.array(tie('node'), { maxLength: 3 }),
        fc.dictionary(key, tie('node'), { maxKeys: 4 }),
      ),
    })).node;
    const noUnsafeKeys = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(noUnsafeKeys);
      else if (value !== null && typeof value === 'object') {
        // The mapping's prototype is the frozen config-mapping prototype: no Object.prototype behind it, nothing settable.
        const proto = Object.getPrototypeOf(value) as object | null;
        assert.ok(proto !== Object.prototype && (proto === null || (Object.isFrozen(proto) && Object.getPrototypeOf(proto) === null)));
        assert.equal(String(value), '[object Object]');
        for (const [k, v] of Object.entries(value)) {
          assert.ok(!['__proto__', 'constructor', 'prototype'].includes(k), k);
          noUnsafeKeys(v);
        }
      }
    };
    fc.assert(
      fc.property(fc.dictionary(key, tree, { maxKeys: 4 }), (root) => {
        const resolved = resolveInterpolations({ ...root, a: 'A', b: { c: 7 } }) as Record<string, unknown>;
        noUnsafeKeys(resolved);
        assert.equal(resolved.a, 'A');
      }),
      announceSeed('resolveInterpolations'),
    );
  });

  test('fuzz: directives never throw; every span and line they report lies inside the text', () => {
    const line = fc.constantFrom(
      '# lr-lens: dialect=huggingface',
      '# lr-lens: disable=constant-lr,x',
      '// lr-lens: steps-per-epoch=3',
      '# lr-lens: ',
      '# lr-lens-disable-next-line',
      '# lr-lens-disable-next-line a, b',
      'a: 1',
      '',
      '  # lr-lens: =;;',
      '#lr-lens:dialect=',
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 20 }), fc.constantFrom('\n', '\r\n'), (lines, eol) => {
        const text = lines.join(eol);
        const directives = parseDirectives(text);
        const lineCount = text.split('\n').length;
        for (const [at] of directives.disabledLines) assert.ok(at >= 1 && at <= lineCount, `line ${at} of ${lineCount}`);
        for (const { span } of [...directives.namedRules, ...directives.problems])
          assert.ok(span.start >= 0 && span.start <= span.end && span.end <= text.length);
      }),
      announceSeed('parseDirectives'),
    );
  });
});
