# The explorer's assets, built with the dev dependencies (esbuild, GraphiQL, Cytoscape.js), then left behind.
FROM node:20-bookworm-slim AS web
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY tsconfig.json ./
COPY web ./web
RUN npx tsx web/build.ts

# The API only; Neo4j comes from the neo4j:5.26-community service in docker-compose.yml.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts=false
COPY tsconfig.json ./
COPY src ./src
COPY schema ./schema
COPY cypher ./cypher
COPY data ./data
COPY --from=web /app/web/dist ./web/dist
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
EXPOSE 4000
USER node
CMD ["node", "--import", "tsx", "src/main.ts"]
