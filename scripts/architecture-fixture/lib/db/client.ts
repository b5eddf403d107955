export const db = { query: (sql: string) => sql };
