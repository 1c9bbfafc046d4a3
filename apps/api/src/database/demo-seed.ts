import { StaffRole } from '@vigie/common';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppConfig } from '../config/app-config';
import { Agency } from '../identity/agency.entity';
import { hashPassword } from '../identity/password-hasher';
import { StaffUser } from '../identity/staff-user.entity';

const DEMO_STAFF: { email: string; displayName: string; roles: StaffRole[]; agency: 'demo' | 'second' }[] = [
  { email: 'admin@demo.test', displayName: 'Alex Admin', roles: [StaffRole.ADMIN], agency: 'demo' },
  {
    email: 'supervisor@demo.test',
    displayName: 'Sam Supervisor',
    roles: [StaffRole.SUPERVISOR],
    agency: 'demo',
  },
  { email: 'pio@demo.test', displayName: 'Pat Information', roles: [StaffRole.PIO], agency: 'demo' },
  {
    email: 'investigator@demo.test',
    displayName: 'Isa Investigator',
    roles: [StaffRole.INVESTIGATOR],
    agency: 'demo',
  },
  { email: 'analyst@demo.test', displayName: 'Ana Analyst', roles: [StaffRole.ANALYST], agency: 'demo' },
  {
    email: 'calltaker@demo.test',
    displayName: 'Cam Call-taker',
    roles: [StaffRole.CALL_TAKER],
    agency: 'demo',
  },
  {
    email: 'investigator@second.test',
    displayName: 'Ivo Second',
    roles: [StaffRole.INVESTIGATOR],
    agency: 'second',
  },
  // The second agency exists to prove tenancy; a PIO and a supervisor let it publish an appeal.
  { email: 'pio@second.test', displayName: 'Paula Second', roles: [StaffRole.PIO], agency: 'second' },
  {
    email: 'supervisor@second.test',
    displayName: 'Simon Second',
    roles: [StaffRole.SUPERVISOR],
    agency: 'second',
  },
];

/**
 * On an empty database, creates the two demo agencies and their staff. The password is
 * DEMO_PASSWORD, or one generated now and printed once: it is not stored anywhere in clear.
 */
/** Returns true when it created the data now (first start), false when it was already there. */
export async function seedDemo(dataSource: DataSource, config: AppConfig): Promise<boolean> {
  if ((await dataSource.getRepository(Agency).count()) > 0) return false;
  const password = config.env.DEMO_PASSWORD ?? randomBytes(12).toString('base64url');
  const passwordHash = await hashPassword(password);

  const seeded = await dataSource.transaction(async (tx) => {
    // A concurrent first start of another process may have seeded already.
    await tx.query('LOCK TABLE agency IN EXCLUSIVE MODE');
    if ((await tx.count(Agency)) > 0) return false;
    const agencies = {
      demo: await tx.save(
        tx.create(Agency, { slug: 'demo', name: 'Demo Police Service', timeZone: 'America/Toronto' }),
      ),
      second: await tx.save(
        tx.create(Agency, { slug: 'second', name: 'Second Police Service', timeZone: 'America/Toronto' }),
      ),
    };
    for (const staff of DEMO_STAFF) {
      await tx.insert(StaffUser, {
        ...staff,
        agencyId: agencies[staff.agency].id,
        passwordHash,
        activatedAt: new Date(),
        agency: undefined,
      });
    }
    const audit = new AuditService(dataSource);
    for (const agency of Object.values(agencies)) {
      const staff = DEMO_STAFF.filter((s) => s.agency === agency.slug).map((s) => s.email);
      await audit.append(tx, {
        agencyId: agency.id,
        actorId: null,
        action: 'seed.demo',
        entityType: 'agency',
        entityId: agency.id,
        data: { staff },
      });
    }
    return true;
  });

  if (seeded && !config.env.DEMO_PASSWORD) {
    process.stdout.write(
      `\n  Demo data created. Sign in as admin@demo.test, supervisor@demo.test, pio@demo.test,\n` +
        `  investigator@demo.test or analyst@demo.test with the password:\n\n      ${password}\n\n` +
        `  It is shown only this once. Set DEMO_PASSWORD to choose it yourself.\n\n`,
    );
  }
  return seeded;
}
