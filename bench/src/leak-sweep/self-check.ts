/**
 * The sweep checks its own eyes before trusting a zero: secrets planted in every place and
 * encoding it claims to search must be found, and an app's own error kept as an unprinted cause
 * must not be counted. A sweep that finds nothing because it cannot see would print `leaks=0` too.
 */
import { inspect } from 'node:util';
import { AppThrown } from './app-thrown.ts';
import { secretFinder } from './find-secrets.ts';
import { findingsIn } from './inspect-artifact.ts';
import {
  BASIC_CREDENTIAL,
  jsonEscaped,
  type SecretKind,
  SWEEP_SECRET_LIST,
  SWEEP_SECRETS,
} from './secret-set.ts';

const { accessToken: AT, refreshToken: RT, clientSecret: CS } = SWEEP_SECRETS;

interface Planted {
  readonly name: string;
  readonly value: (app: AppThrown) => unknown;
  /** The secret that must be found, or `undefined` when nothing may be. */
  readonly expect: SecretKind | undefined;
}

const hidden = (error: Error, key: string, value: unknown): Error =>
  Object.defineProperty(error, key, { value, enumerable: false, configurable: true, writable: true });

const PLANTED: readonly Planted[] = [
  { name: 'raw, in an error message', value: () => new Error(`bad ${AT}`), expect: 'access token' },
  {
    name: 'URL-encoded, nested',
    value: () => ({ a: { b: `q=${encodeURIComponent(RT)}` } }),
    expect: 'refresh token',
  },
  {
    name: 'URL-encoded, lower-case hex',
    value: () => ({
      url: `?t=${encodeURIComponent(RT).replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase())}`,
    }),
    expect: 'refresh token',
  },
  { name: 'JSON-escaped text', value: () => [`{"t":"${jsonEscaped(CS)}"}`], expect: 'client secret' },
  {
    name: 'JSON-escaped twice',
    value: () => ({ body: JSON.stringify(jsonEscaped(AT)) }),
    expect: 'access token',
  },
  {
    name: 'Basic credential',
    value: () => ({ header: `Basic ${BASIC_CREDENTIAL}` }),
    expect: 'Basic credential',
  },
  { name: 'base64 of a token', value: () => ({ blob: btoa(AT) }), expect: 'access token' },
  {
    name: 'a non-enumerable property',
    value: () => hidden(new Error('clean'), 'request', { auth: AT }),
    expect: 'access token',
  },
  {
    name: 'the cause of a cause',
    value: () => ({ error: new Error('a', { cause: new Error('b', { cause: new Error(`c ${RT}`) }) }) }),
    expect: 'refresh token',
  },
  {
    name: 'a Headers entry',
    value: () => ({ headers: new Headers({ 'x-echo': AT }) }),
    expect: 'access token',
  },
  { name: 'a Map entry', value: () => new Map([['k', { v: CS }]]), expect: 'client secret' },
  {
    name: 'an error whose util.inspect hides it',
    value: () => Object.assign(new Error(`bad ${AT}`), { [inspect.custom]: () => 'Error: clean' }),
    expect: 'access token',
  },
  {
    name: "the app's own error as an unprinted cause (not a leak)",
    value: (app) => {
      const error = new Error('the token provider failed', { cause: app.own(new Error(`row ${AT}`)) });
      return Object.assign(error, { [inspect.custom]: () => 'Error: the token provider failed' });
    },
    expect: undefined,
  },
  {
    name: "the app's own error, printed (a leak)",
    value: (app) => ({
      error: new Error('the token provider failed', { cause: app.own(new Error(`row ${AT}`)) }),
    }),
    expect: 'access token',
  },
];

/**
 * Runs the planted cases.
 *
 * @returns one line per case the sweep got wrong (empty when it sees everything it should)
 */
export function selfCheck(): { readonly cases: number; readonly failures: readonly string[] } {
  const find = secretFinder(SWEEP_SECRET_LIST);
  const failures: string[] = [];
  for (const planted of PLANTED) {
    const app = new AppThrown();
    const findings = findingsIn({ label: planted.name, root: 'value', value: planted.value(app) }, find, app);
    const kinds = new Set(findings.map((finding) => finding.kind));
    if (planted.expect === undefined ? kinds.size > 0 : !kinds.has(planted.expect))
      failures.push(
        `${planted.name}: expected ${planted.expect ?? 'nothing'}, found ${[...kinds].join(', ') || 'nothing'}`,
      );
  }
  return { cases: PLANTED.length, failures };
}
