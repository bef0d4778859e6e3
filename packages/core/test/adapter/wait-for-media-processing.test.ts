import { describe, expect, it } from 'vitest';
import type { PublishProgress } from '../../src/adapter/context.js';
import { waitForMediaProcessing } from '../../src/adapter/wait-for-media-processing.js';
import { MediaProcessingError } from '../../src/errors/media-processing-error.js';
import type { Clock } from '../../src/time/clock.js';

const account = { platform: 'acme', accountId: 'a1' };
const tokens = { getAccessToken: async () => 'token' };

function fakeClock(): Clock & { readonly waits: number[] } {
  let now = 0;
  const waits: number[] = [];
  return {
    waits,
    now: () => now,
    sleep: async (ms) => {
      waits.push(ms);
      now += ms;
    },
  };
}

const wait = { platform: 'acme', platformName: 'Acme', mediaIndex: 1, media: 'asset 42' };

describe('waitForMediaProcessing', () => {
  it('checks until ready, reporting processing progress with the platform percentage after each check that is not', async () => {
    const clock = fakeClock();
    const progress: PublishProgress[] = [];
    const percents = [10, undefined];
    await waitForMediaProcessing(
      { account, tokens, clock, onProgress: (event) => progress.push(event) },
      {
        ...wait,
        intervalMs: 500,
        timeoutMs: 10_000,
        check: async (attempt) => attempt === 2,
        percent: () => percents.shift(),
      },
    );
    expect(progress).toEqual([
      { stage: 'processing', mediaIndex: 1, percent: 10 },
      { stage: 'processing', mediaIndex: 1 },
    ]);
    expect(clock.waits).toEqual([500, 500]);
  });

  it('gives up after the timeout with a media_processing_timeout naming the platform and the item', async () => {
    const clock = fakeClock();
    const error = await waitForMediaProcessing(
      { account, tokens, clock },
      { ...wait, intervalMs: 1000, timeoutMs: 2500, check: async () => false },
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MediaProcessingError);
    const timeout = error as MediaProcessingError;
    expect(timeout.code).toBe('media_processing_timeout');
    expect(timeout.platform).toBe('acme');
    expect(timeout.mediaIndex).toBe(1);
    expect(timeout.message).toBe('Acme was still processing media 1 (asset 42) after 2500 ms.');
    expect(clock.waits).toEqual([1000, 1000, 500]);
  });

  it('stops with what the check throws, without reporting progress', async () => {
    const failed = new MediaProcessingError('media_processing_failed', 'Acme could not process it', {
      platform: 'acme',
    });
    const progress: PublishProgress[] = [];
    await expect(
      waitForMediaProcessing(
        { account, tokens, clock: fakeClock(), onProgress: (event) => progress.push(event) },
        {
          ...wait,
          intervalMs: 1000,
          timeoutMs: 5000,
          check: async () => {
            throw failed;
          },
        },
      ),
    ).rejects.toBe(failed);
    expect(progress).toEqual([]);
  });
});
