import { Command, InvalidArgumentError, Option } from 'commander';
import { archiveOption } from './index-command.js';
import { guard, parsePositiveInt } from './run.js';

interface ServeFlags {
  archive: string;
  host: string;
  port: number;
  token?: string;
  maxBody: number;
  timeLimit: number;
  workers?: number;
  queue?: number;
}

function parsePort(value: string): number {
  const x = Number(value);
  if (!Number.isInteger(x) || x < 0 || x > 65535) throw new InvalidArgumentError('expected a port number from 0 to 65535');
  return x;
}

export function serveCommand(): Command {
  return new Command('serve')
    .description('serve the archive over HTTP: a JSON API under /v1 (OpenAPI at /openapi.json) and a web page at /')
    .addOption(archiveOption())
    .option('--host <address>', 'address to listen on (0.0.0.0 for every interface)', '127.0.0.1')
    .option('-p, --port <n>', 'port to listen on (0: any free port)', parsePort, 8080)
    // From the environment rather than the command line where possible: arguments show in `ps`.
    .addOption(new Option('--token <token>', 'require "Authorization: Bearer TOKEN" on every route but /healthz and the page').env('PARASCOPE_TOKEN'))
    .option('--max-body <bytes>', 'largest request body', parsePositiveInt, 5 * 1024 * 1024)
    .option('--time-limit <ms>', 'longest a check or compare may take, queueing included', parsePositiveInt, 30_000)
    .option('--workers <n>', 'analysis worker threads (default: one per CPU)', parsePositiveInt)
    .option('--queue <n>', 'analyses that may wait for a worker before requests are refused with 429 (default: 4 per worker)', parsePositiveInt)
    .action((flags: ServeFlags) =>
      guard(async () => {
        // Loaded only for this command: fastify and the page cost start-up time every other command would pay.
        const { startServer } = await import('../serve/app.js');
        const server = await startServer({
          archive: flags.archive,
          host: flags.host,
          port: flags.port,
          token: flags.token,
          bodyLimit: flags.maxBody,
          timeLimitMs: flags.timeLimit,
          workers: flags.workers,
          queue: flags.queue,
        });
        process.stderr.write(`parascope serve: listening on ${server.url} (archive ${flags.archive}${flags.token ? ', bearer token required' : ''})\n`);
        await new Promise<void>((resolve, reject) => {
          const stop = (signal: string): void => {
            process.stderr.write(`parascope serve: ${signal}: finishing requests in flight\n`);
            server.close().then(() => {
              process.stderr.write('parascope serve: stopped\n');
              resolve();
            }, reject);
          };
          process.once('SIGTERM', () => stop('SIGTERM'));
          process.once('SIGINT', () => stop('SIGINT'));
        });
      }),
    );
}
