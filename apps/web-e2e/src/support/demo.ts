/** The demo community's accounts (apps/api/src/seed/demo-accounts.ts), as a person would type them. */
export const DEMO_PASSWORD = 'parvis-demo-2026';
export const DEMO = {
  member: { email: 'member@parvis.test', name: 'Camille Martin' },
  expert: { email: 'expert@parvis.test', name: 'Diego Ruiz' },
  staff: { email: 'staff@parvis.test', name: 'Sarah (Parvis team)' },
  moderator: { email: 'moderator@parvis.test', name: 'Malik Benali' },
  admin: { email: 'admin@parvis.test', name: 'Alex Admin' },
} as const;
