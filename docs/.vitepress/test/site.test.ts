/**
 * The built docs site (`pnpm docs:build`, docs/.vitepress/dist) served as a static host would
 * serve it and opened in headless Chromium: every page of docs/ (the guides, the capability
 * matrix, the API reference) renders without an error, every link between pages reaches a page
 * that exists and, with a `#heading`, a heading that exists; the sidebar lists every guide; search
 * finds an export.
 *
 * How each page is reached: each guide is loaded from its URL, as a visitor arriving from outside
 * does (the built HTML, then the app hydrating it: a mismatch between the two is a console error).
 * The API reference's thousand-odd generated pages are reached through the site's own navigation,
 * as a visitor clicking through does, and each page's built HTML, parsed by the browser, must show
 * the same content the app renders: what hydration needs to find no mismatch. Loading each of them
 * instead took about a quarter of a second a page, over five minutes on a two-core machine.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HTML_API_DIR, MEDIA_DIR, REFERENCE_DIR } from '../paths.ts';
import { pageOf, sitePages } from './site-pages.ts';
import { type StaticServer, serveStatic } from './static-server.ts';

const SRC_DIR = resolve(import.meta.dirname, '../..');
/** The built site: `pnpm docs:build`'s output, or another build named by DOCS_SITE_DIST. */
const DIST = resolve(process.env.DOCS_SITE_DIST ?? resolve(import.meta.dirname, '../dist'));
const REFERENCE = `/${REFERENCE_DIR}/`;
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'];
/** Tabs open at once: more only slows a two-core machine down. */
const PARALLEL = 2;

/** How a tab reaches a page: loading its URL, or through the site's own navigation. */
type Arrival = 'load' | 'navigate';

/** What one page showed when it was opened. */
interface Visit {
  readonly status: number;
  readonly title: string;
  readonly heading: string;
  readonly problems: string[];
  /** Same-origin links on the page, as absolute URLs. */
  readonly links: string[];
  readonly ids: Set<string>;
}

describe('docs site', () => {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  const visits = new Map<string, Visit>();
  const pages = existsSync(DIST) ? sitePages(SRC_DIR, [HTML_API_DIR, MEDIA_DIR]) : [];

  beforeAll(async () => {
    if (!existsSync(DIST) || !existsSync(CHROMIUM)) return;
    server = await serveStatic(DIST);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, timeout: 30_000 });
    const queue = [...pages];
    const origin = server.origin;
    const open = browser;
    await Promise.all(
      Array.from({ length: PARALLEL }, async () => {
        const visit = await openTab(open, origin);
        for (let page = queue.shift(); page !== undefined; page = queue.shift()) {
          visits.set(page, await visit(page, page.startsWith(REFERENCE) ? 'navigate' : 'load'));
        }
      }),
    );
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('is built, and Chromium is there', () => {
    expect(existsSync(DIST), `${DIST} is missing: run \`pnpm docs:build\` first`).toBe(true);
    expect(existsSync(CHROMIUM), `${CHROMIUM} not found: apt-get install -y chromium`).toBe(true);
  });

  it('has a page for every Markdown file in docs/, guides and API reference alike', () => {
    expect(pages).toContain('/');
    expect(pages).toContain('/publisher.html');
    expect(pages).toContain(REFERENCE);
    expect(pages.filter((page) => page.startsWith(REFERENCE)).length).toBeGreaterThan(100);
    // A page missing from the build (a guide added since the last `pnpm docs:build`) is a 404.
    const missing = pages.filter((page) => visits.get(page)?.status !== 200);
    expect(missing, 'not in the build (run `pnpm docs:build`)').toEqual([]);
  });

  it('renders every page with its title and heading, and no error in the console', () => {
    const broken: string[] = [];
    for (const [page, seen] of visits) {
      if (!seen.title.endsWith('| smmkit') || seen.title.length <= '| smmkit'.length + 1) {
        broken.push(`${page}: title ${JSON.stringify(seen.title)}`);
      }
      if (seen.heading.trim() === '') broken.push(`${page}: no heading in the page's content`);
      broken.push(...seen.problems.map((problem) => `${page}: ${problem}`));
    }
    expect(broken).toEqual([]);
    expect(visits.get('/publisher.html')?.heading).toMatch(/publisher/i);
  });

  it('links only to pages and headings that exist', async () => {
    const origin = server?.origin ?? '';
    const broken: string[] = [];
    const checked = new Map<string, number>();
    for (const [page, seen] of visits) {
      for (const link of seen.links) {
        const url = new URL(link);
        const target = pageOf(url);
        const found = visits.get(target);
        if (found === undefined) {
          // Not a Markdown page (an asset, say): it must still be served.
          const status = checked.get(url.pathname) ?? (await fetch(new URL(url.pathname, origin))).status;
          checked.set(url.pathname, status);
          if (status !== 200) broken.push(`${page} → ${link}: ${status}`);
          continue;
        }
        const id = decodeURIComponent(url.hash.slice(1));
        if (id !== '' && !found.ids.has(id)) broken.push(`${page} → ${link}: no #${id} on ${target}`);
      }
    }
    expect(broken).toEqual([]);
    // The guides link to each other and to the API reference's section of the index.
    expect(visits.get('/publisher.html')?.links).toContain(`${origin}/#api-reference`);
    expect(visits.get('/')?.links).toContain(`${origin}/publisher.html`);
  });

  it('lists every guide in the sidebar, and every package in the API reference', async () => {
    const open = browser;
    if (open === undefined || server === undefined) throw new Error('no browser or no build');
    const guides = pages.filter((page) => !page.startsWith(REFERENCE));
    expect(await sidebarPages(open, `${server.origin}/`)).toEqual(expect.arrayContaining(guides));
    const packages = await sidebarPages(open, `${server.origin}${REFERENCE}`);
    expect(packages).toEqual(
      expect.arrayContaining([`${REFERENCE}@smmkit/core/`, `${REFERENCE}@smmkit/testkit/`]),
    );
  }, 60_000);

  it('finds an export by name in the search box and opens its reference page', async () => {
    const open = browser;
    if (open === undefined || server === undefined) throw new Error('no browser or no build');
    const page = await open.newPage();
    try {
      await page.goto(`${server.origin}/`);
      await page.locator('#local-search button').click();
      await page.locator('#localsearch-input').fill('createPublisher');
      const first = page.locator('.VPLocalSearchBox .results a').first();
      await first.waitFor();
      const hrefs = await page
        .locator('.VPLocalSearchBox .results a')
        .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
      expect(hrefs.some((href) => href.includes('/publisher/functions/createPublisher.html'))).toBe(true);
    } finally {
      await page.close();
    }
  }, 60_000);
});

