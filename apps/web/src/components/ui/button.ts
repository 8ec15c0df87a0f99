// Button looks, for <button> and <Link> alike. A plain module: server and client import it.
export const primaryButton =
  "inline-flex items-center justify-center gap-2 rounded-md bg-zinc-900 px-3 py-2 text-sm font-medium text-white shadow-sm hover:bg-zinc-800 disabled:opacity-60";
export const secondaryButton =
  "inline-flex items-center justify-center gap-2 rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm font-medium text-zinc-800 shadow-xs hover:bg-zinc-50 disabled:opacity-60";
/** For actions that stop or refuse something (deny, mark as errored, cancel). */
export const dangerButton =
  "inline-flex items-center justify-center gap-2 rounded-md bg-rose-700 px-3 py-2 text-sm font-medium text-white shadow-sm hover:bg-rose-800 disabled:opacity-60";
