#!/bin/sh
# Builds the `xianjie` JavaScript package into wasm/pkg/ (idempotent, fresh-machine safe).
# Needs rustup/cargo and Node >= 20 with npm. Installs the wasm32 target, wasm-bindgen-cli (pinned
# to the crate's wasm-bindgen version) and the npm dev tools (binaryen's wasm-opt).
set -eu
cd "$(dirname "$0")"
WASM_DIR=$(pwd)
ROOT=$(cd .. && pwd)
WB_VERSION=0.2.130
PROFILE=wasm-release
export PATH="$HOME/.cargo/bin:$PATH"

rustup target add wasm32-unknown-unknown >/dev/null
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WB_VERSION\$"; then
  echo "installing wasm-bindgen-cli $WB_VERSION (takes a few minutes)"
  cargo install wasm-bindgen-cli --version "$WB_VERSION"
fi
if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm install --no-audit --no-fund
fi

TMP="$WASM_DIR/pkg.tmp"
rm -rf "$TMP"
mkdir -p "$TMP"
OPT_CACHE="$ROOT/target/wasm-opt-cache"
# The features rustc's wasm32 target emits (binaryen's --all-features writes encodings Node 20 rejects).
FEATURES="--enable-bulk-memory --enable-sign-ext --enable-nontrapping-float-to-int --enable-mutable-globals --enable-reference-types --enable-multivalue"
mkdir -p "$OPT_CACHE"
# The wasm-opt passes that make the module smaller gzipped, each measured on the checking module
# (wasm/README.md, "Sizes"); -Oz's others (local coalescing, inlining, CSE) make it larger. The
# round runs twice, with redundant local sets removed between (what that leaves, the second round
# folds): 1.2 KB less than one round.
ROUND="--duplicate-function-elimination --remove-unused-module-elements --remove-unused-brs --code-folding --optimize-instructions --merge-blocks --reorder-locals --vacuum --duplicate-function-elimination"
# `--converge` repeats the passes while the module shrinks (65 B more, a little more time).
PASSES="$ROUND --simplify-locals-notee-nostructure --rse --precompute --remove-unused-brs --merge-blocks --vacuum $ROUND --converge"

# Two modules from one crate: `check` (without the `meta` feature), loaded on import, and `full`,
# loaded on the first call of rules/explain/schema/sample(s).
build_module() { # <name> <cargo feature flags>
  cargo build -q --profile "$PROFILE" --target wasm32-unknown-unknown -p xianjie-wasm $2
  wasm-bindgen --target web --out-dir "$TMP" --out-name "xianjie_$1" \
    "$ROOT/target/wasm32-unknown-unknown/$PROFILE/xianjie_wasm.wasm"
  BG="$TMP/xianjie_$1_bg.wasm"
  # The raw exports' externref arguments are typed `any` by wasm-bindgen: make them `unknown`.
  sed -i -E '/^ *(readonly|export const) /s/\bany\b/unknown/g' "$TMP/xianjie_$1.d.ts" "$TMP/xianjie_$1_bg.wasm.d.ts"
  # Functions laid out family by family (the copies of one generic function side by side, by
  # size), which gzip compresses better: names sorted here, the order made by wasm-opt below.
  node order.mjs "$BG" "$BG"
  # wasm-opt is slow (about a minute here): reuse the previous result when its input is unchanged.
  SUM=$( (echo "$FEATURES $PASSES"; cat "$BG") | sha256sum | cut -d' ' -f1)
  if [ ! -f "$OPT_CACHE/$SUM.wasm" ]; then
    node_modules/.bin/wasm-opt -Oz $FEATURES --reorder-functions-by-name --strip-debug --strip-producers --strip-target-features "$BG" -o "$OPT_CACHE/$SUM.oz.wasm"
    node_modules/.bin/wasm-opt $FEATURES $PASSES --reorder-functions-by-name --strip-debug --strip-producers --strip-target-features "$BG" -o "$OPT_CACHE/$SUM.some.wasm"
    # -Oz shrinks the raw module but here makes it compress worse (its local coalescing and
    # inlining most): ship the smaller one gzipped.
    OZ=$(gzip -9c "$OPT_CACHE/$SUM.oz.wasm" | wc -c)
    SOME=$(gzip -9c "$OPT_CACHE/$SUM.some.wasm" | wc -c)
    if [ "$OZ" -le "$SOME" ]; then PICK=oz; else PICK=some; fi
    cp "$OPT_CACHE/$SUM.$PICK.wasm" "$OPT_CACHE/$SUM.wasm"
    echo "$1: wasm-opt -Oz gives $OZ B gzip, the chosen passes $SOME B gzip; using $PICK"
  fi
  cp "$OPT_CACHE/$SUM.wasm" "$BG"
}
build_module check "--no-default-features --features lean"
build_module full ""

