import Link from "next/link";
import { ACCOUNT_STATUS, ACCOUNT_TYPE_LABEL } from "~/components/entitlements/labels";
import { Breadcrumb } from "~/components/shell/breadcrumb";
import { KIND_LABEL } from "~/components/tasks/actions";
import { Badge } from "~/components/ui/badge";
import { PageHeader } from "~/components/ui/page-header";
import { PersonLabel } from "~/components/ui/people";
import { Section } from "~/components/ui/section";
import { tableClass, theadClass } from "~/components/ui/table";
import { formatDate, formatDateTime, plural } from "~/lib/format";
import { PersonActions } from "./person-actions.tsx";
import { historyText, ROLE_LABEL, STATUS_BADGE, type PersonDetails } from "./person-labels.ts";

/** Users › this person; a viewer the directory refuses gets no link to it. */
export function PersonBreadcrumb({
  current,
  directory = true,
}: {
  current: string;
  directory?: boolean;
}) {
  return (
    <Breadcrumb
      trail={directory ? [{ href: "/users", label: "Users" }] : []}
      current={current}
      truncate
    />
  );
}

/**
 * A person of the organization (super admins): who they are, their manager and reports, the
 * accounts they own, their open tasks and the history of changes; with Change role, Change
 * manager, Change status and Sign out everywhere for those who may manage people.
 */
export function PersonDetailsView({
  person,
  canManage,
}: {
  person: PersonDetails;
  /** The viewer may manage people (me.can.managePeople): the actions show. */
  canManage: boolean;
}) {
  const status = STATUS_BADGE[person.status];
  const subtitle = [person.email, person.title, person.department].filter(Boolean).join(" · ");
  return (
    <>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <span className="break-words">{person.displayName}</span>
            <span className="flex gap-1.5">
              <Badge tone={status.tone}>{status.label}</Badge>
              <Badge tone={person.role === "MEMBER" ? "neutral" : "brand"}>
                {ROLE_LABEL[person.role]}
              </Badge>
            </span>
          </span>
        }
        description={<span className="[overflow-wrap:anywhere]">{subtitle}</span>}
      >
        <PersonBreadcrumb current={person.displayName} />
        {canManage ? (
          <div className="pb-5">
            <PersonActions
              person={{
                id: person.id,
                displayName: person.displayName,
                role: person.role,
                status: person.status,
                manager: person.manager,
              }}
            />
          </div>
        ) : null}
      </PageHeader>
      <div className="space-y-6 px-6 py-6 xl:px-8">
        <ManagerAndReports person={person} />
        <Accounts person={person} />
        <OpenTasks person={person} />
        <History person={person} />
      </div>
    </>
  );
}

const headCell = "px-3 py-2 first:pl-0 last:pr-0";
const bodyCell = "px-3 py-2.5 first:pl-0 last:pr-0";

/**
 * A list of the first `shown` of `total` things (what: "account"): a line when there are none,
 * and "Showing 5 of 12 accounts." when there are more.
 */
function Listed({
  shown,
  total = shown,
  what,
  empty,
  children,
}: {
  shown: number;
  total?: number;
  what: string;
  empty: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <>
      {shown === 0 ? <p className="text-muted text-sm">{empty}</p> : children}
      {total > shown ? (
        <p className="text-muted mt-3 text-xs">
          Showing {shown} of {plural(total, what)}.
        </p>
      ) : null}
    </>
  );
}

function ManagerAndReports({ person }: { person: PersonDetails }) {
  return (
    <Section title="Manager and reports">
      <div className="grid gap-6 sm:grid-cols-2">
        <div className="min-w-0">
          <h3 className="text-muted mb-2 text-xs font-medium">Manager</h3>
          {person.manager ? (
            <Link href={`/users/${person.manager.id}`} className="block hover:underline">
              <PersonLabel person={person.manager} />
            </Link>
          ) : (
            <p className="text-muted text-sm">No manager on record</p>
          )}
        </div>
        <div className="min-w-0">
          <h3 className="text-muted mb-2 text-xs font-medium">
            Direct reports ({person.reports.total})
          </h3>
          <Listed
            shown={person.reports.items.length}
            total={person.reports.total}
            what="direct report"
            empty={`Nobody reports to ${person.displayName}`}
          >
            <ul className="space-y-2">
              {person.reports.items.map((r) => (
                <li key={r.id} className="flex min-w-0 items-center gap-2">
                  <Link href={`/users/${r.id}`} className="min-w-0 hover:underline">
                    <PersonLabel person={r} />
                  </Link>
                  {r.status !== "ACTIVE" ? (
                    <Badge tone={STATUS_BADGE[r.status].tone}>{STATUS_BADGE[r.status].label}</Badge>
                  ) : null}
                </li>
              ))}
            </ul>
          </Listed>
        </div>
      </div>
    </Section>
  );
}

