# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# One image for trytond (WSGI), trytond-cron, trytond-worker and the
# sosolo command. Used by docker-compose.yml.
FROM node:20-bookworm-slim AS web
WORKDIR /app
COPY package.json package-lock.json ./
# The lockfile's versions, nothing else: npm ci never rewrites it.
RUN npm ci --omit=dev --no-audit --no-fund --loglevel=error

FROM python:3.11-slim-bookworm
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY pyproject.toml README.md ./
COPY addons addons
COPY sosolo sosolo
COPY config config
# The runtime dependencies of pyproject.toml only: requirements.txt adds
# the tests' and benchmarks' (browsers, fuzzing, the FEC comparison).
RUN pip install --no-cache-dir .
COPY --from=web /app/node_modules node_modules
# sao's Swedish (sao/locale/sv.json) beside its own locale files.
COPY sao/locale sao/locale
RUN mkdir -p var/sao/locale \
    && for f in index.html dist images sounds; do \
        ln -s /app/node_modules/tryton-sao/$f var/sao/$f; done \
    && ln -s /app/node_modules/tryton-sao/locale/*.json var/sao/locale/ \
    && ln -s /app/sao/locale/sv.json var/sao/locale/sv.json \
    && ln -s /app/node_modules var/sao/node_modules \
    && useradd --system --home /app tryton \
    && mkdir -p var/attachments && chown tryton var/attachments
USER tryton
ENV TRYTOND_CONFIG=/app/config/trytond-postgresql.conf \
    TRYTOND_WEB__ROOT=/app/var/sao
EXPOSE 8000
CMD ["gunicorn", "--workers", "4", "--bind", "0.0.0.0:8000", \
     "trytond.application:app"]
