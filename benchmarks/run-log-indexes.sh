#!/usr/bin/env bash
# What each index on the request log costs SQLite per row written, the engine alone (Python's sqlite3 module, no
# platform code): a log table of the request log's columns prefilled with [prefill] rows, then 100,000 rows written in
# 500-row transactions, as the log's writer does, from [users] users over four operations; CPU µs per row with no index,
# the time index, time + (user, time), and all four of the log's indexes. Python's own per-row overhead is included in
# every figure, so read the differences. Not run in CI.
#
#   benchmarks/run-log-indexes.sh [prefill] [users]    defaults: 400000 rows, 50 users
set -euo pipefail
command -v python3 >/dev/null || { echo "python3 is not installed" >&2; exit 1; }
WORK=$(mktemp -d /tmp/baas-log-indexes.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
echo "started $(date -u '+%Y-%m-%d %H:%M UTC'), load before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
python3 - "$WORK/log.db" "${1:-400000}" "${2:-50}" <<'PY'
import os, random, sqlite3, sys, time
path, prefill, users = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
COLUMNS = "ts,kind,op,verb,path,status,dur,uid,uname,key,ip,trace,bytes,bi,ec,em,body"
INSERT = f"INSERT INTO log ({COLUMNS}) VALUES ({','.join('?' * 17)})"
INDEXES = ["CREATE INDEX ix_ts ON log(ts)", "CREATE INDEX ix_uid_ts ON log(uid, ts)",
           "CREATE INDEX ix_op_ts ON log(op, ts)", "CREATE INDEX ix_status_ts ON log(status, ts)"]
OPS = ["QueryProducts", "GetProduct", "CreateProduct", "PatchProduct"]
STATUSES = [200] * 17 + [400, 403, 404]

def run(indexes, label):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix): os.remove(path + suffix)
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL"); db.execute("PRAGMA synchronous=NORMAL")
    db.execute("CREATE TABLE log (id INTEGER PRIMARY KEY AUTOINCREMENT, ts TEXT, kind TEXT, op TEXT, verb TEXT, path TEXT, "
               "status INT, dur REAL, uid TEXT, uname TEXT, key INT, ip TEXT, trace TEXT, bytes INT, bi INT, ec TEXT, em TEXT, body TEXT)")
    for statement in INDEXES[:indexes]: db.execute(statement)
    counter = [0]
    def batch():
        rows = []
        for _ in range(500):
            i = counter[0]; counter[0] += 1
            op = OPS[i % 4]
            rows.append(("2026-12-07 %02d:%02d:%02d.%06d" % (i // 3600000 % 24, i // 60000 % 60, i // 1000 % 60, i % 1000000), "Http",
                         op, "GET", "/api/" + op, STATUSES[i % 20], 1.5, "u%d" % (i % users), "user", None, "127.0.0.1",
                         "%032x" % random.getrandbits(128), 300, None, None, None, None))
        return rows
    def write(rows):
        db.execute("BEGIN"); db.executemany(INSERT, rows); db.execute("COMMIT")
    for _ in range(prefill // 500): write(batch())
    batches = [batch() for _ in range(200)]
    start = time.process_time()
    for rows in batches: write(rows)
    print(f"| {label} | {(time.process_time() - start) / 100000 * 1e6:.1f} |", flush=True)
    db.close()

print(f"\n{prefill:,} rows before, {users} users; CPU µs per row written\n\n| indexes | µs per row |\n|---|---:|")
run(0, "none (the table's key only)")
run(1, "time")
run(2, "time; user + time")
run(4, "time; user + time; operation + time; status + time (the request log's)")
PY
echo "finished $(date -u '+%Y-%m-%d %H:%M UTC'), load after: $(cut -d' ' -f1-3 /proc/loadavg)"
