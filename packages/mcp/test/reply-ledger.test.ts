import { describe, expect, it } from 'vitest';
import { ReplyLedger } from '../src/reply-ledger.js';
import type { ToolOutput } from '../src/tool-result.js';

const sent = (text: string): ToolOutput => ({ text, data: {} });

describe('inbox_reply idempotency ledger', () => {
  it('never forgets a key whose reply is still being sent, however many replies follow', async () => {
    const ledger = new ReplyLedger();
    let finish: (output: ToolOutput) => void = () => {};
    const slow = new Promise<ToolOutput>((resolve) => {
      finish = resolve;
    });
    const first = ledger.run('slow-key', 'reply A', () => slow);
    // More than the ledger keeps, each sent at once, while the first reply is still on its way.
    for (let index = 0; index < 1_500; index++) {
      await ledger.run(`key-${index}`, `reply ${index}`, async () => sent(`reply ${index}`));
    }

    let sentAgain = false;
    const retried = ledger.run('slow-key', 'reply A', async () => {
      sentAgain = true;
      return sent('reply A again');
    });
    finish(sent('reply A'));

    expect(sentAgain).toBe(false);
    expect((await retried).text).toBe(
      'Already answered under this idempotencyKey; nothing was sent again. reply A',
    );
    expect((await first).text).toBe('reply A');
  });
});
