import type { Metadata } from "next";
import { TRPCError } from "@trpc/server";
import { RefusedPage } from "~/components/shell/refused";
import { PersonBreadcrumb, PersonDetailsView } from "~/components/users/person-details";
import { getQueryClient, trpc } from "~/trpc/server";

type Params = Promise<{ userId: string }>;

/** The person, or the API's refusal (FORBIDDEN / NOT_FOUND / BAD_REQUEST) as text. */
async function loadPerson(userId: string) {
  try {
    const person = await getQueryClient().fetchQuery(trpc.users.byId.queryOptions({ userId }));
    return { person, refusal: null };
  } catch (error) {
    if (error instanceof TRPCError && error.code !== "INTERNAL_SERVER_ERROR") {
      return {
        person: null,
        refusal:
          error.code === "BAD_REQUEST"
            ? "This person does not exist in your organization."
            : error.message,
      };
    }
    throw error;
  }
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { person } = await loadPerson((await params).userId);
  return { title: person ? person.displayName : "Person" };
}

/** A person of the organization (see PersonDetailsView), or why the viewer cannot see them. */
export default async function PersonPage({ params }: { params: Params }) {
  const { userId } = await params;
  const [{ person, refusal }, me] = await Promise.all([
    loadPerson(userId),
    getQueryClient().fetchQuery(trpc.me.get.queryOptions()),
  ]);
  if (!person) {
    return (
      <RefusedPage
        page="Person"
        breadcrumb={<PersonBreadcrumb current="Person" directory={me.can.viewDirectory} />}
        title="You cannot see this person"
        back={
          me.can.viewDirectory
            ? { href: "/users", label: "Back to Users" }
            : { href: "/apps", label: "Back to Applications" }
        }
      >
        {refusal}
      </RefusedPage>
    );
  }
  return <PersonDetailsView person={person} canManage={me.can.managePeople} />;
}
