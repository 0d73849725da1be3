import { initialSchema } from './0001-initial-schema';
import type { Migration } from './Migration';
import { readingPositions } from './0002-reading-positions';
import { highlights } from './0003-highlights';

/** Every migration in order; append only. Each runs in its own transaction. */
export const migrations: readonly Migration[] = [initialSchema, readingPositions, highlights];

export const LATEST_SCHEMA_VERSION = migrations.at(-1)?.version ?? 0;
