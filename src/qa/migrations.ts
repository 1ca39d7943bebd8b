/** @module Schema migrations of the qa area (names start with its prefix (0200_qa_…) so they sort after core). */
import type { Kysely } from 'kysely';
import { index, withId } from '../db/columns.js';
import type { Dialect } from '../db/connection.js';
import type { Migration } from '../db/migrator.js';

async function createQaTables(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await withId(db.schema.createTable('qa_conversations'), dialect)
    .addColumn('public_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('topic', 'text')
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await index(db, 'qa_conversations', ['public_id'], true);
  await index(db, 'qa_conversations', ['user_id', 'updated_at']);

  await withId(db.schema.createTable('qa_turns'), dialect)
    .addColumn('conversation_id', 'integer', (c) =>
      c.notNull().references('qa_conversations.id').onDelete('cascade'),
    )
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('retrieval_query', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('found', 'integer', (c) => c.notNull())
    .addColumn('top_score', 'real')
    .addColumn('answer_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await index(db, 'qa_turns', ['conversation_id', 'seq'], true);

  await withId(db.schema.createTable('qa_feedback'), dialect)
    .addColumn('turn_id', 'integer', (c) =>
      c.notNull().references('qa_turns.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('helpful', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await index(db, 'qa_feedback', ['turn_id'], true);
  await index(db, 'qa_feedback', ['created_at']);

  await withId(db.schema.createTable('qa_unanswered'), dialect)
    .addColumn('turn_id', 'integer', (c) => c.references('qa_turns.id').onDelete('set null'))
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('topic', 'text')
    .addColumn('top_score', 'real')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await index(db, 'qa_unanswered', ['created_at']);
}

export const qaMigrations: Migration[] = [
  { name: '0200_qa_tables', up: createQaTables },
  {
    // How sure the answer was (issue / retrieval / none), so the bureau can review the unsure ones.
    name: '0201_qa_turn_certainty',
    up: async (db) => {
      await db.schema.alterTable('qa_turns').addColumn('certainty', 'text').execute();
      await index(db, 'qa_turns', ['certainty']);
    },
  },
];
