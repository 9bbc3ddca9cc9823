"""Fetch an article from the web safely, and turn HTML into clean article text.

Fetching a URL a person typed is a classic way into a server's private network (SSRF), so:
only http and https; the host is resolved once and every address it resolves to must be public
(no loopback, private, link-local, reserved or multicast addresses) unless the host is listed in
FACTCHECK_FETCH_ALLOWED_HOSTS; the connection goes to the checked address (no second DNS lookup
to rebind); every redirect is checked again; the download has a timeout and a size cap.
HTML is never rendered: trafilatura extracts the article's text from it.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from django.conf import settings

DEFAULT_TIMEOUT = 10.0
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
MAX_REDIRECTS = 5
TEXT_TYPES = {"text/html", "application/xhtml+xml", "text/plain", "text/markdown"}
USER_AGENT = "factcheck-workbench/0.1 (+article import)"


class FetchError(Exception):
    """The page could not be fetched; the message says why and what to do."""


@dataclass(frozen=True)
class FetchedPage:
    url: str
    content_type: str
    text: str

    @property
    def is_html(self) -> bool:
        return self.content_type in {"text/html", "application/xhtml+xml"}


def _allowed_hosts() -> set[str]:
    return {host.lower() for host in getattr(settings, "FACTCHECK_FETCH_ALLOWED_HOSTS", [])}


def _is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not (ip.is_multicast or ip.is_reserved or ip.is_link_local or ip.is_loopback)


def resolve_checked(host: str, port: int) -> str:
    """One address for `host` that we may connect to, or FetchError."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise FetchError(f"The address “{host}” could not be found: check the URL for typos.") from None
    addresses = [info[4][0] for info in infos]
    if not addresses:
        raise FetchError(f"The address “{host}” could not be found: check the URL for typos.")
    if host.lower() not in _allowed_hosts() and not all(_is_public(a) for a in addresses):
        raise FetchError(
            f"“{host}” points to a private or local network address, which the workbench does not fetch. "
            "Save the page and upload the file instead."
        )
    return addresses[0]


class _PinnedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, host: str, port: int, address: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, host: str, port: int, address: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._address = address

    def connect(self) -> None:
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def _check_url(url: str) -> tuple[str, str, int, str]:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in {"http", "https"}:
        raise FetchError("Only web addresses starting with http:// or https:// can be fetched.")
    if not parts.hostname:
        raise FetchError("The URL has no host name: give the full address, like https://example.org/article.")
    try:
        port = parts.port or (443 if scheme == "https" else 80)
    except ValueError:
        raise FetchError("The URL's port is not a number: check the address.") from None
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    return scheme, parts.hostname, port, path


def fetch_url(url: str, *, timeout: float | None = None, max_bytes: int | None = None) -> FetchedPage:
    """Download a web page as text, following checked redirects."""
    timeout = timeout or getattr(settings, "FACTCHECK_FETCH_TIMEOUT", DEFAULT_TIMEOUT)
    max_bytes = max_bytes or getattr(settings, "FACTCHECK_FETCH_MAX_BYTES", DEFAULT_MAX_BYTES)
    deadline = time.monotonic() + timeout
    for _ in range(MAX_REDIRECTS + 1):
        scheme, host, port, path = _check_url(url)
        address = resolve_checked(host, port)
        connection_class = _PinnedHTTPSConnection if scheme == "https" else _PinnedHTTPConnection
        connection = connection_class(host, port, address, timeout)
        try:
            connection.request("GET", path, headers={"User-Agent": USER_AGENT, "Accept": "text/html, text/plain"})
            response = connection.getresponse()
            if response.status in {301, 302, 303, 307, 308}:
                location = response.getheader("Location")
                if not location:
                    raise FetchError("The site answered with a redirect but no address to go to.")
                url = urljoin(url, location)
                continue
            if response.status != 200:
                raise FetchError(f"The site answered with HTTP {response.status} {response.reason}: check the URL.")
            content_type = (response.getheader("Content-Type") or "text/html").split(";")[0].strip().lower()
            if content_type not in TEXT_TYPES:
                raise FetchError(
                    f"The URL gives a “{content_type}” file, not a web page: download it and upload the text instead."
                )
            declared = response.getheader("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(f"The page is larger than {max_bytes // (1024 * 1024)} MB: save its text and paste it.")
            body = _read_capped(response, max_bytes, deadline)
            return FetchedPage(url=url, content_type=content_type, text=_decode(body, response.headers.get_content_charset()))
        except FetchError:
            raise
        except (TimeoutError, socket.timeout):
            raise FetchError(f"The site did not answer within {timeout:g} seconds: try again later or paste the text.") from None
        except ssl.SSLError:
            raise FetchError("The site's secure connection could not be verified: paste the article's text instead.") from None
        except (OSError, http.client.HTTPException) as error:
            raise FetchError(f"The page could not be fetched ({error.__class__.__name__}): check the URL or paste the text.") from None
        finally:
            connection.close()
    raise FetchError(f"The site redirected more than {MAX_REDIRECTS} times: give the article's final address.")


def _read_capped(response: http.client.HTTPResponse, max_bytes: int, deadline: float) -> bytes:
    chunks, size = [], 0
    while chunk := response.read(64 * 1024):
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"The page is larger than {max_bytes // (1024 * 1024)} MB: save its text and paste it.")
        if time.monotonic() > deadline:
            raise FetchError("The site took too long to send the page: try again later or paste the text.")
        chunks.append(chunk)
    return b"".join(chunks)


def _decode(data: bytes, charset: str | None) -> str:
    for encoding in (charset, "utf-8"):
        if not encoding:
            continue
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("cp1252", errors="replace")


BLOCK_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dt", "dd", "figcaption", "td")
HIDDEN_TAGS = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "button", "svg")


def text_from_html(html: str) -> tuple[str, str]:
    """The article's title and main text, paragraphs separated by blank lines; never the raw markup."""
    import trafilatura

    if not html.strip():
        return "", ""
    metadata = trafilatura.extract_metadata(html)
    title = metadata.title if metadata is not None and metadata.title else ""
    text = trafilatura.extract(html, output_format="txt", include_comments=False, include_tables=False) or ""
    if len(text) < 250:
        # Short pages fall below trafilatura's article heuristics and come back cut at every
        # inline tag; read their visible block text directly instead.
        title, text = title or _html_title(html), _visible_text(html) or text
    paragraphs = [" ".join(line.split()) for line in text.splitlines()]
    return " ".join(title.split()), "\n\n".join(p for p in paragraphs if p)


def _parse(html: str):
    import lxml.html

    try:
        return lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return None


def _html_title(html: str) -> str:
    doc = _parse(html)
    found = doc.find(".//title") if doc is not None else None
    return found.text_content() if found is not None else ""


def _visible_text(html: str) -> str:
    doc = _parse(html)
    if doc is None:
        return ""
    for element in list(doc.iter(*HIDDEN_TAGS, "head")):
        if element.getparent() is not None:
            element.drop_tree()
    blocks = [" ".join(el.text_content().split()) for el in doc.iter(*BLOCK_TAGS) if not _has_block_ancestor(el)]
    blocks = [b for b in blocks if b]
    return "\n".join(blocks) if blocks else " ".join(doc.text_content().split())


def _has_block_ancestor(element) -> bool:
    return any(parent.tag in BLOCK_TAGS for parent in element.iterancestors())
