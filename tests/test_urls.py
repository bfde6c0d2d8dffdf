"""Addresses: tracking parameters and fragments off, readable site names from hosts."""

from __future__ import annotations

import pytest

from digest.urls import clean_url, site_from_host


@pytest.mark.parametrize(("url", "clean"), [
    ("https://www.rt.com/russia/553581-pentagon/?utm_source=tg&utm_medium=x", "https://www.rt.com/russia/553581-pentagon/"),
    ("HTTPS://Example.COM:443/a?b=1&fbclid=IwAR&gclid=9#comments", "https://example.com/a?b=1"),
    ("http://example.com:8080/a?ref=home&id=7", "http://example.com:8080/a?id=7"),
    ("http://[::1]:8080/a?yclid=1", "http://[::1]:8080/a"),
    ("https://example.com", "https://example.com/"),
    ("https://example.com/a?mc_cid=1&mc_eid=2&q=news+today", "https://example.com/a?q=news+today"),
])
def test_clean_url_drops_tracking_fragment_and_default_port(url: str, clean: str) -> None:
    assert clean_url(url) == clean


@pytest.mark.parametrize(("host", "site"), [
    ("www.theguardian.com", "theguardian.com"),
    ("m.rt.com", "rt.com"),
    ("amp.example.co.uk", "example.co.uk"),
    ("news.bbc.co.uk", "news.bbc.co.uk"),
    ("127.0.0.1", None),
    ("[::1]", None),
    ("", None),
])
def test_site_from_host(host: str, site: str | None) -> None:
    assert site_from_host(host) == site
