import { AppealContent, normalizeSubjectDescription, onlyLanguage } from '@vigie/common';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A person's hair, eyes, build, ethnicity and languages become codes of controlled vocabularies
 * shown in each language's words. Working copies (`appeal.draft`) written before are read into
 * the codes, and what no list holds moves, readable, into the localized `description` in the
 * language it was written in. Published versions are records and stay exactly as published;
 * the public read applies the same reading to them.
 */
export class SubjectVocabularies1763701500000 implements MigrationInterface {
  name = 'SubjectVocabularies1763701500000';

  async up(q: QueryRunner): Promise<void> {
    const rows: { id: string; draft: AppealContent }[] = await q.query(
      `SELECT id, draft FROM appeal WHERE jsonb_typeof(draft->'subjects') = 'array' AND jsonb_array_length(draft->'subjects') > 0`,
    );
    for (const { id, draft } of rows) {
      const subjects = draft.subjects.map((s) => normalizeSubjectDescription(s, onlyLanguage(draft.title)));
      if (JSON.stringify(subjects) === JSON.stringify(draft.subjects)) continue;
      await q.query(`UPDATE appeal SET draft = jsonb_set(draft, '{subjects}', $2::jsonb) WHERE id = $1`, [
        id,
        JSON.stringify(subjects),
      ]);
    }
  }

  async down(): Promise<void> {
    // The codes read back as their terms; nothing to undo that would not lose the split.
  }
}
