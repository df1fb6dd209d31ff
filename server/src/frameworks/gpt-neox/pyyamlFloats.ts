/**
 * Floats PyYAML reads as strings. PyYAML implements YAML 1.1, whose float needs a dot in the mantissa and a sign in
 * the exponent (yaml/yaml PyYAML lib/yaml/resolver.py, the `tag:yaml.org,2002:float` implicit resolver): `6e-4` and
 * `1.0e5` are strings there, `6.0e-4` and `3.e-5` are floats. GPT-NeoX (yaml.FullLoader, then a type check that
 * rejects a str where a float is declared: EleutherAI/gpt-neox megatron/neox_arguments/arguments.py
 * `validate_types` @ea7aefd8f8e183256992d9fede4d7c71a46d67a5) and nanotron (SafeLoader, then dacite strict:
 * huggingface/nanotron src/nanotron/config/config.py @2411b022a75fb7f7561a1bb4166706da5e1b76de) refuse to start.
 */
import { isScalar, Scalar } from 'yaml';
import type { Finding } from '../../analysis/finding';
import type { ConfigTree } from '../../dialects/configTree';
import type { DialectInput } from '../../dialects/dialect';
import { reportInvalidValue } from '../../rules/invalidValue';

const PYYAML_FLOAT = /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+][0-9]+)?$/;
const EXPONENT_NUMBER = /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/;

/** `6e-4` → `6.0e-4`, `1.0e5` → `1.0e+5`: the same number as PyYAML reads a float. */
export function pyyamlFloatText(text: string): string {
  const match = /^([-+]?)([0-9_]*)(?:\.([0-9_]*))?[eE]([-+]?)([0-9]+)$/.exec(text);
  if (!match) return text;
  const [, sign = '', whole = '', fraction, expSign = '', exponent = ''] = match;
  return `${sign}${whole || '0'}.${fraction || '0'}e${expSign || '+'}${exponent}`;
}

/** `invalid-value` findings for the plain scalars at `paths` that YAML 1.2 reads as numbers and PyYAML as strings. */
export function pyyamlStringFloats(input: DialectInput, tree: ConfigTree, paths: readonly string[], framework: string): Finding[] {
  const findings: Finding[] = [];
  for (const path of paths) {
    const entry = tree.entry(path);
    const node = entry?.valueNode;
    if (!entry || !node || !isScalar(node) || node.type !== Scalar.PLAIN) continue;
    const text = input.parsed.text.slice(entry.valueSpan.start, entry.valueSpan.end);
    if (!EXPONENT_NUMBER.test(text) || PYYAML_FLOAT.test(text)) continue;
    const message =
      `\`${entry.key}: ${text}\` is a string to ${framework}'s YAML loader (PyYAML reads a float only with a dot and a signed ` +
      `exponent), and ${framework} rejects a string here: write ${pyyamlFloatText(text)}.`;
    const fix = {
      title: `Write ${pyyamlFloatText(text)}`,
      isPreferred: true,
      edits: [{ span: entry.valueSpan, newText: pyyamlFloatText(text) }],
    };
    findings.push({ ...reportInvalidValue(message, entry), fixes: [fix] });
  }
  return findings;
}
