import type { Database } from 'better-sqlite3';
import { DatabaseError } from './DatabaseError';
import type { Migration } from './migrations/Migration';

export interface RunMigrationsOptions {
  /**
   * Called once before migrating a database that already has a schema (and so the user's data)
   * from version `from` to `to`; throwing stops the migration with nothing changed.
   */
  beforeMigrating?: (from: number, to: number) => void;
}

/**
 * Brings the schema to the newest version, one transaction per migration, so a failure leaves
 * the database at the last completed version. Refuses a database written by a newer Briefmark.
 */
export function runMigrations(
  db: Database,
  migrations: readonly Migration[],
  options: RunMigrationsOptions = {},
): number {
  const latest = migrations.at(-1)?.version ?? 0;
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latest) {
    throw new DatabaseError(
      'database_newer',
      `This library was saved by a newer version of Briefmark (schema ${current}; this version knows up to ${latest}). Update Briefmark to open it.`,
    );
  }
  if (current > 0 && current < latest) options.beforeMigrating?.(current, latest);
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
  return db.pragma('user_version', { simple: true }) as number;
}
