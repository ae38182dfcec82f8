// Runs a built commander program over argv and turns its outcome into the process exit code.
import { type Command, CommanderError } from 'commander';

/** Resolves to the exit code: 0 ok, 1 some item failed, 2 usage or fatal error. */
export async function runProgram(program: Command, argv: string[]): Promise<number> {
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
