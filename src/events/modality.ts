// Modality of a coded event from the words around its trigger: intentions and plans ('will',
// 'plans to', 'vowed to'), negation ('did not'), conditions ('if', 'unless'), background
// ('has carried out ... since 2011') and reported speech (a speaker other than the source).
import type { Modality } from './types.js';

const NEGATION = new Set(['not', "n't", 'never', 'no', 'cannot']);
/** 'Iran denied sending forces to fight': a denial covers the action after it, past any subject of its own. */
const DENIAL = new Set(['denied', 'denies', 'deny', 'denying']);
const FUTURE = new Set(['will', 'would', "'ll", 'shall', 'wo']);
/** Words that, followed by 'to', announce an intention: 'plans to', 'is ready to'. */
const INTENT_TO = new Set([
  'plan', 'plans', 'planned', 'planning', 'intend', 'intends', 'intended', 'vow', 'vowed', 'vows', 'pledge', 'pledged',
  'pledges', 'promise', 'promised', 'promises', 'ready', 'willing', 'prepared', 'preparing', 'going', 'set', 'seek',
  'seeks', 'sought', 'want', 'wants', 'wanted', 'expected', 'aim', 'aims', 'hope', 'hopes', 'hoped', 'decided',
  'determined', 'committed', 'poised',
]);
const PREPARE = new Set(['prepared', 'preparing', 'poised', 'ready']);
export const SAY_VERBS = new Set([
  'said', 'says', 'say', 'announced', 'announces', 'declared', 'declares', 'stated', 'told', 'reported', 'reports',
  'confirmed', 'added', 'claimed', 'claims', 'insisted', 'reiterated', 'concluded', 'noted', 'wrote',
]);

export interface ModalityCues {
  modality: Modality;
  /** 'unless' makes a promise into a threat. */
  unless: boolean;
  /** 'prepared to', 'poised to': readiness for force. */
  prepared: boolean;
}

/**
 * `words` are the sentence's lower-case tokens; `from` is where the clause of the event starts
 * (just after its subject), `at` the trigger's first token, `end` past its last.
 */
export function modalityOf(words: string[], from: number, at: number, end: number, speakerBeforeSource: boolean): ModalityCues {
  const window = words.slice(Math.max(from, at - 8), at);
  let negated = false;
  let intended = false;
  let prepared = false;
  let perfect = false;
  for (let k = 0; k < window.length; k++) {
    const w = window[k]!;
    if (NEGATION.has(w) || (w === 'no' && window[k + 1] === 'longer')) negated = true;
    if (FUTURE.has(w)) intended = true;
    if (INTENT_TO.has(w) && window[k + 1] === 'to') {
      intended = true;
      if (PREPARE.has(w)) prepared = true;
    }
    if (w === 'has' || w === 'have' || w === 'had') perfect = true;
  }
  if (words.slice(Math.max(0, at - 8), at).some((w) => DENIAL.has(w))) negated = true;
  const rest = words.slice(end);
  const unless = rest.includes('unless') || words.slice(0, at).includes('unless');
  const conditional = unless || words.includes('if');
  const background = perfect && rest.includes('since');
  let modality: Modality = 'asserted';
  if (speakerBeforeSource) modality = 'reported';
  if (background) modality = 'background';
  if (intended) modality = 'intended';
  if (conditional && (intended || unless)) modality = 'conditional';
  if (negated) modality = 'negated';
  return { modality, unless, prepared };
}
