/** @module Shared bits of the search CLIs: argument parsing, JSON lines, opening the configured database. */
import { readFileSync } from 'node:fs';
import { loadDotEnv, parseConfig } from '../config/env.js';
import { openDatabase, type DataLayer } from '../db/connection.js';
import { migrateToLatest } from '../migrations.js';

/** `--name value` pairs and bare flags from argv (a leading `--` from npm is ignored). */
export function parseArgs(argv: string[]): Map<string, string> {
  const out = new Map<string, string>();
  const args = argv.filter((a) => a !== '--');
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('--')) continue;
    const next = args[i + 1];
    if (next !== undefined && !next.startsWith('--')) {
      out.set(a.slice(2), next);
      i++;
    } else out.set(a.slice(2), 'true');
  }
  return out;
}

export function readJsonLines<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

/** The database named by DATABASE_URL (migrated), as the server would open it. */
export async function openConfiguredDatabase(): Promise<DataLayer> {
  await loadDotEnv();
  const config = parseConfig();
  const data = openDatabase(config.DATABASE_URL);
  await migrateToLatest(data);
  return data;
}

export function fail(message: string): never {
  console.error(message);
  process.exit(2);
}
