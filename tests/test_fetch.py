"""Safe URL fetching and HTML-to-text: no network beyond a local server allowed by the setting."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from factcheck.fetch import FetchError, fetch_url, text_from_html

ARTICLE_HTML = (
    "<html><head><title>Prices | Daily Planet</title><script>alert('x')</script></head><body>"
    "<nav>Home · World</nav><article><h1>Inflation hits 5.2%</h1>"
    + "".join(f"<p>Paragraph {i}: inflation in 2024 was <b>5.2%</b>, the statistics office said on Tuesday.</p>" for i in range(5))
    + "</article><footer>Copyright</footer></body></html>"
)


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        routes = {
            "/article": (200, "text/html; charset=utf-8", ARTICLE_HTML.encode()),
            "/plain": (200, "text/plain", b"Inflation in 2024 was 5.2%."),
            "/image": (200, "image/png", b"\x89PNG"),
            "/big": (200, "text/html", b"x" * 5000),
            "/missing": (404, "text/html", b"no"),
        }
        if self.path == "/redirect-out":
            self.send_response(302)
            self.send_header("Location", "http://10.0.0.1/secret")
            self.end_headers()
            return
        if self.path == "/redirect-in":
            self.send_response(301)
            self.send_header("Location", "/plain")
            self.end_headers()
            return
        if self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
            return
        status, content_type, body = routes.get(self.path, (404, "text/plain", b""))
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def local_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def allow_local(settings):
    settings.FACTCHECK_FETCH_ALLOWED_HOSTS = ["127.0.0.1"]


def test_fetches_an_allowed_local_page(local_server, allow_local):
    page = fetch_url(local_server + "/article")
    assert page.is_html and "Inflation hits 5.2%" in page.text


def test_follows_redirects_within_allowed_hosts(local_server, allow_local):
    page = fetch_url(local_server + "/redirect-in")
    assert page.text == "Inflation in 2024 was 5.2%." and page.url.endswith("/plain")


def test_redirect_to_a_private_address_is_refused(local_server, allow_local):
    with pytest.raises(FetchError, match="private or local network"):
        fetch_url(local_server + "/redirect-out")


def test_redirect_loops_stop(local_server, allow_local):
    with pytest.raises(FetchError, match="redirected more than"):
        fetch_url(local_server + "/loop")


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/", "http://10.1.2.3/", "http://169.254.169.254/latest/meta-data/", "http://192.168.1.1/",
    "http://localhost/", "http://[::1]/", "http://0.0.0.0/",
])
def test_private_loopback_and_link_local_addresses_are_refused(url):
    with pytest.raises(FetchError, match="private or local network"):
        fetch_url(url)


def test_local_server_is_refused_without_the_setting(local_server):
    with pytest.raises(FetchError, match="private or local network"):
        fetch_url(local_server + "/article")


@pytest.mark.parametrize("url", ["ftp://example.org/x", "file:///etc/passwd", "javascript:alert(1)", "gopher://x"])
def test_only_http_and_https(url):
    with pytest.raises(FetchError, match="http:// or https://"):
        fetch_url(url)


def test_size_cap(local_server, allow_local):
    with pytest.raises(FetchError, match="larger than"):
        fetch_url(local_server + "/big", max_bytes=1000)


def test_non_text_content_is_refused(local_server, allow_local):
    with pytest.raises(FetchError, match="image/png"):
        fetch_url(local_server + "/image")


def test_http_errors_are_explained(local_server, allow_local):
    with pytest.raises(FetchError, match="HTTP 404"):
        fetch_url(local_server + "/missing")


def test_timeout_gives_a_clear_message(allow_local):
    import socket

    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(1)
    try:
        with pytest.raises(FetchError, match="did not answer within"):
            fetch_url(f"http://127.0.0.1:{silent.getsockname()[1]}/", timeout=0.3)
    finally:
        silent.close()


def test_unknown_host_is_explained():
    with pytest.raises(FetchError, match="could not be found"):
        fetch_url("http://no-such-host.invalid/")


def test_text_from_html_keeps_article_text_and_drops_markup():
    title, text = text_from_html(ARTICLE_HTML)
    assert title == "Inflation hits 5.2%"
    assert "Paragraph 0: inflation in 2024 was 5.2%, the statistics office said on Tuesday." in text
    assert "<" not in text and "alert" not in text and "Copyright" not in text


def test_text_from_html_handles_short_pages_and_inline_tags():
    title, text = text_from_html("<title>T</title><p>Inflation was <b>5.2%</b> in 2024.</p><script>evil()</script>")
    assert title == "T" and text == "Inflation was 5.2% in 2024."


def test_text_from_html_of_nothing():
    assert text_from_html("") == ("", "")
