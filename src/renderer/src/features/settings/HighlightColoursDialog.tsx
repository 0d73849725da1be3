import { useId, useRef, useState } from 'react';
import { HIGHLIGHT_COLOUR_LABELS, type HighlightColour } from '../../../../shared/highlightColours';
import { HIGHLIGHT_ROLES, type HighlightRole } from '../../../../shared/highlights';
import { DEFAULT_ROLE_SETTINGS, type RoleSettings } from '../../../../shared/reader/roleSettings';
import { Dialog } from '../../components/Dialog';
import { checkRoleLabels } from './checkRoleLabels';
import { ColourChoice } from './ColourChoice';
import { HighlightPreview } from './HighlightPreview';
import { useSettingsSaveStatus } from './settingsSaveStatus';

interface HighlightColoursDialogProps {
  roles: RoleSettings;
  onChange: (roles: RoleSettings) => void;
  onClose: () => void;
}

const labelsOf = (roles: RoleSettings) =>
  Object.fromEntries(HIGHLIGHT_ROLES.map((role) => [role, roles[role].label])) as Record<
    HighlightRole,
    string
  >;

const sameRoles = (a: RoleSettings, b: RoleSettings) =>
  HIGHLIGHT_ROLES.every(
    (role) => a[role].label === b[role].label && a[role].colour === b[role].colour,
  );

/**
 * Names and colours of the five highlight roles. Changes apply and are saved as they are made,
 * like the rest of the reading settings; a name with a problem says what it is and is not
 * saved until it is fixed, while everything else still is.
 */
export function HighlightColoursDialog({ roles, onChange, onClose }: HighlightColoursDialogProps) {
  const idPrefix = useId();
  const tableRef = useRef<HTMLDivElement>(null);
  const [typed, setTyped] = useState(() => labelsOf(roles));
  const [touched, setTouched] = useState(false);
  const saveStatus = useSettingsSaveStatus();
  const check = checkRoleLabels(typed, labelsOf(roles));
  const problemCount = Object.keys(check.problems).length;

  const save = (nextTyped: Record<HighlightRole, string>, colours: RoleSettings) => {
    const { labels } = checkRoleLabels(nextTyped, labelsOf(roles));
    const next = Object.fromEntries(
      HIGHLIGHT_ROLES.map((role) => [role, { label: labels[role], colour: colours[role].colour }]),
    ) as RoleSettings;
    setTouched(true);
    if (!sameRoles(next, roles)) onChange(next);
  };

  const rename = (role: HighlightRole, label: string) => {
    const nextTyped = { ...typed, [role]: label };
    setTyped(nextTyped);
    save(nextTyped, roles);
  };

  const recolour = (role: HighlightRole, colour: HighlightColour) => {
    save(typed, { ...roles, [role]: { ...roles[role], colour } });
  };

  const reset = () => {
    setTyped(labelsOf(DEFAULT_ROLE_SETTINGS));
    save(labelsOf(DEFAULT_ROLE_SETTINGS), DEFAULT_ROLE_SETTINGS);
    // The button turns disabled; the focus goes back to the top rather than out of the dialog.
    tableRef.current?.querySelector('input')?.focus();
  };

  const isDefault = sameRoles(roles, DEFAULT_ROLE_SETTINGS) && problemCount === 0;

  let status: { text: string; tone: 'muted' | 'saved' | 'problem' };
  if (saveStatus.state === 'failed' && touched) {
    status = { text: `Not saved: ${saveStatus.message}`, tone: 'problem' };
  } else if (problemCount > 0) {
    status = {
      text:
        problemCount === 1
          ? 'Fix the name marked above to save it.'
          : 'Fix the names marked above to save them.',
      tone: 'problem',
    };
  } else if (touched && saveStatus.state === 'saving') {
    status = { text: 'Saving…', tone: 'muted' };
  } else if (touched && saveStatus.state === 'saved') {
    status = { text: 'Saved', tone: 'saved' };
  } else {
    status = { text: 'Changes are saved as you make them.', tone: 'muted' };
  }

  return (
    <Dialog title="Highlight colours" onClose={onClose}>
      <p className="roles-intro">
        Name each colour for how you use it. The names appear in the highlight toolbar and on each
        highlight.
      </p>
      <div ref={tableRef} className="roles-table">
        <div className="roles-head" aria-hidden="true">
          <span className="settings-label">Name</span>
          <span className="settings-label">Colour</span>
        </div>
        {HIGHLIGHT_ROLES.map((role) => {
          const inputId = `${idPrefix}-${role}`;
          const messageId = `${inputId}-message`;
          const problem = check.problems[role];
          const sharing = HIGHLIGHT_ROLES.filter(
            (other) => other !== role && roles[other].colour === roles[role].colour,
          );
          const note = problem
            ? `${problem}.`
            : sharing.length > 0
              ? `${HIGHLIGHT_COLOUR_LABELS[roles[role].colour]} is also used for ${sharing.map((other) => roles[other].label).join(' and ')}.`
              : null;
          return (
            <fieldset key={role} className="roles-row">
              <legend className="settings-visually-hidden">{roles[role].label}</legend>
              <span className="roles-field">
                <label htmlFor={inputId} className="settings-visually-hidden">
                  Name
                </label>
                <input
                  id={inputId}
                  className="field-input roles-name"
                  type="text"
                  autoComplete="off"
                  spellCheck={false}
                  value={typed[role]}
                  aria-invalid={problem !== undefined}
                  aria-describedby={note ? messageId : undefined}
                  onChange={(event) => rename(role, event.target.value)}
                />
              </span>
              <ColourChoice
                label="Colour"
                value={roles[role].colour}
                onChange={(colour) => recolour(role, colour)}
              />
              {note && (
                <p
                  id={messageId}
                  className={problem ? 'field-error roles-note' : 'field-hint roles-note'}
                >
                  {note}
                </p>
              )}
            </fieldset>
          );
        })}
      </div>
      <HighlightPreview roles={roles} />
      <div className="dialog-actions roles-actions">
        <button
          type="button"
          className="button button-quiet dialog-action-start"
          disabled={isDefault}
          onClick={reset}
        >
          Reset to defaults
        </button>
        <p className={`roles-status is-${status.tone}`} role="status">
          {status.tone === 'saved' && (
            <svg viewBox="0 0 12 12" width="12" height="12" aria-hidden="true">
              <path
                d="M2.5 6.2 5 8.6l4.6-5.2"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.8"
              />
            </svg>
          )}
          {status.text}
        </p>
        <button type="button" className="button button-primary" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  );
}
