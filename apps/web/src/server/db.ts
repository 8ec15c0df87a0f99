import "server-only";

export { getDatabase, getPrisma } from "./database";
