-- CreateIndex
CREATE INDEX "Account_appId_lastLoginAt_id_idx" ON "Account"("appId", "lastLoginAt", "id");

-- Written by hand (Prisma cannot express expression indexes; listed in MANUAL_OBJECTS).
-- The Accounts tab sorted by name and by login (SPEC §4.1, §9): keyset pages walk these in
-- order. The expressions must stay identical to SORT_NAME and SORT_LOGIN in
-- packages/api/src/services/accounts/list.ts.
CREATE INDEX "Account_appId_sortName_id" ON "Account"("appId", lower(coalesce("displayName", "givenName" || ' ' || "familyName", "login", "externalId")), "id");

CREATE INDEX "Account_appId_sortLogin_id" ON "Account"("appId", lower(coalesce("login", "externalId")), "id");
