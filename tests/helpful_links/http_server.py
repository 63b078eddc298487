"""A local web server with the answers a link checker meets in the wild."""

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class ScenarioHandler(BaseHTTPRequestHandler):
    delay = 0.0  # seconds before every answer, for the slow-server benchmark
    user_agents = []

    def do_GET(self):  # noqa: N802 -- http.server's method name
        type(self).user_agents.append(self.headers.get("User-Agent", ""))
        if self.delay:
            time.sleep(self.delay)
        path = self.path.split("?")[0]
        if path == "/slow":
            time.sleep(3)
        redirects = {"/moved": "/moved-again", "/moved-again": "/ok", "/loop-a": "/loop-b", "/loop-b": "/loop-a"}
        if path in redirects:
            self.send_response(301)
            self.send_header("Location", redirects[path])
            self.end_headers()
            return
        status = {"/missing": 404, "/error": 500, "/forbidden": 403}.get(path, 200)
        body = b"<!doctype html><title>ok</title>"
        self.send_response(status)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):  # noqa: A002 -- signature of the base class
        pass


def start_server(delay=0.0):
    handler = type("Handler", (ScenarioHandler,), {"delay": delay, "user_agents": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server


def refused_url():
    """An address where nothing listens: the port was free a moment ago."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/"
