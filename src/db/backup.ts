/**
 * @module Backup and restore of the database together with the upload folder. SQLite: `VACUUM INTO` from a
 * read-only connection, consistent while the server keeps writing (a plain copy of a live WAL database can
 * be malformed). PostgreSQL: `pg_dump --format=custom` / `pg_restore --clean`. The upload folder is copied
 * after the database, so every row of the copy has its file (a later file without a row is settled at start).
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import type { AppConfig } from '../config/env.js';
import { dialectOf, openSqlite, type Dialect } from './connection.js';

const run = promisify(execFile);

const SQLITE_FILE = 'database.sqlite';
const PG_FILE = 'database.pgdump';
const UPLOADS = 'uploads';

export interface Manifest {
  format: 1;
  dialect: Dialect;
  createdAt: string;
  /** The PostgreSQL schema dumped, when not the default one. */
  schema?: string;
}

/** The SQLite file DATABASE_URL names. */
export const sqliteFile = (url: string) =>
  url.replace(/^(sqlite|file):(\/\/)?/, '') || 'data/open12348.db';

/** Writes a backup into `dir` (created; must not hold a backup already). */
export async function backup(config: AppConfig, dir: string, schema?: string): Promise<Manifest> {
  if (existsSync(path.join(dir, 'manifest.json'))) throw new Error(`备份目录已有备份：${dir}`);
  await mkdir(dir, { recursive: true });
  const dialect = dialectOf(config.DATABASE_URL);
  if (dialect === 'sqlite') await backupSqlite(sqliteFile(config.DATABASE_URL), dir);
  else await backupPostgres(config.DATABASE_URL, dir, schema);
  if (existsSync(config.UPLOAD_DIR))
    await cp(config.UPLOAD_DIR, path.join(dir, UPLOADS), { recursive: true });
  const manifest: Manifest = {
    format: 1,
    dialect,
    createdAt: new Date().toISOString(),
    ...(schema ? { schema } : {}),
  };
  await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return manifest;
}

async function backupSqlite(file: string, dir: string): Promise<void> {
  if (!existsSync(file)) throw new Error(`数据库文件不存在：${file}`);
  const data = openSqlite(file, { readonly: true });
  try {
    await sql`VACUUM INTO ${path.resolve(dir, SQLITE_FILE)}`.execute(data.db);
  } finally {
    await data.close();
  }
}

async function backupPostgres(url: string, dir: string, schema?: string): Promise<void> {
  const args = ['--format=custom', `--file=${path.join(dir, PG_FILE)}`, '--no-owner'];
  if (schema) args.push(`--schema=${schema}`);
  await run('pg_dump', [...args, `--dbname=${url}`]);
}

/**
 * Replaces the database and the upload folder with the backup in `dir`. Stop the server first: SQLite's
 * file is overwritten, and PostgreSQL's objects are dropped and recreated (`pg_restore --clean`).
 */
export async function restore(config: AppConfig, dir: string): Promise<Manifest> {
  const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const dialect = dialectOf(config.DATABASE_URL);
  if (manifest.dialect !== dialect)
    throw new Error(`备份来自 ${manifest.dialect}，不能恢复到 ${dialect} 数据库`);
  if (dialect === 'sqlite') await restoreSqlite(path.join(dir, SQLITE_FILE), config.DATABASE_URL);
  else
    await run('pg_restore', [
      '--clean',
      '--if-exists',
      '--no-owner',
      '--exit-on-error',
      `--dbname=${config.DATABASE_URL}`,
      path.join(dir, PG_FILE),
    ]);
  await rm(config.UPLOAD_DIR, { recursive: true, force: true });
  if (existsSync(path.join(dir, UPLOADS)))
    await cp(path.join(dir, UPLOADS), config.UPLOAD_DIR, { recursive: true });
  return manifest;
}

async function restoreSqlite(copy: string, url: string): Promise<void> {
  const file = sqliteFile(url);
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  // The old WAL and shared-memory files belong to the old database; left in place they would be replayed.
  for (const suffix of ['-wal', '-shm']) await rm(file + suffix, { force: true });
  await cp(copy, file);
}

/** The backups under `root`, newest first (for the CLI's listing). */
export async function listBackups(root: string): Promise<string[]> {
  if (!existsSync(root)) return [];
  const names = await readdir(root);
  return names
    .filter((n) => existsSync(path.join(root, n, 'manifest.json')))
    .sort()
    .reverse();
}
