// Texts for checking countXText against twitter-text's parseTweet: every kind of character and
// entity X's counting treats differently (https://docs.x.com/fundamentals/counting-characters),
// mixed at random from a fixed seed so that a failure reproduces.

import { seededRandom } from '@smmkit/testkit';

/** One generated text, and the text twitter-text must count the same (see `reference`). */
export interface CorpusText {
  readonly text: string;
  /**
   * `text` with every emoji that Unicode recommends (RGI) but twitter-text 3.1.0's emoji data
   * (twemoji-parser 11, Emoji 11.0, 2018) lacks replaced by 😀, also inside a longer join: X
   * documents every emoji as 2 "regardless of complexity", which countXText follows with the
   * runtime's Unicode data, while twitter-text counts such a sequence code point by code point.
   * Equal to `text` where the text has no such emoji.
   */
  readonly reference: string;
}

const cp = (...points: number[]): string => String.fromCodePoint(...points);
const ZWJ = '\u200d';
const VS16 = '\ufe0f';
const TONES = [0x1f3fb, 0x1f3fc, 0x1f3fd, 0x1f3fe, 0x1f3ff].map((point) => cp(point));

const LATIN_WORDS = [
  'hello',
  'world',
  'Launch',
  'today',
  'new',
  'post',
  'a',
  'I',
  'the',
  'spring',
  'LINEN',
  'ok',
];
const ACCENTED = ['café', 'naïve', 'Zürich', 'São', 'façade', 'crème', 'Ångström', 'ĳ', 'Ɓ', 'ẞ', 'ễ', 'ǅ'];
const DECOMPOSED = ['cafe\u0301', 'n\u0303o', 'A\u030a', 'u\u0308ber', 'e\u0301\u0301', 'ᄀ\u1161\u11a8'];
const CJK = [
  '你好',
  '世界',
  '日本語',
  'ひらがな',
  'カタカナ',
  '한국어',
  '中文',
  '漢字',
  '。',
  '、',
  '！',
  '「引用」',
];
const OTHER_SCRIPTS = ['Привет', 'مرحبا', 'שלום', 'नमस्ते', 'ไทย', 'Γειά', 'ሰላም', 'ᏣᎳᎩ', 'ꯃꯤ', '𝒳', '𝟘', '𐍈'];
const PUNCTUATION = [
  '.',
  ',',
  '!',
  '?',
  ':',
  ';',
  '-',
  '_',
  '/',
  '(',
  ')',
  '[',
  ']',
  '"',
  "'",
  '…',
  '–',
  '—',
  '‘',
  '’',
  '“',
  '”',
  '‰',
  '′',
  '″',
  '‹',
  '›',
  '•',
  '\u200b',
  '\u200d',
  '\u200e',
  '\u2028',
  '\u3000',
  '\u00a0',
  '$',
  '%',
  '&',
  '*',
];
/** Code points either side of the weight boundaries (4351/4352, 8191/8192, 8205/8206, 8207/8208 …). */
const BOUNDARIES = [
  4350, 4351, 4352, 8191, 8192, 8205, 8206, 8207, 8208, 8223, 8224, 8241, 8242, 8247, 8248,
].map((point) => cp(point));
const SINGLE_EMOJI = [
  '😀',
  '😂',
  '🥲',
  '🫠',
  '🫨',
  '🪿',
  '🐦',
  '🔥',
  '✨',
  '❤',
  `❤${VS16}`,
  '☀',
  `☀${VS16}`,
  '✔',
  `✔${VS16}`,
  '©',
  `©${VS16}`,
  '®',
  `®${VS16}`,
  '™',
  `™${VS16}`,
  '‼',
  `‼${VS16}`,
  '↔',
  `↔${VS16}`,
  '⌚',
  '⭐',
  '〰',
  '🅰',
  `🅰${VS16}`,
  '🈁',
  '🀄',
  '🃏',
  '🆗',
  '🌍',
  '🏳',
  `🏳${VS16}`,
  '👁',
  `👁${VS16}`,
  VS16,
  '\ue50a',
];
const TONE_BASES = [
  '👍',
  '👋',
  '✌',
  '☝',
  '🧑',
  '👩',
  '👨',
  '🙋',
  '🏃',
  '🤝',
  '🫱',
  '🫲',
  '👶',
  '💪',
  '🦵',
  '🧔',
  '🫃',
];
const ZWJ_SEQUENCES = [
  '👨‍👩‍👧‍👦',
  '👩‍❤️‍👨',
  '👩‍❤️‍💋‍👩',
  '👩‍💻',
  '👨‍🚀',
  '🧑‍🚀',
  '🧑‍💻',
  '🏳️‍🌈',
  '🏳️‍⚧️',
  '🏴‍☠️',
  '❤️‍🔥',
  '❤️‍🩹',
  '😮‍💨',
  '😵‍💫',
  '😶‍🌫️',
  '🐻‍❄️',
  '🐈‍⬛',
  '🐦‍⬛',
  '🐦‍🔥',
  '🍋‍🟩',
  '🍄‍🟫',
  '🧑‍🤝‍🧑',
  '👁️‍🗨️',
  '🙋‍♀️',
  '🏃‍♂️',
  '🏃‍♂️‍➡️',
  '🧑‍🧑‍🧒',
  '🧔‍♀️',
  '👩‍🦰',
  '🧑‍🦯',
  '⛓️‍💥',
  '🙂‍↔️',
  '🕵️‍♀️',
  '🏌️‍♂️',
  '👯‍♀️',
  '🧜‍♂️',
];
const FLAGS = ['🇫🇷', '🇩🇪', '🇯🇵', '🇺🇸', '🇺🇳', '🇪🇺', '🇦🇶', '🇨🇶', '🇸🇯', '🏴󠁧󠁢󠁥󠁮󠁧󠁿', '🏴󠁧󠁢󠁳󠁣󠁴󠁿', '🏴󠁧󠁢󠁷󠁬󠁳󠁿'];
const KEYCAP_BASES = ['#', '*', '0', '1', '7', '9'];
const SCHEMES = ['http://', 'https://', 'HTTPS://', 'Http://', '', '', '', 'ftp://', 'https:/', 'www.'];
const LABELS = [
  'example',
  'x',
  'www',
  'a-b',
  'news',
  'smmkit',
  'sub.domain',
  'münchen',
  '例え',
  'xn--bcher-kva',
  'a_b',
  'co',
  '1',
];
const TLDS = [
  'com',
  'org',
  'co',
  'io',
  'jp',
  'de',
  'uk',
  'app',
  'dev',
  'museum',
  'travel',
  'onion',
  'xyz',
  'zip',
  'みんな',
  'рус',
  '中国',
  'xn--p1ai',
  'txt',
  'js',
  'local',
  'comm',
  'c',
  'COM',
  'Com',
  'co.uk',
  'com.br',
  'test',
  'q',
];
const PATHS = [
  '',
  '',
  '/',
  '/path',
  '/a/b/c',
  '/wiki/Primer_(film)',
  '/track/We_Up_(Album_Version_(Edited))/',
  '/@user/',
  '/x.',
  '/x,',
  '/x!',
  '/x?',
  '/caf\u00e9',
  '/путь',
  '/a-b_c~d',
  '/index.html#frag',
  '/%20x',
  '/a)',
  '/(a',
  '/a–b',
  '/日本',
];
const QUERIES = ['', '', '?q=1', '?a=1&b=2', '?x', '?x=', '?x=1.', '?s=(a)', "?q='a'"];
const PRECEDING = [' ', '', '', '(', '"', '-', '_', '.', '/', '@', '$', '#', 'a', '日', '\u200e', '＠', ':'];

