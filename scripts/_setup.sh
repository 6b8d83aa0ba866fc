# shellcheck shell=bash
# Shared set-up for scripts/run, scripts/test and scripts/build. Sourced, not executed.
#
#   ensure_debian_packages PKG...  install the missing ones (as root), else print the apt-get command
#   ensure_venv                    create .venv with python3 -m venv (or $PIER_PYTHON) if needed
#   install_project EXTRA          pip install -e '.[EXTRA]' ("" for plain -e .), skipped when
#                                  pyproject.toml is unchanged since (a stamp in .venv holds its hash)
#
# The package lists below are used by the scripts that source this file:
# shellcheck disable=SC2034

PIER_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$PIER_ROOT/.venv"
PYTHON="${PIER_PYTHON:-python3}"

# What Qt needs on Debian (the xcb libraries and their dependencies); fonts so that text renders.
QT_OFFSCREEN_PACKAGES=(
  python3 python3-venv ca-certificates
  libglib2.0-0 libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libxkbcommon0
  fonts-dejavu-core
)
# A visible window (on a desktop, or under Xvfb for screenshots) needs the xcb platform plugin too,
# and a CJK font for the window in Chinese (docs/window-zh_CN.png): without it, boxes.
QT_WINDOW_PACKAGES=(
  "${QT_OFFSCREEN_PACKAGES[@]}"
  xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0
  libxkbcommon-x11-0 fonts-noto-cjk
)

# The page tests (tests/browser) drive Debian's headless Chromium through its chromedriver.
BROWSER_TEST_PACKAGES=(chromium chromium-driver)
# Videos' poster frames (server/thumb_video.py) are made and tested with Debian's ffmpeg; without
# it a video's thumbnail is an icon and those tests are skipped.
MEDIA_TEST_PACKAGES=(ffmpeg)
# WebDAV is tested with real clients (tests/server/test_dav_rclone.py, test_dav_clients.py):
# rclone's webdav backend, cadaver, and a kernel mount with davfs2.
DAV_TEST_PACKAGES=(rclone cadaver davfs2)
# The .desktop files Pier writes (app/desktop_entry.py) are checked with desktop-file-validate;
# without it the tests read them with configparser only.
DESKTOP_TEST_PACKAGES=(desktop-file-utils)
# PyInstaller (scripts/build, tests/test_build.py) reads binaries with ldd (libc-bin) and objdump,
# and appends its archive to the bootloader with objcopy (both binutils).
BUILD_PACKAGES=(binutils)
# Directory logins (server/directory.py) are tested against a real OpenLDAP server, which
# tests/slapd.py starts on free ports as the current user (no service): slapd and ldap-utils.
DIRECTORY_TEST_PACKAGES=(slapd ldap-utils)
# Pier behind a reverse proxy is tested with a real nginx in front, which tests/nginx.py starts
# on a free port as the current user (no service, a configuration of its own in a temp folder).
PROXY_TEST_PACKAGES=(nginx)

say() { printf 'pier setup: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

is_installed() {
  local status
  status="$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" || return 1
  [[ $status == installed || $status == triggers-pending || $status == triggers-awaited ]]
}

missing_packages() {
  local package
  for package in "$@"; do
    is_installed "$package" || printf '%s\n' "$package"
  done
}

ensure_debian_packages() {
  if ! command -v dpkg-query >/dev/null; then
    say "not a Debian-like system: make sure Qt's system libraries are installed (see README)."
    return 0
  fi
  local missing
  mapfile -t missing < <(missing_packages "$@")
  (( ${#missing[@]} == 0 )) && return 0
  if (( EUID != 0 )); then
    say "missing Debian packages that Pier or its tests need; install them with:"
    say "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}"
    return 0
  fi
  say "installing Debian packages: ${missing[*]}"
  local apt=(apt-get -o DPkg::Lock::Timeout=300)
  DEBIAN_FRONTEND=noninteractive "${apt[@]}" -qq update
  DEBIAN_FRONTEND=noninteractive "${apt[@]}" -qq install -y --no-install-recommends "${missing[@]}" \
    >/dev/null  # dpkg's progress; errors go to stderr
}

python_is_recent() {  # true when "$1" runs and is Python >= 3.11
  "$1" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null
}

venv_is_usable() {
  [[ -x $VENV/bin/python && -x $VENV/bin/pip ]] && python_is_recent "$VENV/bin/python"
}

ensure_venv() {
  venv_is_usable && return 0
  command -v "$PYTHON" >/dev/null \
    || die "$PYTHON not found: install Python 3.11 or newer (Debian: apt-get install python3 python3-venv)."
  python_is_recent "$PYTHON" || die "Pier needs Python 3.11 or newer; $PYTHON is $("$PYTHON" -V 2>&1)."
  if ! "$PYTHON" -c 'import ensurepip, venv' 2>/dev/null; then
    die "$PYTHON cannot create virtual environments: install python3-venv (Debian: apt-get install python3-venv)."
  fi
  say "creating .venv with $PYTHON ($("$PYTHON" -V 2>&1))"
  "$PYTHON" -m venv --clear "$VENV"
}

stamp_is_current() {  # $1: stamp file, $2: expected hash
  [[ -f $1 && $(<"$1") == "$2" ]]
}

install_project() {  # $1: an extra, e.g. "test", or "" for the app alone
  local extra="${1:-}" hash stamp
  hash="$(sha256sum "$PIER_ROOT/pyproject.toml" | cut -d' ' -f1)"
  stamp="$VENV/.pier-installed-${extra:-base}"
  stamp_is_current "$stamp" "$hash" && return 0
  # Any install with an extra includes the base install.
  if [[ -z $extra ]]; then
    local other
    for other in "$VENV"/.pier-installed-*; do
      stamp_is_current "$other" "$hash" && return 0
    done
  fi
  local target="$PIER_ROOT"
  [[ -n $extra ]] && target="${PIER_ROOT}[${extra}]"
  say "installing Pier${extra:+ with its [$extra] extra} into .venv (the first time downloads Qt, ~300 MB)"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --editable "$target"
  printf '%s\n' "$hash" >"$stamp"
}
