import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tomlCursorAt } from '../../../server/src/analysis/tomlCursor';

/** The cursor where `|` stands (the bar removed). */
function cursor(withBar: string) {
  const offset = withBar.indexOf('|');
  const text = withBar.replace('|', '');
  const at = tomlCursorAt(text, offset);
  return (
    at && {
      kind: at.kind,
      key: at.key,
      parents: at.parents,
      prefix: at.prefix,
      replaced: text.slice(at.replace.start, at.replace.end),
      quote: at.quote,
      siblings: [...at.siblings],
    }
  );
}

const TABLE = (line: string) => `[optimizer]\nname = "AdamW"\n[lr_scheduler]\nwarmup_steps = 100\n${line}\n[training]\nsteps = 10\n`;

test('an empty value: after `= ` and right after `=`, the name is written quoted at the cursor', () => {
  assert.deepEqual(cursor(TABLE('decay_type = |')), {
    kind: 'value',
    key: 'decay_type',
    parents: ['lr_scheduler'],
    prefix: '',
    replaced: '',
    quote: '"',
    siblings: ['warmup_steps'],
  });
  assert.deepEqual(cursor(TABLE('decay_type =|'))?.replaced, '');
  assert.deepEqual(cursor(TABLE('decay_type =|'))?.quote, '"');
  assert.deepEqual(cursor(TABLE('decay_type = |  # later'))?.replaced, '');
});

test('an empty string: inside its quotes, closed or not, nothing is quoted again', () => {
  for (const line of ['decay_type = "|"', 'decay_type = "|']) {
    const at = cursor(TABLE(line));
    assert.equal(at?.kind, 'value', line);
    assert.equal(at?.replaced, '', line);
    assert.equal(at?.quote, undefined, line);
    assert.equal(at?.prefix, '', line);
  }
  assert.deepEqual(cursor(TABLE('decay_type = "co|sine"'))?.replaced, 'cosine');
  assert.deepEqual(cursor(TABLE('decay_type = |"cosine"')), {
    kind: 'value',
    key: 'decay_type',
    parents: ['lr_scheduler'],
    prefix: '',
    replaced: '"cosine"',
    quote: '"',
    siblings: ['warmup_steps'],
  });
});

test('a key position names its table; dotted keys and headers are read as TOML writes them', () => {
  assert.deepEqual(cursor(TABLE('min_|')), {
    kind: 'key',
    key: undefined,
    parents: ['lr_scheduler'],
    prefix: 'min_',
    replaced: 'min_',
    quote: undefined,
    siblings: ['warmup_steps'],
  });
  assert.deepEqual(cursor('lr_scheduler.decay_type = |\n')?.parents, ['lr_scheduler']);
  assert.equal(cursor('[lr_sch|eduler]\n'), null);
  assert.equal(cursor('# decay_type = |\n'), null);
  assert.equal(cursor('a = [|1, 2]\n'), null);
});
