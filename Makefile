# The two commands a newcomer needs: `make run` and `make test`. Everything else is detail.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
# Python 3.12 or newer: the first of these that exists (pyenv's python3.13 is picked through .python-version).
PYTHON ?= $(shell for p in python3.13 python3.12 python3.14 python3; do if command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then echo $$p; break; fi; done)

.PHONY: run test install install-dev lint check-deploy bench messages clean

$(VENV)/.installed: requirements/base.txt
	@test -n "$(PYTHON)" || { echo "ReConnect needs Python 3.12 or newer."; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes -r requirements/base.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements/dev.txt
	$(PY) -m pip install --quiet --require-hashes -r requirements/base.txt -r requirements/dev.txt
	touch $@

# The eID tests' OpenID provider (tests/oidc) and the HTML checker (tools/, needs Java) come from npm lockfiles.
$(VENV)/.installed-node: $(VENV)/.installed tests/oidc/package-lock.json tools/package-lock.json
	@command -v npm >/dev/null 2>&1 || { echo "The test suite needs Node.js and npm (apt-get install nodejs npm)."; exit 1; }
	npm ci --prefix tests/oidc --no-audit --no-fund --loglevel=error
	npm ci --prefix tools --no-audit --no-fund --loglevel=error
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev $(VENV)/.installed-node

## Run the portal: install, migrate, load the demo data, start web + Celery worker + beat.
run: install
	DEBUG=$${DEBUG:-true} $(PY) manage.py migrate --no-input
	DEBUG=$${DEBUG:-true} $(PY) manage.py createcachetable
	DEBUG=$${DEBUG:-true} $(PY) manage.py seed_demo --quiet
	DEBUG=$${DEBUG:-true} $(PY) manage.py run_portal

## Run every check and test: lint, templates, types, migrations, then the whole pytest suite,
## spread over one pytest-xdist worker per CPU (PYTEST_WORKERS=0 runs it in one process).
## The database is migrated once, into a template every test database is copied from (see
## tests/dbtemplate.py). The tests that start real workers, beats and web servers on the shared Redis
## run afterwards, in a process of their own (exit code 5: PYTEST_ARGS selected none of them); beside
## the parallel run, on two cores, their timing-sensitive waits would compete with it for CPU.
PYTEST_WORKERS ?= auto
test: install-dev
	$(MAKE) --no-print-directory lint
	@export DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/reconnect}; \
	export REDIS_URL=$${REDIS_URL:-redis://127.0.0.1:6379/0}; \
	export RECONNECT_TEST_DB_TEMPLATE=test_template_$$$$_$$(date +%s); \
	trap '$(PY) -m tests.dbtemplate drop $$RECONNECT_TEST_DB_TEMPLATE' EXIT; \
	echo "$(PY) -m pytest -n $(PYTEST_WORKERS) --dist loadgroup -m \"not slow\" $(PYTEST_ARGS)"; \
	$(PY) -m pytest -n $(PYTEST_WORKERS) --dist loadgroup -m "not slow" $(PYTEST_ARGS) || exit $$?; \
	echo "$(PY) -m pytest -m slow $(PYTEST_ARGS)"; \
	$(PY) -m pytest -m slow $(PYTEST_ARGS) || [ $$? -eq 5 ]

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djlint templates --lint --quiet
	RECONNECT_TESTING=true $(VENV)/bin/mypy
	RECONNECT_TESTING=true $(PY) manage.py makemigrations --check --dry-run
	$(PY) scripts/check_translations.py

bench: install-dev
	@for b in benchmarks/*.py; do case $$b in benchmarks/generate_forum.py|benchmarks/common.py) ;; *) $(PY) $$b ;; esac; done; true

## Extract and compile the Norwegian translations (needs GNU gettext).
messages: install-dev
	$(PY) scripts/messages.py

clean:
	rm -rf var .pytest_cache .mypy_cache .ruff_cache