/**
 * A tab that opens pages one after another and records what each showed (see {@link Visit}):
 * one tab per worker rather than one per page, which would double the time on a small machine.
 */
async function openTab(
  browser: Browser,
  origin: string,
): Promise<(path: string, arrival: Arrival) => Promise<Visit>> {
  const page = await browser.newPage();
  let problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      problems.push(`console ${message.type()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    // VitePress prefetches the pages a page links to; leaving the page cancels what is in flight.
    // A missing file is a 404 response, reported below.
    const error = request.failure()?.errorText ?? '';
    if (error !== 'net::ERR_ABORTED') problems.push(`request failed (${error}): ${request.url()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`);
  });
  return async (path, arrival) => {
    // A fresh tab has no app to navigate in yet: it loads the index first.
    if (arrival === 'navigate' && !page.url().startsWith(origin)) {
      await page.goto(`${origin}/`, { waitUntil: 'load' });
    }
    problems = [];
    let status: number;
    if (arrival === 'load') {
      status = (await page.goto(`${origin}${path}`, { waitUntil: 'load' }))?.status() ?? 0;
    } else {
      const built = await page.evaluate(navigateAndCompare, path);
      status = built.status;
      if (built.title !== (await page.title())) {
        problems.push(`the built page's title is ${JSON.stringify(built.title)}, the app's is not`);
      }
      if (built.difference !== undefined) {
        problems.push(`the built HTML differs from what the app renders: ${built.difference}`);
      }
    }
    const seen = await readPage(page);
    return {
      status,
      title: seen.title,
      heading: seen.heading,
      links: seen.links.filter((link) => link.startsWith(`${origin}/`)),
      ids: new Set(seen.ids),
      problems,
    };
  };
}

/**
 * Runs in the page: goes to `path` through VitePress's router (as a click on a link does), then
 * fetches the page's built HTML, parses it as the browser would on arrival and compares its
 * content (`.vp-doc`: elements, attributes and text, whitespace collapsed) with what the app
 * rendered. Hydration reuses the parsed DOM only where the two agree.
 */
async function navigateAndCompare(path: string) {
  const app = (document.querySelector('#app') as { __vue_app__?: { _context: { provides: object } } })
    .__vue_app__;
  const provides = (app?._context.provides ?? {}) as Record<PropertyKey, unknown>;
  const router = Reflect.ownKeys(provides)
    .map((key) => provides[key] as { go?: (href: string) => Promise<void>; route?: unknown })
    .find((value) => typeof value?.go === 'function' && value.route !== undefined);
  if (router?.go === undefined) throw new Error("VitePress's router is not on the page");
  await router.go(path);
  // The route is set; Vue patches the DOM before the next frame.
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const response = await fetch(path);
  const built = new DOMParser().parseFromString(await response.text(), 'text/html');
  const shape = (node: Node | null): string => {
    if (node === null) return '(none)';
    if (node.nodeType === Node.TEXT_NODE) {
      const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
      return text === '' ? '' : JSON.stringify(text);
    }
    if (!(node instanceof Element)) return '';
    const attributes = [...node.attributes].map((attribute) => ` ${attribute.name}="${attribute.value}"`);
    const children = [...node.childNodes].map(shape).join('');
    return `<${node.localName}${attributes.sort().join('')}>${children}</${node.localName}>`;
  };
  const expected = shape(built.querySelector('.vp-doc'));
  const rendered = shape(document.querySelector('.vp-doc'));
  let at = 0;
  while (at < expected.length && expected[at] === rendered[at]) at++;
  return {
    status: response.status,
    title: built.title,
    difference:
      expected === rendered
        ? undefined
        : `built …${expected.slice(Math.max(0, at - 60), at + 60)}… rendered …${rendered.slice(Math.max(0, at - 60), at + 60)}…`,
  };
}

/** What the page shows, read in one round trip. */
function readPage(page: Page) {
  return page.evaluate(() => ({
    title: document.title,
    heading: document.querySelector('.vp-doc h1')?.textContent ?? '',
    links: [...document.querySelectorAll('a[href]')].map((anchor) => (anchor as HTMLAnchorElement).href),
    ids: [...document.querySelectorAll('[id]')].map((element) => element.id),
  }));
}

/** The pages a page's sidebar links to. */
async function sidebarPages(browser: Browser, url: string): Promise<string[]> {
  const page = await browser.newPage();
  try {
    await page.goto(url);
    const links = await page
      .locator('.VPSidebar a[href]')
      .evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
    return links.map((link) => pageOf(new URL(link)));
  } finally {
    await page.close();
  }
}
