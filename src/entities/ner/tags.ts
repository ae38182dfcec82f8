// The tag set: BILOU over the four CoNLL types internally (Begin, Inside, Last, Outside, Unit),
// which lets the decoder learn how entities end; BIO at the public boundary.

export const ENTITY_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** 0 is O; type k has B = 1 + 4k, I = 2 + 4k, L = 3 + 4k, U = 4 + 4k. */
export const NUM_TAGS = 1 + 4 * ENTITY_TYPES.length;
const PARTS = ['B', 'I', 'L', 'U'] as const;

export function tagType(tag: number): number {
  return tag === 0 ? -1 : (tag - 1) >> 2;
}

export function tagPart(tag: number): 'O' | 'B' | 'I' | 'L' | 'U' {
  return tag === 0 ? 'O' : PARTS[(tag - 1) & 3]!;
}

function tagIndex(part: number, type: number): number {
  return 1 + 4 * type + part;
}

/** Whether tag b may follow tag a (a = -1 is the sentence start). */
export function canFollow(a: number, b: number): boolean {
  const open = a > 0 && (tagPart(a) === 'B' || tagPart(a) === 'I');
  const bp = tagPart(b);
  if (open) return (bp === 'I' || bp === 'L') && tagType(b) === tagType(a);
  return bp === 'O' || bp === 'B' || bp === 'U';
}

/** Whether a sentence may end after tag a. */
export function canEnd(a: number): boolean {
  const p = tagPart(a);
  return p === 'O' || p === 'L' || p === 'U';
}

/** BIO (or IOB1) strings to BILOU indices. */
export function bioToBilou(tags: readonly string[]): Int8Array {
  const out = new Int8Array(tags.length);
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i]!;
    if (t === 'O') continue;
    const type = ENTITY_TYPES.indexOf(t.slice(2) as EntityType);
    const prev = i > 0 ? tags[i - 1]! : 'O';
    const next = i + 1 < tags.length ? tags[i + 1]! : 'O';
    const begins = t.startsWith('B-') || prev.slice(2) !== t.slice(2) || prev === 'O';
    const continues = next.startsWith('I-') && next.slice(2) === t.slice(2);
    out[i] = tagIndex(begins ? (continues ? 0 : 3) : continues ? 1 : 2, type);
  }
  return out;
}

/** The BIO string of each BILOU index, built once (tagging maps every token through it). */
const BIO_OF: readonly string[] = Array.from({ length: NUM_TAGS }, (_, t) => {
  const p = tagPart(t);
  return p === 'O' ? 'O' : `${p === 'B' || p === 'U' ? 'B' : 'I'}-${ENTITY_TYPES[tagType(t)]}`;
});

export function bilouToBio(tags: ArrayLike<number>): string[] {
  const out = new Array<string>(tags.length);
  for (let i = 0; i < tags.length; i++) out[i] = BIO_OF[tags[i]!]!;
  return out;
}
