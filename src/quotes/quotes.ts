// Quotations and their speakers. Quote spans are paired quotation marks (curly or straight, double,
// or single where they are not apostrophes); the speaker comes from the cue around the quote in the
// same sentence ('…,” he said', 'X said that “…”', 'SANA quoted X as saying', 'according to X',
// 'a statement by X said'), or from the previous quote when a quote paragraph has no cue of its own.
import { NOMINAL_HEADS, PRONOUNS, SPEECH_VERB_RE } from './cues.js';

export interface QuoteMention {
  start: number;
  end: number;
  type: string;
  entityKey?: string | null;
}

export interface Speaker {
  text: string;
  start: number;
  end: number;
  entityKey: string | null;
}

export interface Quote {
  start: number;
  end: number;
  text: string;
  partial: boolean;
  speaker: Speaker | null;
  cue: string | null;
  cueType: 'verb' | 'according-to' | 'quoted-as-saying' | 'statement' | 'colon' | 'continuation' | 'none';
  via: { text: string; start: number; end: number } | null;
  pronoun?: string;
}

// A name: capitalised words, allowing particles and initials inside ('Fahd Jasem al-Freij', 'U.S.').
// Calendar words are capitalised but never speakers.
const NOT_NAME = String.raw`(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Read|But|And)\b)`;
const NAME1 = String.raw`(?:${NOT_NAME}[\p{Lu}][\p{L}.'’-]*(?:\s+(?:(?:al|el|bin|de|van|von|of|the)[-\s]+)?[\p{Lu}][\p{L}.'’-]*){0,5})`;
// 'Tehran and Damascus' speak together.
const NAME = String.raw`(?:${NAME1}(?:\s+and\s+${NAME1})?)`;
const NOMINAL = String.raw`(?:\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[\p{L}-]+\s+){0,3}(?:${NOMINAL_HEADS.join('|')}))`;
const SPEAKER = String.raw`(${NAME}|${NOMINAL}|he|she|they|it|we)`;

/** Paired quotation marks within a paragraph; single quotes only when they cannot be apostrophes. */
function quoteSpans(text: string): { start: number; end: number; open: number; close: number }[] {
  const out: { start: number; end: number; open: number; close: number }[] = [];
  const re = /“([^”\n]+)”|"([^"\n]+)"|(?<![\p{L}\p{N}])[‘']([^’'\n]{2,}?)[’'](?![\p{L}\p{N}])/gu;
  for (const m of text.matchAll(re)) {
    const open = m.index ?? 0;
    const close = open + m[0].length;
    const inner = m[1] ?? m[2] ?? m[3] ?? '';
    // A single-quoted run must look like speech, not 'like this' scare quotes of one or two words, unless cued.
    out.push({ start: open + 1, end: close - 1, open, close });
    void inner;
  }
  return out;
}

