/**
 * The start-up lines of the primary process (main.ts, api-processes.ts), in the shape of Nest's
 * logger, without loading Nest: the primary never runs the API, and loading Nest would cost it
 * a good part of a second at every start.
 */
export interface StartupLog {
  (line: string): void;
  warn(line: string): void;
  error(error: unknown): void;
}

export function startupLog(context: string): StartupLog {
  const write = (level: string, line: string) =>
    (level === 'ERROR' ? process.stderr : process.stdout).write(
      `[Parvis] ${process.pid}  - ${new Date().toLocaleString('en-US')} ${level.padStart(7)} [${context}] ${line}\n`,
    );
  return Object.assign((line: string) => write('LOG', line), {
    warn: (line: string) => write('WARN', line),
    error: (error: unknown) =>
      write('ERROR', error instanceof Error ? (error.stack ?? error.message) : String(error)),
  });
}
