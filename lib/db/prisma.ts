import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client";
import { databasePath, databaseUrl } from "./url";

const cache = globalThis as unknown as { registryPrisma?: { url: string; client: PrismaClient } };

/** One Prisma client per process (Next's dev server reloads modules; the client must survive). */
export function prisma(): PrismaClient {
  const url = databaseUrl();
  if (cache.registryPrisma?.url !== url) {
    const adapter = new PrismaBetterSQLite3({ url: `file:${databasePath(url)}`, timeout: 5000 });
    cache.registryPrisma = { url, client: new PrismaClient({ adapter }) };
  }
  return cache.registryPrisma.client;
}
