# The API only; Neo4j comes from the neo4j:5.26-community service in docker-compose.yml.
# Built in one stage (the API's TypeScript to dist/, the explorer's assets to web/dist/ with the dev
# dependencies: esbuild, GraphiQL, Cytoscape.js), run in another with production dependencies only.
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY web ./web
RUN npm run build

FROM node:22-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts
COPY --from=build /app/dist ./dist
COPY --from=build /app/web/dist ./web/dist
COPY schema ./schema
COPY cypher ./cypher
COPY data ./data
COPY neo4j-local/pom.xml ./neo4j-local/pom.xml
# 4000: the API; 4001: the management port (/healthz and /readyz answered by a worker thread, never queued
# behind the API's work): for the orchestrator, not to be published.
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000 HEALTH_PORT=4001
EXPOSE 4000 4001
USER node
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:4001/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The Node flags of `npm start` (package.json): a young generation and a heap sized for a small API, so
# its memory stays bounded under load (bench/results/soak-*.md); tests/docker-compose.test.ts keeps them equal.
CMD ["node", "--enable-source-maps", "--max-semi-space-size=8", "--max-old-space-size=384", "dist/main.js"]
