// Prints the vitest totals as one plain line: "N passed, N failed".
import fs from 'node:fs';

const file = process.argv[2] ?? 'output/test-results.json';
if (!fs.existsSync(file)) {
  console.log('tests did not run (setup or type check failed)');
  console.log('0 passed, 1 failed');
  process.exit(0);
}
const r = JSON.parse(fs.readFileSync(file, 'utf8'));
console.log(`${r.numPassedTests} passed, ${r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0)} failed`);
