import { DEMO_PASSWORD } from './demo';

export type GraphQLAs = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;

/**
 * The GraphQL API as a signed-in person, for setting up what a journey needs faster than a
 * browser would (a thread with many replies). Staff are not held by the posting rate limit.
 */
export async function graphqlAs(
  baseUrl: string,
  email: string,
  password = DEMO_PASSWORD,
): Promise<GraphQLAs> {
  let cookie = '';
  const send: GraphQLAs = async <T>(query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const setCookies = response.headers.getSetCookie();
    if (setCookies.length > 0) cookie = setCookies.map((c) => c.split(';')[0]).join('; ');
    const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
    if (body.errors?.length || !body.data) throw new Error(`GraphQL: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
  await send(`mutation ($input: SignInInput!) { signIn(input: $input) { user { id } } }`, {
    input: { email, password },
  });
  return send;
}
