#!/usr/bin/env bash
# Prints N (default 1) distinct TCP ports on 127.0.0.1 that nothing listens on right now, space-separated, so that a
# test stack or server started by a script cannot collide with one a developer or an earlier run left behind.
#   infra/free-ports.sh 3   →   41023 38811 45607
set -euo pipefail
python3 - "${1:-1}" <<'PY'
import socket, sys
# all bound at once, so the kernel hands out distinct ports
socks = [socket.socket() for _ in range(int(sys.argv[1]))]
for s in socks:
    s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in socks))
PY
