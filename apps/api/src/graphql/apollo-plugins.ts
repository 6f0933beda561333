import type { ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';

/**
 * Apollo Server's default plugins that Parvis does not use, turned off because each costs on
 * every request. Cache control wraps every field resolver to collect cache hints that Parvis never
 * sets (a profile of the thread page put it at 9 % of the CPU time); the inline-trace plugin is
 * for federated subgraphs; the landing page (an in-browser GraphQL IDE) has no place in production.
 */
export function apolloPlugins(env: 'development' | 'production' | 'test'): ApolloServerPlugin[] {
  return [
    ApolloServerPluginCacheControlDisabled(),
    ApolloServerPluginInlineTraceDisabled(),
    ...(env === 'production' ? [ApolloServerPluginLandingPageDisabled()] : []),
  ];
}
