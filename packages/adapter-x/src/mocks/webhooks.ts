import { hmacSha256, toBase64 } from '@smmkit/core/adapter-kit';

/**
 * The `x-twitter-webhooks-signature` header X puts on every Account Activity delivery:
 * `sha256=` + base64(HMAC-SHA256(consumer secret, raw body)) (https://docs.x.com/x-api/webhooks/quickstart).
 *
 * @example
 * ```ts
 * const body = JSON.stringify(xAccountActivityEvent.tweetCreate({ forUserId: ana.id, tweet }));
 * const headers = { 'x-twitter-webhooks-signature': await signXWebhook(consumerSecret, body) };
 * ```
 */
export async function signXWebhook(consumerSecret: string, rawBody: string | Uint8Array): Promise<string> {
  return `sha256=${toBase64(await hmacSha256(consumerSecret, rawBody))}`;
}

/** The body of a CRC answer. */
export interface XCrcResponse {
  /** `sha256=` + base64(HMAC-SHA256(consumer secret, crc_token)). */
  readonly response_token: string;
}

/**
 * The answer X expects to a CRC check `GET ?crc_token=…`:
 * `{"response_token":"sha256=" + base64(HMAC-SHA256(consumer secret, crc_token))}`
 * (https://docs.x.com/x-api/webhooks/quickstart).
 */
export async function xCrcResponse(consumerSecret: string, crcToken: string): Promise<XCrcResponse> {
  return { response_token: await signXWebhook(consumerSecret, crcToken) };
}

/** A user as Account Activity events describe it (v1.1 user object, the fields adapters read). */
export interface ActivityUser {
  /** User id. */
  readonly id: string;
  /** `@` handle without the `@`. */
  readonly username: string;
  /** Display name (defaults to the username). */
  readonly name?: string | undefined;
}

/** The post a reply answers. */
export interface ActivityReplyTarget {
  /** Its id. */
  readonly id: string;
  /** Its author. */
  readonly user: ActivityUser;
}

/** A post for {@link XAccountActivityBuilders.tweetCreate}. */
export interface ActivityTweet {
  /** Post id. */
  readonly id: string;
  /** Text. */
  readonly text: string;
  /** Author. */
  readonly author: ActivityUser;
  /** When it was posted (epoch ms). */
  readonly createdAt: number;
  /** The post it replies to, and that post's author. */
  readonly inReplyTo?: ActivityReplyTarget | undefined;
  /**
   * Users the text mentions (`@name`) besides the author and the replied-to user, so their
   * `user_mentions` entries carry `id_str` as X's do (v1.1 entities: id, id_str, screen_name, name).
   */
  readonly mentions?: readonly ActivityUser[] | undefined;
}

/** A direct message for {@link XAccountActivityBuilders.directMessage}. */
export interface ActivityDirectMessage {
  /** DM event id. */
  readonly id: string;
  /** Text. */
  readonly text: string;
  /** Who sent it. */
  readonly sender: ActivityUser;
  /** Who received it. */
  readonly recipient: ActivityUser;
  /** When it was sent (epoch ms). */
  readonly createdAt: number;
}

/** Builders of Account Activity payloads (see {@link xAccountActivityEvent}). */
export interface XAccountActivityBuilders {
  /** `{"for_user_id", "tweet_create_events":[v1.1 Tweet]}`: a post by, mentioning or replying to the user. */
  tweetCreate(input: { readonly forUserId: string; readonly tweet: ActivityTweet }): Record<string, unknown>;
  /** `{"for_user_id", "direct_message_events":[message_create], "users":{…}}`: a DM sent or received. */
  directMessage(input: {
    readonly forUserId: string;
    readonly message: ActivityDirectMessage;
  }): Record<string, unknown>;
}

/**
 * Account Activity API webhook payloads (developer.x.com "Account Activity data objects"): every
 * delivery names the subscribed user in `for_user_id` and carries one array of events.
 * `tweet_create_events` hold v1.1 Tweet objects (created_at like `Wed Oct 10 20:19:24 +0000 2018`,
 * `id` as a number and `id_str` as a string — JSON numbers lose precision on 64-bit ids, so
 * adapters must read `id_str`) in compatibility mode, a post over 140 characters cut short with its
 * whole in `extended_tweet` (see {@link ActivityTweet}); `direct_message_events` hold `message_create` events
 * (developer.x.com "Message Create Object") next to a `users` map by id.
 *
 * @example
 * ```ts
 * const payload = xAccountActivityEvent.directMessage({ forUserId: ana.id, message });
 * await fetch(webhookUrl, { method: 'POST', body: JSON.stringify(payload) });
 * ```
 */
