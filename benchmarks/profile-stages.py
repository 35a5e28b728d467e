#!/usr/bin/env python3
"""Splits a `perf script` dump of a benchmark server into request stages and prints each stage's share of the CPU and,
given the measured CPU per request, its cost per request.

    profile-stages.py PERF_SCRIPT_TEXT [CPU_US_PER_REQUEST]

Each sample is one stack (leaf first). A sample belongs to the first stage, in the order below, that one of its frames
matches: the garbage collector's and the JIT's own threads first, then connection open/close anywhere in the stack
(native SQLite work under it included), then the innermost frame that names a stage. Frames of the runtime, libc and
the kernel are skipped while looking for that frame (their time belongs to whoever called them); a sample with no
recognisable caller is reported as kernel, SQLite engine or runtime time whose caller was not recoverable (perf walks
frame pointers, which libc and the kernel's entry path do not keep).
"""
import collections
import re
import sys

THREADS = [
    ('garbage collection (server GC threads)', r'\.NET Server GC|\.NET BGC|\.NET GC'),
    ('JIT (tiered compilation thread)', r'\.NET Tiered'),
    ('finalizer thread', r'\.NET Finalizer'),
]
ANYWHERE = [
    # With request logs on (BENCH_PLATFORM_ENV=RequestLogs__Enabled=true): everything under the background writer, the
    # database's own work included.
    ('request log writer (rows, aggregates, their SQL)', r'BaaS\.RequestLogs\.RequestLog(Writer|Store)'),
    ('connection open / close', r'SqliteConnection::(Open|Close|Deactivate)|SqliteConnectionPool|NpgsqlConnection::(Open|Close)'
     r'|NpgsqlDataSource|PoolingDataSource|DbConnectionFactory|DataConnection\+<DisposeAsync>|DataConnection::Dispose'),
]
INNERMOST = [
    ('request log filter (entry, response byte count, queue)', r'BaaS\.RequestLogs\.'),
    ('AutoQuery planning + SQL rendering', r'QueryExecutor`2\[.*\]::CreateQuery|\[BaaS\.Data\] BaaS\.Data\.(SqlWriter|SqlExpression|Conditions|ExpressionVisitor|Sql\w*Translator)|\[BaaS\] BaaS\.AutoQuery\.(QueryPlan|QueryConventions)'),
    ('materialisation (rows to objects)', r'SqliteDataReader::(Get|IsDBNull)|SqliteDataRecord|SqliteValueReader|NpgsqlDataReader::(Get|IsDBNull)|BaaS\.Data\.(Materializer|RowReader)|dynamicClass::Read|Deserialize'),
    ('command (send SQL, execute, read the result)', r'SqliteCommand|SqliteDataReader|libe_sqlite3|\[Npgsql\]|\[BaaS\.Data\] BaaS\.Data\.(Executor|ReadOps|WriteOps|UpdateOps)|\[Dapper\]'),
    ('JSON response writing', r'System\.Text\.Json|\[BaaS\] BaaS\.Formats'),
    ('authentication (token check, principal)', r'BaaS\.Auth\.Tokens|BaaSAuthenticationHandler|IdentityModel|Microsoft\.AspNetCore\.Authentication|System\.Security\.Claims'),
    ('auth filters (authorization, API key, refresh, rate limit)', r'\[BaaS\] BaaS\.Auth\.'),
    ('request binding', r'\[BaaS\] BaaS\.Binding|BindHttp'),
    ('platform pipeline (operation routing, filters, security headers)', r'\[BaaS\]|\[BaaS\.'),
    ('hand-written endpoint code', r'\[Baseline\]'),
    ('ASP.NET Core routing, hosting, minimal APIs', r'Microsoft\.AspNetCore\.(Routing|Hosting|Http)|Microsoft\.Extensions'),
    ('Kestrel + sockets (HTTP parsing, I/O)', r'Kestrel|System\.Net\.Sockets|System\.IO\.Pipelines|PinnedBlockMemoryPool'),
]


def samples(path):
    current = None
    with open(path, errors='replace') as f:
        for line in f:
            if not line.strip():
                if current:
                    yield current
                current = None
            elif not line[0].isspace():
                current = {'head': line, 'frames': []}
            elif current is not None:
                m = re.match(r'\s*[0-9a-f]+ (.*) \((.*)\)$', line.rstrip())
                if m:
                    current['frames'].append((m.group(1), m.group(2)))
    if current:
        yield current


def classify(sample):
    head = sample['head']
    for name, pattern in THREADS:
        if re.search(pattern, head):
            return name
    texts = [f[0] for f in sample['frames']]
    for name, pattern in ANYWHERE:
        if any(re.search(pattern, t) for t in texts):
            return name
    for t in texts:
        for name, pattern in INNERMOST:
            if re.search(pattern, t):
                return name
    libs = ''.join(f[1] for f in sample['frames'][:3])
    if 'libe_sqlite3' in libs:
        return 'SQLite engine, caller not recoverable'
    if sample['frames'] and 'kernel' in sample['frames'][0][1]:
        return 'kernel (syscalls, scheduling, network), caller not recoverable'
    return 'runtime / libc, caller not recoverable (thread pool, epoll)'


def main():
    counts = collections.Counter(classify(s) for s in samples(sys.argv[1]))
    total = sum(counts.values())
    per_request = float(sys.argv[2]) if len(sys.argv) > 2 else None
    print(f'| stage | share of server CPU | µs per request |' if per_request else '| stage | share of server CPU |')
    print('|---|---:|---:|' if per_request else '|---|---:|')
    for name, n in counts.most_common():
        share = n / total
        cells = f'| {name} | {100 * share:.1f}% |'
        if per_request:
            cells += f' {per_request * share:.1f} |'
        print(cells)
    print(f'({total} samples)')


if __name__ == '__main__':
    main()
