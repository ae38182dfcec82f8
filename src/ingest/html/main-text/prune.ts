// First pass of main-text extraction: remove what can never be article text (code, media, page
// chrome, hidden blocks, boilerplate containers named by class/id), setting aside captions,
// related links, share lines and promos as boilerplate items. Mutates the DOM.
import type { BoilerplateItem } from '../../../doc/article.js';
import { classTokens, ELEMENT_NODE, firstProseParagraph, isArticleHeader, measureTree, normaliseSpace, tagOf, type TextMeasure } from '../dom-text.js';
import {
  BODY_CLASS_PATTERN,
  BOILERPLATE_CLASS_RULES,
  BUILDER_TOKEN_PATTERN,
  DROP_TAGS,
  DROP_TAGS_IF_SMALL,
  EMBED_CLASS_PATTERN,
  FIGURE_TAGS,
  HIDDEN_CLASS_TOKENS,
  type ClassRule,
} from './rules.js';

/** A container holding more than this share of the page's non-link text is never removed by name alone... */
const GUARD_SHARE = 0.5;
/** ...nor one holding a marked article body and more than this share. */
const GUARD_SHARE_MARKED = 0.15;
const EMBEDDED_POST_SELECTOR = 'blockquote.twitter-tweet, blockquote.instagram-media, blockquote.tiktok-embed';
/** Boilerplate kept aside is capped so a huge related-links box stays cheap. */
const MAX_KEPT_CHARS = 600;

function isHidden(el: Element, tokens: string[]): boolean {
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  if (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return true;
  return tokens.some((t) => HIDDEN_CLASS_TOKENS.has(t));
}

function matchClassRule(tokens: string[]): ClassRule | null {
  const named = tokens.filter((t) => !BUILDER_TOKEN_PATTERN.test(t));
  for (const rule of BOILERPLATE_CLASS_RULES) {
    if (named.some((t) => rule.pattern.test(t))) return rule;
  }
  return null;
}

/** Whether an element is or holds the marked article body (so a wrong class name cannot drop it). */
function holdsArticleBody(el: Element): boolean {
  const tag = tagOf(el);
  if (tag === 'article' || tag === 'main' || el.getAttribute('itemprop') === 'articleBody' || el.getAttribute('role') === 'main') return true;
  if (classTokens(el).some((t) => BODY_CLASS_PATTERN.test(t))) return true;
  return el.querySelector('article, main, [role="main"], [itemprop="articleBody"]') !== null;
}

export interface PruneResult {
  boilerplate: BoilerplateItem[];
  removed: number;
  /** Texts of the JSON-LD scripts met on the way (removed with the other scripts). */
  jsonLd: string[];
  /** Text and link lengths of the remaining elements, kept up to date through the removals. */
  sizes: Map<Element, TextMeasure>;
  /** Share of the page's non-link text in the containers removed by class/id name. */
  namedShare: number;
  /** Puts the removed elements back where they were. */
  restore: () => void;
}

export function isJsonLd(el: Element): boolean {
  return tagOf(el) === 'script' && (el.getAttribute('type') ?? '').trim().toLowerCase() === 'application/ld+json';
}

export interface PruneOptions {
  /** Remove boilerplate containers named by class/id (off for the second try on pages it emptied). */
  byName?: boolean;
}

export function pruneNonContent(root: Element, opts: PruneOptions = {}): PruneResult {
  const byName = opts.byName ?? true;
  const sizes: Map<Element, TextMeasure> = measureTree(root);
  const prose = (el: Element): number => {
    const m = sizes.get(el);
    return m ? m.text - m.link : 0;
  };
  const total = Math.max(1, prose(root));
  const boilerplate: BoilerplateItem[] = [];
  const doomed: Element[] = [];
  const jsonLd: string[] = [];
  let namedProse = 0;
  const share = (el: Element): number => prose(el) / total;
  const marked = (el: Element): boolean => share(el) > GUARD_SHARE_MARKED && holdsArticleBody(el);
  const big = (el: Element): boolean => share(el) > GUARD_SHARE || marked(el);

  const keep = (el: Element, kind: BoilerplateItem['kind'], rule: string): void => {
    const text = normaliseSpace(el.textContent ?? '');
    if (text && text.length <= MAX_KEPT_CHARS) boilerplate.push({ text, kind, rule });
  };

  const visit = (el: Element): void => {
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
      const tag = tagOf(child);
      // The document's own frame is never pruned, whatever its classes say.
      if (tag === 'html' || tag === 'body' || tag === 'head') {
        visit(child);
        continue;
      }
      if (DROP_TAGS_IF_SMALL.has(tag)) {
        // An article header (headline and lead) is not chrome; its class still decides below.
        const articleHeader = tag === 'header' && isArticleHeader(child, sizes);
        // A form around prose (a shop's product form with its description) is not a form to fill in.
        const proseForm = tag === 'form' && firstProseParagraph(child, sizes) !== null;
        if (!articleHeader && !proseForm && !big(child)) {
          doomed.push(child);
          continue;
        }
      } else if (DROP_TAGS.has(tag)) {
        if (tag === 'script' && isJsonLd(child)) jsonLd.push(child.textContent ?? '');
        doomed.push(child);
        continue;
      }
      const tokens = classTokens(child);
      if (isHidden(child, tokens) && !big(child)) {
        doomed.push(child);
        continue;
      }
      if (FIGURE_TAGS.has(tag) && !big(child)) {
        const caption = child.querySelector('figcaption') ?? (tag === 'figcaption' ? child : null);
        if (caption) keep(caption, 'photo-caption', 'html:figcaption');
        doomed.push(child);
        continue;
      }
      if (byName && tokens.length > 0) {
        const rule = tokens.some((t) => EMBED_CLASS_PATTERN.test(t)) ? null : matchClassRule(tokens);
        // Social wrappers around an embedded post hold quoted material, not share buttons.
        if (rule?.kind === 'share-line' && child.querySelector(EMBEDDED_POST_SELECTOR)) {
          visit(child);
          continue;
        }
        if (rule && !(rule.guarded ? marked(child) : big(child))) {
          if (rule.keep) keep(child, rule.kind, `html:class:${rule.kind}`);
          namedProse += prose(child);
          doomed.push(child);
          continue;
        }
      }
      if (child.nodeType === ELEMENT_NODE) visit(child);
    }
  };
  visit(root);
  const places: [Element, ParentNode, ChildNode | null][] = [];
  for (const el of doomed) {
    if (el.parentNode) places.push([el, el.parentNode, el.nextSibling]);
    // Subtract what goes from every ancestor, so the measures stay valid without a second pass.
    const m = sizes.get(el);
    if (m && m.text > 0) {
      for (let anc = el.parentElement; anc; anc = anc.parentElement) {
        const a = sizes.get(anc);
        if (!a) break;
        a.text -= m.text;
        a.link -= m.link;
      }
    }
    el.remove();
  }
  // Later removals go back first, so every saved next sibling is in place again when needed.
  const restore = (): void => {
    for (let i = places.length - 1; i >= 0; i--) {
      const [el, parent, next] = places[i]!;
      parent.insertBefore(el, next);
    }
  };
  return { boilerplate, removed: doomed.length, jsonLd, sizes, restore, namedShare: namedProse / total };
}
