#!/usr/bin/env node
import { Command } from 'commander';
import { createRequire } from 'node:module';
import { checkCommand } from './check.js';
import { compareCommand } from './compare.js';
import { indexCommand } from './index-command.js';
import { scanCommand } from './scan.js';
import { serveCommand } from './serve.js';
import { guard } from './run.js';

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

const program = new Command('parascope')
  .description('Find reused text between news articles: verbatim copies, light edits and paraphrased rewrites.')
  .version(version)
  .exitOverride()
  .configureOutput({ outputError: (message, write) => write(`parascope: ${message.replace(/^error: /, '').trim()}\n`) })
  .addCommand(compareCommand())
  .addCommand(indexCommand())
  .addCommand(checkCommand())
  .addCommand(scanCommand())
  .addCommand(serveCommand());

for (const command of program.commands.flatMap((c) => [c, ...c.commands])) command.exitOverride().configureOutput({ outputError: (message, write) => write(`parascope: ${message.replace(/^error: /, '').trim()}\n`) });

await guard(() => program.parseAsync(process.argv).then(() => undefined));
