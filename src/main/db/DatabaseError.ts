/** A database problem the user can act on, with a sentence that says what happened. */
export class DatabaseError extends Error {
  constructor(
    readonly code: 'database_newer' | 'database_unreadable' | 'database_locked',
    message: string,
  ) {
    super(message);
    this.name = 'DatabaseError';
  }
}
