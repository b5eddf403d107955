import { sql } from "drizzle-orm";

export const saveJob = (id: string) => sql`insert into jobs values (${id})`;
