# syntax=docker/dockerfile:1
# The SSM emulator as a container: listens on 0.0.0.0:4583, state in memory unless
# SSM_EMULATOR_DATA_DIR=/data (a volume) is set. The base image is a build argument because some
# build machines cannot pull from Docker Hub: scripts/docker-smoke.sh builds a local stand-in.
ARG BASE_IMAGE=node:20-bookworm-slim

FROM ${BASE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY emulator ./emulator
COPY ui ./ui
COPY scripts/bundle.mjs scripts/bundle-ui.mjs ./scripts/
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM ${BASE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4583 \
    SSM_EMULATOR_INIT=/init
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY fixtures ./fixtures
COPY openapi ./openapi
RUN (getent group emulator || groupadd --system emulator) \
 && (getent passwd emulator || useradd --system --gid emulator --home-dir /app --shell /usr/sbin/nologin emulator) \
 && mkdir -p /data /init && chown emulator:emulator /data
USER emulator
# /data: state under SSM_EMULATOR_DATA_DIR=/data; /init: seed files loaded at start (mount yours read-only).
VOLUME ["/data"]
EXPOSE 4583
HEALTHCHECK --interval=5s --timeout=3s --start-period=5s --retries=3 \
  CMD ["node", "-e", "require('http').get('http://127.0.0.1:'+(process.env.PORT||4583)+'/_emulator/health',r=>process.exit(r.statusCode===200?0:1)).on('error',()=>process.exit(1))"]
ENTRYPOINT ["node", "dist/bundle/main.js"]
