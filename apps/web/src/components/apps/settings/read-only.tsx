"use client";

import { createContext, useContext } from "react";

/**
 * Why the App settings page is read-only for this viewer (an auditor reads every app's
 * settings and changes none), or null when the viewer may change them. Sections show their
 * fields disabled and no Save button while it is set; the server refuses changes anyway.
 */
const ReadOnlyReason = createContext<string | null>(null);

export const SettingsReadOnly = ReadOnlyReason.Provider;

export function useSettingsReadOnly(): string | null {
  return useContext(ReadOnlyReason);
}
