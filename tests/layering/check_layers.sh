#!/usr/bin/env bash
# Checks that no file of edict includes a header of a layer above its own:
# every `#include "ROOT/..."` of a C or C++ file must be allowed by the line of
# layers.txt that the file falls under. Prints one line per wrong include
# (file:line, the include, what the file's layer may include) and exits 1 if
# there is any; exits 0 when the tree keeps to its layers.
#
# Usage: check_layers.sh [SOURCE_DIR [LAYERS_FILE]]
#   SOURCE_DIR   the project root (default: two levels above this script)
#   LAYERS_FILE  the layers (default: layers.txt beside this script)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=${1:-$(cd "$here/../.." && pwd)}
layers=${2:-$here/layers.txt}
[ -d "$root" ] || { echo "check_layers: $root is not a directory" >&2; exit 2; }
[ -r "$layers" ] || { echo "check_layers: cannot read $layers" >&2; exit 2; }
cd "$root"

# Every C and C++ file of the tree but build directories and installed
# packages: one in a directory layers.txt does not list is an error.
mapfile -t files < <(find . -type d \( -name 'build*' -o -name '.git' -o -name node_modules \) -prune \
  -o -type f \( -name '*.h' -o -name '*.hpp' -o -name '*.c' -o -name '*.cc' -o -name '*.cpp' \
  -o -name '*.def' -o -name '*.inc' \) -print | sed 's|^\./||' | sort)
[ ${#files[@]} -gt 0 ] || { echo "check_layers: no source files under $root" >&2; exit 2; }

awk -v layers="$layers" -v nfiles="${#files[@]}" '
  BEGIN {
    while ((getline line < layers) > 0) {
      if (line ~ /^[[:space:]]*(#|$)/) continue
      n = split(line, w, /[[:space:]]+/)
      dir = w[1]; allowed[dir] = ""; order[++count] = dir
      for (i = 2; i <= n; ++i) if (w[i] != "") allowed[dir] = allowed[dir] " " w[i]
      split(dir, parts, "/"); isRoot[parts[1]] = 1
    }
  }
  # The directory of layers.txt that holds `path`: the longest that is a prefix.
  function layerOf(path,   best, i, d) {
    best = ""
    for (i = 1; i <= count; ++i) {
      d = order[i]
      if (index(path, d "/") == 1 && length(d) > length(best)) best = d
    }
    return best
  }
  function permits(layer, target,   list, n, i) {
    if (index(target, layer "/") == 1) return 1
    n = split(allowed[layer], list, " ")
    for (i = 1; i <= n; ++i) if (index(target, list[i] "/") == 1 || target == list[i]) return 1
    return 0
  }
  FNR == 1 {
    layer = layerOf(FILENAME)
    if (layer == "") {
      printf "%s: in no layer of %s; add its directory there\n", FILENAME, layers
      bad++; nextfile
    }
  }
  match($0, /^[[:space:]]*#[[:space:]]*include[[:space:]]*"[^"]+"/) {
    target = substr($0, RSTART, RLENGTH); sub(/^[^"]*"/, "", target); sub(/"$/, "", target)
    split(target, parts, "/")
    if (!(parts[1] in isRoot) || !(2 in parts)) next
    if (!permits(layer, target)) {
      printf "%s:%d: includes \"%s\", above its layer: %s may include%s\n", FILENAME, FNR,
             target, layer, (allowed[layer] == "" ? " only itself" : allowed[layer] " and itself")
      bad++
    }
  }
  END {
    if (bad) { printf "check_layers: %d problem(s) with the layers of %s\n", bad, layers; exit 1 }
    printf "check_layers: %d files keep to their layers\n", nfiles
  }
' "${files[@]}"
