/**
 * A real Chromium for the browser tests: Debian's `chromium` package driven by playwright-core (browser
 * builds cannot be downloaded on our machines). When /usr/bin/chromium is missing it is installed the way
 * `playwright install --with-deps` would, with apt-get; when that is impossible the tests fail, loudly.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function ensureChromium(): string {
  if (fs.existsSync(CHROMIUM)) return CHROMIUM;
  const steps = [
    ['apt-get', ['update']],
    ['apt-get', ['install', '-y', '--no-install-recommends', 'chromium']],
  ] as const;
  const isRoot = process.getuid?.() === 0;
  try {
    for (const [command, args] of steps) {
      execFileSync(isRoot ? command : 'sudo', isRoot ? [...args] : ['-n', command, ...args], {
        stdio: 'inherit',
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
        timeout: 600_000,
      });
    }
  } catch (error) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM} and could not be installed with apt-get (${error instanceof Error ? error.message : error}). ` +
        'Install it (apt-get install chromium, as root) or set CHROMIUM_PATH to a Chromium binary.',
    );
  }
  if (!fs.existsSync(CHROMIUM)) throw new Error(`apt-get installed chromium but ${CHROMIUM} is still missing; set CHROMIUM_PATH.`);
  return CHROMIUM;
}

export interface BrowserSession {
  browser: Browser;
  context: BrowserContext;
  close(): Promise<void>;
}

/** A fresh browser with its own profile folder, removed on close. */
export async function launchBrowser(options: { viewport?: { width: number; height: number } } = {}): Promise<BrowserSession> {
  const executablePath = ensureChromium();
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ccg-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: FLAGS,
    viewport: options.viewport ?? { width: 1280, height: 860 },
    acceptDownloads: true,
    timeout: 60_000,
  });
  return {
    browser: context.browser()!,
    context,
    close: async () => {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Watches a page for what must never happen: a console error, an uncaught exception, a failed request,
 * an HTTP error, or a request that leaves the API's origin (the explorer works offline).
 */
export function watchPage(page: Page, origin: string): { problems: string[] } {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => {
    // A download or a navigation the test itself started away is not a failure of the page.
    const reason = request.failure()?.errorText ?? '';
    if (reason === 'net::ERR_ABORTED' && request.resourceType() === 'document') return;
    problems.push(`request failed: ${request.method()} ${request.url()} ${reason}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`);
  });
  // Only the API is reachable: anything else is refused and reported, as it would be offline.
  void page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    problems.push(`request outside the API: ${url}`);
    return route.abort('internetdisconnected');
  });
  return { problems };
}