function Accounts({ person }: { person: PersonDetails }) {
  const { items, total } = person.accounts;
  return (
    <Section title="Accounts" description="The accounts they own, across applications.">
      <Listed
        shown={items.length}
        total={total}
        what="account"
        empty={`${person.displayName} owns no accounts.`}
      >
        <div className="-my-2 overflow-x-auto">
          <table className={tableClass}>
            <thead className={theadClass}>
              <tr>
                <th scope="col" className={`w-[35%] ${headCell}`}>
                  Application
                </th>
                <th scope="col" className={headCell}>
                  Account
                </th>
                <th scope="col" className={`hidden w-24 sm:table-cell ${headCell}`}>
                  Type
                </th>
                <th scope="col" className={`w-24 ${headCell}`}>
                  Status
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {items.map((a) => (
                <tr key={a.id}>
                  <td className={`truncate ${bodyCell}`}>
                    <Link href={`/apps/${a.app.id}`} className="text-zinc-900 hover:underline">
                      {a.app.name}
                    </Link>
                  </td>
                  <td className={`truncate ${bodyCell}`}>
                    <Link
                      href={`/apps/${a.app.id}/accounts/${a.id}`}
                      className="font-medium text-zinc-900 hover:underline"
                    >
                      {a.login ?? a.displayName ?? "Account"}
                    </Link>
                  </td>
                  <td className={`hidden text-zinc-700 sm:table-cell ${bodyCell}`}>
                    {ACCOUNT_TYPE_LABEL[a.type]}
                  </td>
                  <td className={bodyCell}>
                    <Badge tone={ACCOUNT_STATUS[a.status].tone}>
                      {ACCOUNT_STATUS[a.status].label}
                    </Badge>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Listed>
    </Section>
  );
}

function OpenTasks({ person }: { person: PersonDetails }) {
  const { items, total } = person.openTasks;
  return (
    <Section title="Open tasks" description="Open tasks assigned to them, oldest first.">
      <Listed
        shown={items.length}
        total={total}
        what="open task"
        empty={`No open tasks are assigned to ${person.displayName}.`}
      >
        <ul className="divide-y divide-zinc-100">
          {items.map((t) => (
            <li key={t.number} className="flex flex-wrap items-center gap-x-3 gap-y-0.5 py-2">
              <Link
                href={`/tasks/${t.number}`}
                className="font-medium text-zinc-900 hover:underline"
              >
                #{t.number}
              </Link>
              <span className="text-sm text-zinc-700">
                {KIND_LABEL[t.kind]} · {t.app.name}
              </span>
              <span className="text-muted ml-auto text-xs" title={formatDateTime(t.createdAt)}>
                Opened {formatDate(t.createdAt)}
              </span>
            </li>
          ))}
        </ul>
      </Listed>
    </Section>
  );
}

function History({ person }: { person: PersonDetails }) {
  return (
    <Section title="History" description="Changes to them in Lantern, newest first.">
      <Listed
        shown={person.history.length}
        what="change"
        empty="No changes recorded in Lantern yet."
      >
        <ol className="space-y-3">
          {person.history.map((e) => (
            <li key={e.id} className="text-sm">
              <p className="text-zinc-900">{historyText(e)}</p>
              {e.reason ? <p className="text-zinc-700">Reason: {e.reason}</p> : null}
              <p className="text-muted text-xs">
                <time dateTime={new Date(e.at).toISOString()}>{formatDateTime(e.at)}</time>
                {" · "}
                {e.actor ? e.actor.displayName : "Lantern"}
              </p>
            </li>
          ))}
        </ol>
      </Listed>
    </Section>
  );
}
