import { Avatar } from "./avatar.tsx";

export interface Person {
  id: string;
  displayName: string;
  email: string;
}

/** Up to `max` avatars overlapping, then the names in text for screen readers and titles. */
export function PeopleStack({
  people,
  max = 3,
  empty = "None",
}: {
  people: Person[];
  max?: number;
  empty?: string;
}) {
  if (people.length === 0) return <span className="text-muted text-sm">{empty}</span>;
  const shown = people.slice(0, max);
  const names = people.map((p) => p.displayName).join(", ");
  return (
    <span className="flex items-center gap-2" title={names}>
      <span className="flex -space-x-1.5">
        {shown.map((p) => (
          <Avatar key={p.id} name={p.displayName} size="sm" />
        ))}
      </span>
      <span className="truncate text-sm text-zinc-700">
        {shown[0]!.displayName}
        {people.length > 1 ? <span className="text-muted"> +{people.length - 1}</span> : null}
      </span>
      <span className="sr-only">{names}</span>
    </span>
  );
}

/** A person's avatar, name and email address, as shown in lists and tables. */
export function PersonLabel({ person, size = "sm" }: { person: Person; size?: "sm" | "md" }) {
  return (
    <span className={`flex min-w-0 items-center ${size === "sm" ? "gap-2.5" : "gap-3"}`}>
      <Avatar name={person.displayName} size={size} />
      <span className="min-w-0">
        <span
          className={`block truncate font-medium ${size === "sm" ? "text-sm text-zinc-900" : "text-zinc-950"}`}
        >
          {person.displayName}
        </span>
        <span className="text-muted block truncate text-xs">{person.email}</span>
      </span>
    </span>
  );
}

export function PeopleList({ people, empty = "Nobody" }: { people: Person[]; empty?: string }) {
  if (people.length === 0) return <p className="text-muted text-sm">{empty}</p>;
  return (
    <ul className="space-y-2">
      {people.map((p) => (
        <li key={p.id}>
          <PersonLabel person={p} />
        </li>
      ))}
    </ul>
  );
}
