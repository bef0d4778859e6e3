import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAnalysis } from '../src/analysis.ts';
import { main } from '../src/demo.ts';

describe('pnpm demo: what worked', () => {
  it('compares with the rival, reads the audience, ranks voices, checks goals and ROI, and writes the report', async () => {
    const campaign = await main({ print: () => {}, color: false });
    const folder = await mkdtemp(join(tmpdir(), 'smmkit-demo-'));
    try {
      const lines: string[] = [];
      const reportFile = join(folder, 'report.html');
      const result = await runAnalysis({
        smm: campaign.smm,
        own: campaign.platforms.map((platform) => ({
          platform: platform.id,
          accountId: platform.accountId,
          name: 'Linen & Co',
        })),
        reportFile,
        print: (line) => lines.push(line),
      });
      const output = lines.join('\n');

      // The rival looked up on X and Instagram, a week apart: its growth shows.
      expect(result.snapshots.map((snapshot) => `${snapshot.platform}:${snapshot.handle}`)).toEqual([
        'x:rivalcoffee',
        'instagram:rival.coffee',
        'x:rivalcoffee',
        'instagram:rival.coffee',
      ]);
      expect(output).toMatch(/them x +Rival Coffee +followers +5,620 \(\+420\)/);
      expect(output).toMatch(/them instagram Rival Coffee +followers +8,950 \(\+150\)/);
      // Share of voice from the searched posts, the loudest voice with its reach.
      expect(output).toMatch(/voice Linen & Co +7 mentions, 63\.6 %/);
      expect(output).toMatch(/voice x +fan_1 +4 mentions, reach 192,000/);
      // Goals and ROI, figured from the campaign's own metrics and the shop's sales.
      expect(output).toMatch(/goal Spring engagements +achieved/);
      expect(output).toMatch(/roi x +14 sales, €980 for €300: ROAS 3\.3, ROI 226\.7 %/);
      expect(output).toContain('best return per euro: facebook');

      // The report file holds every section, goals first.
      const html = await readFile(reportFile, 'utf8');
      expect(html).toBe(result.html);
      const order = ['goals', 'competitors', 'influencers', 'audience', 'roi'].map((id) =>
        html.indexOf(`<section id="${id}"`),
      );
      expect(order.every((at) => at > 0)).toBe(true);
      expect(order[0]).toBe(Math.min(...order));
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
