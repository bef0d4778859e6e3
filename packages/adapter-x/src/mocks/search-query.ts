import type { SimulatedPost } from '@smmkit/testkit';
import { containsPhrase, containsWords, foldText as fold } from '@smmkit/testkit/simulator-kit';
import twitterText from 'twitter-text';
import { tweetExtra, type XContext } from './context.js';
import { invalidParameter } from './problems.js';

/**
 * A small, honest subset of recent search's query language
 * (https://docs.x.com/x-api/posts/search/integrate/build-a-query,
 * https://docs.x.com/x-api/posts/search/integrate/operators), case- and accent-insensitive as X's:
 *
 * - keywords (a tokenized match: the post's text split at punctuation, symbols and spaces),
 *   `"exact phrases"`, `#hashtags` (exact, as twitter-text extracts them), `@mentions`;
 * - `from:` and `to:` (a username or a numeric user id), `conversation_id:` (the replies, not the
 *   root), `is:reply`, and `is:retweet` (the simulator has no reposts: it matches nothing);
 * - a space is AND, `OR` joins alternatives with AND binding first, parentheses group, `-` negates.
 *
 * X's rules are kept: every clause needs a positive standalone term ("Rules must contain a
 * non-negation term", "… at least one positive, non-stopword clause", PowerTrack's words for the
 * same validator, quoted in clients' fixtures), `is:` operators need another, groups are not
 * negated, a bare `and`/`or` is ambiguous. Anything else is refused as not simulated.
 */

interface Token {
  readonly kind: 'open' | 'close' | 'or' | 'term' | 'phrase';
  readonly text: string;
  /** 1-based, as X reports positions. */
  readonly position: number;
  readonly negated: boolean;
}

interface Node {
  readonly matches: (post: SimulatedPost) => boolean;
  /** Has a standalone term that is not negated, so the clause may stand alone. */
  readonly standalone: boolean;
  /** Has a term that is not negated (possibly one that needs a conjunction). */
  readonly positive: boolean;
}

/** Why a query is refused: X's "There were errors processing your request: … (at position N)". */
class QueryError extends Error {}

const OPERATOR = /^([a-z_]+):(.*)$/s;

/**
 * Compiles a recent-search query into a predicate over stored posts; throws X's 400 for a query X
 * refuses (`query` and the message).
 *
 * @example
 * ```ts
 * posts.filter(compileSearchQuery(context, '(acme OR #acme) -from:2244994945 -is:retweet'));
 * ```
 */
export function compileSearchQuery(context: XContext, query: string): (post: SimulatedPost) => boolean {
  try {
    const tokens = lex(query);
    const parser = { tokens, index: 0 };
    const node = parseAlternatives(context, parser);
    const extra = tokens[parser.index];
    if (extra !== undefined) throw positioned('Unexpected closing parenthesis', extra.position);
    return node.matches;
  } catch (error) {
    if (error instanceof QueryError) throw invalidParameter('query', query, error.message);
    throw error;
  }
}

function positioned(reason: string, position: number): QueryError {
  return new QueryError(`There were errors processing your request: ${reason} (at position ${position})`);
}

/**
 * One token: an optional `-`, then a parenthesis, a `"phrase"` (the closing quote captured apart, to
 * refuse a missing one) or a run of anything else; empty between tokens, at whitespace.
 */
const TOKEN = /(-?)(?:([()])|"([^"]*)("?)|([^\s()"]*))/g;

function lex(query: string): Token[] {
  const tokens: Token[] = [];
  for (const match of query.matchAll(TOKEN)) {
    const [all, minus, paren, phrase, closed, word] = match;
    if (all === '') continue;
    const at = { position: match.index + 1, negated: minus === '-' };
    if (paren !== undefined) {
      if (at.negated) throw positioned('Grouped operators cannot be negated', at.position);
      tokens.push({ kind: paren === '(' ? 'open' : 'close', text: paren, ...at });
    } else if (phrase !== undefined) {
      if (closed === '') throw positioned('Missing closing quote', at.position);
      tokens.push({ kind: 'phrase', text: phrase, ...at });
    } else if (!word) throw positioned('Negation must be followed by a term', at.position);
    else if (word === 'OR' && !at.negated) tokens.push({ kind: 'or', text: word, ...at });
    else if (/^(and|or)$/i.test(word))
      throw positioned(
        `Ambiguous use of ${word.toLowerCase()} as a keyword. Use a space to logically join two clauses, or "${word.toLowerCase()}" to find occurrences of ${word.toLowerCase()} in text`,
        at.position,
      );
    else tokens.push({ kind: 'term', text: word, ...at });
  }
  if (tokens.length === 0) throw positioned('Rules must contain a non-negation term', 1);
  return tokens;
}

