import type { Database, Statement } from 'better-sqlite3';

/** Small key/value facts about the library itself (e.g. whether the sample was offered). */
export class AppStateRepository {
  private readonly select: Statement<[string], { value: string }>;
  private readonly upsert: Statement;

  constructor(db: Database) {
    this.select = db.prepare(`SELECT value FROM app_state WHERE key = ?`);
    this.upsert = db.prepare(
      `INSERT INTO app_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    );
  }

  get(key: string): string | undefined {
    return this.select.get(key)?.value;
  }

  set(key: string, value: string): void {
    this.upsert.run(key, value);
  }
}
