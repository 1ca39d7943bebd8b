// Reads a vitest JSON report and prints "<passed> <failed>"; a suite that crashed without a test counts as one failure.
import { existsSync, readFileSync } from 'node:fs';

const [file, rc] = process.argv.slice(2);
if (!file || !existsSync(file)) {
  console.log('0 1');
  process.exit(0);
}
const r = JSON.parse(readFileSync(file, 'utf8'));
let failed = r.numFailedTests ?? 0;
const brokenSuites = (r.testResults ?? []).filter(
  (s) => s.status === 'failed' && (s.assertionResults ?? []).every((a) => a.status !== 'failed'),
).length;
failed += brokenSuites;
if (failed === 0 && (rc !== '0' || r.success === false)) failed = 1;
console.log(`${r.numPassedTests ?? 0} ${failed}`);
