#!/bin/sh
# Builds the release artifacts from the repository root into dist/:
#   dist/tidings-<version>-x86_64-linux-musl.tar.gz   always
#   dist/tidings_<version>-1_amd64.deb                 if cargo-deb is installed
#   dist/tidings-<version>*.x86_64.rpm                 if cargo-generate-rpm is installed
#   dist/SHA256SUMS
#
#   packaging/build.sh              build the static binary, then package it
#   packaging/build.sh --no-build   package a binary built earlier (CI, or a second run)
#
# Respects CARGO_TARGET_DIR. The tarball is reproducible for a given binary: sorted names,
# numeric root ownership, and every mtime set to SOURCE_DATE_EPOCH (default: the last commit).
set -eu

TARGET=x86_64-unknown-linux-musl
build=true
for arg in "$@"; do
    case "$arg" in
        --no-build) build=false ;;
        -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
        *) echo "usage: $0 [--no-build]" >&2; exit 2 ;;
    esac
done

say() { printf '==> %s\n' "$*"; }
die() { printf 'build.sh: error: %s\n' "$*" >&2; exit 1; }

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

# The version is the one in [package]; dependency tables carry `version` keys too, so only
# the [package] table is read. (No cargo call: this also runs where only the binary exists.)
VERSION=$(awk '
    /^\[/ { in_package = ($0 == "[package]") ; next }
    in_package && /^version[ \t]*=/ { gsub(/^version[ \t]*=[ \t]*"|".*$/, ""); print; exit }
' Cargo.toml)
[ -n "$VERSION" ] || die "could not read the version from [package] in Cargo.toml"

BIN=${CARGO_TARGET_DIR:-target}/$TARGET/release/tidings

for f in systemd/tidings.service config.example.toml README.md packaging/install.sh \
         packaging/deb/postinst packaging/deb/prerm packaging/deb/postrm \
         packaging/rpm/pre.sh packaging/rpm/post.sh packaging/rpm/preun.sh packaging/rpm/postun.sh; do
    [ -f "$f" ] || die "$f is missing"
done

if $build; then
    command -v cargo >/dev/null 2>&1 || die "cargo not found (install Rust with rustup)"
    if command -v rustup >/dev/null 2>&1; then
        if ! rustup target list --installed | grep -qx "$TARGET"; then
            say "adding the $TARGET target"
            rustup target add "$TARGET"
        fi
    fi
    # ring (rustls' crypto) compiles C and assembly, which needs a musl-targeting C compiler.
    command -v musl-gcc >/dev/null 2>&1 ||
        die "musl-gcc not found: apt-get install -y musl-tools (Fedora: dnf install musl-gcc)"
    say "cargo build --release --target $TARGET"
    cargo build --release --locked --target "$TARGET"
fi
[ -x "$BIN" ] || die "$BIN not found: build it first, or run without --no-build"
# A dynamically linked binary here would install and then fail on hosts without the same libc.
if command -v file >/dev/null 2>&1; then
    case "$(file -b "$BIN")" in
        *"dynamically linked"*) die "$BIN is dynamically linked; expected a static musl build" ;;
    esac
fi

if [ -z "${SOURCE_DATE_EPOCH:-}" ]; then
    SOURCE_DATE_EPOCH=$(git log -1 --format=%ct 2>/dev/null || true)
    [ -n "$SOURCE_DATE_EPOCH" ] || SOURCE_DATE_EPOCH=$(date +%s)
fi
export SOURCE_DATE_EPOCH

mkdir -p dist
NAME=tidings-$VERSION-x86_64-linux-musl
TARBALL=dist/$NAME.tar.gz
STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT

say "assembling $TARBALL"
mkdir -p "$STAGE/$NAME/bin" "$STAGE/$NAME/systemd" "$STAGE/$NAME/packaging"
install -m 0755 "$BIN" "$STAGE/$NAME/bin/tidings"
install -m 0644 systemd/tidings.service "$STAGE/$NAME/systemd/tidings.service"
install -m 0644 config.example.toml "$STAGE/$NAME/config.example.toml"
install -m 0644 README.md "$STAGE/$NAME/README.md"
install -m 0755 packaging/install.sh "$STAGE/$NAME/packaging/install.sh"
# gzip -n keeps the file name and time out of the header, so equal inputs give equal bytes.
tar -C "$STAGE" --sort=name --owner=0 --group=0 --numeric-owner \
    --mtime="@$SOURCE_DATE_EPOCH" -cf - "$NAME" | gzip -9n > "$TARBALL"

ARTIFACTS=$TARBALL

# Each tool writes into an empty directory of its own, so the file it made is known without
# guessing the name it chose (revision suffixes, Debian's version mangling).
if command -v cargo-deb >/dev/null 2>&1; then
    say "cargo deb"
    mkdir "$STAGE/deb"
    cargo deb --no-build --target "$TARGET" --output "$STAGE/deb/"
    for f in "$STAGE"/deb/*.deb; do mv -f "$f" dist/; ARTIFACTS="$ARTIFACTS dist/${f##*/}"; done
else
    say "cargo-deb not installed, no .deb (cargo install cargo-deb)"
fi

if command -v cargo-generate-rpm >/dev/null 2>&1; then
    say "cargo generate-rpm"
    mkdir "$STAGE/rpm"
    cargo generate-rpm --target "$TARGET" --output "$STAGE/rpm/"
    for f in "$STAGE"/rpm/*.rpm; do mv -f "$f" dist/; ARTIFACTS="$ARTIFACTS dist/${f##*/}"; done
else
    say "cargo-generate-rpm not installed, no .rpm (cargo install cargo-generate-rpm)"
fi

say "artifacts (size, sha256)"
for a in $ARTIFACTS; do
    du -h --apparent-size "$a"
done
(cd dist && for a in $ARTIFACTS; do sha256sum "${a#dist/}"; done) | tee dist/SHA256SUMS
