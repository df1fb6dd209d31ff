// Source of the LR Lens injection grammars in this folder. The *.tmLanguage.json files are generated
// from it: edit here, then run `npx tsx syntaxes/generate.ts` (test/grammar/grammar.test.ts fails
// while a generated file differs). Shared regex pieces are written once here; grammar files cannot
// share them.
//
// Which grammar does what, and why there are several: a TextMate injection has one selector per
// grammar file, and each construct needs its own context.
// - lr-lens-yaml.injection: OmegaConf/Hydra ${...} and \${ escapes, anywhere but in comments.
// - lr-lens-yaml-directive.injection: whole-line `# lr-lens: ...` comments, outside strings.
// - lr-lens-yaml-value / -flow-value / -quoted-value: Composer time strings and Hydra sweep calls,
//   only when they are a whole scalar (block plain, flow plain, quoted), never part of a longer one.
// - lr-lens-json.injection: whole-line `// lr-lens: ...` comments in JSON with comments.
// - lr-lens-toml.injection: whole-line `# lr-lens: ...` comments in TOML (torchtitan configs).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const r = String.raw;

const NUM = r`(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?`;
const UNIT = r`(?i:iter|tok|dur|sec|ba|ep|sp)|T`;
const TIME = r`(${NUM})(${UNIT})`;
const SWEEP = r`choice|range|interval|tag|shuffle|sort|glob`;
const CAST = r`int|float|str|bool`;
// balanced parentheses on one line, after an opening "(" has been consumed, up to and including ")"
const BAL_PAREN = r`(?<args>(?:[^()\n]|\(\g<args>\))*)\)`;
const CALL_HEAD = r`(?=(?:(?:${CAST})\(\s*)*(?:${SWEEP})\()\b(?:${SWEEP}|${CAST})\(`;
const timeCaptures = {
  1: { name: 'constant.numeric.composer' },
  2: { name: 'keyword.other.unit.composer' },
};
const callCaptures = {
  1: { name: 'support.function.sweep.hydra' },
  2: { name: 'punctuation.definition.arguments.begin.hydra' },
};
const callEnd = { 0: { name: 'punctuation.definition.arguments.end.hydra' } };

