"""Local stand-ins for a failing cluster: a TCP proxy we can switch off (the cluster "stops"),
and a server that accepts connections but never answers (the cluster is "slow")."""

import contextlib
import select
import socket
import socketserver
import threading
from urllib.parse import urlsplit


class _Pipe(socketserver.BaseRequestHandler):
    def handle(self):
        upstream = socket.create_connection(self.server.target, timeout=10)
        self.server.open.add(self.request)
        self.server.open.add(upstream)
        try:
            sockets = [self.request, upstream]
            while not self.server.stopping.is_set():
                ready, _, _ = select.select(sockets, [], [], 0.2)
                for source in ready:
                    data = source.recv(65536)
                    if not data:
                        return
                    (upstream if source is self.request else self.request).sendall(data)
        except OSError:
            return
        finally:
            upstream.close()


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


class Proxy:
    """http://127.0.0.1:<port> forwarding to the real cluster until `stop()`."""

    def __init__(self, target_url):
        parts = urlsplit(target_url)
        self.target = (parts.hostname, parts.port)
        self.port = None
        self.server = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        self.server = _Server(("127.0.0.1", self.port or 0), _Pipe)
        self.server.target = self.target
        self.server.open = set()
        self.server.stopping = threading.Event()
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self):
        self.server.stopping.set()
        self.server.shutdown()
        self.server.server_close()
        for sock in list(self.server.open):
            with contextlib.suppress(OSError):
                sock.close()


class BlackHole:
    """Accepts connections and never answers: a cluster too slow to be useful. `connections`
    counts the connections made to it."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(50)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.accepted = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        with contextlib.suppress(OSError):  # closed
            while True:
                self.accepted.append(self.sock.accept()[0])

    @property
    def connections(self):
        return len(self.accepted)

    def close(self):
        with contextlib.suppress(OSError):
            self.sock.shutdown(socket.SHUT_RDWR)  # wakes the accepting thread
        self.sock.close()
        for sock in self.accepted:
            sock.close()


def closed_port_url():
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return f"http://127.0.0.1:{port}"
