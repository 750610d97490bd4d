// Component tests: real Chromium through Playwright, TypeScript through esbuild.
import { playwrightLauncher } from '@web/test-runner-playwright';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { CHROMIUM_ARGS, findBrowser } from './scripts/lib/find-browser.ts';
import { summaryReporter } from './scripts/lib/wtr-summary-reporter.js';

export default {
  files: ['packages/*/test/browser/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'esnext' })],
  browsers: [playwrightLauncher({ product: 'chromium', launchOptions: { executablePath: findBrowser(), args: CHROMIUM_ARGS } })],
  // Two test files at a time, each in its own page: one keeps the browser waiting on the other's
  // commands and timers, so even a 2-core machine finishes about a third sooner.
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  reporters: [defaultReporter(), summaryReporter(process.env.PK_WTR_SUMMARY)],
};
