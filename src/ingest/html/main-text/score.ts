// Second pass: find the container of the article body. Paragraph-like blocks give points to their
// ancestors (readability's decaying share), containers are weighted by tag, by class/id names and
// by link density; the best one is widened to its parent when the text is spread out, and its
// siblings that read as continuation join it.
import { classTokens, ELEMENT_NODE, firstProseParagraph, linkDensity, measureTree, TEXT_NODE, tagOf, visibleLength, type TextMeasure } from '../dom-text.js';
import { BODY_CLASS_PATTERN, BUILDER_TOKEN_PATTERN, INLINE_TAGS, LEAD_CLASS_PATTERN, NEGATIVE_CLASS_PATTERN, POSITIVE_CLASS_PATTERN } from './rules.js';

/** Blocks shorter than this (visible characters) give no points. */
const MIN_BLOCK = 25;
const ANCESTOR_LEVELS = 5;
const SIBLING_MAX_LINK_DENSITY = 0.25;
/** A block earns at most this many points for its commas. */
const MAX_COMMA_POINTS = 10;

const SCORED_BLOCKS: ReadonlySet<string> = new Set(['p', 'pre', 'td', 'blockquote']);
const TEXT_HOLDERS: ReadonlySet<string> = new Set(['div', 'section', 'article', 'main', 'span', 'font', 'center']);

function tagBase(tag: string): number {
  switch (tag) {
    case 'div':
    case 'section':
      return 5;
    case 'article':
    case 'main':
      return 10;
    case 'pre':
    case 'td':
    case 'blockquote':
      return 3;
    case 'address':
    case 'ol':
    case 'ul':
    case 'dl':
    case 'dd':
    case 'dt':
    case 'li':
    case 'form':
      return -3;
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
    case 'th':
      return -5;
    default:
      return 0;
  }
}

/** Readability-style class weight, plus a strong bonus for explicit article-body markers. */
export function classWeight(el: Element): number {
  const tokens = classTokens(el).filter((t) => !BUILDER_TOKEN_PATTERN.test(t));
  let w = 0;
  if (el.getAttribute('itemprop') === 'articleBody') w += 50;
  if (tokens.some((t) => BODY_CLASS_PATTERN.test(t))) w += 40;
  const joined = tokens.join(' ');
  if (joined) {
    if (NEGATIVE_CLASS_PATTERN.test(joined)) w -= 25;
    if (POSITIVE_CLASS_PATTERN.test(joined)) w += 25;
  }
  return w;
}

/** Text directly in an element (its text nodes and inline children), as measured length and text. */
function ownText(el: Element, sizes: Map<Element, TextMeasure>): { length: number; text: string } {
  let length = 0;
  let text = '';
  for (let node = el.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === TEXT_NODE) {
      const v = node.nodeValue ?? '';
      text += v;
      length += visibleLength(v);
    } else if (node.nodeType === ELEMENT_NODE && INLINE_TAGS.has(tagOf(node as Element))) {
      length += sizes.get(node as Element)?.text ?? 0;
      text += (node as Element).textContent ?? '';
    }
  }
  return { length, text };
}

function commas(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 44 || c === 0xff0c || c === 0x3001) n++;
  }
  return n;
}

export interface BodyChoice {
  /** Containers to collect paragraphs from, in document order. */
  roots: Element[];
  rule: string;
  sizes: Map<Element, TextMeasure>;
}

