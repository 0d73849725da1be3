/**
 * For `skipIf`: true when this machine lacks what some tests need, after printing one line
 * that says which tests skip and why, so a skip is never silent.
 */
export function unavailable(available: boolean, skipped: string, why: string): boolean {
  if (!available) console.log(`${skipped} skipped: ${why}`);
  return !available;
}
