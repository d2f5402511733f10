import "server-only";
// Resources: a work order or an asset by URI (fettle://work-orders/WO-000123, fettle://assets/CMP-001), for
// clients that attach context by reference. Each is served by the matching "get" tool — same scopes, same
// permission check, same lib/data call and output shape — returned as JSON. The templates have no list
// callback: enumerating thousands of work orders as resources helps no one; the search tools do that.
import { ResourceNotFoundError, ResourceTemplate, ProtocolError, ProtocolErrorCode, type McpServer } from "@modelcontextprotocol/server";
import type { ToolDefinition } from "./define";
import { runTool, scopeChallenge } from "./register";

interface ResourceSpec {
  name: string;
  template: string;
  title: string;
  description: string;
  /** the tool that serves it, and its arguments for the URI's code */
  tool: string;
  args: (code: string) => Record<string, unknown>;
}

const RESOURCES: ResourceSpec[] = [
  {
    name: "work-order",
    template: "fettle://work-orders/{code}",
    title: "Work order",
    description: "A work order in full (tasks, checklist, comments, time, parts, history) by its code, e.g. fettle://work-orders/WO-000123.",
    tool: "get_work_order",
    args: (code) => ({ workOrder: code }),
  },
  {
    name: "asset",
    template: "fettle://assets/{code}",
    title: "Asset",
    description: "An asset with its location, children, meters, open work orders, downtime and cost, by its code, e.g. fettle://assets/CMP-001.",
    tool: "get_asset",
    args: (code) => ({ code }),
  },
];

export function registerResources(server: McpServer, tools: readonly ToolDefinition[]) {
  for (const spec of RESOURCES) {
    const tool = tools.find((t) => t.name === spec.tool);
    if (!tool) continue;
    server.registerResource(
      spec.name,
      new ResourceTemplate(spec.template, { list: undefined }),
      {
        title: spec.title,
        description: spec.description,
        mimeType: "application/json",
        scopeChallenge: scopeChallenge(tool.scopes, `resource ${spec.name}`),
      },
      async (uri, variables, ctx) => {
        const code = decodeURIComponent(String(variables.code ?? ""));
        const input = tool.input.safeParse(spec.args(code));
        if (!code || !input.success) throw new ResourceNotFoundError(uri.href);
        const result = await runTool(tool, input.data, ctx);
        const text = result.content[0]?.type === "text" ? result.content[0].text : "Internal error";
        if (result.isError) {
          if (text === "Not found") throw new ResourceNotFoundError(uri.href);
          throw new ProtocolError(ProtocolErrorCode.InvalidRequest, text);
        }
        return { contents: [{ uri: uri.href, mimeType: "application/json", text: JSON.stringify(result.structuredContent) }] };
      },
    );
  }
}
