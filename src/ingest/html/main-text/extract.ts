// Main text of an HTML page: a readability/trafilatura-like hybrid written by hand, because no JS
// library does better and fast (Mozilla Readability clones and re-serialises the DOM and trails
// trafilatura on the article-extraction benchmark). Passes: prune non-content (rules as data in
// main-text/rules.ts) -> choose the body container by scored text density -> collect paragraph
// blocks in document order -> drop link-heavy and furniture blocks; fall back to JSON-LD
// `articleBody` when the markup yields little.
import type { BoilerplateItem } from '../../../doc/article.js';
import { collectBlocks, type Block } from './collect.js';
import { jsonLdArticleBody } from './jsonld.js';
import { isJsonLd, pruneNonContent, type PruneResult } from './prune.js';
import { FURNITURE_LINES } from './rules.js';
import { chooseBody } from './score.js';
import { repairFrame } from '../frame.js';
import { ELEMENT_NODE, normaliseSpace, tagOf, TEXT_NODE } from '../dom-text.js';

export interface MainText {
  /** Paragraphs separated by a blank line. */
  text: string;
  boilerplate: BoilerplateItem[];
  /** Which strategy produced the text. */
  rule: string;
}

/** Below this many visible characters the markup result is considered a failure. */
const MIN_MARKUP_TEXT = 250;

/** A short result is retried without class-name pruning when that pruning took this share of the prose. */
const NAMED_SHARE_RETRY = 0.3;

/** Paragraphs at least this long are checked for duplication across containers. */
const MIN_DEDUP_LENGTH = 40;

/** Furniture lines are short; longer paragraphs are prose whatever words they contain. */
const MAX_FURNITURE_LENGTH = 300;

function furnitureKind(block: Block): BoilerplateItem['kind'] | null {
  if (block.length > MAX_FURNITURE_LENGTH) return null;
  for (const rule of FURNITURE_LINES) if (rule.pattern.test(block.text)) return rule.kind;
  return null;
}

/** Link-heavy blocks are navigation or teasers, not prose. */
function isLinkList(block: Block): boolean {
  const density = block.linkLength / Math.max(1, block.length);
  return density > 0.5 && !(block.length > 300 && density < 0.7);
}

function keepBlocks(blocks: Block[], boilerplate: BoilerplateItem[]): Block[] {
  const kept: Block[] = [];
  const seenIn = new Map<string, number>();
  let inRelatedList = false;
  for (const block of blocks) {
    // A long paragraph met again in another container is template duplication (mobile and
    // desktop copies); repeated inside one container it is the author's.
    if (block.length >= MIN_DEDUP_LENGTH) {
      const first = seenIn.get(block.text);
      if (first !== undefined && first !== block.root) continue;
      if (first === undefined) seenIn.set(block.text, block.root);
    }
    // List items right after a related-links title ("More stories") are that box's links.
    if (inRelatedList && block.tag === 'li') {
      boilerplate.push({ text: block.text, kind: 'related-link', rule: 'main-text:related-list' });
      continue;
    }
    const kind = furnitureKind(block);
    inRelatedList = kind === 'related-link';
    if (kind) {
      boilerplate.push({ text: block.text, kind, rule: 'main-text:furniture-line' });
      continue;
    }
    if (isLinkList(block)) {
      if (block.tag === 'li' || block.length < 200) boilerplate.push({ text: block.text, kind: 'related-link', rule: 'main-text:link-dense' });
      continue;
    }
    kept.push(block);
  }
  // Headings with nothing after them (section titles of trailing boxes) are not article text;
  // a heading that is a sentence (a pull quote set as a heading) is.
  while (kept.length > 0 && kept[kept.length - 1]!.heading && !/[.!?…"“”»]$/.test(kept[kept.length - 1]!.text)) kept.pop();
  return kept;
}

function jsonLdParagraphs(body: string): string {
  return body
    .split(/\n\s*\n|\r\n\s*\r\n/)
    .map(normaliseSpace)
    .filter((p) => p.length > 0)
    .join('\n\n');
}

/** JSON-LD scripts of the head (a flat list, so a shallow look suffices). */
function headJsonLd(document: Document): string[] {
  const out: string[] = [];
  // linkedom's `head` getter throws when the document has lost its root element.
  const head = document.documentElement ? document.head : null;
  for (let el = head?.firstElementChild ?? null; el; el = el.nextElementSibling) {
    if (isJsonLd(el)) out.push(el.textContent ?? '');
  }
  return out;
}

/**
 * Where the page's content lives. linkedom does not repair broken markup as browsers do: an
 * unclosed head, PHP warnings before the doctype or a second <html> can leave `document.body`
 * empty while the text sits elsewhere. Then all top-level nodes are gathered under one wrapper.
 */
function contentRoot(document: Document): Element | null {
  const body = document.body;
  const html = document.documentElement;
  if (body && body.firstElementChild && html && tagOf(html) === 'html') return body;
  const wrapper = document.createElement('div');
  for (const node of Array.from(document.childNodes)) {
    if (node.nodeType === ELEMENT_NODE || node.nodeType === TEXT_NODE) wrapper.appendChild(node);
  }
  return wrapper.firstChild ? wrapper : (body ?? html);
}

/** One pass of prune, choose, collect and filter over the content root. */
function extractOnce(root: Element, byName: boolean): { text: string; length: number; boilerplate: BoilerplateItem[]; rule: string; pruned: PruneResult } {
  const pruned = pruneNonContent(root, { byName });
  const { boilerplate } = pruned;
  const choice = chooseBody(root, pruned.sizes);
  const blocks = keepBlocks(collectBlocks(choice.roots), boilerplate);
  // NFC, as the metadata: pages mix precomposed and decomposed forms of the same letters.
  const text = blocks.map((b) => b.text).join('\n\n').normalize('NFC');
  const length = blocks.reduce((n, b) => n + b.length, 0);
  return { text, length, boilerplate, rule: choice.rule, pruned };
}

export function extractMainText(document: Document, _opts: { url: string | null }): MainText {
  // Callers that parse the page themselves get the same frame as extractHtml (a no-op when sound).
  repairFrame(document);
  const root = contentRoot(document);
  if (!root) return { text: '', boilerplate: [], rule: 'main-text:empty' };
  const first = extractOnce(root, true);
  if (first.length >= MIN_MARKUP_TEXT) return { text: first.text, boilerplate: first.boilerplate, rule: first.rule };
  const ldBody = jsonLdArticleBody([...headJsonLd(document), ...first.pruned.jsonLd]);
  if (ldBody && normaliseSpace(ldBody).length > first.length) {
    return { text: jsonLdParagraphs(ldBody).normalize('NFC'), boilerplate: first.boilerplate, rule: 'main-text:jsonld' };
  }
  // Class names that emptied the page lied (an ads-classed section, a caption class on every item):
  // a second try prunes by tag and visibility only.
  if (first.pruned.namedShare < NAMED_SHARE_RETRY) return { text: first.text, boilerplate: first.boilerplate, rule: first.rule };
  first.pruned.restore();
  const second = extractOnce(root, false);
  if (second.length > first.length) return { text: second.text, boilerplate: second.boilerplate, rule: `${second.rule}+unnamed` };
  return { text: first.text, boilerplate: first.boilerplate, rule: first.rule };
}
