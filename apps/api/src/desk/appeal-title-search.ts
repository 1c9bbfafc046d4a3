import type { DataSource } from 'typeorm';

/** More appeals than this sharing one search's words is no longer a search by title. */
const MAX_APPEALS = 200;

/**
 * The appeals (appeals' `appeal`, `appeal_version`) of an agency whose title, in French or English,
 * holds the words searched, case and accents ignored: part of a title ("lea trem") or its words
 * stemmed as the tips' text is ("disparue" finds "Disparition"). Every title an appeal has had
 * counts, the working copy's included: a resolved AMBER alert's public title is its outcome, yet
 * investigators still look its tips up by the child's name. An agency has hundreds of appeals, not
 * millions, so this reads them all, once per search.
 */
export async function appealsTitled(dataSource: DataSource, agencyId: string, q: string): Promise<string[]> {
  const rows: { id: string }[] = await dataSource.query(
    `SELECT a.id FROM appeal a
      WHERE a.agency_id = $1 AND EXISTS (
        SELECT 1 FROM (
          SELECT a.draft->'title' AS title
          UNION ALL SELECT v.public->'content'->'title' FROM appeal_version v WHERE v.appeal_id = a.id
        ) titles,
        LATERAL (SELECT vigie_unaccent(lower(concat_ws(' ', titles.title->>'fr', titles.title->>'en'))) AS text) words
        WHERE strpos(words.text, vigie_unaccent(lower($2))) > 0
           OR (to_tsvector('french', words.text) || to_tsvector('english', words.text))
              @@ (plainto_tsquery('french', vigie_unaccent($2)) || plainto_tsquery('english', vigie_unaccent($2))))
      LIMIT ${MAX_APPEALS}`,
    [agencyId, q.trim()],
  );
  return rows.map((r) => r.id);
}
