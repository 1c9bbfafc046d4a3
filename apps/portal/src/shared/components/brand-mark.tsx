/**
 * The Vigie mark: a lookout's shield with an open eye. Decorative; the name beside it is the label.
 * index.html draws the same mark in the header it shows while the scripts load: change both together.
 */
export function BrandMark() {
  return (
    <svg
      className="brand__mark"
      viewBox="0 0 32 32"
      width="32"
      height="32"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M16 2 4 6.5v8.2C4 22.4 9.1 28.3 16 30c6.9-1.7 12-7.6 12-15.3V6.5L16 2Z" fill="currentColor" />
      <path
        d="M7.8 16c2.1-3.5 4.9-5.3 8.2-5.3s6.1 1.8 8.2 5.3c-2.1 3.5-4.9 5.3-8.2 5.3S9.9 19.5 7.8 16Z"
        fill="#fff"
      />
      <circle cx="16" cy="16" r="2.9" fill="currentColor" />
    </svg>
  );
}
