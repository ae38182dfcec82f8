// Options of benchmark runners, as passed after `dossier bench NAME`.

/** The number after `--name` in the runner's arguments, if given. */
export function numberArg(args: string[], name: string): number | undefined {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] ? Number(args[at + 1]) : undefined;
}
