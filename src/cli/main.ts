// The `dossier` command: one subcommand per module in ./commands.
import { Command, CommanderError } from 'commander';
import { register as registerIngest } from './commands/ingest.js';
import { register as registerArticles } from './commands/articles.js';
import { register as registerExtract } from './commands/extract.js';
import { register as registerBench } from './commands/bench.js';
import { register as registerAnalyze } from './commands/analyze.js';
import { register as registerEntities } from './commands/entities.js';
import { register as registerTag } from './commands/tag.js';
import { register as registerEvents } from './commands/events.js';
import { register as registerStories } from './commands/stories.js';
import { register as registerTimeline } from './commands/timeline.js';
import { register as registerServe } from './commands/serve.js';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('dossier')
    .description('Turn news articles into an analyst\'s dossier: clean articles, entities, events, stories, outlet comparison.')
    .version('0.1.0')
    .showHelpAfterError(true);
  for (const register of [registerAnalyze, registerIngest, registerArticles, registerExtract, registerEntities, registerTag, registerEvents, registerStories, registerTimeline, registerServe, registerBench]) register(program);
  return program;
}

/** Runs the CLI; resolves to the process exit code (0 ok, 1 some item failed, 2 usage or fatal error). */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  program.exitOverride();
  for (const c of program.commands) c.exitOverride();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    process.stderr.write(`dossier: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
}
