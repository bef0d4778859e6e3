import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runQuickstart } from '../src/quickstart.js';

const dir = mkdtempSync(join(tmpdir(), 'smmkit-quickstart-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('quickstart example', () => {
  it('publishes once to the simulated X, lists a bad post’s problems and writes the report', async () => {
    const lines: string[] = [];
    const run = await runQuickstart(dir, (line) => lines.push(line));

    // The post is on X exactly once, and the outcome says where.
    expect(run.postsOnX).toEqual(['Our spring collection is live 🌸 https://shop.example.com/spring']);
    const [outcome] = run.outcomes;
    expect(run.outcomes).toHaveLength(1);
    expect(outcome?.status).toBe('published');
    const url = outcome?.status === 'published' ? outcome.result.url : undefined;
    expect(url).toMatch(/^https:\/\/x\.com\/brand\/status\/\d+$/);
    expect(lines).toContain(`published on x: ${url}`);

    // Every problem of the bad post, each with its path, in one error.
    expect(run.problems).toMatch(/^Invalid post \(4 problems\):/);
    for (const path of ['text', 'media[0].kind', 'media[0].mimeType', 'media[0].source.url']) {
      expect(run.problems).toContain(`  - ${path}: `);
    }

    // The report is a real page about the campaign's post.
    expect(run.reportPath).toBe(join(dir, 'report.html'));
    const html = readFileSync(run.reportPath, 'utf8');
    expect(html).toContain('<title>Spring launch</title>');
    expect(html).toContain('spring-26');
  });
});
