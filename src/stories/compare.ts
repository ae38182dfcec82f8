// Outlet comparison for one story: each article's facts (events, numbers, named people), quotes and
// loaded words laid side by side; what is shared, what only one outlet has, and what conflicts
// (different numbers for the same thing, names spelled differently, one quote in two wordings,
// statements that contradict each other or themselves).
import pluralize from 'pluralize';
import { spellingVariantForms } from './name-variants.js';
import type { LoadedTermUse } from './loaded-terms.js';

export interface CompareEvent {
  root: string;
  cameo: string;
  source: string | null;
  target: string | null;
  modality: string;
  field: string;
  sentence: string | null;
  headline: string;
  /** Readable actor names ('Iran', "Syria's military"), when known. */
  sourceName?: string | null;
  targetName?: string | null;
}

export interface CompareQuote {
  text: string;
  speaker: string | null;
  speakerKey: string | null;
  field: string;
}

export interface CompareNumber {
  text: string;
  value: number | null;
  /** What is counted, as a lemma that groups its forms: 'person' for 'people', 'strike' for 'strikes'. */
  what: string | null;
  /** The same as the text wrote it ('people'), for display. */
  noun: string | null;
  sentence: string;
}

export interface ComparedArticle {
  articleId: number;
  label: string;
  outlet: string | null;
  events: CompareEvent[];
  quotes: CompareQuote[];
  /** Canonical person key -> surface forms used (roles stripped). */
  people: Map<string, { name: string; forms: Set<string> }>;
  numbers: CompareNumber[];
  loaded: (LoadedTermUse & { field: string })[];
}

export interface FactRow {
  key: string;
  what: string;
  articles: number[];
}

export interface Comparison {
  articles: { articleId: number; label: string; outlet: string | null }[];
  shared: FactRow[];
  only: Record<number, FactRow[]>;
  conflicts: {
    numbers: { what: string; values: { articleId: number; text: string; value: number | null; sentence: string }[] }[];
    nameVariants: { entity: string; forms: { form: string; articles: number[] }[] }[];
    quoteVariants: { speaker: string | null; wordings: { articleId: number; text: string }[] }[];
    /** `actor`: the actor code the contradicting events share (their doer). */
    contradictions: { articles: number[]; actor: string; what: string; sides: { articleId: number; field: string; text: string }[] }[];
  };
  loadedTerms: Record<number, { own: string[]; quoted: string[] }>;
}

const STOP = new Set('a an the of to in on and or for with by at from as is are was were be been that this it its he she they we you i his her their our will would has have had not but'.split(' '));

