// `npm run bench`: how fast the API answers its most frequent requests on this machine.
// Runs against the built app (npm run build first) and writes nothing: copy the table into
// tools/bench/RESULTS.md with the date, the commit and the machine.
import { graphql, header, measure, startParvis } from './harness.mjs';

const parvis = await startParvis();
try {
  header();
  await measure('spaces (visitor)', { requests: 2000, concurrency: 10 }, () => graphql(parvis.url, '{ spaces { id slug name kind } }'));
  const { cookie } = await graphql(parvis.url, 'mutation ($i: SignInInput!) { signIn(input: $i) { user { id } } }', {
    i: { email: 'member@parvis.test', password: 'parvis-demo-2026' },
  });
  await measure('me (signed in: session lookup)', { requests: 2000, concurrency: 10 }, () =>
    graphql(parvis.url, '{ me { id displayName role } }', {}, cookie),
  );
  await measure('signIn (argon2id verify)', { requests: 100, concurrency: 4 }, () =>
    graphql(parvis.url, 'mutation ($i: SignInInput!) { signIn(input: $i) { user { id } } }', {
      i: { email: 'member@parvis.test', password: 'parvis-demo-2026' },
    }),
  );
} finally {
  await parvis.stop();
}
