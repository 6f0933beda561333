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