function contentWords(s: string): Set<string> {
  return new Set((s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !STOP.has(w)));
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

function eventKey(e: CompareEvent): string {
  const pair = [(e.source ?? '?').slice(0, 3), (e.target ?? '?').slice(0, 3)].sort().join('-');
  return `event:${e.root}:${pair}:${e.modality === 'intended' ? 'intent' : 'fact'}`;
}

/**
 * An event told with one actor missing ('Syria signs an agreement') is the same fact as the fully
 * told one of the same kind that involves that actor ('Iran signs an agreement with Syria'), when
 * exactly one such fact exists: its articles join that fact.
 */
function foldPartialEvents(facts: Map<string, FactRow>, codeOf: Map<string, string>): void {
  const parts = (key: string) => {
    const [, root, pair, mode] = key.split(':');
    return { root, actors: pair!.split('-'), mode };
  };
  for (const [key, f] of facts) {
    if (!key.startsWith('event:')) continue;
    const p = parts(key);
    const known = p.actors.filter((x) => x !== '?');
    if (known.length !== 1) continue;
    const fuller = [...facts.entries()].filter(([k]) => {
      if (k === key || !k.startsWith('event:')) return false;
      const q = parts(k);
      return q.root === p.root && q.mode === p.mode && codeOf.get(k) === codeOf.get(key) && !q.actors.includes('?') && q.actors.includes(known[0]!);
    });
    if (fuller.length !== 1) continue;
    const into = fuller[0]![1];
    for (const a of f.articles) if (!into.articles.includes(a)) into.articles.push(a);
    into.articles.sort((x, y) => x - y);
    facts.delete(key);
  }
}

export function compareArticles(list: ComparedArticle[]): Comparison {
  const facts = new Map<string, FactRow>();
  const fact = (key: string, what: string, articleId: number) => {
    const f = facts.get(key) ?? { key, what, articles: [] };
    if (!f.articles.includes(articleId)) f.articles.push(articleId);
    facts.set(key, f);
  };
  // The 3-digit code each event fact was first told with ('057' signing, '051' praise: both root 05).
  const eventCode = new Map<string, string>();
  for (const a of list) {
    for (const e of a.events) {
      if (e.modality === 'negated') continue;
      const key = eventKey(e);
      if (!eventCode.has(key)) eventCode.set(key, e.cameo.slice(0, 3));
      fact(key, e.headline, a.articleId);
    }
    for (const [key, p] of a.people) fact(`person:${key}`, `mentions ${p.name}`, a.articleId);
  }
  // Quotes: the same words in several articles are a shared fact; close wordings are variants.
  const quotes = list.flatMap((a) => a.quotes.map((q) => ({ ...q, articleId: a.articleId, words: contentWords(q.text) })));
  const quoteVariants: Comparison['conflicts']['quoteVariants'] = [];
  const seen = new Set<number>();
  quotes.forEach((q, i) => {
    if (seen.has(i)) return;
    const group = [q];
    quotes.forEach((r, j) => {
      if (j <= i || seen.has(j) || r.words.size === 0) return;
      const sim = jaccard(q.words, r.words);
      const sameSpeaker = !!q.speakerKey && q.speakerKey === r.speakerKey;
      if (sim >= 0.6 || (sameSpeaker && sim >= 0.3)) {
        group.push(r);
        seen.add(j);
      }
    });
    const articles = [...new Set(group.map((g) => g.articleId))];
    const key = `quote:${[...q.words].slice(0, 8).join(' ')}`;
    for (const g of group) fact(key, `quote: ${q.text.length > 80 ? `${q.text.slice(0, 79)}…` : q.text}`, g.articleId);
    const wordings = new Map<string, { articleId: number; text: string }>();
    for (const g of group) {
      const norm = [...g.words].join(' ');
      if (!wordings.has(norm)) wordings.set(norm, { articleId: g.articleId, text: g.text });
    }
    if (wordings.size > 1 && (articles.length > 1 || group.length > 1)) {
      const distinct = [...wordings.values()];
      // Nested fragments ('X' inside 'X and Y') are one wording cut differently, not a variant.
      const nested = distinct.every((w) => distinct.some((o) => o !== w && o.text.includes(w.text)) || distinct.every((o) => o === w || w.text.includes(o.text)));
      if (!nested) quoteVariants.push({ speaker: q.speaker, wordings: distinct });
    }
  });

  // Names: one entity written differently across (or within) articles.
  const forms = new Map<string, { entity: string; byForm: Map<string, Set<number>> }>();
  for (const a of list) {
    for (const [key, p] of a.people) {
      const f = forms.get(key) ?? { entity: p.name, byForm: new Map() };
      for (const form of p.forms) f.byForm.set(form, (f.byForm.get(form) ?? new Set()).add(a.articleId));
      forms.set(key, f);
    }
  }
  const nameVariants: Comparison['conflicts']['nameVariants'] = [];
  for (const f of forms.values()) {
    const variant = spellingVariantForms([...f.byForm.keys()]);
    if (variant.length > 1) nameVariants.push({ entity: f.entity, forms: variant.map((form) => ({ form, articles: [...f.byForm.get(form)!] })) });
  }

  // Numbers: the same thing counted differently.
  const byWhat = new Map<string, { articleId: number; text: string; noun: string; value: number | null; sentence: string }[]>();
  for (const a of list)
    for (const n of a.numbers)
      if (n.what && n.value !== null)
        byWhat.set(n.what, [...(byWhat.get(n.what) ?? []), { articleId: a.articleId, text: n.text, noun: n.noun ?? n.what, value: n.value, sentence: n.sentence }]);
  const numbers: Comparison['conflicts']['numbers'] = [];
  for (const [what, found] of byWhat) {
    const arts = new Set(found.map((v) => v.articleId));
    if (arts.size < 2) continue;
    const vals = found.map((v) => v.value!);
    const values = found.map(({ articleId, text, value, sentence }) => ({ articleId, text, value, sentence }));
    if (Math.max(...vals) > Math.min(...vals) * 1.1) numbers.push({ what: found[0]!.noun, values });
    else for (const v of found) fact(`number:${what}`, `${v.text} ${v.noun}`, v.articleId);
  }

  // Contradictions: one actor said to go to different countries in the same article (its title,
  // dek and body telling different trips): one finding per actor and article, every side quoted.
  const contradictions: Comparison['conflicts']['contradictions'] = [];
  for (const a of list) {
    const bySource = new Map<string, CompareEvent[]>();
    for (const e of a.events) {
      if (!e.cameo.startsWith('042') || e.modality === 'negated' || !e.source || !e.target) continue;
      bySource.set(e.source, [...(bySource.get(e.source) ?? []), e]);
    }
    for (const [source, visits] of bySource) {
      const byCountry = new Map<string, CompareEvent>();
      for (const v of visits) if (!byCountry.has(v.target!.slice(0, 3))) byCountry.set(v.target!.slice(0, 3), v);
      if (byCountry.size < 2) continue;
      const places = [...byCountry.values()].map((v) => v.targetName ?? v.target!);
      const sides = visits.filter((v, i) => visits.findIndex((w) => w.sentence === v.sentence && w.field === v.field) === i);
      contradictions.push({
        articles: [a.articleId],
        actor: source,
        what: `${visits[0]!.sourceName ?? source} is said to visit ${places.slice(0, -1).join(', ')} and ${places.at(-1)}`,
        sides: sides.map((v) => ({ articleId: a.articleId, field: v.field, text: v.sentence ?? '' })),
      });
    }
  }

  foldPartialEvents(facts, eventCode);
  const shared = [...facts.values()].filter((f) => f.articles.length > 1);
  const only: Record<number, FactRow[]> = {};
  for (const a of list) only[a.articleId] = [...facts.values()].filter((f) => f.articles.length === 1 && f.articles[0] === a.articleId);
  const loadedTerms: Comparison['loadedTerms'] = {};
  for (const a of list) {
    const own = [...new Set(a.loaded.filter((l) => l.voice === 'own').map((l) => l.text))];
    const quoted = [...new Set(a.loaded.filter((l) => l.voice === 'quoted').map((l) => l.text))];
    loadedTerms[a.articleId] = { own, quoted };
  }
  return {
    articles: list.map((a) => ({ articleId: a.articleId, label: a.label, outlet: a.outlet })),
    shared,
    only,
    conflicts: { numbers, nameVariants, quoteVariants, contradictions },
    loadedTerms,
  };
}

/**
 * The counted noun after a number, as written and as a lemma: '380,000 people' -> people / person,
 * 'hundreds of armed militias' -> militias / militia.
 */
export function countedNoun(text: string, end: number): { noun: string; lemma: string } | null {
  const words = (/^\s+(?:of\s+)?([a-z-]+)(?:\s+([a-z-]+))?/i.exec(text.slice(end, end + 40)) ?? []).slice(1);
  let w = words[0]?.toLowerCase();
  // Skip one adjective-shaped word ('armed', 'Iranian', 'civilian') when a noun follows.
  if (w && words[1] && /(?:ed|ian|al|ish|ive|ary)$/.test(w) && !STOP.has(words[1].toLowerCase())) w = words[1].toLowerCase();
  if (!w || w.length < 3 || STOP.has(w)) return null;
  return { noun: w, lemma: pluralize.singular(w) };
}
