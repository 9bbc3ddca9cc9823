"""Reusable validators: one place for the rules forms, models and importers share."""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError


def validate_web_url(value: str) -> None:
    """Only http(s) links: no javascript:, data: or file: URLs ever reach a page."""
    if not value:
        return
    parts = urlsplit(value)
    if parts.scheme.lower() not in {"http", "https"} or not parts.netloc:
        raise ValidationError("Enter a web address starting with http:// or https://.", code="invalid_scheme")
