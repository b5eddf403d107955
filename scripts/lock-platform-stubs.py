#!/usr/bin/env python3
"""Adds lockfile entries for optional platform binaries the package registry here does not serve.

The npm registry reachable from this project's machines returns 404 for other platforms'
binaries (@next/swc-darwin-arm64, @esbuild/win32-x64, ...), so `npm install` leaves them
out of package-lock.json and `npm ci` then refuses the lockfile as out of sync. Each
missing optional dependency gets an entry carrying the os/cpu its name encodes, so
`npm ci` skips it on this platform exactly as it would with the full registry.
Run after `npm install` changes the lockfile: python3 scripts/lock-platform-stubs.py

It also keeps node-llama-cpp's GPU builds (CUDA, Vulkan: 620 MB) out of `npm ci`: llama.cpp is
only the CPU benchmark peer and export round-trip check here (`getLlama({ gpu: false })`), and
those downloads took minutes of CI's 30. Their entries get `cpu: ["none"]`, which no machine has,
so npm skips them as it skips any other platform's optional binary.
"""
import json
import re
import sys

LOCK = sys.argv[1] if len(sys.argv) > 1 else "package-lock.json"
OS = ["darwin", "win32", "linux", "freebsd", "android", "openbsd", "netbsd", "sunos", "aix", "openharmony", "wasi"]
CPU = {"arm64": "arm64", "x64": "x64", "ia32": "ia32", "arm": "arm", "ppc64": "ppc64", "riscv64": "riscv64",
       "s390x": "s390x", "loong64": "loong64", "mips64el": "mips64el", "wasm32": "wasm32", "x86_64": "x64", "aarch64": "arm64"}


def platform_of(name):
    tokens = re.split(r"[-/]", name.split("/")[-1])
    os_ = next((t for t in tokens if t in OS), None)
    cpu = next((CPU[t] for t in tokens if t in CPU), None)
    if cpu == "wasm32":
        return None, "wasm32"
    if os_ == "wasi":
        os_ = None
    return os_, cpu


def resolves(packages, location, dep):
    """Node resolution: look in location/node_modules, then each ancestor's, then the root."""
    path = location
    while True:
        candidate = (path + "/node_modules/" if path else "node_modules/") + dep
        if candidate in packages:
            return True
        if not path:
            return False
        idx = path.rfind("/node_modules/")
        path = path[:idx] if idx >= 0 else ""


with open(LOCK) as f:
    lock = json.load(f)
packages = lock["packages"]
added = []
for location, meta in list(packages.items()):
    for dep, spec in (meta.get("optionalDependencies") or {}).items():
        if resolves(packages, location, dep):
            continue
        version = re.sub(r"^[\^~=]", "", spec)
        os_, cpu = platform_of(dep)
        if os_ is None and cpu is None:
            continue
        target = "node_modules/" + dep
        if target in packages:
            target = (location + "/node_modules/" if location else "node_modules/") + dep
        entry = {"version": version, "optional": True}
        if os_:
            entry["os"] = [os_]
        if cpu:
            entry["cpu"] = [cpu]
        packages[target] = entry
        added.append(target)

GPU_ONLY = re.compile(r"^node_modules/@node-llama-cpp/[a-z]+-x64-(cuda|cuda-ext|vulkan)$")
skipped = []
for location, meta in packages.items():
    if GPU_ONLY.match(location) and meta.get("optional") and meta.get("cpu") != ["none"]:
        meta["cpu"] = ["none"]
        skipped.append(location)

lock["packages"] = dict(sorted(packages.items(), key=lambda kv: (kv[0] != "", kv[0])))
with open(LOCK, "w") as f:
    json.dump(lock, f, indent=2)
    f.write("\n")
print(f"added {len(added)} platform stub entries; {len(skipped)} GPU-only builds marked not to install")
