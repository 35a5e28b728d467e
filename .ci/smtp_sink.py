"""An SMTP server for tests (aiosmtpd, from apt python3-aiosmtpd) that keeps every message it receives.

    /usr/bin/python3 .ci/smtp_sink.py HOST PORT FOLDER

Each message is written to FOLDER as <time>-<n>.eml, exactly the bytes the client sent (headers and body), beside
<time>-<n>.rcpt with the envelope recipients (RCPT TO), one a line. The .rcpt file is written first and the .eml
appears last, whole (renamed from a temporary name), so a reader never sees half a message.
It accepts every recipient except those whose local part starts with "reject" (550, for tests of refused mail).
Runs until it is sent SIGTERM or SIGINT.
"""
import itertools
import os
import signal
import sys
import time

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, folder):
        self.folder = folder
        self.counter = itertools.count(1)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        # A way for tests to meet a refusal for good: any address whose local part starts with "reject".
        if address.lower().startswith("reject"):
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        name = "%d-%06d" % (time.time_ns(), next(self.counter))
        base = os.path.join(self.folder, name)
        with open(base + ".rcpt", "w", encoding="utf-8") as f:
            f.write("\n".join(envelope.rcpt_tos) + "\n")
        with open(base + ".tmp", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        os.rename(base + ".tmp", base + ".eml")
        return "250 Message accepted"


def main():
    host, port, folder = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    os.makedirs(folder, exist_ok=True)
    # decode_data=False keeps the bytes as sent; no size limit beyond aiosmtpd's default (32 MiB).
    controller = Controller(Sink(folder), hostname=host, port=port, decode_data=False)
    controller.start()
    print("smtp sink listening on %s:%d, writing to %s" % (host, port, folder), flush=True)
    stop = lambda *_: (controller.stop(), sys.exit(0))
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    while True:
        signal.pause()


if __name__ == "__main__":
    main()
