import { handlers } from "./session";

export const { GET, POST } = handlers;
