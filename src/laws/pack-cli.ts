/**
 * @module `npm run laws:pack [-- DIR]`: rebuilds the shipped snapshot (corpus/laws.tar.gz and
 * corpus/manifest.json) from a corpus directory (default ../shared/laws, the pinned pack).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LAWS_COMMIT } from './fetch.js';
import { manifestOf, packSnapshot, SNAPSHOT_ARCHIVE } from './snapshot.js';

const dir = path.resolve(process.argv.slice(2).find((a) => a !== '--') ?? '../shared/laws');
const manifest = manifestOf(dir, 'LawRefBook/Laws', LAWS_COMMIT, new Date());
await packSnapshot(dir, manifest);
console.log(
  `已打包 ${Object.keys(manifest.files).length} 个文件：${fileURLToPath(SNAPSHOT_ARCHIVE)}（清单 corpus/manifest.json）`,
);