const yaml = {
  name: 'LR Lens: OmegaConf/Hydra interpolations in YAML (plain, quoted and block scalars)',
  scopeName: 'lr-lens.yaml.injection',
  // Two hosts: the TextMate-bundle YAML grammar consumes a plain scalar's first character in its begin
  // match, so there the injection must win ties (L:). VS Code's YAML grammar (scopes under
  // meta.stream.yaml) opens the scalar with a zero-width begin: there the injection waits (no L:) so
  // the scalar is opened first and YAML's own state is left as it would be without LR Lens.
  injectionSelector: 'L:source.yaml -meta.stream -comment, source.yaml meta.stream -comment',
  patterns: [{ include: '#escape' }, { include: '#interpolation' }],
  repository: {
    escape: {
      patterns: [
        {
          comment: 'OmegaConf: \\${ is a literal ${, not an interpolation',
          match: r`\\\$\{`,
          name: 'constant.character.escape.omegaconf',
        },
        {
          comment: 'OmegaConf: \\\\ right before ${ is one literal backslash, and the interpolation stays',
          match: r`\\\\(?=\$\{)`,
          name: 'constant.character.escape.omegaconf',
        },
      ],
    },
    interpolation: {
      comment: 'OmegaConf/Hydra ${...}; only when the braces close on the same line',
      begin: r`\$\{(?=(?<inner>(?:[^{}\n]|\{\g<inner>\})*)\})`,
      beginCaptures: { 0: { name: 'punctuation.definition.template-expression.begin.omegaconf' } },
      end: r`\}`,
      endCaptures: { 0: { name: 'punctuation.definition.template-expression.end.omegaconf' } },
      name: 'meta.template.expression.omegaconf',
      contentName: 'meta.embedded.line.omegaconf',
      patterns: [{ include: '#resolver-call' }, { include: '#node-path' }],
    },
    'resolver-call': {
      begin: r`\G\s*([A-Za-z_][\w\-]*(?:\.[A-Za-z_][\w\-]*)*)\s*(:)`,
      beginCaptures: {
        1: { name: 'support.function.resolver.omegaconf' },
        2: { name: 'punctuation.separator.resolver.omegaconf' },
      },
      end: r`(?=\})`,
      name: 'meta.function-call.resolver.omegaconf',
      patterns: [{ include: '#resolver-argument' }],
    },
    'node-path': {
      patterns: [
        { include: '#interpolation' },
        { match: r`\.`, name: 'punctuation.accessor.omegaconf' },
        {
          match: r`(\[)\s*(?:(\d+)|([^\]\s]+))\s*(\])`,
          captures: {
            1: { name: 'punctuation.section.brackets.begin.omegaconf' },
            2: { name: 'constant.numeric.integer.omegaconf' },
            3: { name: 'variable.other.property.omegaconf' },
            4: { name: 'punctuation.section.brackets.end.omegaconf' },
          },
        },
        { match: r`[^\s.\[\]{}$:,'"\\()=]+`, name: 'variable.other.property.omegaconf' },
      ],
    },
    'resolver-argument': {
      patterns: [
        { include: '#interpolation' },
        { match: r`\\.`, name: 'constant.character.escape.omegaconf' },
        {
          begin: `'`,
          beginCaptures: { 0: { name: 'punctuation.definition.string.begin.omegaconf' } },
          end: `'`,
          endCaptures: { 0: { name: 'punctuation.definition.string.end.omegaconf' } },
          name: 'string.quoted.single.omegaconf',
          patterns: [{ include: '#interpolation' }, { match: r`\\.`, name: 'constant.character.escape.omegaconf' }],
        },
        {
          begin: `"`,
          beginCaptures: { 0: { name: 'punctuation.definition.string.begin.omegaconf' } },
          end: `"`,
          endCaptures: { 0: { name: 'punctuation.definition.string.end.omegaconf' } },
          name: 'string.quoted.double.omegaconf',
          patterns: [{ include: '#interpolation' }, { match: r`\\.`, name: 'constant.character.escape.omegaconf' }],
        },
        {
          begin: r`\{`,
          beginCaptures: { 0: { name: 'punctuation.definition.dictionary.begin.omegaconf' } },
          end: r`\}`,
          endCaptures: { 0: { name: 'punctuation.definition.dictionary.end.omegaconf' } },
          name: 'meta.structure.dictionary.omegaconf',
          patterns: [{ include: '#resolver-argument' }],
        },
        { match: r`\[`, name: 'punctuation.definition.list.begin.omegaconf' },
        { match: r`\]`, name: 'punctuation.definition.list.end.omegaconf' },
        { match: r`,`, name: 'punctuation.separator.arguments.omegaconf' },
        {
          match: r`(?<![^\s:,\[{])[+-]?(?:${NUM}|inf|nan)(?=\s*[,\]}])`,
          name: 'constant.numeric.omegaconf',
        },
        {
          match: r`(?<![^\s:,\[{])(?i:true|false|null)(?=\s*[,\]}])`,
          name: 'constant.language.omegaconf',
        },
        {
          match: r`(?:[^\s,\[\]{}$'"\\]|\$(?!\{))(?:(?:[^,\[\]{}$'"\\]|\$(?!\{))*(?:[^\s,\[\]{}$'"\\]|\$(?!\{)))?`,
          name: 'string.unquoted.argument.omegaconf',
        },
      ],
    },
    'sweep-call': {
      comment: 'A Hydra sweep function call (override grammar): choice, range, interval, tag, shuffle, sort, glob, and the casts',
      patterns: [
        {
          begin: r`\b(tag)(\()`,
          beginCaptures: callCaptures,
          end: r`\)`,
          endCaptures: callEnd,
          name: 'meta.function-call.sweep.hydra',
          patterns: [
            { include: '#interpolation' },
            { include: '#sweep-call' },
            {
              comment: 'tag(log, ...): every name before the last argument is a tag',
              match: r`\b[A-Za-z_]\w*\b(?=\s*,)`,
              name: 'constant.other.tag.hydra',
            },
            { include: '#sweep-arguments' },
          ],
        },
        {
          begin: r`\b(?:(${SWEEP})|(${CAST}))(\()`,
          beginCaptures: {
            1: { name: 'support.function.sweep.hydra' },
            2: { name: 'support.function.cast.hydra' },
            3: { name: 'punctuation.definition.arguments.begin.hydra' },
          },
          end: r`\)`,
          endCaptures: callEnd,
          name: 'meta.function-call.sweep.hydra',
          patterns: [{ include: '#sweep-arguments' }],
        },
      ],
    },
    'sweep-arguments': {
      patterns: [
        { include: '#interpolation' },
        { include: '#sweep-call' },
        {
          match: r`\b([A-Za-z_]\w*)\s*(=)`,
          captures: {
            1: { name: 'variable.parameter.hydra' },
            2: { name: 'keyword.operator.assignment.hydra' },
          },
        },
        {
          begin: `'`,
          beginCaptures: { 0: { name: 'punctuation.definition.string.begin.hydra' } },
          end: `'`,
          endCaptures: { 0: { name: 'punctuation.definition.string.end.hydra' } },
          name: 'string.quoted.single.hydra',
          patterns: [{ include: '#interpolation' }],
        },
        {
          begin: `"`,
          beginCaptures: { 0: { name: 'punctuation.definition.string.begin.hydra' } },
          end: `"`,
          endCaptures: { 0: { name: 'punctuation.definition.string.end.hydra' } },
          name: 'string.quoted.double.hydra',
          patterns: [{ include: '#interpolation' }],
        },
        { match: r`,`, name: 'punctuation.separator.arguments.hydra' },
        { match: r`\[`, name: 'punctuation.definition.list.begin.hydra' },
        { match: r`\]`, name: 'punctuation.definition.list.end.hydra' },
        {
          match: r`(?<![\w.])[+-]?(?:${NUM}|inf|nan)(?![\w.])`,
          name: 'constant.numeric.hydra',
        },
        { match: r`(?<![\w.])(?i:true|false|null)(?![\w.])`, name: 'constant.language.hydra' },
        { match: r`[^\s,()\[\]'"=$]+`, name: 'string.unquoted.argument.hydra' },
      ],
    },
  },
};


