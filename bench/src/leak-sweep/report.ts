/**
 * The sweep's lines: one per leak (where it was found, the secret masked), then the leak sites
 * with how many probes reached each, and counts per platform and failure family.
 */
import type { Finding } from './inspect-artifact.ts';
import type { Probe } from './probe.ts';

/** Tallies probes and leaks and prints leak lines as they are found. */
export class SweepReport {
  readonly #print: (line: string) => void;
  readonly #sites = new Map<string, number>();
  readonly #tally = new Map<string, { probes: number; leaks: number; ms: number }>();
  #probes = 0;
  #leaks = 0;

  /** @param print - where lines go */
  constructor(print: (line: string) => void) {
    this.#print = print;
  }

  /** Records a probe that ran (in `ms` real milliseconds), and prints its findings, one line each. */
  probe(probe: Probe, findings: readonly Finding[], ms: number): void {
    this.#probes += 1;
    const key = `${probe.platform} · ${probe.family}`;
    const tally = this.#tally.get(key) ?? { probes: 0, leaks: 0, ms: 0 };
    tally.probes += 1;
    tally.ms += ms;
    if (findings.length > 0) {
      this.#leaks += 1;
      tally.leaks += 1;
    }
    this.#tally.set(key, tally);
    const sites = new Set<string>();
    for (const finding of findings) {
      const where = [...finding.paths, ...finding.renderings].join(', ');
      this.#print(
        `LEAK [${probe.platform}] ${probe.id} → ${finding.artifact}: ${finding.kind} (${finding.encoding}) at ${where} — "${finding.excerpt}"`,
      );
      const site =
        finding.paths.length > 0
          ? finding.paths.map(generic).join(', ')
          : `printed by ${finding.renderings.map(generic).join(', ')}`;
      sites.add(
        `[${probe.platform}] ${probe.family} → ${finding.artifact.replace(/ #\d+$/, '')}: ${finding.kind} (${finding.encoding}) at ${site}`,
      );
    }
    for (const site of sites) this.#sites.set(site, (this.#sites.get(site) ?? 0) + 1);
  }

  /** Prints the leak sites and the counts per platform and family. */
  summary(): void {
    if (this.#sites.size > 0) {
      this.#print('leak sites (probes that leaked there):');
      for (const [site, count] of [...this.#sites].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])))
        this.#print(`  ${String(count).padStart(4)}  ${site}`);
    }
    this.#print('by platform and failure family:');
    for (const [key, { probes, leaks, ms }] of [...this.#tally].sort((a, b) => a[0].localeCompare(b[0])))
      this.#print(`  ${key}: probes=${probes} leaks=${leaks} (${(ms / 1000).toFixed(1)} s)`);
  }

  /** Probes run. */
  get probes(): number {
    return this.#probes;
  }

  /** Probes that leaked. */
  get leaks(): number {
    return this.#leaks;
  }
}

/** A path with its indices made generic, so the same site in two probes reads the same. */
function generic(path: string): string {
  return path.replace(/\[\d+\]/g, '[i]');
}
