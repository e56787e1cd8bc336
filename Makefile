# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   make run                  demo cooperative on SQLite at http://127.0.0.1:8000/
#   make test                 every test on SQLite
#   make test DB=postgresql   every test on a PostgreSQL 15 cluster under var/
#   make lint                 ruff (pyflakes, pycodestyle, isort)
#   make bench                benchmarks (PostgreSQL)

PYTHON ?= python3
DB ?= sqlite
VENV := .venv
BIN := $(VENV)/bin
CONF := config/trytond.conf
export PATH := $(CURDIR)/$(BIN):$(PATH)
# trytond wants these folders absolute; config/trytond.conf leaves them out.
export TRYTOND_DATABASE__PATH ?= $(CURDIR)/var/db
export TRYTOND_WEB__ROOT ?= $(CURDIR)/var/sao
# The cooperative's seal (key.pem, certificate.pem); the demo makes one.
export TRYTOND_SOSOLO_TEMPLATES__SEAL_DIRECTORY ?= $(CURDIR)/var/seal

.PHONY: run test lint bench venv web pg-start pg-stop clean

venv: $(VENV)/.installed
$(VENV)/.installed: pyproject.toml requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade 'pip>=24' 'setuptools>=77'
	$(BIN)/python -m pip install -q -r requirements.txt -e .
	touch $@

web: var/sao/index.html var/sao/locale/sv.json
var/sao/index.html: package.json
	npm install --no-audit --no-fund --loglevel=error
	mkdir -p var/sao
	for f in index.html dist images sounds; do \
		ln -sfn ../../node_modules/tryton-sao/$$f var/sao/$$f; done
	# sao's index.html loads node_modules/ from beside itself.
	ln -sfn ../../node_modules var/sao/node_modules
	rm -rf var/sao/locale
	touch -h $@
# sao's own locale/*.json, and its Swedish from sao/locale beside them.
var/sao/locale/sv.json: var/sao/index.html sao/locale/sv.json
	rm -rf var/sao/locale
	mkdir -p var/sao/locale
	for f in node_modules/tryton-sao/locale/*.json; do \
		ln -sfn ../../../$$f var/sao/locale/; done
	ln -sfn ../../../sao/locale/sv.json $@

run: venv web
	$(BIN)/sosolo -c $(CONF) -d sosolo demo
	@echo
	@echo "SOSOLO körs på http://127.0.0.1:8000/  (backoffice)"
	@echo "  backoffice: admin / admin"
	@echo "  medlemmar:  anna@example.se / demo, bertil@example.se / demo"
	@echo "  portal:     http://127.0.0.1:8000/sosolo/portal/"
	@echo "  (Ctrl+C stoppar servern)"
	@echo
	$(BIN)/trytond -c $(CONF) -d sosolo

test: venv web
ifeq ($(DB),postgresql)
	scripts/pg start
	scripts/with-pg-stop $(BIN)/python scripts/runtests.py --db postgresql $(TESTS)
else
	$(BIN)/python scripts/runtests.py --db sqlite $(TESTS)
endif

lint: venv
	$(BIN)/ruff check .

bench: venv
	scripts/pg start
	scripts/with-pg-stop sh -c 'for b in bench/*.py; do $(BIN)/python $$b || exit 1; done'

pg-start:
	scripts/pg start
pg-stop:
	scripts/pg stop

clean:
	rm -rf var/db var/dbcache var/test
