import type { Command } from 'commander';
import { configFor, intOption } from '../context.js';
import { onCleanup, onSignal } from '../lifecycle.js';
import { connectRedis } from '../../redis/connect.js';
import { dbPath, openDb } from '../../store/db.js';
import { assertSafeBinding, startDashboard } from '../../dashboard/server.js';

interface DashboardFlags {
  host?: string;
  port?: number;
  allowActions?: boolean;
}

export function registerDashboard(program: Command): void {
  program
    .command('dashboard')
    .description('serve the web dashboard (queues, rounds, samples, knowledge) until Ctrl-C')
    .option('--host <address>', 'address to listen on (default 127.0.0.1; any other address needs dashboard.token)')
    .option('--port <n>', 'port to listen on (default 7300; 0 picks a free one)', intOption('--port', 0, 65535))
    .option('--allow-actions', 'let the queue view retry, clean, pause and remove jobs (read-only by default)')
    .addHelpText(
      'after',
      '\nThe database is opened read-only, so a round can keep running. With a token (FLYWHEEL_DASHBOARD__TOKEN or\n' +
        'dashboard.token), every request needs `Authorization: Bearer <token>` or a visit to /login?token=<token>.',
    )
    .action(async (opts: DashboardFlags, cmd: Command) => {
      const { config } = configFor(cmd, { 'dashboard.host': opts.host, 'dashboard.port': opts.port, 'dashboard.allowActions': opts.allowActions });
      assertSafeBinding(config.dashboard);
      const db = openDb(dbPath(config.outputDir), { readonly: true });
      onCleanup(() => void db.close());
      const redis = await connectRedis(config);
      onCleanup(() => redis.close(), () => redis.closeSync());
      const server = await startDashboard({ db, outputDir: config.outputDir, redisUrl: redis.url, settings: config.dashboard, pipeline: config.pipeline });
      onCleanup(() => server.close());
      console.log(`flywheel dashboard: ${server.url}`);
      console.log(`queues:             ${server.url}queues (${config.dashboard.allowActions ? 'actions allowed' : 'read-only'})`);
      if (config.dashboard.token) console.log(`sign in:            ${server.url}login?token=<dashboard.token>`);
      process.stderr.write(`database ${dbPath(config.outputDir)} (read-only), Redis ${redis.url}; Ctrl-C stops\n`);
      await new Promise<void>((resolve) => onSignal(() => resolve()));
    });
}
