import { HIGHLIGHT_ROLES, type HighlightRole } from '../../../../shared/highlights';
import type { RoleSettings } from '../../../../shared/reader/roleSettings';

/** A passage that reads sensibly with each role's kind of highlight on one of its phrases. */
const PASSAGE: { text: string; role?: HighlightRole }[] = [
  { text: 'Allies ' },
  { text: 'agreed to invest at least 2% of GDP in defence', role: 'key-point' },
  { text: ', and ' },
  { text: '23 Allies expect to meet the target this year', role: 'evidence' },
  { text: '. ' },
  { text: 'How will the pledge be measured after 2025?', role: 'question' },
  { text: ' Some call ' },
  { text: 'the goal too modest', role: 'disagree' },
  { text: '; ' },
  { text: 'ministers review progress in June', role: 'action' },
  { text: '.' },
];

/**
 * How highlights will look in the brief: the reading font on the page colour, each phrase in
 * its role's colour and ink, with a key of the roles' names underneath.
 */
export function HighlightPreview({ roles }: { roles: RoleSettings }) {
  return (
    <figure className="roles-preview">
      <figcaption className="settings-label">Preview</figcaption>
      <div className="roles-preview-page">
        <p className="roles-preview-text">
          {PASSAGE.map(({ text, role }, index) =>
            role ? (
              <mark
                key={index}
                className="roles-preview-mark"
                data-paint={roles[role].colour}
                title={roles[role].label}
              >
                {text}
              </mark>
            ) : (
              text
            ),
          )}
        </p>
        <ul className="roles-preview-key" aria-label="Key">
          {HIGHLIGHT_ROLES.map((role) => (
            <li key={role}>
              <span
                className="roles-preview-dot"
                data-paint={roles[role].colour}
                aria-hidden="true"
              />
              {roles[role].label}
            </li>
          ))}
        </ul>
      </div>
    </figure>
  );
}
