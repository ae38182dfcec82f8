// The event coder: for each sentence, the first event pattern whose subject is an actor gives
// the event; its source is the actor before the trigger (or after 'by' in the passive), its
// target the first actor after it; modality recodes intentions as intents (03) or threats (13).
import { splitSentences } from '../text/sentences.js';
import { tokenize, type Token } from '../text/tokens.js';
import { findAtoms, findChunks, memberCode, type ActorChunk, type ActorMember, type Atom } from './actors.js';
import { cameoInfo, intentCode, mobilizeCode } from './cameo.js';
import { modalityOf, SAY_VERBS } from './modality.js';
import { findTriggers, type PatternMatch } from './patterns.js';
import type { CodedEvent, ContextMention, EventContext, EventInput, Modality } from './types.js';

/** Words that open an introductory phrase ('With the signing of ..., X agreed'). */
const INTRO = new Set(['with', 'under', 'in', 'after', 'following', 'on', 'despite', 'amid', 'during', 'before']);
const PREPOSITIONS = new Set(['in', 'at', 'from', 'to', 'of', 'with', 'for', 'against', 'by', 'on', 'into', 'near', 'throughout', 'between', 'toward', 'towards', 'over', 'about']);
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);
const MILITARY = new Set(['MIL']);
const CROWD = new Set(['CVL', 'EDU', 'LAB', 'REF', 'AGR', 'OPP', 'CRM']);

interface Role {
  chunk: ActorChunk | null;
}

function parenDepth(words: string[]): number[] {
  const out: number[] = [];
  let d = 0;
  for (const w of words) {
    if (w === '(') d++;
    out.push(d);
    if (w === ')' && d > 0) d--;
  }
  return out;
}

function isPassive(words: string[], m: PatternMatch): boolean {
  if (!m.pattern.spec.p.startsWith('{')) return false;
  const w = words[m.start]!;
  if (!/(ed|en|wn|ught|ld|nt|ck|ut|ot)$/.test(w)) return false;
  const prev = words[m.start - 1];
  const prev2 = words[m.start - 2];
  return (prev !== undefined && BE.has(prev)) || (prev2 !== undefined && BE.has(prev2) && /ly$/.test(prev ?? ''));
}

const LEAD_IN = new Set(['the', 'a', 'an', 'this', 'that', 'its', 'their', 'his', 'her', 'our', 'some', 'all']);

/** The word before a chunk, looking past articles and unknown capitalised words ('of the Mediterranean Cyprus'). */
function precededByPreposition(words: string[], chunk: ActorChunk): boolean {
  const first = chunk.members[0]?.start ?? chunk.start;
  for (let i = first - 1; i >= Math.max(0, first - 4); i--) {
    const w = words[i]!;
    if (PREPOSITIONS.has(w)) return true;
    if (!LEAD_IN.has(w) && !/^[A-Z]/.test(w)) return false;
  }
  return false;
}

const POSSESSIVE_PRONOUNS = new Set(['its', 'their', 'his', 'her', 'our']);

/** A chunk that can be an event's target: one that names a country or body, or armed groups and opposition. */
function canBeTarget(tokens: Token[], words: string[], c: ActorChunk, atoms: Atom[]): boolean {
  if (c.members.some((m) => m.hasOwnCountry)) return true;
  if (POSSESSIVE_PRONOUNS.has(words[c.start - 1] ?? '')) return false;
  // A title before a name ('President Laurent Gbagbo') is a person of the domestic government.
  const titled =
    (/^\p{Lu}/u.test(tokens[c.end]?.text ?? '') && !FUNCTION_START.has(words[c.end] ?? '')) ||
    tokens.slice(c.start, c.end).some((t, k) => k > 0 && /^\p{Lu}/u.test(t.text) && !atoms.some((a) => c.start + k >= a.start && c.start + k < a.end));
  return titled || c.members.some((m) => m.sector === 'REB' || m.sector === 'OPP');
}

