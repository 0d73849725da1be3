import type { ReactElement } from 'react';

// Stroke icons on a 24-unit grid, drawn for this app; currentColor so they follow the theme.
const PATHS = {
  back: <path d="M15 18l-6-6 6-6" />,
  chevronUp: <path d="M6 15l6-6 6 6" />,
  chevronDown: <path d="M6 9l6 6 6-6" />,
  close: <path d="M6 6l12 12M18 6L6 18" />,
  export: (
    <>
      <path d="M12 3v12" />
      <path d="M7 10l5 5 5-5" />
      <path d="M5 21h14" />
    </>
  ),
  import: (
    <>
      <path d="M12 15V3" />
      <path d="M7 8l5-5 5 5" />
      <path d="M5 21h14" />
    </>
  ),
  // Two pages, one over the other: a brief and its newer edition.
  editions: (
    <>
      <path d="M8 7V5a2 2 0 012-2h6l4 4v10a2 2 0 01-2 2h-2" />
      <path d="M16 3v4h4" />
      <rect x="4" y="7" width="12" height="14" rx="2" />
      <path d="M7.5 12h5M7.5 16h5" />
    </>
  ),
  pin: (
    <>
      <path d="M9 4h6l-1 6 3 3H7l3-3z" />
      <path d="M12 16v5" />
    </>
  ),
  bold: <path d="M7 4h6a4 4 0 010 8H7zM7 12h7a4 4 0 010 8H7z" />,
  italic: (
    <>
      <path d="M19 4h-9" />
      <path d="M14 20H5" />
      <path d="M15 4L9 20" />
    </>
  ),
  // An S struck through, the way a proofreader crosses text out.
  strike: (
    <>
      <path d="M16.5 7.5C16 5.5 14.2 4 12 4c-2.5 0-4.5 1.5-4.5 3.6 0 1.7 1.2 2.8 3.4 3.4" />
      <path d="M7.5 16.5c.5 2 2.3 3.5 4.8 3.5s4.7-1.5 4.7-3.6c0-1-.4-1.8-1.1-2.4" />
      <path d="M4 12h16" />
    </>
  ),
  code: <path d="M9 7l-5 5 5 5M15 7l5 5-5 5" />,
  // A rule between two lines of text.
  horizontalRule: (
    <>
      <path d="M3 12h18" />
      <path d="M8 6h8M8 18h8" />
    </>
  ),
  heading: (
    <>
      <path d="M6 4v16" />
      <path d="M18 4v16" />
      <path d="M6 12h12" />
    </>
  ),
  bulletList: (
    <>
      <path d="M9 6h11M9 12h11M9 18h11" />
      <circle cx="4.5" cy="6" r="1" />
      <circle cx="4.5" cy="12" r="1" />
      <circle cx="4.5" cy="18" r="1" />
    </>
  ),
  orderedList: (
    <>
      <path d="M10 6h10M10 12h10M10 18h10" />
      <path d="M4 4h1.5v4M4 8h3" />
      <path d="M4 14.5a1.5 1.5 0 013 0c0 1.5-3 2-3 3.5h3" />
    </>
  ),
  taskList: (
    <>
      <rect x="3" y="4" width="6" height="6" rx="1" />
      <path d="M4.5 16.5l1.5 1.5 3-3" />
      <path d="M13 7h8M13 17h8" />
    </>
  ),
  quote: (
    <>
      <path d="M4 6v12" />
      <path d="M9 8h11M9 12h11M9 16h7" />
    </>
  ),
  // A quoted passage (a bar and its lines) with a plus: add a quote to the note.
  quoteAdd: (
    <>
      <path d="M4 5v9" />
      <path d="M8 5.5h11M8 9.5h11M8 13.5h5" />
      <path d="M17.5 15v6M14.5 18h6" />
    </>
  ),
  edit: (
    <>
      <path d="M15.5 5.5l3 3L9 18H6v-3z" />
      <path d="M13.5 7.5l3 3" />
    </>
  ),
  link: (
    <>
      <path d="M10 14a4 4 0 005.7 0l3-3a4 4 0 00-5.7-5.7l-1 1" />
      <path d="M14 10a4 4 0 00-5.7 0l-3 3a4 4 0 005.7 5.7l1-1" />
    </>
  ),
  // Two sheets, one over the other: copy.
  copy: (
    <>
      <rect x="9" y="9" width="11" height="11" rx="2" />
      <path d="M15 9V6a2 2 0 00-2-2H6a2 2 0 00-2 2v7a2 2 0 002 2h3" />
    </>
  ),
  document: (
    <>
      <path d="M14 3H7a2 2 0 00-2 2v14a2 2 0 002 2h10a2 2 0 002-2V8z" />
      <path d="M14 3v5h5" />
      <path d="M9 13h6M9 17h6" />
    </>
  ),
} satisfies Record<string, ReactElement>;

export type IconName = keyof typeof PATHS;

/** A decorative icon; the control that holds it carries the accessible name. */
export function Icon({ name, size = 18 }: { name: IconName; size?: number }) {
  return (
    <svg
      className="icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.75}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {PATHS[name]}
    </svg>
  );
}
