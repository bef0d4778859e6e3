/**
 * A probe: one failure, provoked once, and everything a user sees of it.
 */
import type { SetupServer } from 'msw/node';
import type { AppThrown } from './app-thrown.ts';
import type { Artifact } from './inspect-artifact.ts';
import type { Secret } from './secret-set.ts';

/** What running a probe gave. */
export interface ProbeResult {
  /** Everything a user sees. */
  readonly artifacts: readonly Artifact[];
  /** How many requests the probe's fault hit; 0 means it never fired, and the probe proved nothing. */
  readonly hits: number;
  /** Secrets of this run besides the sweep's own (tokens the simulators issued). */
  readonly secrets: readonly Secret[];
}

/** One probe. */
export interface Probe {
  /** The platform id. */
  readonly platform: string;
  /** The failure mode's family, for the summary (`body echo`, `network error`, `token store`, …). */
  readonly family: string;
  /** What it does, for the report. */
  readonly id: string;
  /** Runs it on the sweep's MSW server; `app` records what the sweep's own callbacks throw. */
  run(server: SetupServer, app: AppThrown): Promise<ProbeResult>;
}
