#!/usr/bin/python3
"""Checks the container files that can't be run here (no Docker): parses
docker-compose.yml and the Dockerfile, checks what they promise (two servers on
PostgreSQL, a non-root user, a read-only root filesystem, SIGTERM to stop),
builds the package and binary the Dockerfile's build command names, and
starts that binary with the Dockerfile's entrypoint arguments until /healthz
answers. Uses Debian's python3-yaml.
    scripts/check-container.py            # the debug profile (test.sh: the release
                                          # build with LTO adds minutes to CI)
    scripts/check-container.py --release  # exactly the Dockerfile's command
"""
import json, os, re, shlex, subprocess, sys, tempfile, time, urllib.request
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
problems = []


def check(condition, message):
    if not condition:
        problems.append(message)


compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
services = compose["services"]
check({"postgres", "embed-1", "embed-2"} <= services.keys(), f"services: {sorted(services)}")
check(services["postgres"]["image"].startswith("postgres:"), "postgres runs PostgreSQL")
check("healthcheck" in services["postgres"], "postgres has a health check")
ports = []
for name in ("embed-1", "embed-2"):
    embed = services[name]
    check(embed.get("build") == ".", f"{name} is built from the Dockerfile")
    check(embed.get("read_only") is True, f"{name} has a read-only root filesystem")
    check(str(embed.get("user", "0")).split(":")[0] not in ("0", "root"), f"{name} runs as a non-root user")
    check(embed.get("stop_signal") == "SIGTERM", f"{name} stops with SIGTERM")
    check(embed["depends_on"]["postgres"]["condition"] == "service_healthy", f"{name} waits for PostgreSQL")
    url = embed["environment"]["TOUCAN_EMBED_DATABASE_URL"]
    check(re.match(r"postgres://[^@]+@postgres:5432/", url) is not None, f"{name} uses the postgres service: {url}")
    check(any(v.endswith(":/data") for v in embed["volumes"]), f"{name} keeps /data in a volume")
    ports += [p.split(":")[0] for p in embed["ports"]]
check(len(set(ports)) == 2, f"the two servers publish different ports: {ports}")

lines = [l.strip() for l in (ROOT / "Dockerfile").read_text().splitlines() if l.strip() and not l.startswith("#")]
stages = [l for l in lines if l.startswith("FROM ")]
check(len(stages) == 2 and stages[0].endswith(" AS build"), f"two stages, the first named build: {stages}")
final = lines[lines.index(stages[-1]):]
users = [l.split()[1] for l in final if l.startswith("USER ")]
check(users and users[-1] not in ("0", "root"), f"the final stage runs as a non-root user: {users}")
check(users and str(services["embed-1"]["user"]) == users[-1], "docker-compose.yml's user is the Dockerfile's")
check("STOPSIGNAL SIGTERM" in final, "the image stops with SIGTERM")
build = next(l for l in lines if l.startswith("RUN cargo build"))
command = shlex.split(build[len("RUN "):])
check(command[:3] == ["cargo", "build", "--release"] and "--locked" in command, f"a locked release build: {build}")
copy = next(l for l in final if l.startswith("COPY --from=build"))
binary_in_image = copy.split()[2]
check(binary_in_image.endswith("/target/release/toucan-embed-server"), f"the copied binary: {copy}")
entrypoint = json.loads(next(l for l in final if l.startswith("ENTRYPOINT "))[len("ENTRYPOINT "):])
check(entrypoint[0] == "toucan-embed-server" and "--host" in entrypoint, f"entrypoint: {entrypoint}")

if problems:
    sys.exit("container files:\n  " + "\n  ".join(problems))

# The Dockerfile's own build command (without --release unless asked), then
# its binary with its entrypoint's arguments.
release = "--release" in sys.argv[1:]
if not release:
    command = [part for part in command if part != "--release"]
subprocess.run(command, cwd=ROOT, check=True)
target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
binary = target / ("release" if release else "debug") / "toucan-embed-server"
with tempfile.TemporaryDirectory() as data:
    arguments = entrypoint[1:]
    replace = {"/data": data, "8787": "0", "0.0.0.0": "127.0.0.1"}
    arguments = [replace.get(a, a) for a in arguments] + ["--print-json"]
    server = subprocess.Popen([str(binary), *arguments], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        ready = json.loads(server.stdout.readline())
        health = json.load(urllib.request.urlopen(ready["address"] + "/healthz", timeout=5))
        assert health == {"status": "ok"}, health
    finally:
        server.terminate()
        assert server.wait(10) == 0, "the server didn't stop cleanly on SIGTERM"
print("container files: docker-compose.yml and the Dockerfile agree, and the image's binary builds and answers /healthz")
