# KANE bot: multi-stage slim image, non-root, database on a volume, heartbeat health check.
#   docker build -t kanebot .
#   docker run -e TELEGRAM_BOT_TOKEN=… -v kanebot-data:/data kanebot

# The base image can be swapped (a mirror, or a local stand-in where Docker Hub is out of reach); it must provide
# python 3.11+ with venv and useradd.
ARG PYTHON_IMAGE=python:3.11-slim

FROM ${PYTHON_IMAGE} AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY handlers ./handlers
RUN python -m venv /opt/venv \
 && /opt/venv/bin/pip install --no-cache-dir --upgrade pip \
 && /opt/venv/bin/pip install --no-cache-dir .

FROM ${PYTHON_IMAGE}
RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin kanebot \
 && mkdir -p /data && chown kanebot /data
COPY --from=build /opt/venv /opt/venv
COPY knowledge /app/knowledge
# Inside the container the webhook server listens on the container's addresses; publish the port on the host's
# loopback (-p 127.0.0.1:8443:8443) for the TLS proxy, never on a public address.
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    KANEBOT_KNOWLEDGE=/app/knowledge \
    KANEBOT_DB=/data/kanebot.sqlite3 \
    KANEBOT_HEARTBEAT=/data/heartbeat \
    KANEBOT_CACHE=/data/cache \
    KANEBOT_WEBHOOK_LISTEN=0.0.0.0
USER kanebot
WORKDIR /app
VOLUME ["/data"]
# Webhook mode listens here; long polling (the default) needs no port.
EXPOSE 8443
# `docker stop` sends SIGTERM and waits 10 s by default: the bot stops within that (updates not begun wait in the
# database for the next start), and always closes the database.
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=60s --timeout=5s --start-period=30s --retries=3 CMD ["kanebot", "health"]
ENTRYPOINT ["kanebot"]
CMD ["run"]