const directive = {
  name: 'LR Lens: lr-lens directive comments in YAML',
  scopeName: 'lr-lens.yaml.directive.injection',
  // Not inside strings: VS Code's YAML grammar keeps a plain scalar open across a following comment
  // line until its own end pattern closes it there, and a directive must not take that turn.
  injectionSelector: 'L:source.yaml -string -comment',
  patterns: [{ include: '#directive' }],
  repository: {
    directive: {
      comment: 'A whole-line `# lr-lens: ...` comment, read by the server (server/src/parse/directives.ts).',
      begin: r`(?=#)(?<=^[ \t]*)(#)[ \t]*(lr-lens)(:)`,
      beginCaptures: {
        1: { name: 'punctuation.definition.comment.lr-lens' },
        2: { name: 'keyword.other.directive.lr-lens' },
        3: { name: 'punctuation.separator.key-value.lr-lens' },
      },
      end: r`$`,
      name: 'comment.line.number-sign.directive.lr-lens',
      patterns: [{ include: '#directive-settings' }],
    },
    'directive-settings': {
      patterns: [
        {
          match: r`(?<![^\s;:])(dialect)(=)([^\s;]+)`,
          captures: {
            1: { name: 'variable.parameter.directive.lr-lens' },
            2: { name: 'keyword.operator.assignment.lr-lens' },
            3: { name: 'constant.language.dialect.lr-lens' },
          },
        },
        {
          match: r`(?<![^\s;:])(steps-per-epoch)(=)(?:([1-9][0-9]*)(?![^\s;]))?`,
          captures: {
            1: { name: 'variable.parameter.directive.lr-lens' },
            2: { name: 'keyword.operator.assignment.lr-lens' },
            3: { name: 'constant.numeric.integer.lr-lens' },
          },
        },
        {
          match: r`(?<![^\s;:])(disable)(=)([^\s;]*)`,
          captures: {
            1: { name: 'variable.parameter.directive.lr-lens' },
            2: { name: 'keyword.operator.assignment.lr-lens' },
            3: {
              patterns: [
                { match: r`[^,]+`, name: 'constant.language.rule.lr-lens' },
                { match: r`,`, name: 'punctuation.separator.comma.lr-lens' },
              ],
            },
          },
        },
        { match: r`;`, name: 'punctuation.separator.semicolon.lr-lens' },
      ],
    },
  },
};

