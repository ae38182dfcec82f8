// `dossier parse`: JSON lines {id, text} or {id, tokens} in; per line, the sentences (for text) or
// the one sentence (for tokens, kept exactly as given) with UPOS, lemma, head and relation, as JSON
// lines or as CoNLL-U. A bad line yields an error (JSON object or CoNLL-U comment); the rest go on.
import type { Command } from 'commander';
import { createInterface } from 'node:readline';
import { writeConllu } from '../../syntax/conllu.js';
import type { ParsedToken, SyntaxAnalyser } from '../../syntax/index.js';

type Format = 'json' | 'conllu';

const tokenFields = (t: ParsedToken) => ({ text: t.text, upos: t.upos, lemma: t.lemma, head: t.head, deprel: t.deprel });

/** One input record -> its output text (one JSON line, or CoNLL-U blocks). */
export function parseRecord(rec: Record<string, unknown>, an: SyntaxAnalyser, format: Format): string {
  const id = rec.id ?? null;
  if (Array.isArray(rec.tokens)) {
    if (!rec.tokens.every((t) => typeof t === 'string' && t.length > 0)) throw new Error('"tokens" must be non-empty strings');
    const tokens = an.parseTokens(rec.tokens as string[]);
    if (format === 'conllu') return writeConllu(tokens, [`sent_id = ${String(id)}`]);
    return `${JSON.stringify({ id, tokens: tokens.map(tokenFields) })}\n`;
  }
  if (typeof rec.text !== 'string') throw new Error('needs "text" (a string) or "tokens" (an array of strings)');
  const sentences = an.parseText(rec.text);
  if (format === 'conllu') return sentences.map((s, i) => writeConllu(s.tokens, [`sent_id = ${String(id)}-${i + 1}`, `text = ${(rec.text as string).slice(s.start, s.end).replace(/\s+/g, ' ')}`])).join('');
  return `${JSON.stringify({ id, sentences: sentences.map((s) => ({ start: s.start, end: s.end, tokens: s.tokens.map((t) => ({ ...tokenFields(t), start: t.start, end: t.end })) })) })}\n`;
}

async function run(format: Format): Promise<number> {
  const { loadSyntax } = await import('../../syntax/index.js');
  const an = loadSyntax();
  // A reader that stops early ('| head') closes the pipe: stop quietly rather than crash.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let failed = 0;
  let n = 0;
  let pending: string[] = [];
  const flush = () => {
    process.stdout.write(pending.join(''));
    pending = [];
  };
  for await (const line of rl) {
    n++;
    if (!line.trim()) continue;
    try {
      const rec = JSON.parse(line) as unknown;
      if (!rec || typeof rec !== 'object' || Array.isArray(rec)) throw new Error('not a JSON object');
      pending.push(parseRecord(rec as Record<string, unknown>, an, format));
    } catch (e) {
      failed++;
      const msg = e instanceof Error ? e.message : String(e);
      process.stderr.write(`error: line ${n}: ${msg}\n`);
      pending.push(format === 'conllu' ? `# error line ${n}: ${msg}\n\n` : `${JSON.stringify({ line: n, error: msg })}\n`);
    }
    if (pending.length >= 256) flush();
  }
  flush();
  return failed;
}

export function register(program: Command): void {
  program
    .command('parse')
    .description('read {id, text} or {id, tokens} JSON lines on stdin; write part-of-speech tags, lemmas and dependency parses per line')
    .option('--format <format>', 'json (one line per input) or conllu', 'json')
    .action(async (o: { format: string }) => {
      if (o.format !== 'json' && o.format !== 'conllu') throw new Error(`--format must be json or conllu, not '${o.format}'`);
      const failed = await run(o.format);
      process.exitCode = failed > 0 ? 1 : 0;
    });
}
