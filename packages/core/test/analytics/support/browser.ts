import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

/** Debian's chromium package: installed on developer machines and by CI. */
export const CHROMIUM = '/usr/bin/chromium';
/** What a test says when Chromium is not there. */
export const MISSING = `${CHROMIUM} not found: install Debian's chromium: apt-get install -y chromium`;
/** Headless, offline and quiet: no sandbox (containers), no GPU, no background traffic. */
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** What a page did while loading: requests it made and errors it reported. */
export interface LoadedPage {
  readonly page: Page;
  readonly requests: string[];
  readonly problems: string[];
}

/** Opens markup in a page of the Chromium that {@link useHeadlessChromium} launched. */
export type LoadMarkup = (markup: string) => Promise<LoadedPage>;

/**
 * Launches headless Chromium once for the enclosing `describe` block and closes it after; the
 * returned `load` opens markup in a fresh 860 × 900 page that records every request, console
 * error or warning, page error and dialog. The caller closes the page once it has loaded.
 */
export function useHeadlessChromium(): LoadMarkup {
  let browser: Browser | undefined;

  beforeAll(async () => {
    // Without Chromium each test fails on its own with MISSING (a failing hook would skip them).
    if (!existsSync(CHROMIUM)) return;
    // launch() gives every run its own fresh temporary profile (user-data-dir).
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, timeout: 15_000 });
  }, 20_000);

  afterAll(async () => {
    await browser?.close();
  });

  return async (markup) => {
    if (browser === undefined) throw new Error(MISSING);
    const page = await browser.newPage({ viewport: { width: 860, height: 900 } });
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') {
        problems.push(`console ${message.type()}: ${message.text()}`);
      }
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    try {
      await page.setContent(markup, { waitUntil: 'load' });
    } catch (error) {
      await page.close();
      throw error;
    }
    return { page, requests, problems };
  };
}
