#!/usr/bin/env python3
"""MyApp's cold start and memory, for benchmarks/run-autoquery.sh --startup.

Starts `dotnet MyApp.dll` once to create and seed its SQLite database (not measured), then RUNS times on that existing
database: the time from launching the process to the first 200 from /metadata/app.json, VmRSS after 5 s idle, and
VmRSS (and the peak, VmHWM) right after 5 s of wrk load (16 connections) on GET /api/QueryRestaurants. Every process
it starts is stopped by its pid before the next one starts. Loopback only.
"""
import argparse
import os
import signal
import socket
import statistics
import subprocess
import time
import urllib.error
import urllib.request


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def status(pid, key):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1]) / 1024  # kB -> MB
    return 0.0


def first_answer(url, proc, limit_s=60):
    """Seconds until `url` answers 200, polling every 5 ms; None if the process dies or the limit passes."""
    start = time.monotonic()
    while time.monotonic() - start < limit_s:
        if proc.poll() is not None:
            return None
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return time.monotonic()
        except (urllib.error.URLError, ConnectionError, socket.timeout):
            pass
        time.sleep(0.005)
    return None


def stop(proc):
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def measure(launch, dll, run, log_path):
    """One cold start of `dll`: ms to the first answer, idle RSS, RSS after 5 s of load, peak RSS, load req/s."""
    proc, port, started = launch(dll)
    try:
        answered = first_answer(f"http://127.0.0.1:{port}/metadata/app.json", proc)
        if answered is None:
            raise SystemExit(f"MyApp did not answer in run {run}; see its log ({log_path})")
        ms = (answered - started) * 1000
        time.sleep(5)
        idle = status(proc.pid, "VmRSS")
        wrk = subprocess.run(["wrk", "-t2", "-c16", "-d5s", f"http://127.0.0.1:{port}/api/QueryRestaurants?take=20"],
                             capture_output=True, text=True, check=True)
        rps = next((l.split()[1] for l in wrk.stdout.splitlines() if l.startswith("Requests/sec")), "?")
        non2xx = next((l.split()[-1] for l in wrk.stdout.splitlines() if "Non-2xx" in l), "0")
        loaded, peak = status(proc.pid, "VmRSS"), status(proc.pid, "VmHWM")
        return ms, idle, loaded, peak, f"{rps} ({non2xx} non-2xx)"
    finally:
        stop(proc)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dll", required=True, action="append",
                    help="the app to start; give it twice (e.g. the build output and a ReadyToRun publish) to measure both, alternating")
    ap.add_argument("--db", required=True)
    ap.add_argument("--secret", required=True)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--log", required=True)
    a = ap.parse_args()
    env = dict(os.environ,
               ASPNETCORE_ENVIRONMENT="Production",
               PublicUrl="http://127.0.0.1",
               AllowedHosts="127.0.0.1",
               ConnectionStrings__DefaultConnection=f"Data Source={a.db}",
               Auth__Jwt__Secret=a.secret)
    log = open(a.log, "ab")

    def launch(dll):
        port = free_port()
        started = time.monotonic()
        # The app's own folder is its content root (appsettings.json), as when deployed.
        proc = subprocess.Popen(["dotnet", dll, "--urls", f"http://127.0.0.1:{port}"], env=env,
                                cwd=os.path.dirname(dll), stdout=log, stderr=subprocess.STDOUT)
        return proc, port, started

    proc, port, _ = launch(a.dll[0])
    try:
        if first_answer(f"http://127.0.0.1:{port}/metadata/app.json", proc, 120) is None:
            raise SystemExit(f"MyApp did not start; see its log ({a.log})")
    finally:
        stop(proc)

    rows = {dll: [] for dll in a.dll}
    for run in range(1, a.runs + 1):
        # Each run starts every app once, the one that goes first alternating, so a change in the machine's load
        # hits them alike.
        for dll in (a.dll if run % 2 else list(reversed(a.dll))):
            rows[dll].append(measure(launch, dll, run, a.log))

    for dll, runs in rows.items():
        print(f"\n{dll}\n")
        print("| run | first answer ms | idle RSS MB | RSS after 5 s load MB | peak RSS MB | load req/s |")
        print("|---|---:|---:|---:|---:|---:|")
        for i, (ms, idle, loaded, peak, rps) in enumerate(runs, 1):
            print(f"| {i} | {ms:.0f} | {idle:.0f} | {loaded:.0f} | {peak:.0f} | {rps} |")
        med = lambda k: statistics.median(r[k] for r in runs)
        print(f"| median | {med(0):.0f} | {med(1):.0f} | {med(2):.0f} | {med(3):.0f} | |")
        print(f"goals: first answer under 1000 ms ({'met' if med(0) < 1000 else 'not met'}), "
              f"idle RSS under 120 MB ({'met' if med(1) < 120 else 'not met'})")


if __name__ == "__main__":
    main()
