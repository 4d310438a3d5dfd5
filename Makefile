# Dateline: two commands do all set-up on a fresh clone.
#   make demo   — install, migrate SQLite, load demo content, serve http://127.0.0.1:$(PORT)/
#   make test   — install what the tests need (chromium included) and run the whole suite
PYTHON ?= python3
VENV := .venv
UV := $(VENV)/bin/uv
PY := $(VENV)/bin/python
PORT ?= 8000
UV_VERSION := 0.13.9

.PHONY: demo test test-fast test-system test-browser lint install install-dev browser serve

$(UV):
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

# --inexact keeps uv itself, which lives in the same environment.
$(VENV)/.installed: pyproject.toml uv.lock | $(UV)
	$(UV) sync --locked --inexact --no-dev
	touch $@

$(VENV)/.installed-dev: pyproject.toml uv.lock | $(UV)
	$(UV) sync --locked --inexact
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

demo: export SITE_URL = http://127.0.0.1:$(PORT)
demo: install
	mkdir -p var
	$(PY) manage.py migrate --noinput
	$(PY) manage.py collectstatic --noinput --verbosity 0
	$(PY) manage.py demo_content
	@# The worker runs background work (scheduled releases, weather, search index) beside
	@# the site and stops with it. It waits out database errors itself; should it die
	@# anyway, this loop notes the exit in var/worker.log and starts it again.
	( trap 'kill $$child 2>/dev/null; exit' TERM; \
	  while :; do \
	    $(PY) manage.py worker & child=$$!; wait $$child; status=$$?; \
	    echo "$$(date '+%F %T') worker exited with status $$status; restarting it in 2 s"; \
	    sleep 2; \
	  done ) > var/worker.log 2>&1 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	echo "Worker running (log: var/worker.log)"; \
	DATELINE_SERVE_MEDIA=1 $(PY) manage.py runserver --noreload 127.0.0.1:$(PORT)

# Debian packages the tests need: chromium (browser tests), a Java runtime and npm (the Nu
# HTML Checker), nginx with its cache purge module (the production recipe's check), Redis
# (the recipe's cache, and the outage tests' own server), PostgreSQL's server (the worker's
# restart test starts a cluster of its own). Installed when missing and we are root.
DEBIAN_TEST_PACKAGES := chromium:/usr/bin/chromium default-jre-headless:java npm:npm \
	nginx-light:/usr/sbin/nginx \
	libnginx-mod-http-cache-purge:/usr/lib/nginx/modules/ngx_http_cache_purge_module.so \
	redis-server:/usr/bin/redis-server postgresql:/usr/lib/postgresql/*/bin/initdb
browser:
	@missing=""; for entry in $(DEBIAN_TEST_PACKAGES); do \
		package=$${entry%%:*}; command=$${entry#*:}; \
		command -v $$command >/dev/null 2>&1 || test -e $$command || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = "0" ]; then \
			apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing; \
		else \
			echo "missing Debian packages:$$missing (sudo apt-get install$$missing)" >&2; exit 1; \
		fi; \
	fi

node_modules/.package-lock.json: package.json package-lock.json | browser
	npm ci --no-audit --no-fund --loglevel=error

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

test: install-dev browser node_modules/.package-lock.json lint
	$(PY) manage.py check --fail-level WARNING
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/pytest

# One lane at a time (`make test` runs them all). Fast: in-process, needs nothing installed
# beyond the Python packages. System: tests that start nginx, redis-server, the Nu HTML
# checker, the worker or a PostgreSQL cluster. Browser: Playwright driving chromium.
test-fast: install-dev
	$(VENV)/bin/pytest -m "not system and not browser"

test-system: install-dev browser node_modules/.package-lock.json
	$(VENV)/bin/pytest -m system

test-browser: install-dev browser
	$(VENV)/bin/pytest -m browser

# Benchmarks (not part of CI). Each prints its numbers; see the README and docs/wire.md.
.PHONY: bench
bench: install-dev
	$(PY) bench/site.py --output var/benchmarks-latest.md
	$(PY) bench/wire_push.py --publishes 50
	$(PY) bench/wire_push.py --publishes 50 --database-url postgres://postgres@127.0.0.1:5432/dateline_bench
