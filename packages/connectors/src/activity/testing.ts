import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import type { TextKind } from "../file-import/read.ts";
import { eachActivityBatch } from "./read.ts";
import {
  ActivityFileError,
  type ActivityInput,
  type ActivityRecord,
  type ActivitySummary,
  type ReadActivityOptions,
} from "./types.ts";

// Helpers of the activity reader's tests.

/**
 * The text rule handed to the reader. Lantern's own (textProblem of @lantern/domain, which this
 * package may not import) is table-tested there; this one refuses control characters the same
 * way, so the tests see that every kept text is checked.
 */
export const textProblem = (text: string, kind: TextKind): string | null => {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && !(kind === "multi-line" && (code === 9 || code === 10 || code === 13))) {
      return `holds a control character (${kind})`;
    }
  }
  return null;
};

export type Options = Omit<ReadActivityOptions, "textProblem">;

/** Reads the whole input: every record, the summary, and the size of each batch. */
export async function readAll(
  input: ActivityInput,
  options: Options,
): Promise<{ records: ActivityRecord[]; summary: ActivitySummary; batches: number[] }> {
  const records: ActivityRecord[] = [];
  const batches: number[] = [];
  const summary = await eachActivityBatch(input, { ...options, textProblem }, (batch) => {
    batches.push(batch.records.length);
    records.push(...batch.records);
  });
  return { records, summary, batches };
}

/** The error that refuses the input. */
export async function refusal(input: ActivityInput, options: Options): Promise<ActivityFileError> {
  try {
    await readAll(input, options);
  } catch (error) {
    if (error instanceof ActivityFileError) return error;
    throw error;
  }
  throw new Error("the file was accepted");
}

const examples = join(import.meta.dirname, "..", "..", "examples", "activity");

/** The bytes of an example export. */
export function example(name: string): Buffer {
  return readFileSync(join(examples, name));
}

/** The bytes as a stream of chunks of `size` bytes (characters split anywhere). */
export function inChunks(bytes: Uint8Array, size: number): Readable {
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return Readable.from(chunks);
}

/** Counts of each value of `key` among the records. */
export function countBy(records: ActivityRecord[], key: (r: ActivityRecord) => string) {
  const counts: Record<string, number> = {};
  for (const record of records) counts[key(record)] = (counts[key(record)] ?? 0) + 1;
  return counts;
}
