/** Two pages, one over the other: a brief and its newer edition. Decorative. */
export function EditionsIcon({ size = 18 }: { size?: number }) {
  return (
    <svg
      className="icon editions-icon"
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
      <path d="M8 7V5a2 2 0 012-2h6l4 4v10a2 2 0 01-2 2h-2" />
      <path d="M16 3v4h4" />
      <rect x="4" y="7" width="12" height="14" rx="2" />
      <path d="M7.5 12h5M7.5 16h5" />
    </svg>
  );
}
