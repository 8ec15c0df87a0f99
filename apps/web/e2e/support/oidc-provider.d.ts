// oidc-provider ships no type declarations; the test OpenID Provider uses it untyped.
declare module "oidc-provider";
