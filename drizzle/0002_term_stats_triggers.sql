-- Keeps term_stats exact on every change to chunks (ingestion's insert, replace = delete +
-- insert, document deletes cascading to chunks, updates, truncate): one statement-level
-- trigger per event adds or subtracts, per lexeme, the chunks that contain it. The row with
-- lexeme '' counts all chunks. Deltas are applied in lexeme order, so concurrent
-- ingestions lock the same rows in the same order and cannot deadlock.
CREATE FUNCTION term_stats_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO term_stats AS s (lexeme, chunks)
    SELECT lexeme, count(*) FROM (
      SELECT t.lexeme FROM new_rows r, unnest(r.tsv) t
      UNION ALL SELECT '' FROM new_rows) d
    GROUP BY lexeme ORDER BY lexeme
    ON CONFLICT (lexeme) DO UPDATE SET chunks = s.chunks + excluded.chunks;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO term_stats AS s (lexeme, chunks)
    SELECT lexeme, -count(*) FROM (
      SELECT t.lexeme FROM old_rows r, unnest(r.tsv) t
      UNION ALL SELECT '' FROM old_rows) d
    GROUP BY lexeme ORDER BY lexeme
    ON CONFLICT (lexeme) DO UPDATE SET chunks = s.chunks + excluded.chunks;
  ELSE -- UPDATE: the rows' old lexemes out, their new lexemes in
    INSERT INTO term_stats AS s (lexeme, chunks)
    SELECT lexeme, sum(delta) FROM (
      SELECT t.lexeme, 1 AS delta FROM new_rows r, unnest(r.tsv) t
      UNION ALL SELECT t.lexeme, -1 FROM old_rows r, unnest(r.tsv) t) d
    GROUP BY lexeme HAVING sum(delta) <> 0 ORDER BY lexeme
    ON CONFLICT (lexeme) DO UPDATE SET chunks = s.chunks + excluded.chunks;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION term_stats_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM term_stats;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER chunks_term_stats_insert AFTER INSERT ON chunks
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION term_stats_apply();
--> statement-breakpoint
CREATE TRIGGER chunks_term_stats_delete AFTER DELETE ON chunks
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION term_stats_apply();
--> statement-breakpoint
CREATE TRIGGER chunks_term_stats_update AFTER UPDATE ON chunks
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION term_stats_apply();
--> statement-breakpoint
CREATE TRIGGER chunks_term_stats_truncate AFTER TRUNCATE ON chunks
  FOR EACH STATEMENT EXECUTE FUNCTION term_stats_clear();
--> statement-breakpoint
-- Chunks written before this migration.
INSERT INTO term_stats (lexeme, chunks)
SELECT lexeme, count(*) FROM (
  SELECT t.lexeme FROM chunks c, unnest(c.tsv) t
  UNION ALL SELECT '' FROM chunks) d
GROUP BY lexeme;
