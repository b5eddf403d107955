// Numbers for the console's overview: per day and surface, conversations, messages,
// thumbs up/down, emergencies and partner-API tokens.
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";

export interface DailyActivity {
  date: string;
  surface: string;
  conversations: number;
  messages: number;
  up: number;
  down: number;
  emergencies: number;
  tokens: number;
}

export async function dailyActivity(db: Db, days = 30): Promise<DailyActivity[]> {
  const span = Math.min(Math.max(Math.trunc(days), 1), 365);
  const result = await db.execute(sql`
    with span as (select now() - make_interval(days => ${span}) as since),
    conv as (
      select to_char(c.created_at at time zone 'UTC', 'YYYY-MM-DD') as date, c.surface, count(*)::int as n
      from conversations c, span where c.created_at >= span.since group by 1, 2),
    msg as (
      select to_char(m.created_at at time zone 'UTC', 'YYYY-MM-DD') as date, c.surface,
             count(*)::int as n,
             count(*) filter (where m.parts @> '[{"type":"data-emergency"}]'::jsonb)::int as emergencies
      from messages m join conversations c on c.id = m.conversation_id, span
      where m.created_at >= span.since group by 1, 2),
    fb as (
      select to_char(f.created_at at time zone 'UTC', 'YYYY-MM-DD') as date, c.surface,
             count(*) filter (where f.rating = 'up')::int as up, count(*) filter (where f.rating = 'down')::int as down
      from feedback f join messages m on m.id = f.message_id join conversations c on c.id = m.conversation_id, span
      where f.created_at >= span.since group by 1, 2),
    tok as (
      select to_char(u.created_at at time zone 'UTC', 'YYYY-MM-DD') as date, u.surface,
             coalesce(sum(u.prompt_tokens + u.completion_tokens), 0)::int as tokens
      from usage_records u, span where u.created_at >= span.since group by 1, 2),
    keys as (select date, surface from conv union select date, surface from msg union select date, surface from fb union select date, surface from tok)
    select k.date, k.surface,
           coalesce(conv.n, 0) as conversations, coalesce(msg.n, 0) as messages,
           coalesce(fb.up, 0) as up, coalesce(fb.down, 0) as down,
           coalesce(msg.emergencies, 0) as emergencies, coalesce(tok.tokens, 0) as tokens
    from keys k
    left join conv using (date, surface) left join msg using (date, surface)
    left join fb using (date, surface) left join tok using (date, surface)
    order by k.date, k.surface`);
  const rows = (result as unknown as { rows: Record<string, unknown>[] }).rows ?? (result as unknown as Record<string, unknown>[]);
  return rows.map((r) => ({
    date: String(r.date),
    surface: String(r.surface),
    conversations: Number(r.conversations),
    messages: Number(r.messages),
    up: Number(r.up),
    down: Number(r.down),
    emergencies: Number(r.emergencies),
    tokens: Number(r.tokens),
  }));
}
