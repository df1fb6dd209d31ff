import { ADAM_ROLES, ROLE_WORDS, tunedAdamRoles } from '../plan/searchSpaceRoles';
import { budgetThreshold, budgetWords, isAdam, list, optimizerNote, supportedRoles } from './adamBudget';
import { report, type RuleModule } from './rule';

/** `adam-undertuned`: the budget supports more of Adam than the study tunes (a hint on the learning-rate entry). */
export const adamUndertuned: RuleModule<'adam-undertuned'> = {
  meta: {
    id: 'adam-undertuned',
    defaultSeverity: 'hint',
    why: 'the trial budget supports tuning more of Adam than this study does',
    docs: 'docs/rules/adam-undertuned.md',
  },

  checkSweep(context) {
    const { sweep } = context;
    const optimizer = sweep.optimizer;
    const trials = sweep.budget.trials;
    if (!isAdam(optimizer) || trials === null) return [];
    const tuned = tunedAdamRoles(sweep);
    const anchor = tuned.get('lr') ?? [...tuned.values()][0];
    if (!anchor) return [];
    const supported = supportedRoles(trials, budgetThreshold(context));
    const missing = supported.filter((role) => !tuned.has(role));
    if (missing.length === 0) return [];
    const tunedWords = ADAM_ROLES.filter((r) => tuned.has(r)).map((r) => ROLE_WORDS[r]);
    const beyond = ADAM_ROLES.filter((r) => tuned.has(r) && !supported.includes(r)).map((r) => ROLE_WORDS[r]);
    const missingWords = list(missing.map((r) => ROLE_WORDS[r]));
    const message =
      beyond.length > 0
        ? `This study's budget of ${budgetWords(sweep)} supports tuning ${missingWords}, ` +
          `which matter${missing.length === 1 ? 's' : ''} more than the ${list(beyond)} it tunes instead.`
        : `This study's budget of ${budgetWords(sweep)} supports tuning ${missingWords} as well; ` +
          `it tunes ${tunedWords.length === 1 ? 'only ' : ''}${list(tunedWords)}.`;
    return [
      report(adamUndertuned.meta, {
        message: `${message}${optimizerNote(optimizer)}`,
        span: anchor.keySpan,
        keySpan: anchor.keySpan,
        fixes: [],
      }),
    ];
  },
};
