"""The reviewer workbench (login required)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.views.decorators.http import require_GET

from factcheck.models import Claim


@require_GET
@login_required
def queue(request: HttpRequest) -> HttpResponse:
    claims = Claim.objects.select_related("article", "assignee").order_by("-score")[:50]
    return render(request, "factcheck/review/queue.html", {"claims": claims})


urlpatterns = [
    path("", queue, name="queue"),
]
