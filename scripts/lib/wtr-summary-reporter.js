import { writeFileSync } from 'node:fs';

function count(suite, totals) {
  for (const test of suite?.tests ?? []) {
    if (test.skipped) totals.skipped += 1;
    else if (test.passed) totals.passed += 1;
    else totals.failed += 1;
  }
  for (const child of suite?.suites ?? []) count(child, totals);
  return totals;
}

/** Prints `N passed, N failed` (and writes it as JSON when given a file) after the run. */
export function summaryReporter(file) {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        const own = count(session.testResults, { passed: 0, failed: 0, skipped: 0 });
        // A file that failed to load or threw outside any test counts as one failure.
        if (!session.passed && own.failed === 0) own.failed = 1;
        totals.passed += own.passed;
        totals.failed += own.failed;
        totals.skipped += own.skipped;
      }
      if (file) writeFileSync(file, JSON.stringify(totals));
      console.log(`component tests: ${totals.passed} passed, ${totals.failed} failed`);
    },
  };
}
