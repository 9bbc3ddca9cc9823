"""Who may see and change what in the workbench: one helper per object type.

Every workbench view loads its objects through these helpers, so the permission rules live in
one place. People who may not see an object get a 404 (they learn nothing about it); people who
may see it but not change it get a 403 when they try.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django_htmx.http import HttpResponseClientRedirect

from factcheck.models import Article, Claim, Source, Verdict

VIEW_PERMISSION = "factcheck.view_claim"
CHANGE_PERMISSION = "factcheck.change_claim"


def can_see_workbench(user: Any) -> bool:
    return user.is_authenticated and (user.has_perm(VIEW_PERMISSION) or user.has_perm(CHANGE_PERMISSION))


def can_change(user: Any) -> bool:
    return user.is_authenticated and user.has_perm(CHANGE_PERMISSION)


def login_redirect(request: HttpRequest, next_url: str | None = None) -> HttpResponse:
    """Send a signed-out person to the login page; htmx requests redirect the whole page."""
    response = redirect_to_login(next_url or request.get_full_path())
    if getattr(request, "htmx", False):
        return HttpResponseClientRedirect(response["Location"])
    return response


def _return_to(request: HttpRequest) -> str | None:
    """After signing in, a GET goes back to itself; a form post goes back to the page it came from."""
    if request.method == "GET":
        return None
    page = request.headers.get("HX-Current-URL") or request.META.get("HTTP_REFERER", "")
    if page and url_has_allowed_host_and_scheme(page, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return page
    return reverse("review:queue")


def workbench_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Signed-out people go to the login page; signed-in people without a role get a 403."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return login_redirect(request, _return_to(request))
        if not can_see_workbench(request.user):
            if getattr(request, "htmx", False):
                raise PermissionDenied("The workbench is for Reviewers and Editors.")
            return render(request, "factcheck/review/forbidden.html", status=403)
        return view(request, *args, **kwargs)

    return wrapper


def _check(request: HttpRequest, write: bool) -> None:
    if not can_see_workbench(request.user):
        raise Http404("No such object.")
    if write and not can_change(request.user):
        raise PermissionDenied("You can read the workbench but not change it.")


def claims_for_user(request: HttpRequest):
    """Every claim a workbench user may see, with what a claim panel always needs."""
    if not can_see_workbench(request.user):
        return Claim.objects.none()
    return Claim.objects.select_related("article", "assignee", "published_verdict__rating")


def get_claim_for_user(request: HttpRequest, pk: int, *, write: bool = False) -> Claim:
    _check(request, write)
    try:
        return claims_for_user(request).get(pk=pk)
    except Claim.DoesNotExist:
        raise Http404("No such claim.") from None


def get_article_for_user(request: HttpRequest, pk: int, *, write: bool = False) -> Article:
    _check(request, write)
    try:
        return Article.objects.select_related("imported_by").get(pk=pk)
    except Article.DoesNotExist:
        raise Http404("No such article.") from None


def get_source_for_user(request: HttpRequest, pk: int, *, write: bool = False) -> Source:
    _check(request, write)
    try:
        return Source.objects.get(pk=pk)
    except Source.DoesNotExist:
        raise Http404("No such source.") from None


def current_verdicts_prefetch() -> Prefetch:
    """Each claim's current verdict and rating in one query, as `claim.current_verdicts`."""
    return Prefetch(
        "verdicts", queryset=Verdict.objects.filter(is_current=True).select_related("rating"), to_attr="current_verdicts"
    )
