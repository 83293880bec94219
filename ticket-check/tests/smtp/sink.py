"""A real SMTP server for the delivery tests (aiosmtpd).

    python sink.py PORT DIR

Listens on 127.0.0.1:PORT (0: any free port), prints "listening on PORT",
and writes each message it receives to DIR as NNNN.eml (the bytes as sent)
and NNNN.json (what Python's own e-mail parser reads in it: the decoded
headers and the text and HTML parts), for the tests to assert on.
"""

import asyncio
import email
import email.policy
import json
import os
import sys

from aiosmtpd.smtp import SMTP


class Sink:
    def __init__(self, directory):
        self.directory = directory
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        stem = os.path.join(self.directory, f"{self.count:04d}")
        raw = envelope.original_content or envelope.content
        message = email.message_from_bytes(raw, policy=email.policy.default)
        text = message.get_body(preferencelist=("plain",))
        html = message.get_body(preferencelist=("html",))
        parsed = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "subject": str(message["subject"]),
            "from": str(message["from"]),
            "to": str(message["to"]),
            "reply_to": str(message["reply-to"]),
            "message_id": str(message["message-id"]),
            "content_type": message.get_content_type(),
            "text": text.get_content() if text else None,
            "html": html.get_content() if html else None,
        }
        # Written whole, then renamed: a test never reads half a file.
        for suffix, data in ((".eml", raw), (".json", json.dumps(parsed).encode())):
            with open(stem + suffix + ".part", "wb") as f:
                f.write(data)
            os.replace(stem + suffix + ".part", stem + suffix)
        return "250 Message accepted for delivery"


async def main():
    port, directory = int(sys.argv[1]), sys.argv[2]
    os.makedirs(directory, exist_ok=True)
    handler = Sink(directory)
    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        lambda: SMTP(handler, hostname="sink.test"), "127.0.0.1", port
    )
    print(f"listening on {server.sockets[0].getsockname()[1]}", flush=True)
    await server.serve_forever()


asyncio.run(main())
