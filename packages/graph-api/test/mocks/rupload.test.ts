import { manualClock, PlatformSimulator, type RunningSimulators, startSimulators } from '@smmkit/testkit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createGraphSimulator,
  GRAPH_USE_CASES,
  graphDialect,
  registerRupload,
} from '../../src/mocks/index.js';

const START = Date.parse('2026-11-22T12:00:00.000Z');
const RUPLOAD = 'https://rupload.facebook.com';
const clock = manualClock(START);
const graph = createGraphSimulator({
  platform: 'facebook',
  baseUrl: 'https://graph.facebook.com',
  useCase: GRAPH_USE_CASES.pages,
  clock,
});
const rupload = new PlatformSimulator({
  platform: 'rupload',
  baseUrl: RUPLOAD,
  dialect: graphDialect(clock),
});

/** A video being uploaded, as a platform's simulator keeps it. */
interface Video {
  readonly ownerId: string;
  upload: { received: number; fileSize: number | undefined } | undefined;
  hostedAt: string | undefined;
  arrivals: number[];
}
const videos = new Map<string, Video>();
registerRupload(rupload, {
  paths: ['/video-upload/:version/:videoId'],
  idParam: 'videoId',
  graph: graph.sim,
  find: (id, accountId) => {
    const video = videos.get(id);
    return video?.ownerId === accountId ? video : undefined;
  },
  hosted: (video, fileUrl) => {
    video.hostedAt = fileUrl;
  },
  arrived: (video, now) => {
    video.arrivals.push(now);
  },
  success: { success: true },
});

let running: RunningSimulators;
let ana: { account: { id: string }; accessToken: string };
beforeAll(() => {
  running = startSimulators(graph.sim, rupload);
});
afterAll(() => running.close());
beforeEach(() => {
  graph.sim.reset();
  rupload.reset();
  clock.set(START);
  videos.clear();
  ana = graph.sim.addAccountWithTokens({ handle: 'ana' });
  videos.set('v1', {
    ownerId: ana.account.id,
    upload: { received: 0, fileSize: undefined },
    hostedAt: undefined,
    arrivals: [],
  });
});

/** `POST /video-upload/v26.0/{id}` with the OAuth header, these headers and `size` bytes. */
function send(id: string, headers: Record<string, string>, size?: number, token = ana.accessToken) {
  return fetch(`${RUPLOAD}/video-upload/v26.0/${id}`, {
    method: 'POST',
    headers: { authorization: `OAuth ${token}`, ...headers },
    ...(size === undefined ? {} : { body: new Uint8Array(size) }),
  });
}

describe('registerRupload', () => {
  it('takes the bytes chunk by chunk from the offset received so far, and tells the platform each time', async () => {
    const first = await send('v1', { offset: '0', file_size: '10' }, 6);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ success: true });
    clock.advance(1_000);
    expect((await send('v1', { offset: '6', file_size: '10' }, 4)).status).toBe(200);
    expect(videos.get('v1')?.upload).toEqual({ received: 10, fileSize: 10 });
    expect(videos.get('v1')?.arrivals).toEqual([START, START + 1_000]);
  });

  it('refuses a chunk whose offset is not the bytes received so far, and one without file_size', async () => {
    await send('v1', { offset: '0', file_size: '10' }, 6);
    const skipped = await send('v1', { offset: '8', file_size: '10' }, 2);
    expect(skipped.status).toBe(400);
    expect(await skipped.json()).toEqual({
      debug_info: { retriable: false, type: 'ProcessingFailedError', message: 'Offset 8 does not match 6' },
    });
    const sizeless = await send('v1', { offset: '6' }, 4);
    expect(sizeless.status).toBe(400);
    expect(await sizeless.json()).toMatchObject({ debug_info: { type: 'BadRequestError' } });
    expect(videos.get('v1')?.upload?.received).toBe(6);
  });

  it('hands a file_url to the platform instead of reading bytes', async () => {
    expect((await send('v1', { file_url: 'https://cdn.example/v.mp4' })).status).toBe(200);
    expect(videos.get('v1')?.hostedAt).toBe('https://cdn.example/v.mp4');
    expect(videos.get('v1')?.upload?.received).toBe(0);
  });

  it('refuses a bad token, another account’s upload and one that takes no bytes', async () => {
    const badToken = await send('v1', { offset: '0', file_size: '1' }, 1, 'not-a-token');
    expect(badToken.status).toBe(401);
    expect(await badToken.json()).toMatchObject({ debug_info: { type: 'AuthError' } });
    const bo = graph.sim.addAccountWithTokens({ handle: 'bo' });
    const foreign = await send('v1', { offset: '0', file_size: '1' }, 1, bo.accessToken);
    expect(foreign.status).toBe(400);
    videos.set('v2', { ownerId: ana.account.id, upload: undefined, hostedAt: undefined, arrivals: [] });
    expect((await send('v2', { offset: '0', file_size: '1' }, 1)).status).toBe(400);
    expect(videos.get('v1')?.upload?.received).toBe(0);
  });
});
