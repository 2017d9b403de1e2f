# Lantern's task runner. `make run` starts the demo; `make test` runs every test.
SHELL := /bin/bash
PYTHON ?= python3
UV := $(shell command -v uv 2>/dev/null || echo "$(PYTHON) -m uv")
MANAGE := $(UV) run python manage.py
SCALE ?= 0.1

.PHONY: setup run test test-functional lint fix check-migrations bench demo-full frontend

setup: ## Install uv if missing, then the locked dependencies (no other step needs the network)
	@command -v uv >/dev/null 2>&1 || $(PYTHON) -m uv --version >/dev/null 2>&1 || \
		(echo "Installing uv with pip…" && $(PYTHON) -m pip install --quiet --user uv || \
		 $(PYTHON) -m pip install --quiet --break-system-packages uv)
	$(UV) sync --locked

run: setup ## Migrate an SQLite database under var/, load the demo authority if empty, serve :8000
	$(MANAGE) migrate --no-input
	$(MANAGE) demo_setup
	$(MANAGE) runserver 127.0.0.1:8000

test: setup ## The whole suite: unit, integration and browser journeys
	$(UV) run pytest

test-functional: setup ## Browser journeys only (needs Debian's chromium)
	$(UV) run pytest -m functional

lint: setup ## ruff lint and format check, djhtml on templates, migrations up to date
	$(UV) run ruff check .
	$(UV) run ruff format --check .
	$(UV) run djhtml --check templates
	$(MANAGE) makemigrations --check --dry-run

fix: setup ## Apply ruff fixes and formatting, and djhtml indentation
	$(UV) run ruff check --fix .
	$(UV) run ruff format .
	$(UV) run djhtml templates

check-migrations: setup
	$(MANAGE) makemigrations --check --dry-run

bench: setup ## Benchmarks at the scales the issues name (takes a while; prints a table)
	$(UV) run python -m bench.run

demo-full: setup ## Build the full-size authority (about 35,000 children) into var/full.sqlite3
	DATABASE_URL=sqlite:///$(CURDIR)/var/full.sqlite3 $(MANAGE) migrate --no-input
	DATABASE_URL=sqlite:///$(CURDIR)/var/full.sqlite3 $(MANAGE) generate_la --seed 1 --scale 1.0 --bulk
	@echo "Serve it with: DATABASE_URL=sqlite:///$(CURDIR)/var/full.sqlite3 $(MANAGE) runserver"

frontend: ## Rebuild GOV.UK Frontend CSS/JS (needs Node; output is committed)
	bash frontend/build.sh