/**
 * `count` texts from `seed`: words in Latin (some accented, some decomposed), CJK and other
 * scripts, punctuation and the weight boundaries, emoji (single, with skin tones, ZWJ sequences,
 * flags, keycaps, random joins), URLs (with and without scheme, t.co, ports, paths with parentheses
 * and trailing punctuation, queries, IDN and unknown TLDs, after every kind of preceding character),
 * mentions, hashtags and cashtags, joined by spaces, newlines or nothing.
 *
 * @param referenceOf - a generated text as twitter-text must see it to count it as X documents (see `reference`)
 */
export function xTextCorpus(
  count: number,
  seed: number,
  referenceOf: (emoji: string) => string,
): CorpusText[] {
  const next = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const emoji = (): string => {
    switch (Math.floor(next() * 7)) {
      case 0:
        return pick(SINGLE_EMOJI);
      case 1:
        return pick(TONE_BASES) + (next() < 0.8 ? pick(TONES) : '');
      case 2: {
        // Sometimes without its variation selectors, as some keyboards send them.
        const sequence = pick(ZWJ_SEQUENCES);
        return next() < 0.25 ? sequence.replaceAll(VS16, '') : sequence;
      }
      case 3:
        return pick(FLAGS);
      case 4: {
        // Any two regional indicators, a real country or not; sometimes a lone one.
        const letter = (): string => cp(0x1f1e6 + Math.floor(next() * 26));
        return next() < 0.85 ? letter() + letter() : letter();
      }
      case 5:
        return `${pick(KEYCAP_BASES)}${next() < 0.7 ? VS16 : ''}\u20e3`;
      default: {
        // Emoji joined at random: mostly not a recommended sequence.
        const parts = Math.floor(next() * 3) + 2;
        return Array.from({ length: parts }, () => pick([...SINGLE_EMOJI.slice(0, 20), ...TONE_BASES])).join(
          ZWJ,
        );
      }
    }
  };
  const url = (): string => {
    const scheme = pick(SCHEMES);
    if (next() < 0.08) {
      const slug = 'a1B2c3D4e5'.repeat(Math.floor(next() * 6)).slice(0, Math.floor(next() * 50) + 1);
      return `${scheme}t.co/${slug}${pick(QUERIES)}${pick(PATHS)}`;
    }
    if (next() < 0.03) return `${scheme}${'例'.repeat(Math.floor(next() * 40) + 10)}.com${pick(PATHS)}`;
    const labels = Array.from({ length: Math.floor(next() * 3) + 1 }, () => pick(LABELS)).join('.');
    const port = next() < 0.1 ? `:${Math.floor(next() * 70000)}` : '';
    return `${pick(PRECEDING)}${scheme}${labels}.${pick(TLDS)}${port}${pick(PATHS)}${pick(QUERIES)}`;
  };
  const token = (): string => {
    const kind = next();
    return kind < 0.25
      ? emoji()
      : kind < 0.5
        ? url()
        : kind < 0.58
          ? `${pick(['@', '＠', '#', '＃', '$'])}${pick([...LATIN_WORDS, ...ACCENTED, ...CJK])}${next() < 0.3 ? '_1' : ''}`
          : kind < 0.7
            ? pick(LATIN_WORDS)
            : kind < 0.76
              ? pick(ACCENTED)
              : kind < 0.8
                ? pick(DECOMPOSED)
                : kind < 0.87
                  ? pick(CJK)
                  : kind < 0.91
                    ? pick(OTHER_SCRIPTS)
                    : kind < 0.97
                      ? pick(PUNCTUATION)
                      : pick(BOUNDARIES);
  };
  const texts: CorpusText[] = [];
  for (let index = 0; index < count; index += 1) {
    let text = '';
    const tokens = Math.floor(next() * 12) + 1;
    for (let at = 0; at < tokens; at += 1)
      text += (at === 0 ? '' : pick([' ', ' ', ' ', '\n', '', '  '])) + token();
    // Over the whole text: an emoji can form across two tokens (⚧ then a lone U+FE0F is ⚧️).
    texts.push({ text, reference: referenceOf(text) });
  }
  return texts;
}
