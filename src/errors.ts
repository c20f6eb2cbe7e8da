/**
 * An error meant for the person at the terminal: what went wrong, where, and how to fix it.
 * The CLI prints these without a stack trace and exits with `exitCode`.
 */
export class FlywheelError extends Error {
  readonly where: string | undefined;
  readonly fix: string | undefined;
  readonly exitCode: number;

  constructor(what: string, opts: { where?: string; fix?: string; exitCode?: number; cause?: unknown } = {}) {
    super(what, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'FlywheelError';
    this.where = opts.where;
    this.fix = opts.fix;
    this.exitCode = opts.exitCode ?? 1;
  }

  format(): string {
    const lines = [`error: ${this.message}`];
    if (this.where) lines.push(`  where: ${this.where}`);
    if (this.fix) lines.push(`  fix:   ${this.fix}`);
    return lines.join('\n');
  }
}
