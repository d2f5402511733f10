// Every tool the MCP endpoint serves. Domain modules export arrays of ToolDefinitions; the server factory
// registers this list in one pass (lib/mcp/register.ts), so every tool gets the same checks.
import type { ToolDefinition } from "../define";
import { assetTools } from "./assets";
import { inventoryTools } from "./inventory";
import { metricTools } from "./metrics";
import { planTools } from "./plans";
import { requestTools } from "./requests";
import { whoami } from "./whoami";
import { workOrderTools } from "./work-orders";

export const TOOLS: readonly ToolDefinition[] = [whoami, ...workOrderTools, ...assetTools, ...requestTools, ...planTools, ...inventoryTools, ...metricTools];