/** `sizes` may come from the pruning pass; measured afresh when absent. */
export function chooseBody(root: Element, sizes: Map<Element, TextMeasure> = measureTree(root)): BodyChoice {
  const scores = new Map<Element, number>();
  const initScore = (el: Element): number => {
    let s = scores.get(el);
    if (s === undefined) {
      s = tagBase(tagOf(el)) + classWeight(el);
      scores.set(el, s);
    }
    return s;
  };

  const stack: Element[] = [root];
  while (stack.length > 0) {
    const el = stack.pop()!;
    for (let c = el.lastElementChild; c; c = c.previousElementSibling) stack.push(c);
    const tag = tagOf(el);
    let length: number;
    let text: string;
    if (SCORED_BLOCKS.has(tag)) {
      length = sizes.get(el)?.text ?? 0;
      if (length < MIN_BLOCK) continue;
      text = el.textContent ?? '';
    } else if (TEXT_HOLDERS.has(tag)) {
      const own = ownText(el, sizes);
      if (own.length < MIN_BLOCK) continue;
      length = own.length;
      text = own.text;
    } else {
      continue;
    }
    // Commas mark prose, but a block of dozens is a list of names or figures: their count is capped.
    const points = 1 + Math.min(commas(text), MAX_COMMA_POINTS) + Math.min(Math.floor(length / 100), 3);
    let anc: Element | null = TEXT_HOLDERS.has(tag) && !SCORED_BLOCKS.has(tag) ? el : el.parentElement;
    for (let level = 0; anc && level < ANCESTOR_LEVELS; level++, anc = anc.parentElement) {
      const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      scores.set(anc, initScore(anc) + points / divider);
      if (anc === root) break;
    }
  }

  let top: Element | null = null;
  let topScore = -Infinity;
  const ranked: [Element, number][] = [];
  for (const [el, s] of scores) {
    const final = s * (1 - linkDensity(sizes.get(el)));
    scores.set(el, final);
    ranked.push([el, final]);
    if (final > topScore) {
      topScore = final;
      top = el;
    }
  }
  if (!top) return { roots: [root], rule: 'main-text:whole-page', sizes };

  const best = topScore;
  const lead = findLead(top, sizes);
  top = climbToParagraphs(widen(top, topScore, ranked, scores, root), root, sizes);
  // A container reached through single-child wrappers keeps the score of what it wraps.
  const roots = withSiblings(top, Math.max(best, scores.get(top) ?? 0), scores, sizes);
  const cousins = sameClassCousins(top, root, sizes);
  const extra = lead && !roots.some((r) => r.contains(lead)) ? [lead] : [];
  if (cousins.length === 0 && extra.length === 0) return { roots, rule: 'main-text:scored', sizes };
  const rule = `main-text:scored${cousins.length ? '+split-body' : ''}${extra.length ? '+lead' : ''}`;
  return { roots: inDocumentOrder(root, new Set([...roots, ...cousins, ...extra])), rule, sizes };
}

/** How far up from the chosen body, how many earlier siblings and how deep in them a lead is looked for. */
const LEAD_LEVELS = 5;
const LEAD_SIBLINGS = 6;
const LEAD_DEPTH = 3;

function isLead(el: Element, sizes: Map<Element, TextMeasure>): boolean {
  const m = sizes.get(el);
  if (!m || m.text < 40 || linkDensity(m) > 0.3) return false;
  return classTokens(el).some((t) => LEAD_CLASS_PATTERN.test(t));
}

function leadWithin(el: Element, sizes: Map<Element, TextMeasure>, depth: number): Element | null {
  if (isLead(el, sizes)) return el;
  // The standfirst in an article header, named or not.
  if (tagOf(el) === 'header') return firstProseParagraph(el, sizes);
  if (depth === 0 || (sizes.get(el)?.text ?? 0) < 40) return null;
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
    const found = leadWithin(c, sizes, depth - 1);
    if (found) return found;
  }
  return null;
}

/** A lead (standfirst) named as such shortly before the body: a prose block with few links. */
function findLead(top: Element, sizes: Map<Element, TextMeasure>): Element | null {
  for (let el: Element | null = top, level = 0; el && level < LEAD_LEVELS; el = el.parentElement, level++) {
    for (let sib = el.previousElementSibling, n = 0; sib && n < LEAD_SIBLINGS; sib = sib.previousElementSibling, n++) {
      const found = leadWithin(sib, sizes, LEAD_DEPTH);
      if (found) return found;
    }
  }
  return null;
}

/** How far up from the chosen body split parts of it are looked for. */
const COUSIN_LEVELS = 3;

function isBodyMarked(el: Element): boolean {
  return el.getAttribute('itemprop') === 'articleBody' || classTokens(el).some((t) => BODY_CLASS_PATTERN.test(t));
}

/**
 * Bodies split into several containers of the same class (chunks around ad slots): when the
 * chosen container is marked as the article body, every other prose-bearing element with exactly
 * its class joins it.
 */
function sameClassCousins(top: Element, root: Element, sizes: Map<Element, TextMeasure>): Element[] {
  let marked: Element | null = null;
  for (let el: Element | null = top, depth = 0; el && depth < 3 && !marked; el = el.firstElementChild, depth++) {
    if (isBodyMarked(el)) marked = el;
  }
  if (!marked) return [];
  const cls = marked.getAttribute('class');
  const prop = marked.getAttribute('itemprop');
  if (!cls && !prop) return [];
  // Only near the chosen body and never inside another article (pages that append the next story).
  let scope: Element = top;
  for (let i = 0; i < COUSIN_LEVELS && scope !== root && scope.parentElement; i++) scope = scope.parentElement;
  const out: Element[] = [];
  const stack: Element[] = [scope];
  while (stack.length > 0) {
    const el = stack.pop()!;
    if (el === top || el === marked) continue;
    if (tagOf(el) === 'article' && !el.contains(top)) continue;
    const same = cls ? el.getAttribute('class') === cls : el.getAttribute('itemprop') === prop;
    if (same && !el.contains(top) && linkDensity(sizes.get(el)) < 0.5 && (sizes.get(el)?.text ?? 0) > 0) {
      out.push(el);
      continue;
    }
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) stack.push(c);
  }
  return out;
}

