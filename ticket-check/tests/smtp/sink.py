"""A real SMTP server for the delivery tests (aiosmtpd).

    python sink.py PORT DIR [starttls|tls|starttls-auth]

Listens on 127.0.0.1:PORT (0: any free port), prints "listening on PORT",
and writes each message it receives to DIR as NNNN.eml (the bytes as sent)
and NNNN.json (what Python's own e-mail parser reads in it: the decoded
headers and the text and HTML parts), for the tests to assert on. With `starttls` the server requires STARTTLS
before anything else; with `tls` it speaks TLS from the first byte. Both
present localhost.pem (for localhost and 127.0.0.1), signed by test-ca.pem:
a test-only CA whose key was thrown away after signing. `starttls-auth`
also requires AUTH (PLAIN or LOGIN) as user `form`, password `s3cret`.
"""

import asyncio
import email
import email.policy
import json
import os
import ssl
import sys

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

USER, PASSWORD = b"form", b"s3cret"


def authenticator(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and (
        auth_data.login == USER and auth_data.password == PASSWORD
    )
    # handled=False: aiosmtpd then answers a refusal with 535 itself.
    return AuthResult(
        success=ok, handled=False, auth_data=auth_data.login.decode() if ok else None
    )


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
            "auth_login": session.auth_data,
            "tls": server.transport.get_extra_info("ssl_object") is not None,
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


def tls_context():
    here = os.path.dirname(os.path.abspath(__file__))
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(
        os.path.join(here, "localhost.pem"), os.path.join(here, "localhost-key.pem")
    )
    return context


async def main():
    port, directory = int(sys.argv[1]), sys.argv[2]
    mode = sys.argv[3] if len(sys.argv) > 3 else "none"
    os.makedirs(directory, exist_ok=True)
    handler = Sink(directory)
    loop = asyncio.get_running_loop()
    if mode == "starttls":
        factory = lambda: SMTP(
            handler, hostname="sink.test", tls_context=tls_context(), require_starttls=True
        )
        server = await loop.create_server(factory, "127.0.0.1", port)
    elif mode == "starttls-auth":
        factory = lambda: SMTP(
            handler,
            hostname="sink.test",
            tls_context=tls_context(),
            require_starttls=True,
            authenticator=authenticator,
            auth_required=True,
        )
        server = await loop.create_server(factory, "127.0.0.1", port)
    elif mode == "tls":
        factory = lambda: SMTP(handler, hostname="sink.test")
        server = await loop.create_server(factory, "127.0.0.1", port, ssl=tls_context())
    else:
        factory = lambda: SMTP(handler, hostname="sink.test")
        server = await loop.create_server(factory, "127.0.0.1", port)
    print(f"listening on {server.sockets[0].getsockname()[1]}", flush=True)
    await server.serve_forever()


asyncio.run(main())
