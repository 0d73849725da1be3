import type { Database } from 'better-sqlite3';
import { DatabaseError } from './DatabaseError';
import type { Migration } from './migrations/Migration';

/**
 * Brings the schema to the newest version, one transaction per migration, so a failure leaves
 * the database at the last completed version. Refuses a database written by a newer Briefmark.
 */
export function runMigrations(db: Database, migrations: readonly Migration[]): number {
  const latest = migrations.at(-1)?.version ?? 0;
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latest) {
    throw new DatabaseError(
      'database_newer',
      `This library was saved by a newer version of Briefmark (schema ${current}; this version knows up to ${latest}). Update Briefmark to open it.`,
    );
  }
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
  return db.pragma('user_version', { simple: true }) as number;
}