const TERM_BLOCK = r`(?=[ \t]*$|[ \t]+#)`;
const TERM_FLOW = r`(?=[ \t]*(?:$|[,\]}])|[ \t]+#)`;
// where a plain scalar can start: after `key: `, `- `, `? ` or the indentation; in flow collections
// also after `[`, `{` and `,`
// (the patterns below first look at the next characters, so that these variable-length look-behinds
// run only where a match may start: about 3 times faster on the corpus)
const BEFORE_PLAIN = r`(?<=^[ \t]*|[:?\-][ \t]+)`;
const BEFORE_FLOW_PLAIN = r`(?<=^[ \t]*|[:?\-][ \t]+|[\[{,][ \t]*)`;
const timeAt = (before: string) => r`(?=[0-9.])(${before}${NUM})(${UNIT})`;
// after a closing quote: not a mapping key
const NOT_KEY = r`(?![ \t]*:(?:[ \t]|$))`;

const blockValue = {
  name: 'LR Lens: Composer time strings and Hydra sweep functions as plain YAML values (block context)',
  scopeName: 'lr-lens.yaml.value.injection',
  // TextMate-bundle YAML: before its plain-scalar rule (L:, outside strings); VS Code's YAML: inside
  // its plain-scalar rule, which it opens with a zero-width begin (see lr-lens-yaml.injection).
  injectionSelector: [
    'L:source.yaml -meta.stream -string -comment -meta.flow-sequence -meta.flow-mapping -meta.sweep-value',
    'source.yaml meta.stream string.unquoted.plain.out -comment -meta.flow.sequence -meta.flow.mapping -meta.sweep-value',
  ].join(', '),
  patterns: [
    {
      comment: 'the whole plain scalar is a time string: 100ba, 2ep, 0.05dur, 1000tok, 20sp, 50e9T',
      match: r`${timeAt(BEFORE_PLAIN)}${TERM_BLOCK}`,
      name: 'meta.time-string.composer',
      captures: timeCaptures,
    },
    {
      comment: 'the whole plain scalar is a Hydra sweep call: interval(0.0001, 0.1), tag(log, interval(1e-5, 1e-1))',
      begin: r`(?=(?:${SWEEP}|${CAST})\()${BEFORE_PLAIN}(?=${CALL_HEAD}${BAL_PAREN}${TERM_BLOCK})`,
      end: r`(?<=\))`,
      name: 'meta.sweep-value.hydra',
      patterns: [{ include: 'lr-lens.yaml.injection#sweep-call' }],
    },
  ],
};

const flowValue = {
  name: 'LR Lens: Composer time strings as plain YAML values inside flow collections',
  scopeName: 'lr-lens.yaml.flow-value.injection',
  injectionSelector: [
    'L:source.yaml meta.flow-sequence -meta.stream -string -comment',
    'L:source.yaml meta.flow-mapping -meta.stream -string -comment',
    'source.yaml meta.stream meta.flow.sequence string.unquoted.plain.in -entity.name.tag -comment',
    'source.yaml meta.stream meta.flow.mapping string.unquoted.plain.in -entity.name.tag -comment',
  ].join(', '),
  patterns: [
    {
      match: r`${timeAt(BEFORE_FLOW_PLAIN)}${TERM_FLOW}`,
      name: 'meta.time-string.composer',
      captures: timeCaptures,
    },
  ],
};

