import { z } from 'zod';
import { highlightColourSchema, type HighlightColour } from '../highlightColours';
import { DEFAULT_ROLE_LABELS, HIGHLIGHT_ROLES, type HighlightRole } from '../highlights';

/** What the reader calls a highlight role and the palette colour it paints with. */
export interface RoleSetting {
  label: string;
  colour: HighlightColour;
}

export type RoleSettings = Record<HighlightRole, RoleSetting>;

export const MAX_ROLE_LABEL_LENGTH = 40;

export const DEFAULT_ROLE_SETTINGS: Readonly<RoleSettings> = {
  'key-point': { label: DEFAULT_ROLE_LABELS['key-point'], colour: 'yellow' },
  evidence: { label: DEFAULT_ROLE_LABELS.evidence, colour: 'green' },
  question: { label: DEFAULT_ROLE_LABELS.question, colour: 'blue' },
  disagree: { label: DEFAULT_ROLE_LABELS.disagree, colour: 'pink' },
  action: { label: DEFAULT_ROLE_LABELS.action, colour: 'purple' },
};

/**
 * Why a name cannot be a role's label, or null when it can. Phrased for the reader and without
 * a full stop, so the settings editor and the API's refusal can both use it.
 */
export function roleLabelProblem(label: string): string | null {
  const trimmed = label.trim();
  if (trimmed.length === 0) return 'Give this highlight colour a name';
  if (trimmed.length > MAX_ROLE_LABEL_LENGTH) {
    return `Use at most ${MAX_ROLE_LABEL_LENGTH} characters (this name has ${trimmed.length})`;
  }
  if (/\p{Cc}/u.test(trimmed)) return 'Use a name on one line, without control characters';
  return null;
}

/** Names are compared as the reader reads them: spaces around and letter case do not count. */
export function roleLabelKey(label: string): string {
  return label.trim().normalize('NFC').toLowerCase();
}

export function duplicateRoleLabelMessage(label: string): string {
  return `Another highlight colour is already called “${label.trim()}”`;
}

const roleLabelSchema = z
  .string()
  .trim()
  .superRefine((label, context) => {
    const problem = roleLabelProblem(label);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });

export const roleSettingSchema = z
  .object({ label: roleLabelSchema, colour: highlightColourSchema })
  .strict();

export const roleSettingsSchema = z
  .object({
    'key-point': roleSettingSchema,
    evidence: roleSettingSchema,
    question: roleSettingSchema,
    disagree: roleSettingSchema,
    action: roleSettingSchema,
  } satisfies Record<HighlightRole, typeof roleSettingSchema>)
  .strict()
  .superRefine((roles, context) => {
    // Two roles with one name could not be told apart in the toolbar or a screen reader.
    const seen = new Set<string>();
    for (const role of HIGHLIGHT_ROLES) {
      const key = roleLabelKey(roles[role].label);
      if (seen.has(key)) {
        context.addIssue({
          code: 'custom',
          message: duplicateRoleLabelMessage(roles[role].label),
          path: [role, 'label'],
        });
        return;
      }
      seen.add(key);
    }
  });

function fieldsOf(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/**
 * Role settings read back from storage, each role and each of its fields on its own: a damaged
 * name or colour falls back to its default and leaves the others as the reader chose them.
 */
export function roleSettingsFrom(value: unknown): RoleSettings {
  const stored = fieldsOf(value);
  const roles = {} as RoleSettings;
  const seen = new Set<string>();
  for (const role of HIGHLIGHT_ROLES) {
    const fields = fieldsOf(stored[role]);
    const label = roleLabelSchema.safeParse(fields.label);
    const colour = highlightColourSchema.safeParse(fields.colour);
    // A name already taken (only possible in a hand-edited file) gives way to the default.
    const usable = label.success && !seen.has(roleLabelKey(label.data));
    roles[role] = {
      label: usable ? label.data : DEFAULT_ROLE_SETTINGS[role].label,
      colour: colour.success ? colour.data : DEFAULT_ROLE_SETTINGS[role].colour,
    };
    seen.add(roleLabelKey(roles[role].label));
  }
  if (roleSettingsSchema.safeParse(roles).success) return roles;
  // A default that clashes with a chosen name: every name goes back, the colours stay.
  for (const role of HIGHLIGHT_ROLES) roles[role].label = DEFAULT_ROLE_SETTINGS[role].label;
  return roles;
}
