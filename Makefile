# Clinical Academic Pathway Guide. `make run` opens the app; `make test` runs the suite.
# Both create .venv and install the project on first use (and again when pyproject.toml changes).

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test bench fuzz bundle tarball lint format clean system-packages check-clocks check-fresh

# Debian/Ubuntu: install the system packages the guide needs (packaging/linux/debian-packages.txt)
# when some are missing, as root or with passwordless sudo; otherwise print the one line to run.
# `make test` and `make bundle` add the few packages only they need (see the list).
system-packages:
	@PYTHON=$(PYTHON) sh packaging/linux/system-packages.sh $(SYSTEM_FOR)
test: SYSTEM_FOR := test
bundle: SYSTEM_FOR := bundle

$(STAMP): pyproject.toml | system-packages
	@test -x $(PY) || $(PYTHON) -m venv $(VENV) || { \
	  echo "Could not create a virtual environment. On Debian/Ubuntu: sudo apt-get install -y python3-venv"; exit 1; }
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test,build]'
	@touch $(STAMP)

run: $(STAMP)
	@$(PY) -m guide.platform_check
	$(PY) -m guide

test: $(STAMP)
	$(PY) -m ruff check guide tests
	$(PY) -m ruff format --check guide tests
	$(VENV)/bin/lint-imports --no-cache --no-logo
	$(PY) -m mypy
	$(VENV)/bin/actionlint .github/workflows/ci.yml
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

# The whole suite with the clock moved (+1 and +4 years) and in far-off time zones (UTC+14,
# UTC-10); minutes, so not part of make test. Needs faketime (apt-get install faketime).
check-clocks: $(STAMP)
	PY=$(PY) sh tests/check_clocks.sh

# make run, then make test, in fresh minimal Debian 12 and 13 roots with only git, as a new
# user would; tens of minutes, needs root and debootstrap. Figures go to stdout.
check-fresh:
	sh packaging/linux/check_fresh.sh

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m tests.benchmarks.run

fuzz: $(STAMP)
	QT_QPA_PLATFORM=offscreen HYPOTHESIS_PROFILE=fuzz $(PY) -m pytest -q tests -k "propert or fuzz"

# The frozen app's self-test runs offscreen with a throwaway home, so it needs no display
# and never touches your own data; it names the first check that fails and exits non-zero.
bundle: $(STAMP)
	$(PY) -m PyInstaller --noconfirm --clean build_installer.spec
	@home=$$(mktemp -d) && QT_QPA_PLATFORM=offscreen GUIDE_HOME=$$home \
	  dist/ClinicalAcademicGuide/ClinicalAcademicGuide --self-test; rc=$$?; rm -rf "$$home"; \
	  [ $$rc -eq 0 ] || { echo "make bundle: the frozen app's self-test failed (see above)"; exit $$rc; }
	@du -sh dist/ClinicalAcademicGuide

tarball: bundle
	$(PY) packaging/linux/make_tarball.py

lint: $(STAMP)
	$(PY) -m ruff check guide tests

format: $(STAMP)
	$(PY) -m ruff format guide tests
	$(PY) -m ruff check --fix guide tests

clean:
	rm -rf build dist bench-results.json
