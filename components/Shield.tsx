// The extension's mark, inline so pages need no image request.
export function Shield({ label }: { label?: string }) {
  return (
    <svg
      viewBox="0 0 24 24"
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
    >
      <path d="M12 2 4 5v6c0 5 3.4 9.4 8 11 4.6-1.6 8-6 8-11V5l-8-3Z" fill="#1d4ed8" />
      <path d="M9 8h6v3h3v2h-3v3H9v-3H6v-2h3V8Z" fill="#fff" />
    </svg>
  );
}