cp js/index.js js/node.js js/lazy.js js/errors.js js/index.d.ts js/node.d.ts README.md "$TMP/"
# The licence texts the manifest names travel with the package.
cp "$ROOT/LICENSE-MIT" "$ROOT/LICENSE-APACHE" "$TMP/"
# Reference tables, loaded on demand by loadReference() (the checking module leaves them out).
cp "$ROOT/core/data/catalog-2021.tsv" "$ROOT/core/data/divisions.tsv" "$TMP/"
VERSION=$(sed -n 's/^version = "\(.*\)"/\1/p' "$ROOT/Cargo.toml" | head -n 1)
# The project's address, from the workspace manifest once it names one.
REPO=$(sed -n 's/^repository = "\(.*\)"/\1/p' "$ROOT/Cargo.toml" "$ROOT/core/Cargo.toml" | head -n 1)
REPO=${REPO:-https://github.com/xianjie-org/xianjie}
cat > "$TMP/package.json" <<JSON
{
  "name": "xianjie",
  "version": "$VERSION",
  "description": "China's secondary-higher vocational articulation policy (中高职衔接) as typed, cited, testable rules",
  "keywords": ["vocational-education", "china", "中高职衔接", "rules", "validation", "wasm", "forms"],
  "license": "MIT OR Apache-2.0",
  "repository": { "type": "git", "url": "git+$REPO.git", "directory": "wasm" },
  "homepage": "$REPO/tree/main/wasm#readme",
  "bugs": { "url": "$REPO/issues" },
  "type": "module",
  "main": "./node.js",
  "module": "./index.js",
  "types": "./index.d.ts",
  "exports": {
    ".": {
      "types": "./index.d.ts",
      "node": "./node.js",
      "default": "./index.js"
    },
    "./xianjie_check_bg.wasm": "./xianjie_check_bg.wasm",
    "./xianjie_full_bg.wasm": "./xianjie_full_bg.wasm",
    "./catalog-2021.tsv": "./catalog-2021.tsv",
    "./divisions.tsv": "./divisions.tsv",
    "./package.json": "./package.json"
  },
  "files": ["*.js", "*.d.ts", "*.wasm", "*.tsv", "README.md", "LICENSE-MIT", "LICENSE-APACHE"],
  "sideEffects": ["./index.js", "./node.js"],
  "engines": { "node": ">=20" }
}
JSON
rm -rf pkg
mv "$TMP" pkg

for m in check full; do
  RAW_B=$(wc -c < "pkg/xianjie_${m}_bg.wasm")
  GZ_B=$(gzip -9c "pkg/xianjie_${m}_bg.wasm" | wc -c)
  echo "pkg/xianjie_${m}_bg.wasm: $RAW_B bytes raw, $GZ_B bytes gzip -9"
done
REF_GZ=$(cat pkg/*.tsv | gzip -9c | wc -c)
echo "reference tables (loadReference): $(cat pkg/*.tsv | wc -c) bytes raw, $REF_GZ bytes gzip -9"
JS_GZ=$(cat pkg/index.js pkg/lazy.js pkg/errors.js pkg/xianjie_check.js | gzip -9c | wc -c)
echo "JS loaded on import (index.js + lazy.js + errors.js + xianjie_check.js): $JS_GZ bytes gzip -9"
