import { describe, expect, it } from 'vitest';
import { spellingVariantForms } from '../../src/stories/name-variants.js';
import { nameTokens, sameNameWord } from '../../src/entities/names.js';
import { mulberry32 } from '../../src/bench/synthetic.js';

/** Every pair compared, as the outlet comparison did before it indexed forms: the reference. */
function pairwise(all: string[]): string[] {
  const covered = (s: string[], l: string[]) => s.every((w) => l.includes(w));
  const full = all.filter((x) => !all.some((y) => y !== x && covered(nameTokens(x), nameTokens(y))));
  const spelled = (a: string, b: string) => {
    const x = nameTokens(a);
    const y = nameTokens(b);
    if (covered(x, y) || covered(y, x)) return false;
    return x.some((w) => y.some((v) => w !== v && sameNameWord(w, v)));
  };
  return full.filter((x) => full.some((y) => spelled(x, y)));
}

describe('spellingVariantForms', () => {
  it('reports full forms spelled differently, not short forms or other people', () => {
    expect(spellingVariantForms(['Yusuf Haddad', 'Haddad', 'Youssef Haddad', 'Omar Haddad'])).toEqual(['Yusuf Haddad', 'Youssef Haddad']);
  });

  it('drops forms another form holds whole, including forms that differ only by a particle', () => {
    expect(spellingVariantForms(['al-Rashid', 'Rashid', 'Rasheed'])).toEqual([]);
    expect(spellingVariantForms(['Karim al-Rashid', 'Karim Rasheed', 'Rashid'])).toEqual(['Karim al-Rashid', 'Karim Rasheed']);
  });

  it('finds what comparing every pair finds, on many random forms', () => {
    const words = ['Yusuf', 'Youssef', 'Yousef', 'Haddad', 'Hadad', 'Omar', 'Umar', 'al-Rashid', 'Rasheed', 'Karim', 'Kareem', 'Nasser', 'Nasir', 'bin', 'Lina', 'of', "O'Neil", 'Oneil', ''];
    const rand = mulberry32(7);
    for (let round = 0; round < 200; round++) {
      const forms = new Set<string>();
      const n = 1 + Math.floor(rand() * 12);
      while (forms.size < n) forms.add(Array.from({ length: 1 + Math.floor(rand() * 3) }, () => words[Math.floor(rand() * words.length)]!).join(' ').trim());
      expect(spellingVariantForms([...forms])).toEqual(pairwise([...forms]));
    }
  });
});
