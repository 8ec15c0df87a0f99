import "server-only";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";

// How a page turns the API's answer about the thing in its address into what it shows: a
// wrong or malformed id (NOT_FOUND, BAD_REQUEST) is the page's 404; a refusal (FORBIDDEN)
// is shown in the page's own words where the page can say it; anything else is an error.

const missing = (error: unknown) =>
  error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST");

/** The loaded value, or the 404 page when the address names nothing the viewer can find. */
export async function orNotFound<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (missing(error)) notFound();
    throw error;
  }
}

/** The loaded value, or the API's refusal for the page to show; the 404 page as above. */
export async function orRefusal<T>(
  load: () => Promise<T>,
): Promise<{ value: T; refusal: null } | { value: null; refusal: string }> {
  try {
    return { value: await load(), refusal: null };
  } catch (error) {
    if (missing(error)) notFound();
    if (error instanceof TRPCError && error.code === "FORBIDDEN") {
      return { value: null, refusal: error.message };
    }
    throw error;
  }
}
