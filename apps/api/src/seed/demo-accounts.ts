import { Role } from '@parvis/domain';

/** One account per role, printed at start-up so a new user can try every part of Parvis. */
export const DEMO_PASSWORD = 'parvis-demo-2026';

export const DEMO_ACCOUNTS: { email: string; displayName: string; role: Role; locale: string }[] = [
  { email: 'member@parvis.test', displayName: 'Camille Martin', role: 'MEMBER', locale: 'fr' },
  { email: 'expert@parvis.test', displayName: 'Diego Ruiz', role: 'EXPERT', locale: 'es' },
  { email: 'staff@parvis.test', displayName: 'Sarah (Parvis team)', role: 'STAFF', locale: 'en' },
  { email: 'moderator@parvis.test', displayName: 'Malik Benali', role: 'MODERATOR', locale: 'fr' },
  { email: 'admin@parvis.test', displayName: 'Alex Admin', role: 'ADMIN', locale: 'en' },
];

/** Community members who ask, answer, propose and vote in the demo, besides the accounts above. */
export const DEMO_MEMBERS: { email: string; displayName: string; locale: string }[] = [
  { email: 'ines.moreau@parvis.test', displayName: 'Inès Moreau', locale: 'fr' },
  { email: 'tom.baker@parvis.test', displayName: 'Tom Baker', locale: 'en' },
  { email: 'lucia.fernandez@parvis.test', displayName: 'Lucía Fernández', locale: 'es' },
  { email: 'noah.petit@parvis.test', displayName: 'Noah Petit', locale: 'fr' },
  { email: 'emma.wilson@parvis.test', displayName: 'Emma Wilson', locale: 'en' },
  { email: 'mateo.garcia@parvis.test', displayName: 'Mateo García', locale: 'es' },
  { email: 'chloe.dubois@parvis.test', displayName: 'Chloé Dubois', locale: 'fr' },
  { email: 'liam.jones@parvis.test', displayName: 'Liam Jones', locale: 'en' },
  { email: 'sofia.lopez@parvis.test', displayName: 'Sofía López', locale: 'es' },
];

/**
 * Regulars of the help space in the six weeks of history before the stories (history.seed.ts).
 * They never confirmed their addresses, so their notices stay in the app: the history does not
 * fill the mail catcher with weeks-old e-mails.
 */
export const DEMO_REGULARS: { email: string; displayName: string; locale: string }[] = [
  { email: 'julien.roux@parvis.test', displayName: 'Julien Roux', locale: 'fr' },
  { email: 'grace.hall@parvis.test', displayName: 'Grace Hall', locale: 'en' },
  { email: 'pablo.ortiz@parvis.test', displayName: 'Pablo Ortiz', locale: 'es' },
  { email: 'manon.leroy@parvis.test', displayName: 'Manon Leroy', locale: 'fr' },
  { email: 'oliver.king@parvis.test', displayName: 'Oliver King', locale: 'en' },
  { email: 'elena.ruiz@parvis.test', displayName: 'Elena Ruiz', locale: 'es' },
];

/** The people the demo's stories are told with, by first name. */
export const DEMO_PEOPLE = {
  camille: 'member@parvis.test',
  diego: 'expert@parvis.test',
  sarah: 'staff@parvis.test',
  malik: 'moderator@parvis.test',
  ines: 'ines.moreau@parvis.test',
  tom: 'tom.baker@parvis.test',
  lucia: 'lucia.fernandez@parvis.test',
  noah: 'noah.petit@parvis.test',
  emma: 'emma.wilson@parvis.test',
  mateo: 'mateo.garcia@parvis.test',
  chloe: 'chloe.dubois@parvis.test',
  liam: 'liam.jones@parvis.test',
  sofia: 'sofia.lopez@parvis.test',
} as const;

export type DemoPerson = keyof typeof DEMO_PEOPLE;
