/** What every external tool's module (kubectl, the aws CLI) needs alike: whether it started at all, and the environment it runs in. */

interface Ran {
  exitCode?: number | undefined;
  code?: string;
  timedOut?: boolean;
  isCanceled?: boolean;
  isTerminated?: boolean;
}

/** Not started at all: the program is not on PATH (or not executable). Each tool's module turns this into its own readable error. */
export function notStarted(result: unknown): boolean {
  const ran = result as Ran;
  if (ran.exitCode !== undefined || ran.timedOut === true || ran.isCanceled === true || ran.isTerminated === true) return false;
  return ran.code === 'ENOENT' || ran.code === 'EACCES' || ran.code === undefined;
}

/** This process's environment with `extra` on top, for a tool run with `extendEnv: false`. */
export function inheritedEnv(extra: Record<string, string> = {}, base: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(base)) if (value !== undefined) env[name] = value;
  return { ...env, ...extra };
}
