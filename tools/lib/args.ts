// The tools' command lines: flags (`--json`), flags with a value (`--repeats 3`) and the rest.

/** The arguments that are neither a flag nor the value of one of the `valued` flags. */
export function positional(argv: readonly string[], valued: readonly string[]): string[] {
  return argv.filter((a, i) => !a.startsWith('--') && !(i > 0 && valued.includes(argv[i - 1]!)));
}

/** The value after `flag`, if the flag is given. */
export function flagValue(argv: readonly string[], flag: string): string | undefined {
  const at = argv.indexOf(flag);
  return at >= 0 ? argv[at + 1] : undefined;
}
