import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { SmmkitError } from '@smmkit/core';
import type { CollectMetricsResult, ReportBreakdownDimension } from '@smmkit/core/analytics';
import * as z from 'zod';
import { InstantInput, ZoneInput } from '../schemas.js';
import type { ToolContext } from '../tool-context.js';
import { runTool, type ToolOutput } from '../tool-result.js';

const BREAKDOWNS = [
  'account',
  'campaign',
  'tag',
  'variant',
  'contentClass',
] as const satisfies readonly ReportBreakdownDimension[];

interface ReportToolInput {
  readonly since?: string | undefined;
  readonly until?: string | undefined;
  readonly timeZone?: string | undefined;
  readonly breakdowns?: readonly ReportBreakdownDimension[] | undefined;
  readonly collect?: boolean | undefined;
  readonly title?: string | undefined;
  readonly html?: boolean | undefined;
}

function collectedData(result: CollectMetricsResult): Record<string, unknown> {
  return {
    samples: result.samples.length,
    failures: result.failures.map(({ platform, accountId, refs, error }) => ({
      platform,
      accountId,
      posts: refs.length,
      error: SmmkitError.isInstance(error)
        ? { code: error.code, message: error.message, hint: error.hint }
        : { code: 'internal', message: 'reading the metrics failed unexpectedly' },
    })),
  };
}

const percent = (value: number | null): string =>
  value === null ? 'no data' : `${(value * 100).toFixed(2)} %`;

async function report(
  context: ToolContext,
  input: ReportToolInput,
): Promise<{ output: ToolOutput; html: string }> {
  const collected = input.collect === false ? undefined : await context.app.collectMetrics();
  const { html, input: built } = context.app.report({
    ...(input.since === undefined ? {} : { since: new Date(input.since) }),
    ...(input.until === undefined ? {} : { until: new Date(input.until) }),
    ...(input.timeZone === undefined ? {} : { timeZone: input.timeZone }),
    ...(input.breakdowns === undefined ? {} : { breakdowns: input.breakdowns }),
    ...(input.title === undefined ? {} : { title: input.title }),
  });
  const kpi = built.kpi;
  const platforms = built.platformComparison.map((row) => ({
    platform: row.dimensions.platform,
    posts: row.posts,
    [kpi]: row.kpis[kpi],
  }));
  const days = built.engagementOverTime.map((row) => ({
    day: row.dimensions.day,
    posts: row.posts,
    [kpi]: row.kpis[kpi],
  }));
  const breakdowns = (built.breakdowns ?? []).map((breakdown) => ({
    dimension: breakdown.dimension,
    rows: breakdown.rows.map((row) => ({
      label: row.dimensions[breakdown.dimension] ?? null,
      posts: row.posts,
      [kpi]: row.kpis[kpi],
    })),
  }));
  const lines = [
    `KPI: ${kpi}${built.timeZone === undefined ? '' : ` (days in ${built.timeZone})`}`,
    ...(collected === undefined
      ? []
      : [
          `Collected ${collected.samples.length} metric sample(s); ${collected.failures.length} batch(es) failed.`,
        ]),
    ...(platforms.length === 0
      ? ['No posts with metrics in the window.']
      : built.platformComparison.map(
          (row) => `${row.dimensions.platform}: ${row.posts} post(s), ${percent(row.kpis[kpi])}`,
        )),
    ...(built.postsWithoutMeta === undefined || built.postsWithoutMeta === 0
      ? []
      : [`${built.postsWithoutMeta} post(s) with metrics but no publication time are left out.`]),
  ];
  return {
    output: {
      text: lines.join('\n'),
      data: {
        kpi,
        ...(built.timeZone === undefined ? {} : { timeZone: built.timeZone }),
        ...(built.period === undefined ? {} : { period: built.period }),
        ...(collected === undefined ? {} : { collected: collectedData(collected) }),
        platforms,
        days,
        breakdowns,
        postsWithoutMeta: built.postsWithoutMeta ?? 0,
      },
    },
    html,
  };
}

/** Registers `report`: collect the metrics, then the figures of the analytics report. */
export function registerReportTool(server: McpServer, context: ToolContext): void {
  server.registerTool(
    'report',
    {
      title: 'Performance report',
      description:
        'Reads the metrics of the posts published through this server (collect: false skips that), then reports ' +
        'the engagement rate by impressions per platform, per day and per label (campaign, tag, …). html: true ' +
        'adds the rendered HTML report as an embedded resource.',
      inputSchema: {
        since: InstantInput.optional().describe('Only posts published at or after this instant.'),
        until: InstantInput.optional().describe('Only posts published before this instant.'),
        timeZone: ZoneInput.optional().describe('The IANA zone of the days (default UTC).'),
        breakdowns: z
          .array(z.enum(BREAKDOWNS))
          .min(1)
          .optional()
          .describe('Post labels to break the KPI down by.'),
        collect: z
          .boolean()
          .optional()
          .describe('Read the latest metrics from the platforms first (default true).'),
        title: z.string().min(1).optional().describe("The HTML report's title."),
        html: z.boolean().optional().describe('Add the rendered HTML report to the result (default false).'),
      },
      outputSchema: {
        kpi: z.string(),
        timeZone: z.string().optional(),
        period: z.object({ since: z.string().optional(), until: z.string().optional() }).optional(),
        collected: z.object({ samples: z.number().int(), failures: z.array(z.looseObject({})) }).optional(),
        platforms: z.array(z.looseObject({ platform: z.string().nullable(), posts: z.number().int() })),
        days: z.array(z.looseObject({ day: z.string().nullable(), posts: z.number().int() })),
        breakdowns: z.array(z.object({ dimension: z.string(), rows: z.array(z.looseObject({})) })),
        postsWithoutMeta: z.number().int(),
      },
      annotations: { readOnlyHint: true, openWorldHint: true },
    },
    async (input): Promise<CallToolResult> => {
      let html = '';
      const result = await runTool(async () => {
        const done = await report(context, input);
        html = done.html;
        return done.output;
      });
      if (result.isError === true || input.html !== true) return result;
      return {
        ...result,
        content: [
          ...result.content,
          { type: 'resource', resource: { uri: 'smmkit://report.html', mimeType: 'text/html', text: html } },
        ],
      };
    },
  );
}