const quotedValue = {
  name: 'LR Lens: Composer time strings and Hydra sweep functions as whole quoted YAML strings',
  scopeName: 'lr-lens.yaml.quoted-value.injection',
  injectionSelector: 'L:source.yaml string.quoted.double.yaml -comment -entity.name.tag -meta.sweep-value, L:source.yaml string.quoted.single.yaml -comment -entity.name.tag -meta.sweep-value',
  patterns: [
    {
      match: r`(?<=^"|[^\\]")${TIME}(?="${NOT_KEY})`,
      name: 'meta.time-string.composer',
      captures: timeCaptures,
    },
    {
      match: r`(?<=^'|[^']')${TIME}(?='(?!')${NOT_KEY})`,
      name: 'meta.time-string.composer',
      captures: timeCaptures,
    },
    {
      begin: r`(?<=^"|[^\\]")(?=${CALL_HEAD}${BAL_PAREN}"${NOT_KEY})`,
      end: r`(?<=\))`,
      name: 'meta.sweep-value.hydra',
      patterns: [{ include: 'lr-lens.yaml.injection#sweep-call' }],
    },
    {
      begin: r`(?<=^'|[^']')(?=${CALL_HEAD}${BAL_PAREN}'(?!')${NOT_KEY})`,
      end: r`(?<=\))`,
      name: 'meta.sweep-value.hydra',
      patterns: [{ include: 'lr-lens.yaml.injection#sweep-call' }],
    },
  ],
};

const json = {
  name: 'LR Lens: lr-lens directives in JSON with comments',
  scopeName: 'lr-lens.json.injection',
  injectionSelector: 'L:source.json -string -comment',
  patterns: [
    {
      comment: 'A whole-line `// lr-lens: ...` comment, read by the server (server/src/parse/directives.ts).',
      begin: r`(?=//)(?<=^[ \t]*)(//)[ \t]*(lr-lens)(:)`,
      beginCaptures: {
        1: { name: 'punctuation.definition.comment.lr-lens' },
        2: { name: 'keyword.other.directive.lr-lens' },
        3: { name: 'punctuation.separator.key-value.lr-lens' },
      },
      end: r`$`,
      name: 'comment.line.double-slash.directive.lr-lens',
      patterns: [{ include: 'lr-lens.yaml.directive.injection#directive-settings' }],
    },
  ],
};

const toml = {
  name: 'LR Lens: lr-lens directive comments in TOML',
  scopeName: 'lr-lens.toml.injection',
  injectionSelector: 'L:source.toml -string -comment',
  patterns: [
    {
      comment: 'A whole-line `# lr-lens: ...` comment in a TOML file (torchtitan), read by server/src/parse/directives.ts.',
      begin: r`(?=#)(?<=^[ \t]*)(#)[ \t]*(lr-lens)(:)`,
      beginCaptures: {
        1: { name: 'punctuation.definition.comment.lr-lens' },
        2: { name: 'keyword.other.directive.lr-lens' },
        3: { name: 'punctuation.separator.key-value.lr-lens' },
      },
      end: r`$`,
      name: 'comment.line.number-sign.directive.lr-lens',
      patterns: [{ include: 'lr-lens.yaml.directive.injection#directive-settings' }],
    },
  ],
};

export const grammarFiles: Record<string, object> = {
  'lr-lens-yaml.injection.tmLanguage.json': yaml,
  'lr-lens-yaml-directive.injection.tmLanguage.json': directive,
  'lr-lens-yaml-value.injection.tmLanguage.json': blockValue,
  'lr-lens-yaml-flow-value.injection.tmLanguage.json': flowValue,
  'lr-lens-yaml-quoted-value.injection.tmLanguage.json': quotedValue,
  'lr-lens-json.injection.tmLanguage.json': json,
  'lr-lens-toml.injection.tmLanguage.json': toml,
};

export function grammarText(grammar: object): string {
  return JSON.stringify(grammar, null, 2) + '\n';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const [name, grammar] of Object.entries(grammarFiles)) writeFileSync(join(here, name), grammarText(grammar));
}
