import { initialSchema } from './0001-initial-schema';
import type { Migration } from './Migration';
import { readingPositions } from './0002-reading-positions';

/** Every migration in order; append only. Each runs in its own transaction. */
export const migrations: readonly Migration[] = [initialSchema, readingPositions];

export const LATEST_SCHEMA_VERSION = migrations.at(-1)?.version ?? 0;
