/**
 * smmkit as an MCP server: `validate`, `publish`, `schedule`, `calendar`, `inbox_list`,
 * `inbox_reply` and `report` as tools for AI agents, with zod input schemas and structured
 * results. Safe by default: the publishing tools exist only for the account ids on an explicit
 * allow list. Run it with the `smmkit-mcp` command (stdio; `--simulate` for the built-in
 * simulators), or build your own with {@link createSmmkitMcpServer}.
 *
 * @example
 * ```ts
 * import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
 * import { createSmmkitMcpServer } from '@smmkit/mcp';
 *
 * const server = createSmmkitMcpServer({ app: smm, adapters, allow: ['brand-x'] });
 * await server.connect(new StdioServerTransport());
 * ```
 *
 * @packageDocumentation
 */
export { createSmmkitMcpServer, type SmmkitMcpServerOptions } from './create-server.js';
