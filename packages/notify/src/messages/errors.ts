/**
 * A notification that can never be rendered: its template is unknown, or its payload (or the
 * context it is rendered in) lacks a required fact. Retrying cannot help, so the delivery
 * worker fails the outbox row at once instead of backing off.
 */
export class InvalidNotificationError extends Error {
  override readonly name = "InvalidNotificationError";
  /** The template the row named. */
  readonly template: string;
  /** The first offending field, e.g. "taskNumber" or "tasks[2].openedAt"; unset for an unknown template. */
  readonly field: string | undefined;
  /** Always true: retrying the same row gives the same answer. */
  readonly permanent = true;

  constructor(message: string, options: { template: string; field?: string; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.template = options.template;
    this.field = options.field;
  }
}
