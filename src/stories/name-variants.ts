// Which forms of one person's name are spellings of each other ('Ayoub' / 'Ayyoub'), among the forms
// the outlets used. Forms are compared through indexes, not all pairs: a topic of many articles
// gives one entity dozens of forms, and pairwise comparison of them cost most of a story view.
import { nameTokens, normaliseName, sameNameWord, skeleton } from '../entities/names.js';

interface Form {
  form: string;
  tokens: string[];
}

/** Posting lists: each key -> the indexes of the forms that have it, each form once. */
function postings(forms: readonly Form[], keysOf: (f: Form) => string[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  forms.forEach((f, i) => {
    for (const k of new Set(keysOf(f))) (index.get(k) ?? index.set(k, []).get(k)!).push(i);
  });
  return index;
}

const covered = (short: string[], long: string[]) => short.every((w) => long.includes(w));

/** Forms whose words no other form holds all of: a short form inside a longer one says nothing more. */
function fullForms(forms: readonly Form[]): Form[] {
  const byToken = postings(forms, (f) => f.tokens);
  return forms.filter((x, i) => {
    // A form with no words is inside every other form.
    if (x.tokens.length === 0) return forms.length === 1;
    // Only forms holding x's first word can hold all of x's words.
    return !byToken.get(x.tokens[0]!)!.some((j) => j !== i && covered(x.tokens, forms[j]!.tokens));
  });
}

/** Two forms are spellings of each other, not one a shorter form of the other. */
function spellingVariants(x: string[], y: string[]): boolean {
  if (covered(x, y) || covered(y, x)) return false;
  return x.some((w) => y.some((v) => w !== v && sameNameWord(w, v)));
}

/**
 * The full forms (in the order given) that some other full form spells differently. Two words can
 * only be spellings of one name when their consonant skeletons agree (sameNameWord's first test),
 * so only forms that share a skeleton are compared.
 */
export function spellingVariantForms(forms: readonly string[]): string[] {
  const full = fullForms(forms.map((form) => ({ form, tokens: nameTokens(form) })));
  const skeletonOf = new Map<string, string>();
  const keys = (f: Form) => f.tokens.map((w) => skeletonOf.get(w) ?? skeletonOf.set(w, skeleton(normaliseName(w))).get(w)!);
  const bySkeleton = postings(full, keys);
  return full
    .filter((x, i) => {
      const candidates = new Set(keys(x).flatMap((k) => bySkeleton.get(k)!));
      return [...candidates].some((j) => j !== i && spellingVariants(x.tokens, full[j]!.tokens));
    })
    .map((f) => f.form);
}
