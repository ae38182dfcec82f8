// The `dossier` command: one subcommand per module in ./commands.
import { Command } from 'commander';
import { runProgram } from './run.js';
import { register as registerIngest } from './commands/ingest.js';
import { register as registerArticles } from './commands/articles.js';
import { register as registerExtract } from './commands/extract.js';
import { register as registerBench } from './commands/bench.js';
import { register as registerAnalyze } from './commands/analyze.js';
import { register as registerEntities } from './commands/entities.js';
import { register as registerTag } from './commands/tag.js';
import { register as registerCode } from './commands/code.js';
import { register as registerEvents } from './commands/events.js';
import { register as registerStories } from './commands/stories.js';
import { register as registerTimeline } from './commands/timeline.js';
import { register as registerParse } from './commands/parse.js';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('dossier')
    .description('Turn news articles into an analyst\'s dossier: clean articles, entities, events, stories, outlet comparison.')
    .version('0.1.0')
    .showHelpAfterError(true);
  for (const register of [registerAnalyze, registerIngest, registerArticles, registerExtract, registerEntities, registerTag, registerCode, registerEvents, registerStories, registerTimeline, registerParse, registerBench]) register(program);
  return program;
}

/** Runs the CLI; resolves to the process exit code (0 ok, 1 some item failed, 2 usage or fatal error). */
export async function main(argv: string[]): Promise<number> {
  return runProgram(buildProgram(), argv);
}
