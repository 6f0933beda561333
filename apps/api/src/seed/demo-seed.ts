import { hash } from '@node-rs/argon2';
import { DataSource, EntityManager } from 'typeorm';
import { User } from '../identity/user.entity';
import { Space } from '../spaces/space.entity';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts';
import { seedThreads } from '../threads/threads.seed';
import { seedIdeas } from '../ideas/ideas.seed';
import { seedModeration } from '../moderation/moderation.seed';

/**
 * Fills an empty database with a small demo community: one account per role and the spaces.
 * Runs once (the first start finds no user) and in one transaction, so a failed seed leaves
 * nothing half-written and is simply tried again on the next start.
 */
export async function seedDemoIfEmpty(dataSource: DataSource): Promise<boolean> {
  return dataSource.transaction(async (tx) => {
    // Two processes starting at once must not both seed.
    await tx.query('LOCK TABLE users IN EXCLUSIVE MODE');
    if ((await tx.count(User)) > 0) return false;
    await seedAccounts(tx);
    await seedSpaces(tx);
    await seedThreads(tx);
    await seedIdeas(tx);
    await seedModeration(tx);
    return true;
  });
}

async function seedAccounts(tx: EntityManager): Promise<void> {
  const passwordHash = await hash(DEMO_PASSWORD);
  await tx.insert(
    User,
    DEMO_ACCOUNTS.map((account) => ({ ...account, passwordHash })),
  );
}

async function seedSpaces(tx: EntityManager): Promise<void> {
  await tx.insert(Space, [
    {
      slug: 'help',
      name: 'Help & support',
      kind: 'HELP',
      position: 1,
      description:
        'Ask a question: members, experts and our team answer. / Posez votre question. / Haga su pregunta.',
    },
    {
      slug: 'ideas',
      name: 'Idea box',
      kind: 'IDEAS',
      position: 2,
      description: 'Propose what we should make next and vote for the ideas you like.',
    },
    {
      slug: 'news',
      name: 'Announcements',
      kind: 'ANNOUNCEMENTS',
      position: 3,
      description: 'News and official statements from the brand.',
    },
  ]);
}
