import { initialSchema } from './0001-initial-schema';
import type { Migration } from './Migration';

/** Every migration in order; append only. Each runs in its own transaction. */
export const migrations: readonly Migration[] = [initialSchema];

export const LATEST_SCHEMA_VERSION = migrations.at(-1)?.version ?? 0;
