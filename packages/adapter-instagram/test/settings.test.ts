import { MediaProcessingError, type TokenProvider, TransientError, ValidationError } from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import { createInstagramAdapter, INSTAGRAM_DEFAULTS } from '../src/index.js';
import {
  failureOf,
  image,
  POLL,
  ROUTES,
  RUPLOAD_ROUTE,
  recordingFetch,
  START,
  useInstagram,
  video,
  videoBytes,
} from './support/harness.js';

// The main simulator answers on Meta's real hosts, graph.facebook.com and rupload.facebook.com.
const h = useInstagram();
const { ig, ana } = h;
// Instagram Login accounts live on graph.instagram.com (https://developers.facebook.com/docs/instagram-platform/overview).
const igLogin = h.sibling({ baseUrl: 'https://graph.instagram.com', ruploadUrl: 'https://rupload.igl.test' });

const paths = (requests: readonly Request[]) =>
  requests.map(
    (request) => `${request.method} ${new URL(request.url).origin}${new URL(request.url).pathname}`,
  );

describe('host and Graph API version', () => {
  it('talks to graph.facebook.com with the current version, v26.0, by default', async () => {
    const recorder = recordingFetch();
    const adapter = createInstagramAdapter({ fetch: recorder.fetch });
    const result = await adapter.publish({ text: 'Defaults', media: [image()] }, h.context());

    expect(INSTAGRAM_DEFAULTS.graphVersion).toBe('v26.0');
    expect(ig.sim.posts.get(result.ref.platformPostId)?.text).toBe('Defaults');
    expect(recorder.requests.length).toBeGreaterThanOrEqual(5);
    for (const request of recorder.requests)
      expect(request.url).toMatch(/^https:\/\/graph\.facebook\.com\/v26\.0\//);
    // Facebook Login tokens are exchanged, not refreshed (https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived).
    expect(adapter.capabilities.auth.refreshable).toBe(false);
  });

  it('uses the version it is given in every Graph path and gets the upload URI from the container', async () => {
    const recorder = recordingFetch();
    await h
      .adapter({ graphVersion: 'v25.0', fetch: recorder.fetch })
      .publish({ text: 'v25', media: [videoBytes(512)] }, h.context());

    const graph = recorder.requests.filter((request) => request.url.startsWith(ig.baseUrl));
    expect(graph.length).toBeGreaterThanOrEqual(5);
    for (const request of graph) expect(new URL(request.url).pathname).toMatch(/^\/v25\.0\//);
    const [upload] = ig.rupload.log.forRoute(RUPLOAD_ROUTE);
    expect(upload?.url).toMatch(/^https:\/\/rupload\.facebook\.com\/ig-api-upload\/v25\.0\/\d+$/);
  });

  it('falls back to rupload.facebook.com/ig-api-upload/<version>/<id> when the container answer has no uri', async () => {
    const { fetch } = recordingFetch({
      after: async (request, response) => {
        if (request.method !== 'POST' || !new URL(request.url).pathname.endsWith('/media')) return response;
        const { id } = (await response.json()) as { id: string };
        return Response.json({ id }, { status: response.status, headers: response.headers });
      },
    });
    const result = await h
      .adapter({ graphVersion: 'v25.0', fetch })
      .publish({ text: 'No uri', media: [videoBytes(256)] }, h.context());

    const containerId = String(ig.sim.posts.get(result.ref.platformPostId)?.extra.containerId);
    expect(ig.rupload.log.forRoute(RUPLOAD_ROUTE).map((entry) => entry.url)).toEqual([
      `https://rupload.facebook.com/ig-api-upload/v25.0/${containerId}`,
    ]);
  });

  it('talks to graph.instagram.com when host is "instagram" (Instagram Login tokens)', async () => {
    const adapter = createInstagramAdapter({ host: 'instagram', ...POLL });
    const result = await adapter.publish(
      { text: 'Via Instagram Login', media: [image()] },
      igLogin.context({}, igLogin.ana),
    );

    expect(igLogin.ig.sim.posts.get(result.ref.platformPostId)?.text).toBe('Via Instagram Login');
    expect(igLogin.ig.sim.log.entries.length).toBeGreaterThanOrEqual(5);
    expect(ig.sim.log.entries).toEqual([]);
    // Instagram Login tokens refresh themselves with ig_refresh_token (https://developers.facebook.com/docs/instagram-platform/reference/refresh_access_token).
    expect(adapter.capabilities.auth.refreshable).toBe(true);
  });

  it('sends everything to baseUrl when one is given, keeping the version', async () => {
    const recorder = recordingFetch();
    await createInstagramAdapter({
      baseUrl: 'https://graph.instagram.com/',
      fetch: recorder.fetch,
      ...POLL,
    }).publish({ text: 'Proxy', media: [image()] }, igLogin.context({}, igLogin.ana));
    for (const request of recorder.requests)
      expect(request.url).toMatch(/^https:\/\/graph\.instagram\.com\/v26\.0\/\d+/);
  });
});

describe('container polling', () => {
  it('checks about once a minute by default', async () => {
    await createInstagramAdapter().publish({ text: 'Reel', media: [video()] }, h.context());
    // The reel is IN_PROGRESS for 30 s: one check at once, one a minute later.
    expect(h.sleeps).toEqual([60_000]);
    expect(INSTAGRAM_DEFAULTS.containerPollIntervalMs).toBe(60_000);
    expect(INSTAGRAM_DEFAULTS.containerPollTimeoutMs).toBe(300_000);
  });

  it('gives up after containerPollTimeoutMs with a retryable media_processing_timeout, publishing nothing', async () => {
    const adapter = h.adapter({ containerPollIntervalMs: 5_000, containerPollTimeoutMs: 12_000 });
    const error = await failureOf(adapter.publish({ text: 'Slow', media: [video()] }, h.context()), ig);

    if (!MediaProcessingError.isInstance(error))
      throw new Error(`expected a MediaProcessingError, got ${error.code}`);
    expect(error.code).toBe('media_processing_timeout');
    expect(error.retryable).toBe(true);
    expect(error.mediaIndex).toBe(0);
    // Checks at 0, 5, 10 and 12 s: the last sleep is cut to the deadline.
    expect(h.sleeps).toEqual([5_000, 5_000, 2_000]);
    expect(h.clock.now()).toBe(START + 12_000);
    expect(h.requests(ROUTES.publish)).toHaveLength(0);
  });
});

describe('transport', () => {
  it('sends every Graph and upload request through the fetch it is given', async () => {
    const recorder = recordingFetch();
    await h
      .adapter({ fetch: recorder.fetch })
      .publish({ text: 'Mine', media: [image(), videoBytes(300)], firstComment: 'hi' }, h.context());

    const logged = [...ig.sim.log.entries, ...ig.rupload.log.entries].map(
      (entry) => `${entry.method} ${new URL(entry.url).origin}${new URL(entry.url).pathname}`,
    );
    expect(logged.length).toBeGreaterThanOrEqual(9);
    expect(paths(recorder.requests).sort()).toEqual(logged.sort());
  });

  it('abandons a request that takes longer than timeoutMs', async () => {
    ig.sim.faults.inject({ kind: 'accepted_then_timeout', route: ROUTES.quota });
    const error = await failureOf(
      h.adapter({ timeoutMs: 20 }).publish({ text: 'Hang', media: [image()] }, h.context()),
      ig,
    );
    expect(TransientError.isInstance(error)).toBe(true);
    expect(error.code).toBe('timeout');
    expect(h.requests(ROUTES.container)).toHaveLength(0);
  });
});

describe('tokens', () => {
  it("sends the context's token as a Bearer header to Graph and as OAuth to rupload, never in a URL", async () => {
    const recorder = recordingFetch();
    await h
      .adapter({ fetch: recorder.fetch })
      .publish({ text: 'Auth', media: [videoBytes(128)] }, h.context());

    expect(recorder.requests.length).toBeGreaterThanOrEqual(6);
    for (const request of recorder.requests) {
      // Meta's resumable-upload guide: `Authorization: OAuth <token>` on rupload.facebook.com.
      const scheme = request.url.startsWith('https://rupload.facebook.com/') ? 'OAuth' : 'Bearer';
      expect(request.headers.get('authorization')).toBe(`${scheme} ${ana.accessToken}`);
      expect(request.url).not.toContain(ana.accessToken);
    }
    expect(recorder.requests.filter((request) => request.url.startsWith('https://rupload.'))).toHaveLength(1);
  });

  it('asks the token provider again after Instagram rejects an expired token, and carries on', async () => {
    const stale = ig.sim.tokens.issue(ana.account.id).accessToken;
    ig.sim.tokens.expire(stale);
    const refreshed: string[] = [];
    let current = stale;
    const tokens: TokenProvider = {
      getAccessToken: async () => current,
      refresh: async (rejected) => {
        refreshed.push(rejected);
        current = ana.accessToken;
        return current;
      },
    };
    const result = await h.adapter().publish({ text: 'Fresh', media: [image()] }, h.context({ tokens }));

    expect(refreshed).toEqual([stale]);
    expect(ig.sim.posts.get(result.ref.platformPostId)?.text).toBe('Fresh');
  });
});

describe('checking settings', () => {
  it('refuses invalid settings with one ValidationError naming each', () => {
    let caught: unknown;
    try {
      createInstagramAdapter({
        // @ts-expect-error: a host the adapter does not know
        host: 'threads',
        graphVersion: '26',
        baseUrl: 'ftp://graph.facebook.com',
        containerPollIntervalMs: 0,
        containerPollTimeoutMs: 1.5,
        timeoutMs: -1,
        appSecret: ' ',
      });
    } catch (error) {
      caught = error;
    }
    if (!ValidationError.isInstance(caught)) throw new Error('expected a ValidationError');
    expect(caught.problems.map((problem) => [problem.path.join('.'), problem.rule])).toEqual([
      ['host', 'settings.host'],
      ['graphVersion', 'settings.graph_version'],
      ['baseUrl', 'settings.base_url'],
      ['containerPollIntervalMs', 'settings.positive_integer'],
      ['containerPollTimeoutMs', 'settings.positive_integer'],
      ['timeoutMs', 'settings.positive_integer'],
      ['appSecret', 'settings.non_empty'],
    ]);
    // The secret's value is never echoed back.
    expect(JSON.stringify(caught.problems)).not.toContain('"actual":" "');
  });
});
