export function LanternMark({ className = "size-7" }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={className} aria-hidden>
      <rect width="32" height="32" rx="8" fill="#18181b" />
      <path
        d="M16 5v3M11 9h10l-1.5 3h-7L11 9Zm1.5 3h7v9a3.5 3.5 0 0 1-7 0v-9Z"
        fill="none"
        stroke="#fbbf24"
        strokeWidth="2"
        strokeLinejoin="round"
      />
      <circle cx="16" cy="18" r="2" fill="#fbbf24" />
      <path d="M12 27h8" stroke="#fbbf24" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}
