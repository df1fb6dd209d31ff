/**
 * llm-foundry builds its scheduler from the `scheduler:` block's `name`, which it pops before calling
 * build_scheduler (mosaicml/llm-foundry scripts/train/train.py, `scheduler_name: str = scheduler_config.pop('name')`;
 * the Trainer then gets `schedulers=scheduler`, commit 88a1f51067b8343a9f98958d27356158bb788938). A block without a
 * name stops the run there: the schedule is unknown, not absent, so no constant LR is claimed and nothing is drawn.
 */
import type { Finding } from '../../analysis/finding';
import { reportInvalidValue } from '../../rules/invalidValue';
import type { ConfigTree } from '../../dialects/configTree';

export function unnamedScheduler(tree: ConfigTree): Finding[] {
  const entry = tree.entry('scheduler');
  if (!entry) return [];
  return [
    reportInvalidValue(
      '`scheduler` has no `name`: llm-foundry builds the scheduler from its name, so this schedule is unknown. ' +
        'Name one (cosine_with_warmup, linear_decay_with_warmup, constant_with_warmup, ...).',
      { keySpan: entry.keySpan, valueSpan: entry.keySpan },
    ),
  ];
}
