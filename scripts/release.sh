#!/usr/bin/env bash
# Build the release archives into dist/:
#   sitelift-VERSION-x86_64-pc-windows-gnu.zip     sitelift.exe (Windows 10/11, x86_64), READMEs, mappings/,
#                                                  the demo site
#   sitelift-VERSION-x86_64-unknown-linux-musl.tar.gz  a static Linux binary (any x86_64 distribution), READMEs,
#                                                  mappings/, the demo site, shell completions, manual pages
#   SHA256SUMS
# Needs: rustup targets x86_64-pc-windows-gnu and x86_64-unknown-linux-musl, Debian's gcc-mingw-w64-x86-64 and
# musl-tools (musl-gcc: the bundled SQLite and ring are C), python3 (for the zip). A target whose toolchain is
# missing is skipped with a message and the script exits 1 at the end, so a partial release is never mistaken
# for a full one. Check the Windows binary under Wine with .ci/windows/check.
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
dist=dist
rm -rf "$dist" && mkdir -p "$dist"
missing=()
has_target() { rustup target list --installed 2>/dev/null | grep -qx "$1"; }

# Files every archive carries beside the binary.
# The demo site lets an operator try every step of the README's walk-through without touching a real site.
docs() {
  cp README.md README.zh-CN.md "$1/"
  mkdir -p "$1/mappings" "$1/fixtures"
  cp mappings/*.toml mappings/README.md "$1/mappings/"
  cp -r fixtures/demo-site fixtures/demo-site.expected.jsonl "$1/fixtures/"
}

# --- Linux, static (musl): runs on any x86_64 distribution, whatever its glibc
if has_target x86_64-unknown-linux-musl && command -v musl-gcc >/dev/null; then
  echo "== x86_64-unknown-linux-musl"
  CC_x86_64_unknown_linux_musl=musl-gcc cargo build --release --locked --target x86_64-unknown-linux-musl
  bin=target/x86_64-unknown-linux-musl/release/sitelift
  if ! file "$bin" | grep -q 'static'; then
    echo "error: $bin is not statically linked: $(file "$bin")"; exit 1
  fi
  name=sitelift-$version-x86_64-unknown-linux-musl
  stage=$dist/$name
  mkdir -p "$stage/completions" "$stage/man/man1" "$stage/man/zh_CN/man1"
  cp "$bin" "$stage/"
  docs "$stage"
  # English whatever the packager's locale; the manual pages in Chinese too (man/zh_CN, read under LANG=zh_CN).
  "$bin" --lang en completions bash --out "$stage/completions/sitelift.bash"
  "$bin" --lang en completions zsh --out "$stage/completions/_sitelift"
  "$bin" --lang en completions fish --out "$stage/completions/sitelift.fish"
  "$bin" --lang en completions powershell --out "$stage/completions/sitelift.ps1"
  "$bin" --lang en man --dir "$stage/man/man1"
  "$bin" --lang zh man --dir "$stage/man/zh_CN/man1"
  tar -C "$dist" --owner=0 --group=0 -czf "$dist/$name.tar.gz" "$name"
  rm -rf "$stage"
else
  echo "skipped Linux musl: needs 'rustup target add x86_64-unknown-linux-musl' and musl-gcc (apt-get install musl-tools)"
  missing+=(x86_64-unknown-linux-musl)
fi

# --- Windows (x86_64, mingw): one .exe, nothing else to install
if has_target x86_64-pc-windows-gnu && command -v x86_64-w64-mingw32-gcc >/dev/null; then
  echo "== x86_64-pc-windows-gnu"
  cargo build --release --locked --target x86_64-pc-windows-gnu
  exe=target/x86_64-pc-windows-gnu/release/sitelift.exe
  name=sitelift-$version-x86_64-pc-windows-gnu
  stage=$dist/$name
  mkdir -p "$stage"
  cp "$exe" "$stage/"
  docs "$stage"
  # The completion script for PowerShell, written by the Linux build of the same source (identical).
  cargo run --release --locked --quiet -- --lang en completions powershell --out "$stage/sitelift.ps1"
  (cd "$dist" && python3 -m zipfile -c "$name.zip" "$name")
  rm -rf "$stage"
  # Never ship the Wine test stand-in (.ci/windows/bcryptprimitives.c): Windows has the real DLL.
  if python3 -m zipfile -l "$dist/$name.zip" | grep -qi bcryptprimitives; then
    echo "error: the Windows archive contains the Wine test DLL"; exit 1
  fi
else
  echo "skipped Windows: needs 'rustup target add x86_64-pc-windows-gnu' and x86_64-w64-mingw32-gcc (apt-get install gcc-mingw-w64-x86-64)"
  missing+=(x86_64-pc-windows-gnu)
fi

(cd "$dist" && sha256sum -- *.zip *.tar.gz 2>/dev/null > SHA256SUMS || true)
ls -l "$dist"
if [ ${#missing[@]} -gt 0 ]; then
  echo "incomplete release: not built for ${missing[*]}"
  exit 1
fi
