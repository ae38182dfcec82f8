// Synthetic news stream for the clustering speed benchmark. Deterministic (mulberry32 PRNG from a
// seed) and self-contained, so the figures can be reproduced anywhere without real articles.
//
// How an article is built:
// - a shared vocabulary of `vocabulary` pseudo-words drawn with Zipfian frequencies (rank r has
//   weight 1/r), as in real text where a few words are everywhere and most are rare;
// - topics, each with its own vocabulary (words drawn from the tail of the shared one) and its
//   own named entities (capitalised pseudo-names); each topic has several events, each with a few
//   more entities of its own, a date and a few numbers;
// - an article picks a topic among the recently active ones (topics start one after another
//   along the stream, as news does), an event of it, and writes ~`words` words: 65% common
//   vocabulary, 25% topic words, 10% entity names, in sentences of 12..24 words, with a date line.

import { zipfCdf, zipfRank } from './zipf.js';

export interface SyntheticOptions {
  seed: number;
  vocabulary: number;
  /** Articles per topic on average (sets how many topics a stream of n articles has). */
  articlesPerTopic: number;
  eventsPerTopic: number;
  /** Topics active at any point of the stream. */
  activeTopics: number;
  words: number;
}

export const DEFAULT_SYNTHETIC: SyntheticOptions = {
  seed: 7,
  vocabulary: 50_000,
  articlesPerTopic: 40,
  eventsPerTopic: 4,
  activeTopics: 30,
  words: 300,
};

export interface SyntheticArticle {
  id: string;
  text: string;
  published: string;
  topic: number;
  event: string;
}

/** mulberry32: a small, fast, seeded PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'to', 'vi', 'de', 'ga', 'po', 'li', 'an', 'er', 'os', 'ul', 'ba', 'ze', 'fi', 'ho'];

function pseudoWord(rand: () => number, syllables: number): string {
  let w = '';
  for (let i = 0; i < syllables; i++) w += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
  return w;
}

function capitalise(w: string): string {
  return w.charAt(0).toUpperCase() + w.slice(1);
}

interface Topic {
  words: string[];
  entities: string[];
  events: { id: string; entities: string[]; numbers: string[]; day: number }[];
}

/** Generates articles one at a time; the same options always give the same stream. */
export class SyntheticStream {
  private readonly rand: () => number;
  private readonly vocab: string[];
  private readonly zipfCdf: Float64Array;
  private readonly topics: Topic[] = [];
  private count = 0;

  constructor(private readonly opts: SyntheticOptions = DEFAULT_SYNTHETIC) {
    this.rand = mulberry32(opts.seed);
    const seen = new Set<string>();
    this.vocab = [];
    while (this.vocab.length < opts.vocabulary) {
      const w = pseudoWord(this.rand, 2 + Math.floor(this.rand() * 3));
      if (!seen.has(w)) {
        seen.add(w);
        this.vocab.push(w);
      }
    }
    this.zipfCdf = zipfCdf(opts.vocabulary);
  }

  /** A word of the shared vocabulary, Zipf-distributed (binary search in the CDF). */
  private zipfWord(): string {
    return this.vocab[zipfRank(this.zipfCdf, this.rand())]!;
  }

  private name(): string {
    return `${capitalise(pseudoWord(this.rand, 2))} ${capitalise(pseudoWord(this.rand, 3))}`;
  }

  private topic(index: number): Topic {
    while (this.topics.length <= index) {
      const t = this.topics.length;
      const words = Array.from({ length: 200 }, () => this.vocab[1000 + Math.floor(this.rand() * (this.vocab.length - 1000))]!);
      const entities = Array.from({ length: 12 }, () => this.name());
      const events = Array.from({ length: this.opts.eventsPerTopic }, (_, e) => ({
        id: `${t}_${e}`,
        entities: Array.from({ length: 4 }, () => this.name()),
        numbers: Array.from({ length: 3 }, () => String(13 + Math.floor(this.rand() * 5000))),
        day: 19_000 + Math.floor(t / 5) + e * 3,
      }));
      this.topics.push({ words, entities, events });
    }
    return this.topics[index]!;
  }

  next(): SyntheticArticle {
    const i = this.count++;
    const o = this.opts;
    const newest = Math.floor(i / o.articlesPerTopic) + o.activeTopics;
    const topicIndex = Math.max(0, newest - Math.floor(this.rand() * o.activeTopics));
    const topic = this.topic(topicIndex);
    const event = topic.events[Math.floor(this.rand() * topic.events.length)]!;
    const date = new Date((event.day + Math.floor(this.rand() * 3)) * 86_400_000).toISOString().slice(0, 10);
    const sentences: string[] = [];
    let written = 0;
    while (written < o.words) {
      const len = 12 + Math.floor(this.rand() * 13);
      const words: string[] = [];
      for (let k = 0; k < len; k++) {
        const u = this.rand();
        if (u < 0.65) words.push(this.zipfWord());
        else if (u < 0.9) words.push(topic.words[Math.floor(this.rand() * topic.words.length)]!);
        else if (u < 0.95) words.push(topic.entities[Math.floor(this.rand() * topic.entities.length)]!);
        else if (u < 0.985) words.push(event.entities[Math.floor(this.rand() * event.entities.length)]!);
        else words.push(event.numbers[Math.floor(this.rand() * event.numbers.length)]!);
      }
      written += len;
      sentences.push(capitalise(words.join(' ')) + '.');
    }
    return { id: `syn${i}`, text: `${date}\n${sentences.join(' ')}`, published: date, topic: topicIndex, event: event.id };
  }
}
