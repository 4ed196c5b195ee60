# Helpers the shell tests share. A test sets TEST (its name, the prefix of
# every message) and sources this file:
#   TEST=cli_test
#   . "$(dirname "$0")/lib.sh"
# Sourcing makes $WORK, a scratch directory removed at exit, keeps the
# compiled-model cache in it (TSUNAGU_CACHE_DIR) and unsets TSUNAGU_DATA,
# TSUNAGU_RULES and TSUNAGU_LANG, so that the defaults are what is tested.
# A test that sets its own EXIT trap removes $WORK in it too.
# fail stops the test at the first failed check, showing what the command
# printed; passed ends it, counting the checks.

WORK=$(mktemp -d "${TMPDIR:-/tmp}/tsunagu-$TEST.XXXXXX") || exit 2
trap 'rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM HUP
TSUNAGU_CACHE_DIR=$WORK/cache
export TSUNAGU_CACHE_DIR
unset TSUNAGU_DATA TSUNAGU_RULES TSUNAGU_LANG 2>/dev/null || true
CHECKS=0

need_args() {  # need_args N "ARGS" $#: exits 2 with the usage unless the test got N arguments
  [ "$3" -eq "$1" ] || { echo "usage: sh $0 $2" >&2; exit 2; }
}
need_tsunagu_root() {  # need_tsunagu_root "$@": the arguments PATH_TO_TSUNAGU REPO_ROOT, as $T and $ROOT
  need_args 2 "PATH_TO_TSUNAGU REPO_ROOT" $#
  T=$1
  ROOT=$2
  need_exe "$T"
}
need_exe() {  # need_exe PATH...: exits 2 unless each is an executable
  for x in "$@"; do
    [ -x "$x" ] || { echo "$TEST: not an executable: $x" >&2; exit 2; }
  done
}

fail() {  # fail WHAT: the check failed; shows stdout and stderr of the last run
  echo "$TEST: FAIL: $*" >&2
  if [ -s "$WORK/out" ]; then echo "--- stdout:" >&2; head -n 30 "$WORK/out" >&2; fi
  if [ -s "$WORK/err" ]; then echo "--- stderr:" >&2; head -n 30 "$WORK/err" >&2; fi
  exit 1
}
pass() { CHECKS=$((CHECKS + 1)); }
passed() {  # ends the test: every check passed
  echo "$TEST: all $CHECKS checks passed"
  exit 0
}

run() {  # run CMD...: stdout in $WORK/out, stderr in $WORK/err, the exit code in $RC
  "$@" >"$WORK/out" 2>"$WORK/err"
  RC=$?
}
expect_rc() {  # expect_rc CODE WHAT
  [ "$RC" -eq "$1" ] || fail "$2: exit $RC, expected $1"
  pass
}
out_has() {  # out_has TEXT WHAT: a line of stdout holds TEXT
  grep -qF -e "$1" "$WORK/out" || fail "$2: stdout lacks '$1'"
  pass
}
out_lacks() {  # out_lacks TEXT WHAT: no line of stdout holds TEXT
  grep -qF -e "$1" "$WORK/out" && fail "$2: stdout holds '$1'"
  pass
}
err_has() {  # err_has TEXT WHAT: a line of stderr holds TEXT
  grep -qF -e "$1" "$WORK/err" || fail "$2: stderr lacks '$1'"
  pass
}
err_is() {  # err_is TEXT WHAT: stderr is exactly TEXT
  [ "$(cat "$WORK/err")" = "$1" ] || fail "$2: stderr is not '$1'"
  pass
}
err_empty() {  # err_empty WHAT
  [ -s "$WORK/err" ] && fail "$1: stderr is not empty"
  pass
}
