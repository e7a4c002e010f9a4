# syntax=docker/dockerfile:1
#
# One image for both roles: `--role=web` answers Slack, `--role=worker` runs the jobs (no flag: both).
#   docker build -t mockingbird .
#   docker run --env-file .env -e DATABASE_URL=postgresql://postgres@db-host:5432/mockingbird \
#     -e REDIS_URL=redis://redis-host:6379 -e NODE_OPTIONS='--max-old-space-size=192 --max-semi-space-size=8' \
#     -p 3000:3000 --entrypoint node mockingbird --single-threaded-gc dist/src/main.js --role=web
# (the web role with a bounded heap and its garbage collected on its own thread, as
# docker-compose.yml runs it: README, "Docker").
# docker-compose.yml runs web, worker, PostgreSQL and Redis together (README, "Docker").
#
# Production runs the JavaScript `npm run build` compiles into dist/, not the TypeScript through
# tsx as `npm start` does: it starts faster and holds less memory (no loader, no compile cache;
# measured by `npm run bench:memory`).

ARG NODE_VERSION=24

# --- build -------------------------------------------------------------------------------------
# Everything first, because postinstall runs `prisma generate` (the prisma CLI is a dev
# dependency) to write the client into src/generated/; then the build; then only what runs is kept.
FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
ENV npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma/schema.prisma prisma/schema.prisma
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
COPY jobs ./jobs
COPY prisma ./prisma
COPY content ./content
RUN npm run build && npm prune --omit=dev

# --- runtime -----------------------------------------------------------------------------------
FROM node:${NODE_VERSION}-bookworm-slim
WORKDIR /app
# MALLOC_ARENA_MAX: glibc otherwise keeps a malloc arena per thread (libuv's pool, V8's
# workers); two arenas hold Node's resident memory noticeably lower at the same speed.
ENV NODE_ENV=production MALLOC_ARENA_MAX=2 PORT=3000
# The /mock stats charts (src/charts) draw their text with the system's fonts; slim images have none.
RUN apt-get update && apt-get install -y --no-install-recommends fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*
COPY package.json ./
COPY --from=build /app/node_modules ./node_modules
# dist/ holds the compiled code and, beside it, the files it reads: content/, the migrations and
# the sandbox page's assets (scripts/copy-runtime-files.mjs).
COPY --from=build /app/dist ./dist
# The image's own unprivileged user; the app writes nothing to disk.
USER node
EXPOSE 3000
# /health answers 200 when PostgreSQL and Redis do (the web role on Bolt's server, a worker on its own).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself, not npm: one process that gets SIGTERM and shuts down gracefully. The same command
# as package.json's start:prod, which the benchmarks measure (test/unit/production-command.test.ts).
ENTRYPOINT ["node", "dist/src/main.js"]
CMD []
