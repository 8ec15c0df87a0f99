import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    user: {
      id: string;
      organizationId: string;
      role: "SUPER_ADMIN" | "AUDITOR" | "MEMBER";
      name: string | null;
      email: string | null;
      /** The session generation signed in under (null: a cookie from before generations). */
      sessionGeneration: number | null;
    };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    organizationId: string;
    role: "SUPER_ADMIN" | "AUDITOR" | "MEMBER";
    /** The person's session generation at sign-in; see loadActor in @lantern/api. */
    sessionGeneration?: number;
  }
}
