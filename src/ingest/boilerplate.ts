// In-text boilerplate removal: applies the rules of boilerplate-rules.ts to each line of a text
// (paragraphs separated by blank lines; a paragraph may hold several lines, as a caption above its
// credit does) and keeps what it removes, with kind and rule, beside the clean text.
import type { BoilerplateItem, BoilerplateKind } from '../doc/article.js';
import { LINE_RULES, NEIGHBOUR_RULES, type LineRule, type ShapeCheck } from '../lang/en/boilerplate-rules.js';
import { parseByline, parseCreditLine, parseSourceLine } from './byline.js';

export interface BoilerplateResult {
  text: string;
  removed: BoilerplateItem[];
}

const CLOSERS = /["”’'»)\]\s]+$/u;

/** True when the line ends as a sentence does: a final . ! ? or …, perhaps inside closing quotes. */
export function endsAsSentence(line: string): boolean {
  // Only the tail matters; looking at it alone keeps long lines linear.
  return /[.!?…]$/u.test(line.slice(-40).replace(CLOSERS, ''));
}

/** A sentence end followed by the capital that opens another sentence. */
const SENTENCE_BREAK = /[.!?]["”’]?\s+["“‘]?\p{Lu}/u;
/** Abbreviations whose period does not end a sentence. */
const ABBREVIATION_END = /\b(?:Mr|Mrs|Ms|Dr|Gen|Maj|Col|Lt|Capt|Sgt|Adm|Gov|Sen|Rep|Rev|St|Jr|Sr|Prof|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.N|U\.K|[A-Z])\.$/u;

function sentenceCount(line: string): number {
  let n = 1;
  const re = new RegExp(SENTENCE_BREAK.source, 'gu');
  for (let m = re.exec(line); m; m = re.exec(line)) {
    // The few characters before the period are enough to see an abbreviation.
    if (!ABBREVIATION_END.test(line.slice(Math.max(0, m.index - 11), m.index + 1))) n++;
  }
  return n;
}

const SPEECH = /\b(?:said|says|say|told|tells|added|adds|asked|wrote|stated|according to)\b|[“"][^“”"]{3,}[,.!?][”"]/iu;

/** Reads like a headline: capitalised, three words or more, one clause, not ended by a period. */
export function isHeadlineShaped(s: string): boolean {
  const t = s.trim();
  if (!/^[\p{Lu}\d"“‘']/u.test(t) || t.length > 200) return false;
  if (t.split(/\s+/).length < 3) return false;
  if (/[.!…]$/u.test(t.replace(CLOSERS, ''))) return false;
  return sentenceCount(t) === 1;
}

function passes(check: ShapeCheck, line: string, groups: Record<string, string> | undefined): boolean {
  switch (check) {
    case 'headline-rest':
      return isHeadlineShaped(groups?.rest ?? '');
    case 'not-sentence':
      return !endsAsSentence(line);
    case 'phrase':
      return /^["“‘']?[\p{Lu}]/u.test(line) && line.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length >= 3;
    case 'single-sentence':
      return sentenceCount(line) === 1;
    case 'no-speech':
      return !SPEECH.test(line);
    case 'byline':
      return parseByline(line) !== null;
    case 'credit-line':
      return parseCreditLine(line) !== null;
    case 'source-line':
      return parseSourceLine(line) !== null;
  }
}

/** The first rule that removes this line, or null. */
export function matchLine(line: string, rules: readonly LineRule[] = LINE_RULES): LineRule | null {
  for (const rule of rules) {
    if (line.length > rule.maxLength) continue;
    const m = rule.pattern.exec(line);
    if (!m) continue;
    if ((rule.checks ?? []).every((c) => passes(c, line, m.groups))) return rule;
  }
  return null;
}

interface Line {
  paragraph: number;
  text: string;
  removedAs: { kind: BoilerplateKind; rule: string } | null;
}

/** Splits text into trimmed, non-empty lines, each tagged with its paragraph. */
function toLines(text: string): Line[] {
  const lines: Line[] = [];
  text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t\u00a0]*\n/)
    .forEach((para, paragraph) => {
      for (const raw of para.split('\n')) {
        const t = raw.trim();
        if (t !== '') lines.push({ paragraph, text: t, removedAs: null });
      }
    });
  return lines;
}

/** Removes boilerplate lines from clean text (paragraphs separated by blank lines). */
export function removeBoilerplate(text: string): BoilerplateResult {
  const lines = toLines(text);
  for (const line of lines) {
    const rule = matchLine(line.text);
    if (rule) line.removedAs = { kind: rule.kind, rule: rule.name };
  }
  // Context rules look at what the line rules removed, so they never chain on each other.
  const firstPass = lines.map((l) => l.removedAs?.kind ?? null);
  lines.forEach((line, i) => {
    if (line.removedAs) return;
    for (const rule of NEIGHBOUR_RULES) {
      const at = rule.neighbour === 'below' ? i + 1 : i - 1;
      const kind = firstPass[at];
      if (line.text.length > rule.maxLength || !kind || !rule.nextTo.includes(kind)) continue;
      // Text that goes on in lower case after the pair means the line is a broken sentence, not a caption.
      if (/^\p{Ll}/u.test(lines[Math.max(i, at) + 1]?.text ?? '')) continue;
      if (rule.checks.every((c) => passes(c, line.text, undefined))) {
        line.removedAs = { kind: rule.kind, rule: rule.name };
        break;
      }
    }
  });
  const removed: BoilerplateItem[] = [];
  const paragraphs: string[][] = [];
  let lastParagraph = -1;
  for (const line of lines) {
    if (line.removedAs) {
      removed.push({ text: line.text, kind: line.removedAs.kind, rule: line.removedAs.rule });
      continue;
    }
    if (line.paragraph !== lastParagraph) paragraphs.push([]);
    paragraphs[paragraphs.length - 1]!.push(line.text);
    lastParagraph = line.paragraph;
  }
  return { text: paragraphs.map((p) => p.join('\n')).join('\n\n'), removed };
}
