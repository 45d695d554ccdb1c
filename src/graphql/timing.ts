/**
 * Opt-in timing breakdown of a request (header `x-timing: 1`, or SERVER_TIMING=true for every request):
 * a Server-Timing header and `extensions.timing` with database time, Cypher round trips, resolver time
 * (execution minus database) and serialization time, to explain where a request spends its time.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from './context.js';

export function timingPlugin(always: boolean): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ request }) {
      if (!always && request.http?.headers.get('x-timing') !== '1') return;
      const started = performance.now();
      let executionMillis = 0;
      return {
        async executionDidStart() {
          const executionStarted = performance.now();
          return {
            async executionDidEnd() {
              executionMillis = performance.now() - executionStarted;
            },
          };
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          const serializeStarted = performance.now();
          JSON.stringify(response.body.singleResult);
          const serializeMillis = performance.now() - serializeStarted;
          const { roundTrips, dbMillis } = contextValue.stats;
          const timing = {
            roundTrips,
            dbMillis: round(dbMillis),
            resolverMillis: round(Math.max(0, executionMillis - dbMillis)),
            serializeMillis: round(serializeMillis),
            totalMillis: round(performance.now() - started),
          };
          response.body.singleResult.extensions = { ...response.body.singleResult.extensions, timing };
          response.http.headers.set(
            'server-timing',
            `db;dur=${timing.dbMillis};desc="${roundTrips} round trips", resolvers;dur=${timing.resolverMillis}, serialize;dur=${timing.serializeMillis}, total;dur=${timing.totalMillis}`,
          );
        },
      };
    },
  };
}

const round = (ms: number) => Math.round(ms * 100) / 100;
