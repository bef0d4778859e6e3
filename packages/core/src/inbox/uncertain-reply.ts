import { ValidationError } from '../errors/validation-error.js';
import type { InboxReplyOptions } from './inbox-api.js';
import type { InboxItem } from './inbox-item.js';

/**
 * Refuses a reply to an item whose last reply may be on the platform already (its answer was
 * lost), unless the caller says to send anyway: a second reply would otherwise reach the
 * customer twice. Nothing is sent when it throws.
 *
 * @param item - the item as stored
 * @param options - the reply's options (`despiteUncertainReply`)
 * @throws ValidationError (`inbox.reply_uncertain`) when the item holds an uncertain reply and
 *   `despiteUncertainReply` is not `true`
 */
export function refuseAfterUncertainReply(item: InboxItem, options: InboxReplyOptions): void {
  const earlier = item.uncertainReply;
  if (earlier === undefined || options.despiteUncertainReply === true) return;
  throw new ValidationError(
    [
      {
        path: ['uncertainReply'],
        rule: 'inbox.reply_uncertain',
        message: `an earlier reply to this ${item.platform} engagement ("${earlier.text.slice(0, 80)}"), sent at ${earlier.at.toISOString()}, got no answer from the platform: it may be on ${item.platform} already`,
      },
    ],
    'inbox reply',
    {
      platform: item.platform,
      hint: `Nothing was sent. Look at the replies to engagement "${item.id.slice(0, 80)}" on ${item.platform}; if the earlier reply is not there, reply anyway with inbox.reply(item, text, { despiteUncertainReply: true }).`,
    },
  );
}