/** The chosen elements in document order, none nested in another. */
function inDocumentOrder(root: Element, chosen: Set<Element>): Element[] {
  const out: Element[] = [];
  const visit = (el: Element): void => {
    if (chosen.has(el)) {
      out.push(el);
      return;
    }
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) visit(c);
  };
  visit(root);
  return out;
}

/** Readability's widening: a shared ancestor of several strong candidates, or a parent that scores better. */
function widen(top: Element, topScore: number, ranked: [Element, number][], scores: Map<Element, number>, root: Element): Element {
  ranked.sort((a, b) => b[1] - a[1]);
  const strong = ranked.slice(1, 6).filter(([, s]) => s >= topScore * 0.75).map(([el]) => el);
  if (strong.length >= 3) {
    for (let anc = top.parentElement; anc && anc !== root.parentElement; anc = anc.parentElement) {
      const holds = strong.filter((el) => anc!.contains(el)).length;
      if (holds >= 3) {
        top = anc;
        break;
      }
    }
  }
  let last = scores.get(top) ?? topScore;
  const floor = last / 3;
  for (let parent = top.parentElement; parent && parent !== root.parentElement; parent = parent.parentElement) {
    const ps = scores.get(parent);
    if (ps === undefined) continue;
    if (ps < floor) break;
    if (ps > last) {
      top = parent;
      last = ps;
    }
  }
  while (top !== root && top.parentElement && top.parentElement.children.length === 1) top = top.parentElement;
  return top;
}

/** How many levels up a container holding more prose paragraphs than the chosen one is looked for. */
const CLIMB_LEVELS = 2;

/** Prose held directly by an element: its `p` children with few links, other than `except`. */
function directProse(el: Element, except: Element, sizes: Map<Element, TextMeasure>): number {
  let n = 0;
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
    if (c === except || tagOf(c) !== 'p') continue;
    const m = sizes.get(c);
    if (m && linkDensity(m) < SIBLING_MAX_LINK_DENSITY) n += m.text;
  }
  return n;
}

/**
 * A short standfirst box can outscore the body on its class name when the body's paragraphs sit
 * loose in a parent that also holds link lists: the parent whose own paragraphs hold more prose
 * than the chosen box is the article.
 */
function climbToParagraphs(top: Element, root: Element, sizes: Map<Element, TextMeasure>): Element {
  let el = top;
  for (let level = 0; level < CLIMB_LEVELS && el !== root && el.parentElement; level++) {
    const parent: Element = el.parentElement;
    if (directProse(parent, el, sizes) > (sizes.get(top)?.text ?? 0)) return parent;
    el = parent;
  }
  return top;
}

/** The chosen container plus siblings that read as more of the same article. */
function withSiblings(top: Element, topScore: number, scores: Map<Element, number>, sizes: Map<Element, TextMeasure>): Element[] {
  const parent = top.parentElement;
  if (!parent) return [top];
  const threshold = Math.max(10, topScore * 0.2);
  const topClass = top.getAttribute('class') ?? '';
  const out: Element[] = [];
  for (let sib = parent.firstElementChild; sib; sib = sib.nextElementSibling) {
    if (sib === top) {
      out.push(sib);
      continue;
    }
    let s = scores.get(sib) ?? 0;
    const sameClass = topClass !== '' && sib.getAttribute('class') === topClass;
    if (sameClass) s += topScore * 0.2;
    // Teaser grids score on their many short blocks; only prose-like siblings join on score alone.
    if (s >= threshold && (sameClass || linkDensity(sizes.get(sib)) < SIBLING_MAX_LINK_DENSITY)) {
      out.push(sib);
      continue;
    }
    if (tagOf(sib) === 'p') {
      const m = sizes.get(sib);
      const len = m?.text ?? 0;
      const ld = linkDensity(m);
      const text = sib.textContent ?? '';
      if ((len > 80 && ld < 0.25) || (len > 0 && len <= 80 && ld === 0 && /\.( |$)/.test(text))) out.push(sib);
    }
  }
  return out;
}
