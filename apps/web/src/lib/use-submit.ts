import { useState } from "react";

/**
 * A form's submit: while the work `run` is given is under way, `pending` is true and another
 * submit is ignored; a failure becomes `problem` (as `decode` reads it), cleared when the next
 * run starts.
 */
export function useSubmit<P>(decode: (error: unknown) => P) {
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<P | null>(null);
  const run = async (work: () => Promise<void>): Promise<void> => {
    if (pending) return;
    setProblem(null);
    setPending(true);
    try {
      await work();
    } catch (error) {
      setProblem(decode(error));
    } finally {
      setPending(false);
    }
  };
  return { pending, problem, setProblem, run };
}
