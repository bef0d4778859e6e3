import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors/validation-error.js';
import { ENGAGEMENT_KINDS } from '../../src/models/engagement.js';
import { parseEngagement } from '../../src/parse/parse-models.js';

describe('parseEngagement', () => {
  it('parses a comment with its post, author and raw payload', () => {
    const raw = { id: '17890000000000000', text: 'Love it!', from: { id: '1' } };
    const engagement = parseEngagement({
      platform: 'instagram',
      accountId: '17841400000000000',
      id: '17890000000000000',
      kind: 'comment',
      postRef: { platform: 'instagram', accountId: '17841400000000000', platformPostId: '17900000000000000' },
      author: { id: '1', handle: 'fan' },
      text: 'Love it!',
      createdAt: '2026-05-01T09:05:00Z',
      raw,
    });
    expect(engagement.createdAt).toEqual(new Date('2026-05-01T09:05:00Z'));
    expect(engagement.raw).toBe(raw);
    expect(engagement.author).toEqual({ id: '1', handle: 'fan' });
  });

  it('accepts a reaction with empty text', () => {
    const reaction = parseEngagement({
      platform: 'linkedin',
      accountId: 'urn:li:organization:1',
      id: 'r1',
      kind: 'reaction',
      reaction: 'PRAISE',
      author: { id: 'urn:li:person:2' },
      text: '',
      createdAt: new Date('2026-05-01T10:00:00Z'),
      raw: {},
    });
    expect(reaction.reaction).toBe('PRAISE');
    expect(ENGAGEMENT_KINDS).toContain(reaction.kind);
  });

  it('rejects an unknown kind, a missing author and a missing raw payload', () => {
    try {
      parseEngagement({
        platform: 'x',
        accountId: '1',
        id: '2',
        kind: 'like',
        text: '',
        createdAt: '2026-05-01T10:00:00Z',
      });
      expect.unreachable();
    } catch (error) {
      expect(ValidationError.isInstance(error)).toBe(true);
      if (ValidationError.isInstance(error)) {
        expect(error.problems.map((p) => `${p.path.join('.')}: ${p.message}`)).toEqual([
          'kind: must be one of: comment, reply, mention, direct_message, reaction',
          'author: is required (expected an object)',
          'raw: is required',
        ]);
      }
    }
  });
});
