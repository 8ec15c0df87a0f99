// Owner re-mapping at the scale of SPEC §9: one app of 1,000,000 accounts against an
// organization of 100,000 users, re-mapped by `remapApp` (one set-based statement) in NARROW
// and in BROAD, and the bare NARROW join written by hand in the same run for comparison.
//
//   node --import tsx bench/remap.ts [--accounts 1000000] [--users 100000] [--out section.md]
//
// Needs PostgreSQL (DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/postgres): it
// makes a scratch database there and drops it at the end. The data is generated set-based
// from generate_series (deterministic: the same every run):
// - user u: email `User<u>@Corp.example` (stored normalised), a given name from eight
//   (accented ones among them) plus a number, a family name likewise; some names repeat, so
//   BROAD finds ambiguous ones.
// - account k belongs to person p = k mod (users × 1.2), so about one in six names nobody:
//   45% carry p's email (in another case, with spaces) as primary; 20% carry it as a secondary
//   email; 35% only an unknown email and p's name (upper-cased given/family, or a display
//   name with a middle name and the accents stripped), which only BROAD can match.
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import { createApp, createOrganization } from "@lantern/seed";
import { createTestDatabase } from "@lantern/db/testing";
import {
  remapAccounts,
  remapApp,
  type RemapResult,
} from "../packages/api/src/services/accounts/remap.ts";
import { REMAP_BATCH_SIZE } from "../packages/api/src/services/accounts/remap-jobs.ts";
import { count, measureOnce } from "./measure.ts";

const { values: args } = parseArgs({
  options: { accounts: { type: "string" }, users: { type: "string" }, out: { type: "string" } },
});
const accounts = args.accounts ? Number(args.accounts.replaceAll("_", "")) : 1_000_000;
const users = args.users ? Number(args.users.replaceAll("_", "")) : 100_000;
process.env.DATABASE_URL ||= "postgresql://postgres@127.0.0.1:5432/postgres";

const started = performance.now();
const log = (message: string) =>
  process.stderr.write(
    `[remap ${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${message}\n`,
  );

// The name of person p, as SQL over an integer expression.
const GIVEN = `(ARRAY['Ana','Élodie','José','Zoë','Sam','Mary Ann','Jean-Luc','Renée'])[1 + (p % 8)] || ' ' || ((p / 8) % 40)`;
const FAMILY = `(ARRAY['Lima','Dupré','Núñez','Müller','Lee','O''Brien','Ångström','Nguyễn'])[1 + ((p / 320) % 8)] || (p % 1000)`;

