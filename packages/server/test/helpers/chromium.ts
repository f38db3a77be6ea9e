import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { describe, it } from 'vitest';
import { defaultDashboardDir } from '../../src/dashboard/static-routes.js';

/** Debian's Chromium (`apt-get install -y chromium`); never a downloaded browser. */
export const CHROMIUM = '/usr/bin/chromium';

/** The flags every browser test runs Chromium with: headless, no network of its own. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches {@link CHROMIUM} with {@link CHROMIUM_ARGS}. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** What a browser test needs and this machine lacks (empty: it can run). */
export function missingForBrowserTests(): string[] {
  return [
    existsSync(CHROMIUM) ? undefined : `${CHROMIUM} (apt-get install -y chromium)`,
    existsSync(join(defaultDashboardDir(), 'index.html'))
      ? undefined
      : 'the dashboard build (npm run build --workspace @hookline/dashboard)',
  ].filter((m): m is string => m !== undefined);
}

/**
 * What a browser suite does: `run` when nothing is missing; otherwise `fail` under `CI=true`
 * (a CI without Chromium must not pass green having tested nothing), else `skip`, loudly.
 */
export function browserSuitePlan(
  missing: readonly string[],
  ci: string | undefined,
): 'run' | 'fail' | 'skip' {
  if (missing.length === 0) return 'run';
  return ci === 'true' ? 'fail' : 'skip';
}

/**
 * The one guard of every `*.browser.test.ts`: `describe(name, body)` when Chromium and the
 * dashboard build are there. Otherwise, under `CI=true`, a suite of one failing test naming
 * what is missing (the body, and so its hooks, never run: nothing to tear down that was never
 * started); elsewhere the suite is skipped with a warning on stderr.
 */
export function describeInBrowser(name: string, body: () => void): void {
  const missing = missingForBrowserTests();
  const plan = browserSuitePlan(missing, process.env.CI);
  if (plan === 'run') {
    describe(name, body);
  } else if (plan === 'fail') {
    describe(name, () => {
      it('has Chromium and the dashboard build (CI=true)', () => {
        throw new Error(`Cannot run the browser tests: missing ${missing.join(' and ')}.`);
      });
    });
  } else {
    console.warn(
      `\n*** SKIPPED browser tests "${name}": missing ${missing.join(' and ')}. Under CI=true this fails. ***\n`,
    );
    describe.skip(name, body);
  }
}
