#!/usr/bin/env node
import { Command } from 'commander';
import { createRequire } from 'node:module';
import { compareCommand } from './compare.js';
import { guard } from './run.js';

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

const program = new Command('parascope')
  .description('Find reused text between news articles: verbatim copies, light edits and paraphrased rewrites.')
  .version(version)
  .exitOverride()
  .configureOutput({ outputError: (message, write) => write(`parascope: ${message.replace(/^error: /, '').trim()}\n`) })
  .addCommand(compareCommand());

for (const command of program.commands) command.exitOverride().configureOutput({ outputError: (message, write) => write(`parascope: ${message.replace(/^error: /, '').trim()}\n`) });

await guard(() => program.parseAsync(process.argv).then(() => undefined));
