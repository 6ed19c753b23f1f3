# careleaver: PGXS build.  `make`, `make install`, `make installcheck` work as for
# any extension; `make test` and `make demo` set everything up and run against a
# throwaway cluster (see README.md).

EXTENSION   = careleaver
EXTVERSION  = $(shell sed -n "s/^default_version = '\(.*\)'/\1/p" careleaver.control)

MODULE_big  = careleaver
CORE_SRCS   = $(sort $(wildcard extension/core/*.c))
GLUE_SRCS   = $(sort $(wildcard extension/pg/*.c))
OBJS        = $(CORE_SRCS:.c=.o) $(GLUE_SRCS:.c=.o)

# The install script is assembled from ordered pieces so that each concept
# keeps its SQL beside the others.  Released versions' scripts are frozen in
# extension/releases/ (install and update scripts, installed as they are); the
# update script from the last release to the version in development is built
# by gen_update.py from its hand-written part in extension/updates/ and the
# replaceable statements of the new install script (see that file).
PREV_VERSION = 0.1.0
SQL_PIECES  = $(sort $(wildcard extension/sql/*.sql))
UPDATE_PRE  = extension/updates/$(PREV_VERSION)--$(EXTVERSION).sql
DATA_built  = extension/$(EXTENSION)--$(EXTVERSION).sql \
              extension/$(EXTENSION)--$(PREV_VERSION)--$(EXTVERSION).sql
DATA        = $(wildcard extension/releases/$(EXTENSION)--*.sql)

REGRESS      = $(basename $(notdir $(sort $(wildcard sql/*.sql))))
REGRESS_OPTS = --inputdir=. --outputdir=results-regress

PG_CPPFLAGS = -Iextension/core -Iextension/pg
# Test-only build: every state limit of extension/core/state_limits.h divided by
# 1000, so that test/script/state_limits.t reaches them in a private install.
ifdef CARELEAVER_TEST_LIMITS
PG_CPPFLAGS += -DCARELEAVER_STATE_LIMIT_SCALE=1000
endif
# PostgreSQL's own headers trip -Wextra's unused-parameter and
# missing-field-initializers checks (fmgr macros), so only those are relaxed.
PG_CFLAGS   = -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers \
              -Wno-sign-compare $(WERROR)

EXTRA_CLEAN = test/unit/build test/fuzz/build results-regress

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

extension/$(EXTENSION)--$(EXTVERSION).sql: $(SQL_PIECES) careleaver.control
	cat $(SQL_PIECES) > $@

extension/$(EXTENSION)--$(PREV_VERSION)--$(EXTVERSION).sql: extension/gen_update.py $(UPDATE_PRE) \
		extension/$(EXTENSION)--$(EXTVERSION).sql
	python3 extension/gen_update.py $(UPDATE_PRE) extension/$(EXTENSION)--$(EXTVERSION).sql > $@.tmp
	mv $@.tmp $@

# ---------------------------------------------------------------------------
# Plain-C core: unit tests (TAP, run with prove) and fuzzing, no server needed.
CORE_CC      ?= cc
CORE_CFLAGS  = -std=c99 -O1 -g -Wall -Wextra -Wshadow -Wstrict-prototypes $(WERROR) -Iextension/core
UNIT_SRCS    = $(sort $(wildcard test/unit/test_*.c))
UNIT_BINS    = $(patsubst test/unit/%.c,test/unit/build/%,$(UNIT_SRCS))

test/unit/build/%: test/unit/%.c test/unit/tap.h $(CORE_SRCS) $(wildcard extension/core/*.h)
	@mkdir -p test/unit/build
	$(CORE_CC) $(CORE_CFLAGS) -fsanitize=address,undefined -fno-sanitize-recover=all \
		-Itest/unit -o $@ $< $(CORE_SRCS) -lm

.PHONY: unit fuzz test demo bench deps
unit: $(UNIT_BINS)
	prove -v $(UNIT_BINS)

FUZZ_SRCS    = $(sort $(wildcard test/fuzz/fuzz_*.c))
FUZZ_BINS    = $(patsubst test/fuzz/%.c,test/fuzz/build/%,$(FUZZ_SRCS))
FUZZ_SECONDS ?= 10

test/fuzz/build/%: test/fuzz/%.c $(CORE_SRCS) $(wildcard extension/core/*.h)
	@mkdir -p test/fuzz/build
	clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
		-Iextension/core -o $@ $< $(CORE_SRCS) -lm

fuzz: $(FUZZ_BINS)
	scripts/run-fuzz $(FUZZ_SECONDS) $(FUZZ_BINS)

# The two README commands.
test:
	scripts/setup-deps
	scripts/run-tests

demo:
	scripts/setup-deps
	scripts/demo

deps:
	scripts/setup-deps

# Every benchmark at its default size, one after the other (long: see README).
bench:
	scripts/setup-deps
	for b in bench/*/run; do echo "==== $$b"; $$b || exit 1; done
