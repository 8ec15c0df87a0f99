import type { Metadata } from "next";
import { TRPCError } from "@trpc/server";
import { RequestForm, type RequestPrefill } from "~/components/requests/request-form";
import { PageHeader } from "~/components/ui/page-header";
import { HydrateClient, prefetch, serverCaller, trpc } from "~/trpc/server";
import { Breadcrumb } from "~/components/shell/breadcrumb";

export const metadata: Metadata = { title: "Request access" };

type SearchParams = Promise<{ entitlement?: string | string[]; app?: string | string[] }>;

/**
 * `?entitlement=<id>` (the app page's "Request access") chooses the app and the entitlement
 * for the person; a link to something that is gone or cannot be requested says so.
 */
async function resolvePrefill(
  entitlementId: string | undefined,
): Promise<{ prefill: RequestPrefill | null; problem: string | null }> {
  if (!entitlementId) return { prefill: null, problem: null };
  try {
    const entitlement = await (await serverCaller()).entitlements.byId({ id: entitlementId });
    if (entitlement.app.status !== "MANAGED") {
      return {
        prefill: null,
        problem: `${entitlement.app.name} is not a managed app yet, so access to it cannot be requested.`,
      };
    }
    return {
      prefill: {
        app: { id: entitlement.app.id, name: entitlement.app.name },
        entitlementId: entitlement.id,
      },
      problem: null,
    };
  } catch (error) {
    if (
      error instanceof TRPCError &&
      (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")
    ) {
      return {
        prefill: null,
        problem: "The access this link names does not exist any more. Choose what you need below.",
      };
    }
    throw error;
  }
}

/**
 * `?app=<id>` (My access's "Request access" of an account) chooses the app only; an app that
 * is gone, or cannot be requested, leaves the form empty (the app picker offers the others).
 */
async function resolveAppPrefill(appId: string | undefined): Promise<RequestPrefill | null> {
  if (!appId) return null;
  try {
    const app = await (await serverCaller()).apps.byId({ id: appId });
    return app.status === "MANAGED"
      ? { app: { id: app.id, name: app.name }, entitlementId: null }
      : null;
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST"))
      return null;
    throw error;
  }
}

export default async function NewRequestPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const param = params.entitlement;
  const resolved = await resolvePrefill(typeof param === "string" ? param.trim() : undefined);
  const problem = resolved.problem;
  const prefill =
    resolved.prefill ??
    (problem === null && typeof params.app === "string"
      ? await resolveAppPrefill(params.app.trim())
      : null);
  // The prefilled app's entitlements come with the page.
  if (prefill) await prefetch(trpc.requests.requestable.queryOptions({ appId: prefill.app.id }));
  return (
    <>
      <PageHeader
        title="Request access"
        description="Ask for an app, role or license you need. The people the app's policy names decide, then it is set up for you."
      >
        <Breadcrumb
          trail={[{ href: "/my-requests", label: "My requests" }]}
          current="Request access"
        />
      </PageHeader>
      <div className="max-w-6xl px-6 py-6 xl:px-8">
        <HydrateClient>
          <RequestForm prefill={prefill} prefillProblem={problem} />
        </HydrateClient>
      </div>
    </>
  );
}