function sentenceBounds(text: string, at: number): { start: number; end: number } {
  let s = at;
  while (s > 0) {
    const c = text[s - 1]!;
    if (c === '\n') break;
    if (/[.!?]/.test(c) && /\s/.test(text[s] ?? '') && !/\b(?:[A-Z]|Gen|Maj|Mr|Mrs|Dr|Lt|Col|St|U\.S|No)\.$/.test(text.slice(Math.max(0, s - 5), s))) break;
    s--;
  }
  let e = at;
  while (e < text.length) {
    const c = text[e]!;
    if (c === '\n') break;
    if (/[.!?]/.test(c) && /\s|$/.test(text[e + 1] ?? '') && !/[”"’']/.test(text[e + 1] ?? '')) {
      if (!/\b(?:[A-Z]|Gen|Maj|Mr|Mrs|Dr|Lt|Col|St|U\.S|No)$/.test(text.slice(Math.max(0, e - 4), e))) {
        e++;
        break;
      }
    }
    e++;
  }
  return { start: s, end: e };
}

function trimSpeaker(raw: string, start: number): { text: string; start: number; end: number } {
  let t = raw;
  let s = start;
  // Leading sentence words that are not part of a name ('On Tuesday', 'But').
  const lead = /^(?:(?:But|And|Then|Later|Meanwhile|However|On\s+\w+day|In\s+a\s+\w+)[,]?\s+)/.exec(t);
  if (lead) {
    s += lead[0].length;
    t = t.slice(lead[0].length);
  }
  t = t.replace(/[,\s]+$/, '');
  return { text: t, start: s, end: s + t.length };
}

function snap(sp: { text: string; start: number; end: number }, mentions: QuoteMention[]): Speaker {
  const m = mentions
    .filter((x) => x.start < sp.end && sp.start < x.end && (x.type === 'PERSON' || x.type === 'ORG' || x.type === 'GPE' || x.type === 'NORP'))
    .sort((a, b) => (a.type === 'PERSON' ? -1 : 0) - (b.type === 'PERSON' ? -1 : 0) || b.end - b.start - (a.end - a.start))[0];
  return { ...sp, entityKey: m?.entityKey ?? null };
}

export function findQuotes(text: string, opts: { mentions?: QuoteMention[] } = {}): Quote[] {
  const mentions = opts.mentions ?? [];
  const quotes: Quote[] = [];
  let lastSpeaker: Speaker | null = null;
  let lastParagraphEnd = -1;
  for (const q of quoteSpans(text)) {
    const inner = text.slice(q.start, q.end).trim();
    if (inner.split(/\s+/).length < 2 && !/[“"]/.test(text[q.open]!)) continue;
    const sent = sentenceBounds(text, q.open);
    const before = text.slice(sent.start, q.open);
    const after = text.slice(q.close, Math.max(sent.end, q.close));
    const partial = /[\p{L}\p{N}]/u.test(before.replace(/[:,]\s*$/, '').replace(/\b(?:said|says|added|told \w+)\s*$/, '').trim()) && !/:\s*$/.test(before);
    let speaker: { text: string; start: number; end: number } | null = null;
    let cue: string | null = null;
    let cueType: Quote['cueType'] = 'none';
    let via: Quote['via'] = null;
    let m: RegExpExecArray | null;
    const afterStart = q.close;
    // After the quote: ', he said' / ', Baqeri said during…' / ', said Iranian General X' / ', a statement by X said'.
    if ((m = new RegExp(String.raw`^[,.!?]?\s*(${NAME}|${NOMINAL})\s+quoted\s+(?:[\p{Ll}]+\s+){0,3}${SPEAKER}\s+as\s+saying`, 'u').exec(after))) {
      const off = afterStart + m[0].indexOf(m[2]!, m[0].indexOf(m[1]!) + m[1]!.length);
      speaker = trimSpeaker(m[2]!, off);
      const vo = afterStart + m[0].indexOf(m[1]!);
      via = { text: m[1]!, start: vo, end: vo + m[1]!.length };
      [cue, cueType] = ['quoted … as saying', 'quoted-as-saying'];
    } else if ((m = new RegExp(String.raw`^[,.!?]?\s*(?:a|the)\s+statement\s+(?:by|from)\s+(?:the\s+)?(${NAME})\s+(said|says|read)`, 'u').exec(after))) {
      const off = afterStart + m[0].indexOf(m[1]!);
      speaker = { text: m[1]!, start: off, end: off + m[1]!.length };
      [cue, cueType] = [`a statement by … ${m[2]}`, 'statement'];
    } else if ((m = new RegExp(String.raw`^[,.!?]?\s*${SPEAKER}\s+(${SPEECH_VERB_RE})\b`, 'u').exec(after))) {
      const off = afterStart + m[0].indexOf(m[1]!);
      speaker = trimSpeaker(m[1]!, off);
      [cue, cueType] = [m[2]!, 'verb'];
    } else if ((m = new RegExp(String.raw`^[,.!?]?\s*(${SPEECH_VERB_RE})\s+${SPEAKER}`, 'u').exec(after))) {
      const off = afterStart + m[0].indexOf(m[2]!, m[1]!.length);
      speaker = trimSpeaker(m[2]!, off);
      [cue, cueType] = [m[1]!, 'verb'];
    }
    // Before the quote, in the same sentence: 'X quoted Y as saying …', 'X said (that) …', 'X: …'.
    if (!speaker && (m = new RegExp(String.raw`(${NAME}|${NOMINAL}|(?:state|official)\s+[\p{L}\s]{0,25}?(?:media|television|agency))\s+quoted\s+(?:the\s+)?(?:[\p{Ll}]+\s+){0,3}${SPEAKER}\s+as\s+saying`, 'u').exec(before))) {
      const off = sent.start + (m.index ?? 0) + m[0].indexOf(m[2]!, m[1]!.length);
      speaker = trimSpeaker(m[2]!, off);
      const vo = sent.start + (m.index ?? 0);
      via = { text: m[1]!, start: vo, end: vo + m[1]!.length };
      [cue, cueType] = ['quoted … as saying', 'quoted-as-saying'];
    }
    if (!speaker && (m = new RegExp(String.raw`${SPEAKER}\s+(?:also\s+)?(${SPEECH_VERB_RE})\b[^“"]*$`, 'u').exec(before))) {
      const off = sent.start + (m.index ?? 0);
      speaker = trimSpeaker(m[1]!, off);
      [cue, cueType] = [m[2]!, 'verb'];
    }
    // 'according to X, who said … that …“…”' and 'a joint statement saying … “…”'.
    if (!speaker && (m = new RegExp(String.raw`(${NAME}),\s+who\s+(?:also\s+)?(${SPEECH_VERB_RE})\b[^“"]*$`, 'u').exec(before))) {
      const off = sent.start + (m.index ?? 0);
      speaker = trimSpeaker(m[1]!, off);
      [cue, cueType] = [`who ${m[2]}`, 'verb'];
    }
    if (!speaker && (m = new RegExp(String.raw`(${NOMINAL}|${NAME})\s+saying\b[^“"]*$`, 'u').exec(before))) {
      const off = sent.start + (m.index ?? 0);
      speaker = trimSpeaker(m[1]!, off);
      [cue, cueType] = ['saying', 'statement'];
    }
    if (!speaker && (m = new RegExp(String.raw`^\s*according\s+to\s+((?:the\s+)?${NAME}|${NOMINAL}|[\p{L}\s]{0,30}?(?:television|media|agency))\s*,`, 'iu').exec(before))) {
      const off = sent.start + (m.index ?? 0) + m[0].indexOf(m[1]!);
      speaker = { text: m[1]!, start: off, end: off + m[1]!.length };
      [cue, cueType] = ['according to', 'according-to'];
    }
    // A second quote in one sentence whose verb is coordinated ('X noted “…” and … said “…”') keeps X.
    const prevInSentence = quotes.length ? quotes[quotes.length - 1]! : null;
    if (!speaker && prevInSentence?.speaker && prevInSentence.end >= sent.start) {
      speaker = { text: prevInSentence.speaker.text, start: prevInSentence.speaker.start, end: prevInSentence.speaker.end };
      [cue, cueType] = [prevInSentence.cue, prevInSentence.cueType];
    }
    if (!speaker && (m = new RegExp(String.raw`${SPEAKER}\s*:\s*$`, 'u').exec(before))) {
      const off = sent.start + (m.index ?? 0);
      speaker = trimSpeaker(m[1]!, off);
      [cue, cueType] = [':', 'colon'];
    }
    // 'according to X' anywhere after the quote in the sentence: the relay, or the speaker when none was found.
    if ((m = new RegExp(String.raw`according\s+to\s+((?:the\s+)?${NAME}|${NOMINAL})`, 'u').exec(after))) {
      const off = afterStart + (m.index ?? 0) + m[0].indexOf(m[1]!);
      const name = m[1]!.replace(/(?<=\p{Ll}{2})\.$/u, '');
      const found = { text: name, start: off, end: off + name.length };
      if (speaker) via = found;
      else {
        speaker = found;
        [cue, cueType] = ['according to', 'according-to'];
      }
    }
    let pronoun: string | undefined;
    let resolved: Speaker | null = speaker ? snap(speaker, mentions) : null;
    if (resolved && PRONOUNS.test(resolved.text)) {
      pronoun = resolved.text;
      // 'he'/'she' is the nearest person before: a person mention closer than the last speaker wins.
      const person = /^(he|she)$/i.test(pronoun) ? personBefore(mentions, q.open, text) : null;
      const prev = person && (!lastSpeaker || person.start > lastSpeaker.start || !lastSpeaker.entityKey?.startsWith('PERSON')) ? person : (lastSpeaker ?? person);
      resolved = prev ? { ...prev } : resolved;
    }
    // A quote paragraph with no cue continues the previous speaker's words.
    if (!resolved && lastSpeaker && !partial && q.open - lastParagraphEnd < 400) {
      resolved = { ...lastSpeaker };
      cueType = 'continuation';
    }
    const quote: Quote = { start: q.start, end: q.end, text: text.slice(q.start, q.end), partial, speaker: resolved, cue, cueType, via, ...(pronoun ? { pronoun } : {}) };
    // Scare quotes ('regime') without any cue are not quotations.
    if (!resolved && inner.split(/\s+/).length <= 3) continue;
    quotes.push(quote);
    if (resolved && !PRONOUNS.test(resolved.text)) lastSpeaker = resolved;
    lastParagraphEnd = q.close;
  }
  return quotes;
}

/** The nearest person mention before an offset, for pronouns without an earlier speaker. */
function personBefore(mentions: QuoteMention[], at: number, text: string): Speaker | null {
  const p = mentions.filter((m) => m.type === 'PERSON' && m.end <= at).sort((a, b) => b.end - a.end)[0];
  return p ? { text: text.slice(p.start, p.end), start: p.start, end: p.end, entityKey: p.entityKey ?? null } : null;
}
