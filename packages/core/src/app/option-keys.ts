import { unknownKpiProblems } from '../analytics/kpi-problems.js';
import type { Kpi } from '../analytics/kpis.js';
import { ValidationError, type ValidationProblem } from '../errors/validation-error.js';
import { unknownKeyProblems } from '../parse/unknown-keys.js';
import { declaredAccountProblems } from './declared-account.js';
import { collectSinceProblems, maxPostAgeProblems, reportWindowProblems } from './metrics-window.js';
import type {
  Smmkit,
  SmmkitOptions,
  SmmkitPublishOptions,
  SmmkitReportOptions,
  SmmkitScheduleOptions,
} from './smmkit-api.js';
import { toProblems } from './to-option.js';

/** Every key of `T`, listed once; the compiler checks the list against the type. */
const keysOf = <T>(keys: Record<keyof T, true>): readonly string[] => Object.keys(keys);

type Part<K extends keyof SmmkitOptions> = NonNullable<SmmkitOptions[K]>;

const SMMKIT_KEYS = keysOf<SmmkitOptions>({
  store: true,
  adapters: true,
  accounts: true,
  refresh: true,
  clock: true,
  publisher: true,
  scheduler: true,
  inbox: true,
  metrics: true,
});

/** The keys of each part of {@link SmmkitOptions} whose keys are the facade's own choice. */
const PART_KEYS: Readonly<Record<'publisher' | 'scheduler' | 'inbox' | 'metrics', readonly string[]>> = {
  publisher: keysOf<Part<'publisher'>>({ retry: true, throttle: true, reconcile: true, newKey: true }),
  scheduler: keysOf<Part<'scheduler'>>({
    pollIntervalMs: true,
    leaseMs: true,
    batchSize: true,
    maxLatenessMs: true,
    workerId: true,
    defaultZone: true,
    slotHorizonDays: true,
    newId: true,
  }),
  inbox: keysOf<Part<'inbox'>>({
    pollIntervalMs: true,
    lookbackMs: true,
    pageSize: true,
    keepSeenIdsMs: true,
    rules: true,
    sentiment: true,
  }),
  metrics: keysOf<Part<'metrics'>>({ every: true, maxPostAgeMs: true, onRound: true }),
};

const REPORT_KEYS = keysOf<SmmkitReportOptions<Kpi>>({
  since: true,
  until: true,
  platforms: true,
  accounts: true,
  audience: true,
  competitors: true,
  influencers: true,
  goals: true,
  goalOptions: true,
  roi: true,
  kpi: true,
  timeZone: true,
  bestTime: true,
  breakdowns: true,
  abTest: true,
  contentMix: true,
  sla: true,
  title: true,
  generatedAt: true,
});

const PUBLISH_KEYS = keysOf<SmmkitPublishOptions>({
  to: true,
  signal: true,
  stopUnstarted: true,
  idempotencyKey: true,
  scheduledFor: true,
});

const SCHEDULE_KEYS = keysOf<SmmkitScheduleOptions>({
  to: true,
  at: true,
  approval: true,
  draft: true,
  native: true,
  id: true,
  zone: true,
  by: true,
});

const COLLECT_KEYS = keysOf<NonNullable<Parameters<Smmkit['collectMetrics']>[0]>>({
  concurrency: true,
  signal: true,
  since: true,
});

/**
 * Checks what `createSmmkit` was given before anything is stored: no key it does not take (at
 * the top, in `publisher`, `scheduler`, `inbox` and `metrics`, and in each declared account),
 * `metrics.maxPostAgeMs` positive, and each declared account valid.
 *
 * @param options - the options as passed
 * @throws ValidationError listing every problem, each unknown key with the key it likely means
 */
export function checkSmmkitOptions(options: SmmkitOptions): void {
  const parts = Object.entries(PART_KEYS).flatMap(([part, known]) =>
    unknownKeyProblems(options[part as keyof typeof PART_KEYS], known, [part]),
  );
  const accounts = (options.accounts ?? []).flatMap((account, index) =>
    declaredAccountProblems(account, ['accounts', index]),
  );
  refuse(
    [
      ...unknownKeyProblems(options, SMMKIT_KEYS),
      ...parts,
      ...maxPostAgeProblems(options.metrics?.maxPostAgeMs),
      ...accounts,
    ],
    'createSmmkit options',
  );
}

/**
 * Checks the options of `smm.report`: no key it does not take (`from` for `since`), `since` and
 * `until` valid `Date`s (not `'7d'`), and a `kpi` that is one of the KPIs.
 *
 * @param options - the options as passed
 * @throws ValidationError naming each unknown key, with the key it likely means, a bad `since`
 *   or `until`, and an unknown KPI with the valid ones
 */
export function checkReportOptions(options: SmmkitReportOptions<Kpi>): void {
  refuse(
    [
      ...unknownKeyProblems(options, REPORT_KEYS),
      ...reportWindowProblems(options),
      ...(options.kpi === undefined ? [] : unknownKpiProblems(options.kpi, ['kpi'])),
    ],
    'report options',
  );
}

/**
 * Checks the options of `smm.publish` before anything is sent: no key it does not take (a
 * misspelt `idempotency_key` would be ignored, and a retry post twice), and a valid `to`.
 *
 * @param options - the options as passed
 * @throws ValidationError naming each unknown key, with the key it likely means, and what is
 *   wrong with `to`
 */
export function checkPublishOptions(options: SmmkitPublishOptions | undefined): void {
  refuse(
    [...unknownKeyProblems(options, PUBLISH_KEYS), ...toProblems(options?.to, 'publish')],
    'publish options',
  );
}

/**
 * Checks the options of `smm.schedule` before anything is planned: no key it does not take
 * (`when` for `at`), a valid `to`, and an `at`.
 *
 * @param options - the options as passed
 * @throws ValidationError naming each unknown key, with the key it likely means, and what is
 *   wrong with `to` and `at`
 */
export function checkScheduleOptions(options: SmmkitScheduleOptions | undefined): void {
  const at: ValidationProblem[] =
    options?.at === undefined
      ? [
          {
            path: ['at'],
            rule: 'options.required',
            message:
              "`at` is missing: when to publish (a Date, { at: '2026-12-01T09:00', zone }, 'next-slot' or a recurrence)",
          },
        ]
      : [];
  refuse(
    [...unknownKeyProblems(options, SCHEDULE_KEYS), ...toProblems(options?.to, 'schedule'), ...at],
    'schedule options',
  );
}

/**
 * Checks the options of `smm.collectMetrics`: no key it does not take (`from` for `since`), and
 * a `since` that is a valid `Date`.
 *
 * @param options - the options as passed
 * @throws ValidationError naming each unknown key, with the key it likely means, and a bad `since`
 */
export function checkCollectOptions(options: Parameters<Smmkit['collectMetrics']>[0]): void {
  refuse(
    [...unknownKeyProblems(options, COLLECT_KEYS), ...collectSinceProblems(options?.since)],
    'collectMetrics options',
  );
}

/** Throws the problems, if any, as one `ValidationError` about `subject`. */
function refuse(problems: readonly ValidationProblem[], subject: string): void {
  if (problems.length > 0) throw new ValidationError(problems, subject);
}
