import { expect, type APIRequestContext } from "@playwright/test";

// Calls Lantern's tRPC HTTP API as the browser context's signed-in person (its cookies),
// for the set-up and checks of a spec that the UI under test does not cover. The API uses
// the superjson transformer: inputs and outputs travel as { json }.

async function unwrap<T>(response: Awaited<ReturnType<APIRequestContext["get"]>>): Promise<T> {
  const body = (await response.json()) as {
    result?: { data: { json: T } };
    error?: { json: { message: string } };
  };
  expect(response.ok(), body.error?.json.message ?? "tRPC call failed").toBe(true);
  return body.result!.data.json;
}

export async function trpcQuery<T>(
  request: APIRequestContext,
  path: string,
  input: unknown,
): Promise<T> {
  const query = encodeURIComponent(JSON.stringify({ json: input }));
  return unwrap<T>(await request.get(`/api/trpc/${path}?input=${query}`));
}

export async function trpcMutation<T>(
  request: APIRequestContext,
  path: string,
  input: unknown,
): Promise<T> {
  return unwrap<T>(await request.post(`/api/trpc/${path}`, { data: { json: input } }));
}
