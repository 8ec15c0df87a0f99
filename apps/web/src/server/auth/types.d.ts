import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    user: {
      id: string;
      organizationId: string;
      role: "SUPER_ADMIN" | "MEMBER";
      name: string | null;
      email: string | null;
    };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    organizationId: string;
    role: "SUPER_ADMIN" | "MEMBER";
  }
}
