// Storing one article: its fingerprint (canonical URL, content hash, MinHash signature and bands)
// and the near-duplicate decision are made here, by the pipeline; the store only keeps the
// signatures and answers band lookups, so every store implementation judges duplicates the same way.
import type { ExtractedArticle } from '../doc/article.js';
import type { ArticleFingerprint, PutResult, Store } from '../store/store.js';
import { bufferToSignature, contentHash, lshBands, minhash, NEAR_DUPLICATE_THRESHOLD, normaliseUrl, similarity } from '../ingest/dedup.js';

/** The text whose hash says 'same content': a short text alone says too little, so title and URL join it. */
function fingerprintText(a: ExtractedArticle): string {
  return a.text.length >= 400 ? a.text : `${a.title ?? ''}\n${a.text}\n${a.canonicalUrl ?? a.url ?? ''}`;
}

export async function articleFingerprint(store: Store, a: ExtractedArticle): Promise<ArticleFingerprint> {
  const sig = minhash(a.text);
  const bands = sig ? lshBands(sig) : [];
  const nearDuplicates: { id: number; similarity: number }[] = [];
  if (sig)
    for (const c of await store.nearDuplicateCandidates(bands)) {
      const s = similarity(sig, bufferToSignature(Buffer.from(c.signature)));
      if (s >= NEAR_DUPLICATE_THRESHOLD) nearDuplicates.push({ id: c.id, similarity: s });
    }
  nearDuplicates.sort((x, y) => y.similarity - x.similarity || x.id - y.id);
  return {
    canonicalUrl: normaliseUrl(a.canonicalUrl ?? a.url ?? '') ?? null,
    contentHash: contentHash(fingerprintText(a)),
    signature: sig ? new Uint8Array(sig.buffer, sig.byteOffset, sig.byteLength) : null,
    bands,
    nearDuplicates,
  };
}

/** Stores one article in one transaction, with its fingerprint and near duplicates. */
export async function storeArticle(store: Store, a: ExtractedArticle): Promise<PutResult> {
  return store.putArticle(a, await articleFingerprint(store, a));
}
