# Meshlens: Next.js standalone output on a slim Node 20 image, run as a non-root user.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npx next build

FROM node:20-bookworm-slim AS run
WORKDIR /app
# HOSTNAME=0.0.0.0 listens beyond loopback, so the image signs people in (AUTH_STRATEGY=token) rather than
# letting anyone who reaches it write as Meshlens' service account; anonymous there needs READ_ONLY=true
# or ALLOW_ANONYMOUS_WRITES=true, or Meshlens refuses to start and says why.
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0 AUTH_STRATEGY=token
COPY --from=build --chown=1000:1000 /app/.next/standalone ./
COPY --from=build --chown=1000:1000 /app/.next/static ./.next/static
COPY --from=build --chown=1000:1000 /app/public ./public
USER 1000:1000
EXPOSE 3000
CMD ["node", "server.js"]
