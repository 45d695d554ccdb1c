import { createRequire } from 'node:module';
import type { RequestContext } from '../context.js';


const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

export const aboutResolvers = {
  Query: {
    about: () => ({ apiVersion: version }),
  },
  About: {
    dataVersion: (_about: unknown, _args: unknown, ctx: RequestContext) => ctx.entities.dataVersion(),
  },
};
