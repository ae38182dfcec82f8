// Third pass: walk the chosen containers in document order and cut their text into paragraphs at
// block boundaries (p, headings, list items, quotes, divs with their own text), keeping inline
// markup inside the paragraph. Each paragraph remembers how much of it was link text.
import { ELEMENT_NODE, normaliseSpace, tagOf, TEXT_NODE, visibleLength } from '../dom-text.js';
import { HEADING_TAGS, INLINE_TAGS } from './rules.js';

export interface Block {
  text: string;
  /** Visible characters of the paragraph and of its link text. */
  length: number;
  linkLength: number;
  /** The block element that closed the paragraph (e.g. `p`, `li`, `h2`, `div`). */
  tag: string;
  heading: boolean;
  /** Index of the container (among the collected roots) the paragraph came from. */
  root: number;
}

class BlockBuilder {
  readonly blocks: Block[] = [];
  private parts: string[] = [];
  private linkLength = 0;
  root = 0;

  add(text: string, inLink: boolean): void {
    this.parts.push(text);
    if (inLink) this.linkLength += visibleLength(text);
  }

  lineBreak(): void {
    this.parts.push('\n');
  }

  flush(tag: string): void {
    if (this.parts.length === 0) return;
    const raw = this.parts.join('');
    const linkLength = this.linkLength;
    this.parts = [];
    this.linkLength = 0;
    // Two or more line breaks in a row separate paragraphs inside one block.
    const pieces = raw.split(/\n[\s\u00a0]*\n/);
    for (const piece of pieces) {
      const text = normaliseSpace(piece);
      if (!text) continue;
      const length = visibleLength(text);
      const share = pieces.length === 1 ? linkLength : Math.round((linkLength * length) / Math.max(1, visibleLength(raw)));
      this.blocks.push({ text, length, linkLength: Math.min(share, length), tag, heading: HEADING_TAGS.has(tag), root: this.root });
    }
  }
}

export function collectBlocks(roots: Element[]): Block[] {
  const out = new BlockBuilder();
  const walk = (el: Element, inLink: boolean, blockTag: string): void => {
    for (let node = el.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === TEXT_NODE) {
        out.add(node.nodeValue ?? '', inLink);
        continue;
      }
      if (node.nodeType !== ELEMENT_NODE) continue;
      const child = node as Element;
      const tag = tagOf(child);
      if (tag === 'br') {
        out.lineBreak();
      } else if (INLINE_TAGS.has(tag)) {
        walk(child, inLink || tag === 'a', blockTag);
      } else {
        out.flush(blockTag);
        walk(child, inLink, tag);
        out.flush(tag);
      }
    }
  };
  for (const [index, root] of roots.entries()) {
    out.root = index;
    const tag = tagOf(root);
    if (INLINE_TAGS.has(tag)) {
      walk(root, tag === 'a', 'div');
      out.flush('div');
    } else {
      walk(root, false, tag);
      out.flush(tag);
    }
  }
  return out.blocks;
}
