# Training Kit: set-up, tests and translations. See README.md.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test deps test-deps lint messages bench import-bundled dist

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

deps: $(BIN)/python
	$(BIN)/pip install --quiet -e .

# Installs and starts the app on its bundled content.
run: deps
	./build/install-system-deps.sh --runtime
	$(BIN)/kit

# Debian packages the tests need (nginx for download tests, Qt's runtime libraries);
# Ralph (a Learning Record Store) in its own .venv-ralph for the xAPI tests.
test-deps: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	./build/install-system-deps.sh
	PYTHON=$(PYTHON) ./build/install-ralph.sh

lint: test-deps
	$(BIN)/ruff check kit tests bench
	$(BIN)/ruff format --check kit tests bench
	$(BIN)/mypy

# Installs what the tests need and runs the whole suite.
test: test-deps lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -n 2 -q

# Interface translations: extract every _()/ngettext()/pgettext()/N_() string from kit/
# into kit.pot, merge it into each LANG/LC_MESSAGES/kit.po, compile the .mo files.
messages: deps
	$(BIN)/pybabel -q extract -F babel.cfg -o resources/translations/kit.pot --project "Training Kit" \
		--add-location=file --add-comments=Translators: --strip-comments .
	$(BIN)/pybabel update -i resources/translations/kit.pot -d resources/translations -D kit --ignore-obsolete
	$(BIN)/pybabel compile -d resources/translations -D kit

bench: deps
	$(BIN)/python -m bench

# Regenerates the bundled packs in content_packs/ from ../shared/corpus (see build/import-bundled.sh).
import-bundled: deps
	./build/import-bundled.sh

# Desktop bundle (PyInstaller, one folder): build/dist/training-kit/training-kit. See README.
dist: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[build]'
	$(BIN)/pybabel compile -d resources/translations -D kit
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN \
		--distpath build/dist --workpath build/work build/training-kit.spec
