# Shared by the scripts: source it (`. scripts/lib.sh`) from the repository root.

# Rust's tools, also right after scripts/install-deps.sh installed them with rustup.
case ":$PATH:" in *":$HOME/.cargo/bin:"*) ;; *) export PATH="$HOME/.cargo/bin:$PATH" ;; esac

# Runs a command as root: directly when already root, else through sudo.
sudo_if_needed() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

# Installs the UI's packages and builds ui/dist, once per run: the scripts
# that test.sh starts inherit TOUCAN_UI_BUILT and skip it (rebuilding would
# also make cargo rebuild the app, which embeds ui/dist).
build_ui_once() {
  [[ "${TOUCAN_UI_BUILT:-}" == 1 ]] && return 0
  npm --prefix ui ci --no-fund --no-audit --silent
  npm --prefix ui run build --silent
  export TOUCAN_UI_BUILT=1
}

# Starts Xvfb on display $1 (for example :87), logging to $2, and waits until
# it answers. Sets DISPLAY and xvfb_pid; the caller stops it.
start_xvfb() {
  Xvfb "$1" -screen 0 1280x860x24 -nolisten tcp >"${2:-/dev/null}" 2>&1 &
  xvfb_pid=$!
  export DISPLAY="$1"
  for _ in $(seq 100); do
    xdpyinfo >/dev/null 2>&1 && return 0
    kill -0 "$xvfb_pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "Xvfb did not start on $1" >&2
  return 1
}
