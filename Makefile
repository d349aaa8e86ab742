# Training Kit: set-up, tests and translations. See README.md.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test deps test-deps lint messages bench import-bundled dist bundle-size guides screenshots-langs

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
	$(BIN)/pip install --quiet -e '.[test,build]'
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

# `kit --screenshot` of the library (the bundled packs installed) and of the first start,
# in each shipped language and the pseudo-locale: build/screenshots/LANG-{library,start}.png.
SHOTS := build/screenshots
screenshots-langs: deps
	rm -rf $(SHOTS) && mkdir -p $(SHOTS)/data
	for pack in content_packs/*/; do $(BIN)/kit pack build $$pack -o $(SHOTS)/packs/ >/dev/null || exit 1; done
	$(BIN)/kit --data-dir $(SHOTS)/data library install $(SHOTS)/packs/*.kitpack >/dev/null
	for lang in $$($(BIN)/python -c "from kit.languages import SHIPPED_CODES, PSEUDO; print(*SHIPPED_CODES, PSEUDO)"); do \
		QT_QPA_PLATFORM=$${QT_QPA_PLATFORM:-offscreen} KIT_DATA_DIR=$(SHOTS)/data \
			$(BIN)/kit --lang $$lang --screenshot $(SHOTS)/$$lang-library.png && \
		QT_QPA_PLATFORM=$${QT_QPA_PLATFORM:-offscreen} KIT_DATA_DIR=$(SHOTS)/empty-$$lang \
			$(BIN)/kit --lang $$lang --screenshot $(SHOTS)/$$lang-start.png || exit 1; done
	@ls $(SHOTS)/*.png

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
	$(BIN)/python build/prune_bundle.py build/dist/training-kit
	$(BIN)/python build/bundle_size.py build/dist/training-kit

# Sizes of the built bundle: on disk and as tar.gz, tar.xz and zip archives.
bundle-size: $(BIN)/python
	$(BIN)/python build/bundle_size.py build/dist/training-kit --xz

# Screenshots for the user guides docs/guide-*.md (docs/images/guide-*.png), by `kit --screenshot`.
guides: deps
	QT_QPA_PLATFORM=offscreen $(BIN)/python build/guide_screenshots.py docs/images