async function main() {
  const db = await createTestDatabase();
  const lines = [
    `## Owner re-mapping at scale (SPEC §4.2, §9)`,
    ``,
    `One app of ${count(accounts)} accounts, an organization of ${count(users)} users; PostgreSQL, one scratch database. \`remapApp\` is the product's one statement (match evidence, ambiguity, owners only where MATCHED, unchanged rows not written); "hand-written" is the bare NARROW join (first matching email → matchedOwnerId) as one UPDATE, for comparison.`,
    ``,
    `| Run | Seconds | Accounts/s | Matched | Ambiguous | Rows written |`,
    `|---|---:|---:|---:|---:|---:|`,
  ];
  try {
    const p = db.prisma;
    const org = await createOrganization(p, { name: "Bench", slug: "bench-remap" });
    const app = await createApp(p, org, { name: "Big app" });
    log(`loading ${count(users)} users`);
    await p.$executeRawUnsafe(`
      INSERT INTO "User" (id, "organizationId", email, "emailNormalized", "givenName", "familyName",
                          "displayName", "status", "updatedAt")
      SELECT gen_random_uuid(), '${org.id}', 'User' || p || '@Corp.example', 'user' || p || '@corp.example',
             g, f, g || ' ' || f,
             (CASE WHEN p % 20 = 0 THEN 'DEPROVISIONED' ELSE 'ACTIVE' END)::"UserStatus", now()
      FROM generate_series(0, ${users - 1}) AS p
      CROSS JOIN LATERAL (SELECT ${GIVEN} AS g, ${FAMILY} AS f) n`);
    log(`loading ${count(accounts)} accounts`);
    const people = Math.round(users * 1.2);
    const batch = 250_000;
    for (let from = 0; from < accounts; from += batch) {
      const to = Math.min(accounts, from + batch) - 1;
      await p.$executeRawUnsafe(`
        INSERT INTO "Account" (id, "organizationId", "appId", "externalId", login, emails,
                               "givenName", "familyName", "displayName", "updatedAt")
        SELECT gen_random_uuid(), '${org.id}', '${app.id}', 'ext-' || k, 'login' || k,
          CASE WHEN k % 20 < 9 THEN ARRAY[' USER' || p || '@corp.EXAMPLE ']
               WHEN k % 20 < 13 THEN ARRAY['other' || k || '@elsewhere.example', 'user' || p || '@Corp.example']
               ELSE ARRAY['nobody' || k || '@elsewhere.example'] END,
          CASE WHEN k % 20 >= 13 AND k % 2 = 0 THEN upper(g) END,
          CASE WHEN k % 20 >= 13 AND k % 2 = 0 THEN upper(f) END,
          CASE WHEN k % 20 >= 13 AND k % 2 = 1
               THEN regexp_replace(normalize(g || ' Maria ' || f, NFD), '[\\u0300-\\u036f]', '', 'g')
               ELSE g || ' ' || f END,
          now()
        FROM generate_series(${from}, ${to}) AS k
        CROSS JOIN LATERAL (SELECT k % ${people} AS p) q
        CROSS JOIN LATERAL (SELECT ${GIVEN} AS g, ${FAMILY} AS f) n`);
      log(`  ${count(to + 1)} accounts`);
    }
    await p.$executeRawUnsafe(`VACUUM ANALYZE "User"`);
    await p.$executeRawUnsafe(`VACUUM ANALYZE "Account"`);

    const reset = async () => {
      await p.$executeRawUnsafe(
        `UPDATE "Account" SET "matchedOwnerId" = NULL, "matchRule" = NULL, "matchValue" = NULL,
           "matchAmbiguous" = false, "ownerId" = NULL WHERE "appId" = '${app.id}'`,
      );
      await p.$executeRawUnsafe(`VACUUM ANALYZE "Account"`);
    };
    const row = (label: string, msTaken: number, r: Partial<RemapResult>) => {
      lines.push(
        `| ${label} | ${(msTaken / 1000).toFixed(1)} | ${count(Math.round((accounts * 1000) / msTaken))} | ${r.matched === undefined ? "–" : count(r.matched)} | ${r.ambiguous === undefined ? "–" : count(r.ambiguous)} | ${r.changed === undefined ? "–" : count(r.changed)} |`,
      );
      log(lines.at(-1)!);
    };
    const remap = async (label: string) => {
      const { ms, result } = await measureOnce(() => remapApp(p, app.id));
      row(label, ms, result);
    };

    await remap("NARROW, `remapApp`, from nothing mapped");
    await remap("NARROW, `remapApp` again (nothing changes)");
    await p.app.update({ where: { id: app.id }, data: { accountMappingMode: "BROAD" } });
    await remap("BROAD, `remapApp` after NARROW (name matches added)");
    await remap("BROAD, `remapApp` again (nothing changes)");
    await reset();
    await remap("BROAD, `remapApp`, from nothing mapped");

    // The re-map job of a large app: the same statement over id ranges, one transaction each.
    await reset();
    const batched = await measureOnce(async () => {
      const total: RemapResult = {
        accounts: 0,
        matched: 0,
        matchedByName: 0,
        ambiguous: 0,
        changed: 0,
      };
      let after: string | null = null;
      for (;;) {
        const batch = await p.$transaction(
          (tx) => remapAccounts(tx, app.id, { after, limit: REMAP_BATCH_SIZE }),
          { timeout: 30 * 60_000 },
        );
        for (const key of Object.keys(total) as (keyof RemapResult)[]) total[key] += batch[key];
        if (batch.accounts < REMAP_BATCH_SIZE) break;
        after = batch.lastId;
      }
      return total;
    });
    row(
      `BROAD, batches of ${count(REMAP_BATCH_SIZE)} (a queued re-map job), from nothing mapped`,
      batched.ms,
      batched.result,
    );

    await reset();
    const handWritten = await measureOnce(() =>
      p.$executeRawUnsafe(`
        UPDATE "Account" a SET "matchedOwnerId" = m.owner
        FROM (
          SELECT DISTINCT ON (a.id) a.id, u.id AS owner
          FROM "Account" a
          CROSS JOIN LATERAL unnest(a.emails) WITH ORDINALITY AS e(address, position)
          JOIN "User" u ON u."organizationId" = '${org.id}'
            AND u."emailNormalized" = lower(btrim(e.address))
          WHERE a."appId" = '${app.id}'
          ORDER BY a.id, e.position
        ) m
        WHERE a.id = m.id`),
    );
    row("NARROW, hand-written UPDATE … FROM join", handWritten.ms, {
      changed: handWritten.result,
    });
    const handSelect = await measureOnce(() =>
      p.$queryRawUnsafe<{ n: bigint }[]>(`
        SELECT count(*) AS n FROM (
          SELECT DISTINCT ON (a.id) a.id, u.id AS owner
          FROM "Account" a
          CROSS JOIN LATERAL unnest(a.emails) WITH ORDINALITY AS e(address, position)
          JOIN "User" u ON u."organizationId" = '${org.id}'
            AND u."emailNormalized" = lower(btrim(e.address))
          WHERE a."appId" = '${app.id}'
          ORDER BY a.id, e.position
        ) m`),
    );
    row("NARROW, hand-written join, SELECT only (no writes)", handSelect.ms, {
      matched: Number(handSelect.result[0]!.n),
    });
    lines.push(
      ``,
      `Rows written are the accounts whose match or owner changed; "again" runs write none. Seconds are wall time of one call, including the transaction commit.`,
      ``,
    );
  } finally {
    await db.close();
  }
  log("done");
  const section = lines.join("\n");
  if (args.out) writeFileSync(args.out, section + "\n");
  else console.log(section);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