/** A people noun right after the verb ('arrested 12 protesters') is its object even without a country. */
function isDirectObject(words: string[], m: PatternMatch, c: ActorChunk): boolean {
  if (!c.members.some((x) => x.sector && PEOPLE.has(x.sector))) return false;
  const between = words.slice(m.end, c.members[0]?.start ?? c.start);
  return between.length <= 4 && between.every((w) => /^[\d,]+$/.test(w) || OBJECT_LEAD.has(w));
}

const PEOPLE = new Set(['CVL', 'EDU', 'LAB', 'REF', 'CRM', 'MED', 'REL', 'AGR']);
const OBJECT_LEAD = new Set(['the', 'a', 'an', 'some', 'several', 'dozens', 'hundreds', 'thousands', 'scores', 'of', 'more', 'than', 'at', 'least', 'about', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten']);

const FUNCTION_START = new Set(['the', 'a', 'an', 'in', 'on', 'at', 'and']);

const CLAUSE_BREAKS = new Set([';', 'according', 'whose', 'which', 'who', 'as', 'after', 'while', 'because', 'although', 'though', 'before', 'following', 'when']);

/** Where the target search stops: ';', 'according to', or a trailing attribution (', officials said'). */
function targetLimit(words: string[], from: number): number {
  for (let i = from; i < words.length; i++) {
    const w = words[i]!;
    if (CLAUSE_BREAKS.has(w)) return i;
    if (w === ',' && words.length - i <= 14 && words.slice(i + 1).some((x) => SAY_VERBS.has(x))) return i;
  }
  return words.length;
}

function sourceBefore(words: string[], chunks: ActorChunk[], at: number): ActorChunk | null {
  const left = chunks.filter((c) => c.end <= at);
  for (let k = left.length - 1; k >= 0; k--) {
    const c = left[k]!;
    if (precededByPreposition(words, c)) continue;
    // 'Pakistan, a key U.S. ally, refused': the apposition is not the subject.
    const prev = left[k - 1];
    if (prev && isApposition(words, prev, c)) continue;
    return c;
  }
  return left[left.length - 1] ?? null;
}

function isApposition(words: string[], prev: ActorChunk, c: ActorChunk): boolean {
  if (words[prev.end] !== ',') return false;
  const between = words.slice(prev.end + 1, c.members[0]?.start ?? c.start);
  return between.every((w) => LEAD_IN.has(w) || /^[a-z]+$/.test(w)) && between.length <= 4;
}

const SUBJECT_PRONOUNS = new Set(['it', 'they', 'he', 'she', 'we']);
const AUX = new Set(['will', 'would', 'could', 'should', 'might', 'may', 'can', 'has', 'have', 'had', 'is', 'are', 'was', 'were', 'be', 'been', 'not', "n't", 'also', 'still', 'again', 'to', 'no', 'longer', 'never', 'ready', 'willing', 'prepared', 'plans', 'planned', 'intends', 'wants']);

/** 'X said it would attack': a pronoun subject of a complement clause stands for the matrix subject. */
function pronounSubject(words: string[], at: number): boolean {
  for (let i = at - 1; i >= Math.max(0, at - 6); i--) {
    const w = words[i]!;
    if (SUBJECT_PRONOUNS.has(w)) return i > 0;
    if (!AUX.has(w)) return false;
  }
  return false;
}

/** The sentence's subject: its first actor not governed by a preposition, before `at`. */
function matrixSubject(words: string[], chunks: ActorChunk[], at: number): ActorChunk | null {
  return chunks.find((c) => c.end <= at && !precededByPreposition(words, c)) ?? null;
}

/** A sector-only actor takes the country of the sentence's nearest actor that has one. */
function fallbackCountry(chunks: ActorChunk[], near: number): string | null {
  let best: { d: number; c: string } | null = null;
  for (const ch of chunks)
    for (const m of ch.members) {
      if (!m.country || m.country === 'IGO' || m.country === 'NGO' || m.country === 'IMG') continue;
      // Earlier mentions first: 'Russian aircraft including helicopter gunships killed Afghans'.
      const d = m.start < near ? near - m.start : 1000 + m.start - near;
      if (!best || d < best.d) best = { d, c: m.country };
    }
  return best?.c ?? null;
}

function codesOf(chunk: ActorChunk | null, asSubject: boolean, chunks: ActorChunk[], domestic: string | null = null): { code: string | null; member: ActorMember | null }[] {
  if (!chunk) return [{ code: null, member: null }];
  const out = chunk.members.map((m) => ({ code: memberCode(m, asSubject, domestic ?? fallbackCountry(chunks, m.start)), member: m }));
  return out.length ? out : [{ code: null, member: null }];
}

function recode(code: string, spec: PatternMatch['pattern']['spec'], sourceSector: string | null, cues: ReturnType<typeof modalityOf>): string {
  let c = code;
  if (spec.military && sourceSector && MILITARY.has(sourceSector)) c = spec.military;
  if (spec.crowd && sourceSector && CROWD.has(sourceSector)) c = spec.crowd;
  if (spec.keep || cues.modality === 'negated') return c;
  const root = Number(c.slice(0, 2));
  if (cues.unless && root >= 3 && root <= 9) return '130';
  if (cues.prepared && root >= 18) return mobilizeCode(c);
  if (cues.modality === 'intended' || cues.modality === 'conditional') return intentCode(c);
  return c;
}

function textOf(tokens: Token[], text: string, chunk: ActorChunk | null, m: ActorMember | null): string | null {
  if (!chunk) return null;
  const a = m ?? chunk.members[0];
  if (!a) return null;
  return text.slice(tokens[a.start]!.start, tokens[a.end - 1]!.end);
}

/** Mentions the language layer resolved to an actor code replace the gazetteer's atoms they overlap. */
function withMentions(tokens: Token[], atoms: Atom[], mentions: ContextMention[]): Atom[] {
  const extra: Atom[] = [];
  for (const m of mentions) {
    if (!m.code) continue;
    const first = tokens.findIndex((t) => t.end > m.start);
    if (first < 0 || tokens[first]!.start >= m.end) continue;
    let last = first;
    while (last + 1 < tokens.length && tokens[last + 1]!.start < m.end) last++;
    extra.push({ start: first, end: last + 1, kind: 'code', country: m.code.slice(0, 3), sector: m.code.length > 3 ? m.code.slice(3, 6) : null });
  }
  if (!extra.length) return atoms;
  const kept = atoms.filter((a) => !extra.some((e) => a.start < e.end && e.start < a.end));
  return [...kept, ...extra].sort((a, b) => a.start - b.start);
}

export function codeSentence(text: string, span: { start: number; end: number }, published: string | null, mentions: ContextMention[] = []): CodedEvent[] {
  const tokens = tokenize(text, span.start, span.end);
  const words = tokens.map((t) => t.text.toLowerCase().replace(/’/g, "'"));
  const atoms = withMentions(tokens, findAtoms(tokens), mentions);
  // Actors inside parentheses ('Hizbollah (Party of God)') are glosses, not participants.
  const depth = parenDepth(words);
  const chunks = findChunks(tokens, atoms).filter((c) => depth[c.start] === 0);
  const inChunk = (i: number) => chunks.some((c) => i >= c.start && i < c.end);
  // A capitalised verb inside a sentence is part of a name or a heading ('Free Sign Up'), not an action.
  const capitalisedVerb = (m: PatternMatch) => m.start > 0 && /^\p{Lu}/u.test(tokens[m.start]!.text) && isVerbal(words, m);
  const triggers = findTriggers(words).filter((m) => !inChunk(m.start) && !capitalisedVerb(m) && cameoInfo(m.pattern.spec.code)?.plover);
  if (!triggers.length) return [];
  const anchored = (m: PatternMatch) => m.pattern.spec.role === 'deontic' || isPassive(words, m) || chunks.some((c) => c.end <= m.start);
  const firstComma = words.indexOf(',');
  const introductory = (m: PatternMatch) => INTRO.has(words[0]!) && firstComma > m.start;
  const main = triggers.find((m) => anchored(m) || (!introductory(m) && m.start <= 8 && !triggers.some((o) => o !== m && anchored(o) && o.start < m.start))) ?? triggers[0]!;
  const p: Parsed = { text, span, published, tokens, words, atoms, chunks };
  const first = codeTrigger(p, main, 0, null);
  // A second clause ('..., but was still refusing ...') is its own event, its subject the first one's by default.
  const boundary = clauseBoundary(words, main.end);
  if (boundary < 0) return first.events;
  const next = triggers.find((m) => m.start > boundary && isVerbal(words, m));
  if (!next) return first.events;
  return dedupe([...first.events, ...codeTrigger(p, next, boundary, first.source).events]);
}

interface Parsed {
  text: string;
  span: { start: number; end: number };
  published: string | null;
  tokens: Token[];
  words: string[];
  atoms: Atom[];
  chunks: ActorChunk[];
}

/** Index of a clause boundary after `from`: ';', ', but', ', while', 'but', or -1. */
function clauseBoundary(words: string[], from: number): number {
  for (let i = from; i < words.length - 1; i++) {
    const w = words[i]!;
    if (w === ';' || w === 'but' || (w === ',' && (words[i + 1] === 'while' || words[i + 1] === 'whereas'))) return i;
  }
  return -1;
}

/** The trigger is a finite verb form, not a noun ('refusing', 'rejected', not 'withdrawal'). */
function isVerbal(words: string[], m: PatternMatch): boolean {
  const step = m.pattern.steps[0] as { verbal: Set<string> };
  return step.verbal.has(words[m.start]!);
}

function codeTrigger(p: Parsed, main: PatternMatch, from: number, inherited: ActorChunk | null): { events: CodedEvent[]; source: ActorChunk | null } {
  const { text, span, published, tokens, words, atoms } = p;
  const chunks = from > 0 ? p.chunks.filter((c) => c.start > from) : p.chunks;
  const spec = main.pattern.spec;
  let source: Role = { chunk: null };
  let target: Role = { chunk: null };
  let speakerBeforeSource = false;
  const limit = targetLimit(words, main.end);
  if (spec.role === 'deontic') {
    const t = sourceBefore(words, chunks, main.start);
    target = { chunk: t };
    const s = t ? chunks.find((c) => c.end <= t.start && !precededByPreposition(words, c)) ?? null : null;
    source = { chunk: s };
  } else if (isPassive(words, main)) {
    target = { chunk: sourceBefore(words, chunks, main.start) };
    const by = words.indexOf('by', main.end);
    source = { chunk: by >= 0 && by < limit ? (chunks.find((c) => c.start > by && c.start <= by + 3) ?? null) : null };
  } else {
    source = { chunk: (pronounSubject(words, main.start) ? matrixSubject(words, chunks, main.start) : null) ?? sourceBefore(words, chunks, main.start) ?? inherited };
    target = {
      chunk:
        chunks.find((c) => c.start > main.start && c.start < limit && c !== source.chunk && (canBeTarget(tokens, words, c, atoms) || isDirectObject(words, main, c))) ?? null,
    };
    if (source.chunk) {
      const sc = source.chunk;
      speakerBeforeSource = chunks.some((c) => c.end <= sc.start) && words.slice(0, sc.start).some((w) => SAY_VERBS.has(w));
    }
  }
  const cues = modalityOf(words, source.chunk && source.chunk.end <= main.start ? source.chunk.end : 0, main.start, main.end, speakerBeforeSource);
  const sources = codesOf(source.chunk, true, chunks);
  const sourceCountry = source.chunk?.members.find((m) => m.country && m.country.length === 3 && !['IGO', 'NGO', 'IMG'].includes(m.country))?.country ?? null;
  const targets = codesOf(target.chunk, false, chunks, sourceCountry);
  const code = recode(spec.code, spec, sources[0]?.member?.sector ?? null, cues);
  const info = cameoInfo(code) ?? cameoInfo(spec.code);
  if (!info?.plover) return { events: [], source: source.chunk };
  const finalCode = cameoInfo(code) ? code : spec.code;
  const trigger = text.slice(tokens[main.start]!.start, tokens[main.end - 1]!.end);
  const date = published ? published.slice(0, 10) : null;
  const location = locationOf(tokens, words, atoms, text);
  const base = (s: (typeof sources)[number], t: (typeof targets)[number], chunkS: ActorChunk | null, chunkT: ActorChunk | null, reciprocal: boolean): CodedEvent => ({
    source: s.code,
    target: t.code,
    sourceText: textOf(tokens, text, chunkS, s.member),
    targetText: textOf(tokens, text, chunkT, t.member),
    cameo: finalCode,
    root: info.root,
    plover: info.plover!,
    quad: info.quad,
    goldstein: info.goldstein,
    modality: cues.modality as Modality,
    date,
    location,
    start: span.start,
    end: span.end,
    trigger,
    confidence: confidenceOf(s.code, t.code, cues.modality),
    ...(reciprocal ? { reciprocal: true } : {}),
  });
  const events: CodedEvent[] = [];
  const hasTarget = targets.some((t) => t.code);
  const targetNear = target.chunk !== null && target.chunk.start - main.end <= 3;
  if (sources.length > 1 && (!hasTarget || (!targetNear && !spec.symmetric))) {
    // 'A and B agreed': each acts on the other.
    for (const a of sources) for (const b of sources) if (a !== b && a.code !== b.code) events.push(base(a, b, source.chunk, source.chunk, true));
  } else {
    for (const s of sources) for (const t of targets) {
      events.push(base(s, t, source.chunk, target.chunk, !!spec.symmetric));
      if (spec.symmetric && s.code && t.code) events.push(base(t, s, target.chunk, source.chunk, true));
    }
  }
  return { events: dedupe(events), source: source.chunk };
}

function confidenceOf(source: string | null, target: string | null, modality: Modality): number {
  let c = 0.4 + (source ? 0.3 : 0) + (target ? 0.2 : 0);
  if (modality !== 'asserted') c -= 0.1;
  return Math.round(c * 100) / 100;
}

/** The first country or capital written after 'in' ('in Damascus'), as the event's place. */
function locationOf(tokens: Token[], words: string[], atoms: ReturnType<typeof findAtoms>, text: string): string | null {
  for (const a of atoms) if ((a.kind === 'capital' || a.kind === 'country') && words[a.start - 1] === 'in') return text.slice(tokens[a.start]!.start, tokens[a.end - 1]!.end);
  return null;
}

function dedupe(events: CodedEvent[]): CodedEvent[] {
  const seen = new Set<string>();
  return events.filter((e) => {
    const k = `${e.source}|${e.target}|${e.cameo}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Codes every sentence of a text. */
export function codeEvents(input: EventInput, ctx?: EventContext): CodedEvent[] {
  const out: CodedEvent[] = [];
  const mentions = ctx?.mentions ?? [];
  for (const span of splitSentences(input.text)) {
    const inSpan = mentions.filter((m) => m.start >= span.start && m.end <= span.end);
    out.push(...codeSentence(input.text, span, input.published ?? null, inSpan));
  }
  return out;
}

/** The fields of an event in the scriptable output of `dossier code`. */
export function eventFields(e: {
  source: string | null;
  target: string | null;
  cameo: string;
  plover: string | null;
  quad: number | null;
  goldstein: number | null;
  modality: string;
  date: string | null;
  location: string | null;
  start: number;
  end: number;
}) {
  const { source, target, cameo, plover, quad, goldstein, modality, date, location, start, end } = e;
  return { source, target, cameo, plover, quad, goldstein, modality, date, location, start, end };
}

/** `dossier code`: one JSON line {id, text, published?} in, one {id, events} line out. */
export function codeJsonLine(line: string): string {
  const rec = JSON.parse(line) as { id?: unknown; text?: unknown; published?: unknown };
  const id = typeof rec.id === 'string' || typeof rec.id === 'number' ? String(rec.id) : '';
  const text = typeof rec.text === 'string' ? rec.text : '';
  const published = typeof rec.published === 'string' ? rec.published : null;
  const events = codeEvents({ id, text, published }).map(eventFields);
  return JSON.stringify({ id, events });
}
