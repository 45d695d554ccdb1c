import { createRequire } from 'node:module';
import type { Resolvers } from '../generated/graphql.js';

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

export const aboutResolvers: Resolvers = {
  Query: {
    about: () => ({ apiVersion: version }),
  },
  About: {
    dataVersion: async (_about, _args, ctx) => (await ctx.loaders.dataVersion.load('graph')).dataHash,
    loadedAt: async (_about, _args, ctx) => (await ctx.loaders.dataVersion.load('graph')).loadedAt,
  },
};
