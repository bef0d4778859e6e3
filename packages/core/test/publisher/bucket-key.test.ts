import { describe, expect, it } from 'vitest';
import type { Capabilities } from '../../src/adapter/capabilities.js';
import { operationBuckets, publishDemand } from '../../src/publisher/bucket-key.js';

const image = {
  kind: 'image',
  mimeType: 'image/png',
  source: { type: 'url', url: 'https://cdn.test/a.png' },
} as const;

/** Only `rateLimits` matters to publishDemand. */
const withOperations = (operations: Capabilities['rateLimits']['operations']): Capabilities =>
  ({ rateLimits: { headers: true, budgets: [], operations } }) as unknown as Capabilities;

describe('publishDemand', () => {
  it('books one create per thread part, one upload round per media item and the first comment', () => {
    const x = withOperations({
      publish: ['POST /2/tweets'],
      upload: ['POST /2/media/upload/initialize', 'POST /2/media/upload/:id/finalize'],
      reply: ['POST /2/tweets'],
    });
    const demand = publishDemand(x, {
      text: 'one',
      media: [image, image],
      thread: [{ text: 'two', media: [image] }, { text: 'three' }],
      firstComment: 'four',
    });
    expect(demand).toEqual([
      { bucket: 'POST /2/tweets', units: 4 },
      { bucket: 'POST /2/media/upload/initialize', units: 3 },
      { bucket: 'POST /2/media/upload/:id/finalize', units: 3 },
    ]);
  });

  it('names buckets after the operations when none are declared, and skips what the post does not use', () => {
    expect(publishDemand(withOperations(undefined), { text: 'plain' })).toEqual([
      { bucket: 'publish', units: 1 },
    ]);
  });
});

describe('operationBuckets', () => {
  it("gives hides their declared buckets, else reply's, else a bucket named reply", () => {
    const own = withOperations({ reply: ['POST /2/tweets'], hide: ['PUT /2/tweets/:id/hidden'] });
    expect(operationBuckets(own, 'hide')).toEqual(['PUT /2/tweets/:id/hidden']);
    expect(operationBuckets(withOperations({ reply: ['graph'] }), 'hide')).toEqual(['graph']);
    expect(operationBuckets(withOperations(undefined), 'hide')).toEqual(['reply']);
    expect(operationBuckets(withOperations(undefined), 'like')).toEqual(['like']);
  });
});
