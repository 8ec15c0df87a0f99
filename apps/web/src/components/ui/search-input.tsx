import { Search } from "lucide-react";

/** The list search box (Applications, inboxes, Users). */
export function SearchInput({
  value,
  onChange,
  label,
  placeholder = label,
}: {
  value: string;
  onChange: (value: string) => void;
  /** Read by screen readers. */
  label: string;
  placeholder?: string;
}) {
  return (
    <label className="relative block w-full max-w-md">
      <span className="sr-only">{label}</span>
      <Search className="text-faint pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2" />
      <input
        type="search"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder={placeholder}
        maxLength={200}
        className="placeholder:text-faint w-full rounded-md border border-zinc-300 bg-white py-2 pr-3 pl-9 text-sm shadow-xs focus:border-zinc-400 focus:outline-none"
      />
    </label>
  );
}
