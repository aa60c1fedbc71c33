import type { ReactNode } from 'react';

/** Small stroke icons drawn on a 20×20 grid, coloured by the button's text colour. */
function Icon({ children }: { children: ReactNode }) {
  return (
    <svg
      viewBox="0 0 20 20"
      width="18"
      height="18"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export const icons = {
  undo: (
    <Icon>
      <path d="M7 5 3.5 8.5 7 12" />
      <path d="M4 8.5h8a4 4 0 0 1 0 8H9" />
    </Icon>
  ),
  redo: (
    <Icon>
      <path d="m13 5 3.5 3.5L13 12" />
      <path d="M16 8.5H8a4 4 0 0 0 0 8h3" />
    </Icon>
  ),
  bold: (
    <Icon>
      <path d="M6 4h5a3 3 0 0 1 0 6H6zM6 10h6a3 3 0 0 1 0 6H6z" strokeWidth="2" />
    </Icon>
  ),
  italic: (
    <Icon>
      <path d="M12 4H8.5M11.5 16H8M11 4 9 16" />
    </Icon>
  ),
  underline: (
    <Icon>
      <path d="M6 3.5v6a4 4 0 0 0 8 0v-6M5 17h10" />
    </Icon>
  ),
  strike: (
    <Icon>
      <path d="M4 10h12M13.5 6.5C13 5 11.7 4 10 4 8 4 6.6 5.2 6.6 6.7c0 1 .6 1.8 1.8 2.3M7 13.5c.5 1.5 1.8 2.5 3.4 2.5 2 0 3.5-1.2 3.5-2.8 0-.5-.1-.9-.4-1.2" />
    </Icon>
  ),
  code: (
    <Icon>
      <path d="m7 6-4 4 4 4M13 6l4 4-4 4" />
    </Icon>
  ),
  link: (
    <Icon>
      <path d="M8.5 11.5a3 3 0 0 0 4.2 0l2.6-2.6a3 3 0 0 0-4.2-4.2l-.9.9M11.5 8.5a3 3 0 0 0-4.2 0l-2.6 2.6a3 3 0 0 0 4.2 4.2l.9-.9" />
    </Icon>
  ),
  bullet: (
    <Icon>
      <path d="M8 5.5h9M8 10h9M8 14.5h9" />
      <circle cx="4" cy="5.5" r=".9" fill="currentColor" />
      <circle cx="4" cy="10" r=".9" fill="currentColor" />
      <circle cx="4" cy="14.5" r=".9" fill="currentColor" />
    </Icon>
  ),
  number: (
    <Icon>
      <path d="M8 5.5h9M8 10h9M8 14.5h9M3.5 4.5l1-.5v3.5M3.2 12.5c.3-.6 1.9-.7 1.9.3 0 .8-1.9 1.6-1.9 2.2h2" />
    </Icon>
  ),
  html: (
    <Icon>
      <path d="m6.5 6-4 4 4 4M13.5 6l4 4-4 4M11.5 4.5l-3 11" />
    </Icon>
  ),
  // The Markdown mark: an M and a down arrow in a frame.
  markdown: (
    <Icon>
      <rect x="2" y="5" width="16" height="10" rx="1.5" />
      <path d="M5 12.5v-5l2 2.5 2-2.5v5M14 7.5v5M12 10.5l2 2 2-2" />
    </Icon>
  ),
  panel: (
    <Icon>
      <rect x="3" y="4" width="14" height="12" rx="1.5" />
      <path d="M12 4v12" />
    </Icon>
  ),
  preview: (
    <Icon>
      <path d="M2.5 10S5.5 4.5 10 4.5 17.5 10 17.5 10 14.5 15.5 10 15.5 2.5 10 2.5 10Z" />
      <circle cx="10" cy="10" r="2.5" />
    </Icon>
  ),
};
