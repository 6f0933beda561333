import { hash } from '@node-rs/argon2';
import { INestApplicationContext } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { User } from '../identity/user.entity';
import { Space } from '../spaces/space.entity';
import { seedDesk } from './desk.seed';
import {
  DEMO_ACCOUNTS,
  DEMO_MEMBERS,
  DEMO_PASSWORD,
  DEMO_PEOPLE,
  DEMO_REGULARS,
  DemoPerson,
} from './demo-accounts';
import { seedIdeas } from './ideas.seed';
import { seedModeration } from './moderation.seed';
import { demoServices, hoursBeforeNow, SeedContext } from './seed-context';
import { seedThreads } from './threads.seed';
import { seedHistory } from './history.seed';

/*
 * How the demo is written. The seed has no write path of its own: it calls the domains' services
 * (resolved from the Nest application, `app.get(ThreadsService)`, …) through their pieces that
 * take the caller's `tx` — ThreadsService.startThread/resolve, PostsService.addReply/revise,
 * AnswersService.accept/toggleThanks, PrivateFollowUpsService.open/addMessage,
 * IdeasService.propose/castVote/changeStatus/mergeInto/addCampaign, ModerationService.addFlag/
 * hide/markAnsweredBy, NotificationsService.markReadBefore, AssignmentsService.change, NotesService.add,
 * DutyService.writeSchedule — the same pieces the mutations call
 * after their checks, each with an optional `at` so the demo has a history (answer clocks,
 * rankings and trending need one). Counters, clocks, reputation, tones, notices and the public
 * log therefore follow the API's rules by construction. Only rows no service creates are
 * written here: the accounts, the spaces, and the closed campaign's move to its past dates.
 * Posting and voting limits are not counted: the demo is history, not traffic.
 */

/**
 * Fills an empty database with a small demo community: one account per role, members, the
 * spaces, threads, ideas and moderation. Runs once (the first start finds no user) and in one
 * transaction, so a failed seed leaves nothing half-written and is simply tried again on the
 * next start. Deterministic but for the clock: every timestamp is counted back from one "now".
 */
export async function seedDemoIfEmpty(app: INestApplicationContext): Promise<boolean> {
  // The modules' start-up first: the demo's notices queue mail and jobs on the started job queue.
  await app.init();
  const services = demoServices(app);
  return app.get(DataSource).transaction(async (tx) => {
    // Two processes starting at once must not both seed.
    await tx.query('LOCK TABLE users IN EXCLUSIVE MODE');
    if ((await tx.count(User)) > 0) return false;
    await seedAccounts(tx);
    await seedSpaces(tx);
    const ctx: SeedContext = {
      tx,
      now: Date.now(),
      services,
      people: await demoPeople(tx),
      spaces: {
        help: await tx.findOneByOrFail(Space, { slug: 'help' }),
        ideas: await tx.findOneByOrFail(Space, { slug: 'ideas' }),
      },
    };
    await seedHistory(ctx);
    await seedThreads(ctx);
    await seedIdeas(ctx);
    await seedModeration(ctx);
    await seedDesk(ctx);
    // The brand's CEO receives the executive digest each morning (she is not a member).
    await services.digests.saveRecipient(tx, (await tx.findOneByOrFail(User, { role: 'ADMIN' })).id, {
      email: 'ceo@brand.example',
      name: 'Claire Dupont',
      language: 'fr',
      timeZone: 'Europe/Paris',
    });
    // Notices older than three days are already read; the rest wait in the bell.
    await services.notifications.markReadBefore(tx, hoursBeforeNow(ctx, 72));
    return true;
  });
}

async function seedAccounts(tx: EntityManager): Promise<void> {
  const passwordHash = await hash(DEMO_PASSWORD);
  // Confirmed addresses: the demo's notification e-mails reach the catcher (/staff/mail) like real ones.
  const emailConfirmedAt = new Date();
  await tx.insert(User, [
    ...DEMO_ACCOUNTS.map((account) => ({ ...account, passwordHash, emailConfirmedAt })),
    ...DEMO_MEMBERS.map((member) => ({ ...member, passwordHash, role: 'MEMBER' as const, emailConfirmedAt })),
    ...DEMO_REGULARS.map((member) => ({
      ...member,
      passwordHash,
      role: 'MEMBER' as const,
      emailConfirmedAt: null,
    })),
  ]);
}

async function demoPeople(tx: EntityManager): Promise<Record<DemoPerson, User>> {
  const users = await tx.findBy(User, { email: In(Object.values(DEMO_PEOPLE)) });
  const byEmail = new Map(users.map((user) => [user.email, user]));
  return Object.fromEntries(
    Object.entries(DEMO_PEOPLE).map(([name, email]) => [name, byEmail.get(email)!]),
  ) as Record<DemoPerson, User>;
}

async function seedSpaces(tx: EntityManager): Promise<void> {
  // Names and descriptions in English (the spaces' own language) and in French and Spanish.
  await tx.insert(Space, [
    {
      slug: 'help',
      name: 'Help & support',
      kind: 'HELP',
      position: 1,
      description: 'Ask a question: members, experts and our team answer.',
      translations: {
        fr: {
          name: 'Aide et assistance',
          description: 'Posez votre question : les membres, les experts et notre équipe vous répondent.',
        },
        es: {
          name: 'Ayuda y soporte',
          description: 'Haga su pregunta: los miembros, los expertos y nuestro equipo le responden.',
        },
      },
    },
    {
      slug: 'ideas',
      name: 'Idea box',
      kind: 'IDEAS',
      position: 2,
      description: 'Propose what we should make next and vote for the ideas you like.',
      translations: {
        fr: {
          name: 'Boîte à idées',
          description:
            'Proposez ce que nous devrions faire ensuite et votez pour les idées qui vous plaisent.',
        },
        es: {
          name: 'Buzón de ideas',
          description: 'Proponga lo que deberíamos hacer a continuación y vote por las ideas que le gusten.',
        },
      },
    },
    {
      slug: 'news',
      name: 'Announcements',
      kind: 'ANNOUNCEMENTS',
      position: 3,
      description: 'News and official statements from the brand.',
      translations: {
        fr: { name: 'Annonces', description: 'Les nouvelles et les déclarations officielles de la marque.' },
        es: { name: 'Anuncios', description: 'Las novedades y los comunicados oficiales de la marca.' },
      },
    },
  ]);
}
