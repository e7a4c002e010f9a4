# syntax=docker/dockerfile:1
#
# One image for both roles: `--role=web` answers Slack, `--role=worker` runs the jobs (no flag: both).
#   docker build -t mockingbird .
#   docker run --env-file .env -e DATABASE_URL=postgresql://postgres@db-host:5432/mockingbird \
#     -e REDIS_URL=redis://redis-host:6379 -p 3000:3000 mockingbird --role=web
# docker-compose.yml runs web, worker, PostgreSQL and Redis together (README, "Docker").
#
# The TypeScript runs as it does under `npm start`, through tsx, with no build step; tsx must
# therefore be a runtime dependency (package.json "dependencies"), which the build checks.

ARG NODE_VERSION=24

# --- dependencies ----------------------------------------------------------------------------
# Everything first, because postinstall runs `prisma generate` (the prisma CLI is a dev
# dependency) to write the client into src/generated/; then only what runs is kept.
FROM node:${NODE_VERSION}-bookworm-slim AS deps
WORKDIR /app
ENV npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma/schema.prisma prisma/schema.prisma
RUN npm ci && npm prune --omit=dev
RUN node -e "import('tsx/esm/api')" || { \
      echo 'tsx is missing after "npm prune --omit=dev": move it to "dependencies" (npm install --save-prod tsx).' >&2; \
      exit 1; }

# --- runtime ---------------------------------------------------------------------------------
FROM node:${NODE_VERSION}-bookworm-slim
WORKDIR /app
# MALLOC_ARENA_MAX: glibc otherwise keeps a malloc arena per thread (libuv's pool, V8's
# workers); two arenas hold Node's resident memory noticeably lower at the same speed.
ENV NODE_ENV=production MALLOC_ARENA_MAX=2 PORT=3000
COPY package.json tsconfig.json ./
COPY src ./src
COPY jobs ./jobs
COPY prisma ./prisma
COPY content ./content
COPY --from=deps /app/node_modules ./node_modules
COPY --from=deps /app/src/generated ./src/generated
# The image's own unprivileged user; the app writes nothing but tsx's cache in /tmp.
USER node
EXPOSE 3000
# /health answers 200 when PostgreSQL and Redis do (the web role on Bolt's server, a worker on its own).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself, not npm or the tsx CLI: one process that gets SIGTERM and shuts down gracefully.
ENTRYPOINT ["node", "--import", "tsx", "src/main.ts"]
CMD []