export const xAccountActivityEvent: XAccountActivityBuilders = {
  tweetCreate: ({ forUserId, tweet }) => ({
    for_user_id: forUserId,
    tweet_create_events: [
      {
        created_at: v1Date(tweet.createdAt),
        id: Number(tweet.id),
        id_str: tweet.id,
        ...compatibleText(tweet),
        in_reply_to_status_id: tweet.inReplyTo === undefined ? null : Number(tweet.inReplyTo.id),
        in_reply_to_status_id_str: tweet.inReplyTo?.id ?? null,
        in_reply_to_user_id: tweet.inReplyTo === undefined ? null : Number(tweet.inReplyTo.user.id),
        in_reply_to_user_id_str: tweet.inReplyTo?.user.id ?? null,
        in_reply_to_screen_name: tweet.inReplyTo?.user.username ?? null,
        user: v1User(tweet.author),
        is_quote_status: false,
        timestamp_ms: String(tweet.createdAt),
      },
    ],
  }),
  directMessage: ({ forUserId, message }) => ({
    for_user_id: forUserId,
    direct_message_events: [
      {
        type: 'message_create',
        id: message.id,
        created_timestamp: String(message.createdAt),
        message_create: {
          target: { recipient_id: message.recipient.id },
          sender_id: message.sender.id,
          message_data: {
            text: message.text,
            entities: { hashtags: [], symbols: [], user_mentions: [], urls: [] },
          },
        },
      },
    ],
    users: {
      [message.sender.id]: dmUser(message.sender, message.createdAt),
      [message.recipient.id]: dmUser(message.recipient, message.createdAt),
    },
  }),
};

/** v1.1 `created_at`: `Wed Oct 10 20:19:24 +0000 2018`. */
function v1Date(ms: number): string {
  const [weekday = '', day = '', month = '', year = '', time = ''] = new Date(ms)
    .toUTCString()
    .replace(',', '')
    .split(' ');
  return `${weekday} ${month} ${day} ${time} +0000 ${year}`;
}

function v1User(user: ActivityUser): Record<string, unknown> {
  return {
    id: Number(user.id),
    id_str: user.id,
    name: user.name ?? user.username,
    screen_name: user.username,
  };
}

function dmUser(user: ActivityUser, at: number): Record<string, unknown> {
  return {
    id: user.id,
    created_timestamp: String(at),
    name: user.name ?? user.username,
    screen_name: user.username,
  };
}

/**
 * Posts reach webhooks in compatibility mode (https://developer.x.com/en/docs/tweets/tweet-updates:
 * "Compatibility with additional extended_tweet in payload", the default of premium, enterprise and
 * streaming APIs): a text of more than 140 characters is "truncated to 140", `truncated` is true, and
 * "any entities only include those in the available 140 text range"; `extended_tweet` holds
 * `full_text`, `display_text_range` and every entity. As in the doc's samples, the cut text is the
 * start, `…`, a space and a 23-character t.co link to the post.
 */
const COMPATIBLE_TEXT_LENGTH = 140;
/** The t.co link that ends a cut text (every link counts 23: https://docs.x.com/fundamentals/counting-characters). */
const SHORT_LINK_LENGTH = 23;
/** The characters of the start kept in a cut text: 140 less `…`, a space and the link. */
const KEPT_LENGTH = COMPATIBLE_TEXT_LENGTH - 2 - SHORT_LINK_LENGTH;

/** `text`, `truncated`, `entities` and, for a post over 140 characters, `extended_tweet`, in compatibility mode. */
function compatibleText(tweet: ActivityTweet): Record<string, unknown> {
  const mentions = mentionsIn(tweet);
  const entities = { hashtags: [], urls: [], user_mentions: mentions, symbols: [] };
  const codePoints = [...tweet.text];
  if (codePoints.length <= COMPATIBLE_TEXT_LENGTH) return { text: tweet.text, truncated: false, entities };
  const start = codePoints.slice(0, KEPT_LENGTH).join('');
  // ASSUMED: a t.co code made of the post id's last 10 digits (real codes are random).
  const link = `https://t.co/${tweet.id.slice(-10).padStart(10, '0')}`;
  const permalink = {
    url: link,
    expanded_url: `https://twitter.com/i/web/status/${tweet.id}`,
    display_url: `twitter.com/i/web/status/${tweet.id.slice(0, 7)}…`,
    indices: [KEPT_LENGTH + 2, COMPATIBLE_TEXT_LENGTH],
  };
  return {
    text: `${start}… ${link}`,
    truncated: true,
    entities: {
      ...entities,
      urls: [permalink],
      user_mentions: mentions.filter((mention) => mention.indices[1] <= start.length),
    },
    extended_tweet: { full_text: tweet.text, display_text_range: [0, codePoints.length], entities },
  };
}

/** A `user_mentions` entry: who, and where in the text (`indices`: start and end). */
interface ActivityMention {
  readonly screen_name: string;
  readonly name?: string;
  readonly id?: number;
  readonly id_str?: string;
  readonly indices: readonly [number, number];
}

/** `user_mentions` of a post: every `@name` in the text, with the user's ids and name when known. */
function mentionsIn(tweet: ActivityTweet): ActivityMention[] {
  const known = [
    tweet.author,
    ...(tweet.inReplyTo === undefined ? [] : [tweet.inReplyTo.user]),
    ...(tweet.mentions ?? []),
  ];
  return [...tweet.text.matchAll(/@(\w{1,15})/g)].map((match) => {
    const screenName = match[1] ?? '';
    const user = known.find((candidate) => candidate.username.toLowerCase() === screenName.toLowerCase());
    return {
      screen_name: screenName,
      ...(user === undefined
        ? {}
        : { name: user.name ?? user.username, id: Number(user.id), id_str: user.id }),
      indices: [match.index, match.index + match[0].length] as const,
    };
  });
}
