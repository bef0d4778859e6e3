import { describe, expect, it, vi } from 'vitest';
import { publishFollowUps } from '../../src/adapter/publish-follow-ups.js';
import { AmbiguousOutcomeError } from '../../src/errors/ambiguous-outcome-error.js';
import { PlatformError } from '../../src/errors/platform-error.js';

const thread = [{ text: 'two' }, { text: 'three' }, { text: 'four' }];

describe('publishFollowUps', () => {
  it('chains thread parts, each replying to the previous, then comments on the first post', async () => {
    const replies: string[] = [];
    const result = await publishFollowUps({
      firstId: 'p1',
      thread,
      firstComment: 'comment',
      createThreadPart: async (part, index, previousId, label) => {
        replies.push(`${part.text}→${previousId} (${label})`);
        return `p${index + 2}`;
      },
      createFirstComment: async (text, firstId) => `${text}@${firstId}`,
    });
    expect(replies).toEqual(['two→p1 (2 of 4)', 'three→p2 (3 of 4)', 'four→p3 (4 of 4)']);
    expect(result).toEqual({ threadIds: ['p2', 'p3', 'p4'], firstCommentId: 'comment@p1', warnings: [] });
  });

  it('stops the thread at a failed part with a warning, and still posts the first comment', async () => {
    const createThreadPart = vi.fn(async (_part: unknown, index: number) => {
      if (index === 1)
        throw new PlatformError('platform_refused', 'refused', { platformError: { code: 187 } });
      return `p${index + 2}`;
    });
    const result = await publishFollowUps({
      firstId: 'p1',
      thread,
      firstComment: 'comment',
      createThreadPart,
      createFirstComment: async () => 'c1',
    });
    expect(createThreadPart).toHaveBeenCalledTimes(2);
    expect(result.threadIds).toEqual(['p2']);
    expect(result.firstCommentId).toBe('c1');
    expect(result.warnings).toEqual([
      {
        code: 'thread_incomplete',
        message: 'Thread part 3 of 4 and any after it were not published: refused',
        platformCode: 187,
      },
    ]);
  });

  it('says a part or comment whose answer was lost may exist', async () => {
    const lost = new AmbiguousOutcomeError('timed out', { operation: 'create' });
    const result = await publishFollowUps({
      firstId: 'p1',
      thread: [{ text: 'two' }],
      firstComment: 'comment',
      createThreadPart: async () => Promise.reject(lost),
      createFirstComment: async () => Promise.reject(lost),
    });
    expect(result.warnings.map((w) => w.code)).toEqual(['thread_part_unknown', 'first_comment_unknown']);
    expect(result.firstCommentId).toBeUndefined();
  });
});
