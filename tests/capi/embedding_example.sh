#!/usr/bin/env bash
# The C example of docs/embedding.md as a user builds it: libedict installed
# into an empty prefix (the `libedict` component), the example compiled as
# C99 once with pkg-config and once with CMake's find_package(edict), each
# run on the shipped sample claims and compared with what `edict run` prints.
# usage: embedding_example.sh BUILD_DIR EDICT [EXTRA_C_FLAGS]  (from the source root)
set -u
build=$1 edict=$2 flags=${3:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAILED: $*"; failures=$((failures + 1)); }

cmake --install "$build" --prefix "$work/prefix" --component libedict >"$work/install.log" 2>&1 ||
  { cat "$work/install.log"; echo "FAILED: cmake --install"; exit 1; }
[ -f "$work/prefix/include/edict/edict.h" ] || fail "edict.h not installed"
pc=$(find "$work/prefix" -name edict.pc | head -1)
[ -n "$pc" ] || { echo "FAILED: edict.pc not installed"; exit 1; }

awk '/^```c$/ { inside = 1; next } /^```$/ { inside = 0 } inside' docs/embedding.md >"$work/example.c"
[ -s "$work/example.c" ] || { echo "FAILED: no C example in docs/embedding.md"; exit 1; }

"$edict" run -r rulesets/cms/therapy.edict samples/claims.jsonl >"$work/expected" 2>/dev/null
[ -s "$work/expected" ] || { echo "FAILED: edict run printed nothing"; exit 1; }

check() {  # NAME PROGRAM
  "$2" rulesets/cms/therapy.edict samples/claims.jsonl >"$work/$1.out" 2>"$work/$1.err" ||
    fail "$1: exit status $?: $(cat "$work/$1.err")"
  diff -u "$work/expected" "$work/$1.out" || fail "$1: records differ from edict run's"
  grep -q "5 claims read, 4 evaluated, 1 rejected" "$work/$1.err" || fail "$1: no summary"
  echo "$1: $(wc -l <"$work/$1.out") records, identical to edict run"
}

# pkg-config
cflags=$(PKG_CONFIG_PATH=$(dirname "$pc") pkg-config --cflags --libs edict)
libdir=$(PKG_CONFIG_PATH=$(dirname "$pc") pkg-config --variable=libdir edict)
# shellcheck disable=SC2086
if cc -std=c99 -Wall -Wextra -Wpedantic -Werror $flags "$work/example.c" $cflags \
    -Wl,-rpath,"$libdir" -o "$work/example-pkg-config" 2>"$work/cc.log"; then
  check pkg-config "$work/example-pkg-config"
else
  cat "$work/cc.log"; fail "compiling with pkg-config"
fi

# find_package(edict)
mkdir -p "$work/consumer"
cp "$work/example.c" "$work/consumer/"
cat >"$work/consumer/CMakeLists.txt" <<'CMAKE'
cmake_minimum_required(VERSION 3.25)
project(example C)
set(CMAKE_C_STANDARD 99)
find_package(edict 0.1 REQUIRED)
add_executable(example example.c)
target_link_libraries(example PRIVATE edict::edict)
CMAKE
if cmake -S "$work/consumer" -B "$work/consumer/build" -DCMAKE_PREFIX_PATH="$work/prefix" \
      -DCMAKE_C_FLAGS="$flags" >"$work/cmake.log" 2>&1 &&
    cmake --build "$work/consumer/build" >>"$work/cmake.log" 2>&1; then
  check find_package "$work/consumer/build/example"
else
  cat "$work/cmake.log"; fail "building with find_package(edict)"
fi

# Only the C API is exported.
exported=$(nm -D --defined-only "$(find "$work/prefix" -name 'libedict.so.*.*' | head -1)" |
  awk '$2 ~ /^[TDBR]$/ { print $3 }' | grep -v '^edict_' | head -5)
[ -z "$exported" ] || fail "libedict exports more than edict_*: $exported"

echo "$failures failed"
[ $failures -eq 0 ]
