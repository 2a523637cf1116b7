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
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    KANEBOT_KNOWLEDGE=/app/knowledge \
    KANEBOT_DB=/data/kanebot.sqlite3 \
    KANEBOT_CACHE=/data/cache
USER kanebot
WORKDIR /app
VOLUME ["/data"]
# Webhook mode listens here; long polling (the default) needs no port.
EXPOSE 8443
HEALTHCHECK --interval=60s --timeout=5s --start-period=30s --retries=3 CMD ["kanebot", "health"]
ENTRYPOINT ["kanebot"]
CMD ["run"]
