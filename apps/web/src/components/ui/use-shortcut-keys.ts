"use client";

import { useEffect, useEffectEvent } from "react";
import { isShortcutPress } from "./shortcut-keys.ts";

/**
 * Calls `onKey` with the key of every key press that may be a shortcut (see
 * `isShortcutPress`: never while typing in a field or while a dialog or menu is open). When
 * `onKey` returns true the key was a shortcut and the browser's own use of it is prevented.
 */
export function useShortcutKeys(
  onKey: (key: string, event: KeyboardEvent) => boolean,
  enabled = true,
) {
  const handle = useEffectEvent((event: KeyboardEvent) => {
    if (!isShortcutPress(event)) return;
    if (onKey(event.key, event)) event.preventDefault();
  });
  useEffect(() => {
    if (!enabled) return;
    const listener = (event: KeyboardEvent) => handle(event);
    document.addEventListener("keydown", listener);
    return () => document.removeEventListener("keydown", listener);
  }, [enabled]);
}
