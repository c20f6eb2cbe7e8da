// Test helper process: starts the embedded Redis the way the CLI does, prints its pid, then waits for a signal.
import { loadConfig } from '../../src/config/load.js';
import { connectRedis } from '../../src/redis/connect.js';
import { installSignalHandlers, onCleanup } from '../../src/cli/lifecycle.js';

installSignalHandlers();
const { config } = loadConfig({ env: {}, flags: { outputDir: process.argv[2]! } });
const redis = await connectRedis(config);
onCleanup(() => redis.close(), () => redis.closeSync());
process.stdout.write(`${JSON.stringify({ redisPid: redis.embedded!.pid, port: redis.embedded!.port })}\n`);
setInterval(() => undefined, 1 << 30);
