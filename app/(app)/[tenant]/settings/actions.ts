"use server";
// Settings → General, Security and Business calendar. Each action is the one wrapper (auth → tenant →
// zod → permission) around a lib/data call, which checks the permission again and writes the audit row.
import { tenantAction } from "@/lib/actions/tenant-action";
import { addHoliday, deleteHoliday, updateCalendar } from "@/lib/data/calendar";
import { updateGeneral, updateSecurity } from "@/lib/data/settings";
import { calendarSchema, generalSchema, holidaySchema, idSchema, securitySchema } from "@/lib/validation/settings";
import { requestIp } from "./guard";

export const saveGeneral = tenantAction({
  permission: ["settings", "edit"],
  schema: generalSchema,
  run: async (access, input) => updateGeneral(access, input, await requestIp()),
});

export const saveSecurity = tenantAction({
  permission: ["settings", "edit"],
  schema: securitySchema,
  run: async (access, input) => updateSecurity(access, input, await requestIp()),
});

export const saveCalendar = tenantAction({
  permission: ["settings", "edit"],
  schema: calendarSchema,
  run: async (access, input) => updateCalendar(access, input, await requestIp()),
});

export const createHoliday = tenantAction({
  permission: ["settings", "edit"],
  schema: holidaySchema,
  run: async (access, input) => addHoliday(access, input, await requestIp()),
});

export const removeHoliday = tenantAction({
  permission: ["settings", "edit"],
  schema: idSchema,
  run: async (access, { id }) => deleteHoliday(access, id, await requestIp()),
});
