// `dossier code` alone: a filter run over many sentences and timed with its start-up, so bin/dossier.js
// starts it without loading every other command's libraries (HTML parsing, the store, models).
import { Command } from 'commander';
import { register } from './commands/code.js';
import { runProgram } from './run.js';

export async function main(argv: string[]): Promise<number> {
  const program = new Command().name('dossier').showHelpAfterError(true);
  register(program);
  return runProgram(program, argv);
}
