#!/usr/bin/env python3
"""A stand-in OpenTelemetry collector for benchmarks: accepts OTLP/HTTP exports (POST /v1/traces, /v1/metrics, /v1/logs),
reads and drops them, answers an empty success. On SIGTERM it writes "requests<TAB>bytes" per signal to --stats.

    python3 benchmarks/otlp-sink.py --port PORT --stats FILE
"""
import argparse, signal, sys, threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

counts = {}
lock = threading.Lock()


class Sink(BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'

    def do_POST(self):
        if self.headers.get('Transfer-Encoding', '').lower() == 'chunked':
            size = 0
            while True:
                chunk = int(self.rfile.readline().strip(), 16)
                if chunk == 0:
                    self.rfile.readline()
                    break
                size += len(self.rfile.read(chunk))
                self.rfile.readline()
        else:
            size = len(self.rfile.read(int(self.headers.get('Content-Length', 0))))
        with lock:
            n, b = counts.get(self.path, (0, 0))
            counts[self.path] = (n + 1, b + size)
        self.send_response(200)
        self.send_header('Content-Type', 'application/x-protobuf')
        self.send_header('Content-Length', '0')
        self.end_headers()

    def log_message(self, *args):
        pass


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--port', type=int, required=True)
    parser.add_argument('--stats', required=True)
    args = parser.parse_args()
    server = ThreadingHTTPServer(('127.0.0.1', args.port), Sink)

    def stop(*_):
        with lock, open(args.stats, 'w') as out:
            for path, (n, b) in sorted(counts.items()):
                out.write(f'{path}\t{n}\t{b}\n')
        sys.exit(0)

    signal.signal(signal.SIGTERM, stop)
    server.serve_forever()


if __name__ == '__main__':
    main()
