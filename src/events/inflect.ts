// English verb forms for the pattern language: '{agree}' matches agree, agrees, agreed, agreeing.
// Regular rules plus a table of the irregular verbs that event patterns use.

const IRREGULAR: Record<string, string[]> = {
  be: ['be', 'is', 'are', 'was', 'were', 'been', 'being', "'s", "'re"],
  have: ['have', 'has', 'had', 'having', "'ve"],
  give: ['give', 'gives', 'gave', 'given', 'giving'],
  send: ['send', 'sends', 'sent', 'sending'],
  meet: ['meet', 'meets', 'met', 'meeting'],
  hold: ['hold', 'holds', 'held', 'holding'],
  take: ['take', 'takes', 'took', 'taken', 'taking'],
  make: ['make', 'makes', 'made', 'making'],
  shoot: ['shoot', 'shoots', 'shot', 'shooting'],
  blow: ['blow', 'blows', 'blew', 'blown', 'blowing'],
  strike: ['strike', 'strikes', 'struck', 'striking'],
  seek: ['seek', 'seeks', 'sought', 'seeking'],
  lay: ['lay', 'lays', 'laid', 'laying'],
  break: ['break', 'breaks', 'broke', 'broken', 'breaking'],
  speak: ['speak', 'speaks', 'spoke', 'spoken', 'speaking'],
  begin: ['begin', 'begins', 'began', 'begun', 'beginning'],
  fight: ['fight', 'fights', 'fought', 'fighting'],
  sell: ['sell', 'sells', 'sold', 'selling'],
  lead: ['lead', 'leads', 'led', 'leading'],
  put: ['put', 'puts', 'putting'],
  set: ['set', 'sets', 'setting'],
  cut: ['cut', 'cuts', 'cutting'],
  quit: ['quit', 'quits', 'quitting'],
  shut: ['shut', 'shuts', 'shutting'],
  hit: ['hit', 'hits', 'hitting'],
  win: ['win', 'wins', 'won', 'winning'],
  throw: ['throw', 'throws', 'threw', 'thrown', 'throwing'],
  fly: ['fly', 'flies', 'flew', 'flown', 'flying'],
  bring: ['bring', 'brings', 'brought', 'bringing'],
  undertake: ['undertake', 'undertakes', 'undertook', 'undertaken', 'undertaking'],
  withdraw: ['withdraw', 'withdraws', 'withdrew', 'withdrawn', 'withdrawing'],
  forgive: ['forgive', 'forgives', 'forgave', 'forgiven', 'forgiving'],
  forsake: ['forsake', 'forsakes', 'forsook', 'forsaken', 'forsaking'],
  stand: ['stand', 'stands', 'stood', 'standing'],
  leave: ['leave', 'leaves', 'left', 'leaving'],
  keep: ['keep', 'keeps', 'kept', 'keeping'],
  pay: ['pay', 'pays', 'paid', 'paying'],
  say: ['say', 'says', 'said', 'saying'],
  tell: ['tell', 'tells', 'told', 'telling'],
  go: ['go', 'goes', 'went', 'gone', 'going'],
  come: ['come', 'comes', 'came', 'coming'],
  steal: ['steal', 'steals', 'stole', 'stolen', 'stealing'],
  ride: ['ride', 'rides', 'rode', 'ridden', 'riding'],
  drive: ['drive', 'drives', 'drove', 'driven', 'driving'],
  overthrow: ['overthrow', 'overthrows', 'overthrew', 'overthrown', 'overthrowing'],
  freeze: ['freeze', 'freezes', 'froze', 'frozen', 'freezing'],
  confer: ['confer', 'confers', 'conferred', 'conferring'],
  overrun: ['overrun', 'overruns', 'overran', 'overrunning'],
  airdrop: ['airdrop', 'airdrops', 'airdropped', 'airdropping'],
  burn: ['burn', 'burns', 'burned', 'burnt', 'burning'],
};

const VOWEL = /[aeiou]/;

/** All forms of a verb given in its base form. */
export function verbForms(base: string): string[] {
  const irregular = IRREGULAR[base];
  if (irregular) return irregular;
  const forms = new Set([base]);
  // Third person singular.
  if (/(s|sh|ch|x|z|o)$/.test(base)) forms.add(`${base}es`);
  else if (/[^aeiou]y$/.test(base)) forms.add(`${base.slice(0, -1)}ies`);
  else forms.add(`${base}s`);
  // Past and participle, -ing.
  if (base.endsWith('e')) {
    forms.add(`${base}d`);
    forms.add(base.endsWith('ee') ? `${base}ing` : `${base.slice(0, -1)}ing`);
  } else if (/[^aeiou]y$/.test(base)) {
    forms.add(`${base.slice(0, -1)}ied`);
    forms.add(`${base}ing`);
  } else {
    forms.add(`${base}ed`);
    forms.add(`${base}ing`);
    // Short stressed syllable doubles its consonant: 'ban' -> 'banned', 'stop' -> 'stopped'.
    const m = /^([^aeiou]*[aeiou])([bdgklmnprt])$/.exec(base);
    if (m && (base.match(new RegExp(VOWEL, 'g')) ?? []).length === 1) {
      forms.add(`${base}${m[2]}ed`);
      forms.add(`${base}${m[2]}ing`);
    }
    // British and American doubling of l: 'cancelled', 'labelled'.
    if (base.endsWith('l')) {
      forms.add(`${base}led`);
      forms.add(`${base}ling`);
    }
  }
  return [...forms];
}

/** Noun plural forms: '{{treaty}}' style alternatives are written by hand; this covers '-s'. */
export function nounForms(base: string): string[] {
  if (/(s|sh|ch|x|z)$/.test(base)) return [base, `${base}es`];
  if (/[^aeiou]y$/.test(base)) return [base, `${base.slice(0, -1)}ies`];
  return [base, `${base}s`];
}