interface Parser {
  readonly tokens: readonly Token[];
  index: number;
}

/** `clause OR clause OR …`; every clause must be able to stand alone. */
function parseAlternatives(context: XContext, parser: Parser): Node {
  const clauses = [parseClause(context, parser)];
  while (parser.tokens[parser.index]?.kind === 'or') {
    parser.index += 1;
    clauses.push(parseClause(context, parser));
  }
  return group((post) => clauses.some((clause) => clause.matches(post)));
}

/** Terms joined by spaces (AND), up to `OR`, `)` or the end. */
function parseClause(context: XContext, parser: Parser): Node {
  const at = parser.tokens[parser.index]?.position ?? 1;
  const items: Node[] = [];
  for (;;) {
    const token = parser.tokens[parser.index];
    if (token === undefined || token.kind === 'or' || token.kind === 'close') break;
    parser.index += 1;
    if (token.kind === 'open') {
      items.push(parseAlternatives(context, parser));
      const close = parser.tokens[parser.index];
      if (close?.kind !== 'close') throw positioned('Missing closing parenthesis', token.position);
      parser.index += 1;
    } else {
      items.push(termNode(context, token));
    }
  }
  if (!items.some((item) => item.positive)) throw positioned('Rules must contain a non-negation term', at);
  if (!items.some((item) => item.standalone))
    throw positioned('Rules must contain at least one positive, non-stopword clause', at);
  return group((post) => items.every((item) => item.matches(post)));
}

/** A group or clause: it may stand alone (its terms were checked). */
function group(matches: (post: SimulatedPost) => boolean): Node {
  return { matches, standalone: true, positive: true };
}

function termNode(context: XContext, token: Token): Node {
  const test = termTest(context, token);
  return {
    matches: token.negated ? (post) => !test(post) : test,
    // `is:` operators are conjunction-required (operators page): they cannot stand alone.
    standalone: !token.negated && !(token.kind === 'term' && token.text.startsWith('is:')),
    positive: !token.negated,
  };
}

function termTest(context: XContext, token: Token): (post: SimulatedPost) => boolean {
  const { text } = token;
  if (token.kind === 'phrase') {
    if (text.trim() === '') throw positioned('Empty phrase', token.position);
    return (post) => containsPhrase(post.text, text);
  }
  if (text.startsWith('#')) {
    const tag = fold(text.slice(1));
    if (tag === '') throw positioned('Hashtag must have a value', token.position);
    return (post) => twitterText.extractHashtags(post.text).some((found) => fold(found) === tag);
  }
  if (text.startsWith('@')) {
    const name = text.slice(1).toLowerCase();
    return (post) => twitterText.extractMentions(post.text).some((found) => found.toLowerCase() === name);
  }
  const operator = OPERATOR.exec(text);
  if (operator === null) return (post) => containsWords(post.text, text);
  const [, name = '', value = ''] = operator;
  if (value === '') throw positioned(`Operator ${name}: needs a value`, token.position);
  const userId = () => (/^\d+$/.test(value) ? value : context.sim.accountByHandle(value)?.id);
  switch (name) {
    case 'from':
      return (post) => post.accountId === userId();
    case 'to':
      return (post) => userId() !== undefined && tweetExtra(post).inReplyToUserId === userId();
    case 'conversation_id':
      return (post) => post.id !== value && tweetExtra(post).conversationId === value;
    case 'is':
      // The simulator stores no reposts.
      if (value === 'retweet') return () => false;
      if (value === 'reply') return (post) => post.inReplyToId !== undefined;
      break;
  }
  throw new QueryError(
    `smmkit X simulator: the operator ${name}:${name === 'is' ? value : ''} is not simulated (keywords, "phrases", #hashtags, @mentions, from:, to:, conversation_id:, is:reply and is:retweet are), at position ${token.position}`,
  );
}
