"""A real SMTP server for DeliveryTests (aiosmtpd): STARTTLS required before AUTH, AUTH PLAIN/LOGIN for
one user, the first DATA answered 451 (a failure after DATA: the client must retry), later ones stored.
Usage: smtp_server.py CERT KEY OUT_DIR USER PASSWORD; prints its port, then serves until killed."""
import asyncio, os, socket, ssl, sys
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

cert, key, out, user, password = sys.argv[1:6]
context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
context.load_cert_chain(cert, key)

class Handler:
    attempts = 0
    async def handle_DATA(self, server, session, envelope):
        Handler.attempts += 1
        with open(os.path.join(out, "attempts"), "w") as f:
            f.write(str(Handler.attempts))
        if Handler.attempts == 1:
            return "451 4.3.0 try again later"
        name = os.path.join(out, "message-%d.eml" % Handler.attempts)
        with open(name, "wb") as f:
            f.write(envelope.original_content)
        with open(name + ".envelope", "w") as f:
            f.write(envelope.mail_from + "\n" + "\n".join(envelope.rcpt_tos) + "\n")
        return "250 2.0.0 stored"

def authenticator(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user and auth_data.password.decode() == password
    return AuthResult(success=ok)

probe = socket.socket()
probe.bind(("127.0.0.1", 0))
port = probe.getsockname()[1]
probe.close()
controller = Controller(Handler(), hostname="127.0.0.1", port=port, tls_context=context, require_starttls=True,
                        authenticator=authenticator, auth_require_tls=True)
controller.start()
print(port, flush=True)
try:
    asyncio.get_event_loop().run_forever()
except KeyboardInterrupt:
    pass
