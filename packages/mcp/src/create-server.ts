import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Adapter } from '@smmkit/core';
import type { Smmkit } from '@smmkit/core/app';
import { AllowList } from './allow-list.js';
import { ReplyLedger } from './reply-ledger.js';
import type { ToolContext } from './tool-context.js';
import { registerCalendarTool } from './tools/calendar.js';
import { registerInboxListTool } from './tools/inbox-list.js';
import { registerInboxReplyTool } from './tools/inbox-reply.js';
import { registerPublishTool } from './tools/publish.js';
import { registerReportTool } from './tools/report.js';
import { registerScheduleTool } from './tools/schedule.js';
import { registerValidateTool } from './tools/validate.js';

/** The server's name and version, as MCP hosts show them. */
const SERVER_INFO = { name: 'smmkit', version: '0.1.0' };

/**
 * Options of {@link createSmmkitMcpServer}.
 *
 * @example
 * ```ts
 * const options: SmmkitMcpServerOptions = { app, adapters, allow: ['brand-x'] };
 * ```
 */
export interface SmmkitMcpServerOptions {
  /** The app the tools act on (`createSmmkit`, or the CLI's `openSmmkit`). */
  readonly app: Smmkit;
  /** The app's adapters: `validate` checks posts against their rules, with no I/O. */
  readonly adapters: readonly Adapter[];
  /**
   * The app's account ids (`brand-x`) the publishing tools may act for: `publish` and `schedule`
   * to them, `inbox_reply` on their items. Default none: the publishing tools are then not
   * offered at all, and the server only validates and reads.
   */
  readonly allow?: readonly string[] | undefined;
  /** The time now, for the calendar's default window (default the system clock). */
  readonly now?: (() => Date) | undefined;
}

/**
 * Makes an MCP server whose tools are smmkit's loop: `validate`, `calendar`, `inbox_list` and
 * `report` always; `publish`, `schedule` and `inbox_reply` only when `allow` names accounts,
 * and then only for those accounts. Inputs are checked with zod; each result has a text and the
 * same facts as structured content; a failure is a tool error with the smmkit error's message
 * and hint (and its secret-free JSON), never a token.
 *
 * Connect it to a transport yourself (`smmkit-mcp` does that for stdio); closing the server does
 * not shut the app down.
 *
 * @param options - the app, its adapters and the allow list; see {@link SmmkitMcpServerOptions}
 * @returns the server, not yet connected
 *
 * @example
 * ```ts
 * import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
 * import { createSmmkitMcpServer } from '@smmkit/mcp';
 *
 * const server = createSmmkitMcpServer({ app: smm, adapters, allow: ['brand-x'] });
 * await server.connect(new StdioServerTransport());
 * ```
 */
export function createSmmkitMcpServer(options: SmmkitMcpServerOptions): McpServer {
  const allow = new AllowList(options.allow ?? []);
  const context: ToolContext = {
    app: options.app,
    adapters: options.adapters,
    allow,
    now: options.now ?? (() => new Date()),
    replies: new ReplyLedger(),
  };
  const server = new McpServer(SERVER_INFO, {
    instructions:
      "smmkit: validate posts against each social platform's rules, read the content calendar, the inbox and " +
      'the performance report' +
      (allow.isEmpty
        ? '. Publishing is off: no account is on the allow list.'
        : `, and publish, schedule and reply for these accounts only: ${allow.ids.join(', ')}. ` +
          'Validate before publishing. Give each new post or reply a new idempotencyKey, and retry one ' +
          '(after a timeout, an error or an unknown outcome) only with its same key: then nothing goes out twice.'),
  });
  registerValidateTool(server, context);
  registerCalendarTool(server, context);
  registerInboxListTool(server, context);
  registerReportTool(server, context);
  if (!allow.isEmpty) {
    registerPublishTool(server, context);
    registerScheduleTool(server, context);
    registerInboxReplyTool(server, context);
  }
  return server;
}
