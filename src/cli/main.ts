// The `dossier` command: one subcommand per module in ./commands. A command's module is imported
// only when that command runs (or for the full help), so that each command pays only for its own
// imports at start-up.
import { Command } from 'commander';
import { runProgram } from './run.js';

type Register = (program: Command) => void;

/** The commands each module registers, and how to load it (in the order the help lists them). */
const MODULES: [names: string[], load: () => Promise<{ register: Register }>][] = [
  [['analyze'], () => import('./commands/analyze.js')],
  [['ingest'], () => import('./commands/ingest.js')],
  [['articles', 'show', 'search'], () => import('./commands/articles.js')],
  [['extract'], () => import('./commands/extract.js')],
  [['entities', 'entity'], () => import('./commands/entities.js')],
  [['tag'], () => import('./commands/tag.js')],
  [['code'], () => import('./commands/code.js')],
  [['events', 'network'], () => import('./commands/events.js')],
  [['stories', 'story', 'report'], () => import('./commands/stories.js')],
  [['timeline'], () => import('./commands/timeline.js')],
  [['parse'], () => import('./commands/parse.js')],
  [['watch'], () => import('./commands/watch.js')],
  [['serve'], () => import('./commands/serve.js')],
  [['worker'], () => import('./commands/worker.js')],
  [['bench'], () => import('./commands/bench.js')],
];

/** The program with the module of `command` registered, or every module when `command` is not one of them. */
export async function buildProgram(command?: string): Promise<Command> {
  const program = new Command();
  program
    .name('dossier')
    .description('Turn news articles into an analyst\'s dossier: clean articles, entities, events, stories, outlet comparison.')
    .version('0.1.0')
    .showHelpAfterError(true);
  const only = MODULES.filter(([names]) => command !== undefined && names.includes(command));
  for (const [, load] of only.length ? only : MODULES) (await load()).register(program);
  return program;
}

/** Runs the CLI; resolves to the process exit code (0 ok, 1 some item failed, 2 usage or fatal error). */
export async function main(argv: string[]): Promise<number> {
  quietOnClosedPipe();
  return runProgram(await buildProgram(argv[2]), argv);
}

/**
 * `dossier extract DIR --jsonl | head`: when the reader closes the pipe, stop writing and exit
 * quietly, as Unix filters do, instead of throwing EPIPE from the next write.
 */
function quietOnClosedPipe(): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(0);
  });
}
