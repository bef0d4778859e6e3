/**
 * Leak sweep (issue 12, `pnpm bench:secrets`): every adapter of the demo's registry
 * (examples/demo/src/platforms.ts: an adapter that joins the demo is swept too; an adapter
 * package missing from it is named and fails the run), every failure mode, and a search for every
 * secret in everything a user can see.
 *
 * Failure modes, each provoked on its own (a probe):
 * - on every route an adapter call reaches (each publishable demo post, metrics, engagement,
 *   replies, deletes, reconciliation reads; every earlier step succeeds on the simulator): 4xx and
 *   5xx bodies in three error shapes echoing the access token raw, JSON-escaped (`\u002d`, `\/`)
 *   or URL-encoded (%2F %2B %3D); text, HTML and unusable 200 bodies echoing it; echoes in
 *   headers; `fetch` rejecting with network errors that quote it; failures a platform reports
 *   inside a 2xx answer (leak-sweep/answer-echoes.ts: X's failed media processing, an Instagram
 *   container in ERROR) with the echo in their text;
 * - the app's token provider, the publisher's `tokens` option, and the loader, `persist` and
 *   `refresh` of `createRefreshingTokenProvider` throwing errors that quote the tokens or the
 *   client secret (the platform's own expired-token answer, from the simulators' fault injection,
 *   starting some of the refreshes);
 * - every adapter's token-endpoint helpers (leak-sweep/auth-flows.ts) against an endpoint echoing
 *   what the request carried (refresh token, client secret, code, verifier, and the Basic
 *   credential base64(client_id:secret) of a confidential client), or a network failing quoting
 *   it; refresh helpers also as the `refresh` of a refreshing provider, through a publish.
 *
 * What a user sees of a probe: what `adapter.publish` (or the other call) threw or returned, the
 * publisher's outcome and every publisher event. Each is searched by property path and rendered
 * with JSON.stringify, util.inspect (depth Infinity, with and without showHidden), String() and
 * the stack of every error in it, cause chains included. The secrets are searched raw,
 * URL-encoded, JSON-escaped and base64. An error the sweep's own callbacks threw, kept by smmkit
 * as an unprinted `cause` (issue 12 item 3), is the app's object and not itself a leak; printing
 * it with an outcome or event is.
 *
 * Prints one line per leak (the secret masked), the leak sites, counts per platform and family,
 * and last `secrets: probes=N leaks=N` (probes: probes whose fault fired; leaks: probes where any
 * secret was found; a probe whose fault never fired, such as a refresh an adapter never asks for,
 * is named and not counted). Exits non-zero when anything leaked, an adapter is not covered, a flow
 * failed on a healthy simulator, the self-check failed, or a probe could not run.
 */
import { setupServer } from 'msw/node';
import { PLATFORMS } from '../../examples/demo/src/platforms.ts';
import { AppThrown } from './leak-sweep/app-thrown.ts';
import { AUTH_FLOWS } from './leak-sweep/auth-flows.ts';
import { authProbes } from './leak-sweep/auth-probes.ts';
import { coverageOf } from './leak-sweep/coverage.ts';
import { masked, secretFinder } from './leak-sweep/find-secrets.ts';
import { findingsIn } from './leak-sweep/inspect-artifact.ts';
import type { Probe } from './leak-sweep/probe.ts';
import { SweepReport } from './leak-sweep/report.ts';
import { routeName } from './leak-sweep/route-matcher.ts';
import { discoverRoutes, routeProbes } from './leak-sweep/route-probes.ts';
import { SWEEP_SECRET_LIST } from './leak-sweep/secret-set.ts';
import { selfCheck } from './leak-sweep/self-check.ts';
import { tokenProbes } from './leak-sweep/token-probes.ts';

async function main(): Promise<number> {
  // Every line is masked: a broken probe's error or a failed healthy run may quote a secret.
  const mask = secretFinder(SWEEP_SECRET_LIST);
  const print = (line: string): void => console.log(masked(mask, line));
  let problems = 0;

  const check = selfCheck();
  print(`self-check: ${check.cases - check.failures.length}/${check.cases} planted cases seen right`);
  for (const failure of check.failures) print(`  self-check failed: ${failure}`);
  problems += check.failures.length;

  const coverage = coverageOf(PLATFORMS);
  print(
    `coverage: adapters=${coverage.adapters.length} (${coverage.adapters.join(', ')}) registry=${PLATFORMS.map((p) => p.id).join(', ')} uncovered=${coverage.uncovered.length}${coverage.uncovered.length > 0 ? ` (${coverage.uncovered.join(', ')}: add it to examples/demo/src/platforms.ts)` : ''}`,
  );
  problems += coverage.uncovered.length;
  const withoutAuth = PLATFORMS.filter(
    (platform) => !AUTH_FLOWS.some((flow) => flow.platform === platform.id),
  );
  if (withoutAuth.length > 0)
    print(
      `  no token-endpoint helpers registered (leak-sweep/auth-flows.ts) for: ${withoutAuth.map((p) => p.id).join(', ')}`,
    );

  // One MSW server for the whole sweep: each probe routes it to its own fresh simulators.
  const server = setupServer();
  server.listen({ onUnhandledFrame: 'error' });
  const probes: Probe[] = [];
  try {
    for (const platform of PLATFORMS) {
      const discovery = await discoverRoutes(platform, server);
      print(
        `${platform.id}: ${discovery.works.map((work) => work.label).join(', ')} reach ${discovery.routes.length} routes: ` +
          discovery.routes.map(({ route }) => routeName(route)).join(', '),
      );
      // A flow that fails on a healthy simulator hides every route after the failure from the sweep.
      for (const problem of discovery.problems) print(`  healthy run failed: ${problem}`);
      problems += discovery.problems.length;
      const publish = discovery.works.find((work) => work.kind === 'publish');
      probes.push(...routeProbes(platform, discovery));
      if (publish !== undefined) probes.push(...tokenProbes(platform, publish));
      probes.push(...authProbes(platform, publish));
    }

    const report = new SweepReport(print);
    const app = new AppThrown();
    let missed = 0;
    for (const probe of probes) {
      const started = performance.now();
      try {
        const result = await probe.run(server, app);
        if (result.hits === 0) {
          missed += 1;
          print(`missed [${probe.platform}] ${probe.id}: its fault never fired (not counted)`);
          continue;
        }
        const find = secretFinder([...SWEEP_SECRET_LIST, ...result.secrets]);
        report.probe(
          probe,
          result.artifacts.flatMap((artifact) => findingsIn(artifact, find, app)),
          performance.now() - started,
        );
      } catch (error) {
        problems += 1;
        print(
          `broken [${probe.platform}] ${probe.id}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
      }
    }
    report.summary();
    if (missed > 0) print(`missed probes (not counted): ${missed}`);
    print(`secrets: probes=${report.probes} leaks=${report.leaks}`);
    return report.leaks + problems;
  } finally {
    server.close();
  }
}

process.exitCode = (await main()) > 0 ? 1 : 0;
