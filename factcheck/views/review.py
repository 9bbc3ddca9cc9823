"""The reviewer workbench: queue, article import, the article page with its claim panel.

Views parse input with `factcheck.forms`, load objects through `factcheck.access`, call one
domain function (`factcheck.workflow`, `factcheck.ingest`) and render. Every action is an ordinary
form post that works without JavaScript (redirect after success, the page with errors after a
failure); htmx requests get just the `claim-panel` partial back.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseClientRedirect

from factcheck import workflow
from factcheck.access import (
    can_change,
    current_verdicts_prefetch,
    get_article_for_user,
    get_claim_for_user,
    get_source_for_user,
    login_redirect,
    workbench_view,
)
from factcheck.fetch import FetchError, fetch_url, text_from_html
from factcheck.forms import (
    AssignForm,
    AttachSourceForm,
    ClaimEditForm,
    DismissForm,
    FetchArticleForm,
    MergeForm,
    NewSourceForm,
    NoteForm,
    PasteArticleForm,
    QueueFilterForm,
    ReasonForm,
    SelectionForm,
    SplitForm,
    UploadArticleForm,
    VerdictForm,
)
from factcheck.highlight import segments
from factcheck.ingest import ImportRefused, import_article, score_parts
from factcheck.markdown import render_markdown
from factcheck.models import (
    Article,
    Claim,
    ClaimSource,
    ClaimStatus,
    Correction,
    Note,
    Rating,
    Source,
    Verdict,
)
from factcheck.workflow import NotAllowed, VersionConflict, WorkflowError

PAGE_SIZE = 25
SECTION_SIZE = 8
DRAFTS_KEY = "workbench_drafts"
DRAFT_FIELDS = ("claim_as_checked", "kind", "claimant", "rating", "explanation", "body", "version")
ARTICLE_TEMPLATE = "factcheck/review/article.html"


def wants_partial(request: HttpRequest) -> bool:
    """htmx swaps want a fragment; a history restore (back button after a cache miss) wants the page."""
    return bool(request.htmx) and not request.htmx.history_restore_request


# --- Queue ----------------------------------------------------------------------------------------

def _queue_claims():
    return Claim.objects.select_related("article", "assignee").prefetch_related(current_verdicts_prefetch())


@require_GET
@vary_on_headers("HX-Request")
@workbench_view
def queue(request: HttpRequest) -> HttpResponse:
    user = request.user
    partial = wants_partial(request) and request.htmx.target == "claim-table"
    filters = QueueFilterForm(request.GET or None, user=user)
    claims = _queue_claims().order_by("-updated_at", "-pk")
    if filters.is_bound and filters.is_valid():
        claims = filters.filter(claims).distinct()
    page = Paginator(claims, PAGE_SIZE).get_page(request.GET.get("page"))
    counts = dict(Claim.objects.values_list("status").annotate(n=Count("pk")).order_by())
    sections: list[tuple[str, str, list[Claim]]] = []
    if not (filters.is_filtered or partial):
        open_statuses = [ClaimStatus.NEW, ClaimStatus.RESEARCH, ClaimStatus.REVIEW, ClaimStatus.APPROVED]
        sections.append(("mine", "Assigned to me", list(
            _queue_claims().filter(assignee=user, status__in=open_statuses).order_by("-updated_at")[:SECTION_SIZE]
        )))
        if workflow.can_approve(user):
            sections.append(("approval", "Waiting for my approval", list(
                _queue_claims().filter(status=ClaimStatus.REVIEW)
                .exclude(pk__in=Verdict.objects.filter(is_current=True, author=user).values("claim_id"))
                .order_by("updated_at")[:SECTION_SIZE]
            )))
        sections.append(("unassigned", "Unassigned new claims, most check-worthy first", list(
            _queue_claims().filter(status=ClaimStatus.NEW, assignee__isnull=True).order_by("-score", "pk")[:SECTION_SIZE]
        )))
        sections.append(("published", "Recently published", list(
            _queue_claims().filter(status=ClaimStatus.PUBLISHED).order_by("-published_verdict__published_at")[:SECTION_SIZE]
        )))
    status_counts = [(value, label, counts.get(value, 0)) for value, label in ClaimStatus.choices]
    context = {"filters": filters, "page": page, "sections": sections, "status_counts": status_counts,
               "total": sum(counts.values()), "query": _query_without_page(request)}
    return render(request, "factcheck/review/queue.html" + ("#claim-table" if partial else ""), context)


def _query_without_page(request: HttpRequest) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


# --- Import ---------------------------------------------------------------------------------------

IMPORT_TEMPLATE = "factcheck/review/import.html"


def _import_forms(**bound: Any) -> dict[str, Any]:
    forms = {"paste_form": PasteArticleForm(), "upload_form": UploadArticleForm(), "fetch_form": FetchArticleForm()}
    forms.update(bound)
    return forms


def _finish_import(request: HttpRequest, form, data, mode: str) -> HttpResponse:
    try:
        article, created, report = import_article(data, request.user)
    except ImportRefused as error:
        form.add_error(None, str(error))
        return render(request, IMPORT_TEMPLATE, {**_import_forms(**{f"{mode}_form": form}), "mode": mode}, status=400)
    if created:
        messages.success(request, f"Imported “{article.title}”: {report.created} claims found. Pick one to start checking.")
    else:
        messages.info(request, "This text was imported before: here is the existing article.")
    return redirect("review:article", article.pk)


IMPORT_DRAFT_KEY = "workbench_import_draft"
IMPORT_DRAFT_FIELDS = ("title", "outlet", "author", "url", "published_on", "language", "body")


def keeps_import_draft(view):
    """Pasted text from a signed-out person is kept; after signing in it is back in the form."""

    @wraps(view)
    def wrapper(request: HttpRequest) -> HttpResponse:
        if request.method == "POST" and not request.user.is_authenticated:
            request.session[IMPORT_DRAFT_KEY] = {name: request.POST.get(name, "") for name in IMPORT_DRAFT_FIELDS}
            return login_redirect(request, reverse("review:import"))
        return view(request)

    return wrapper


@require_http_methods(["GET", "POST"])
@keeps_import_draft
@workbench_view
def import_paste(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        draft = request.session.pop(IMPORT_DRAFT_KEY, None)
        forms = _import_forms(paste_form=PasteArticleForm(initial=draft)) if draft else _import_forms()
        return render(request, IMPORT_TEMPLATE, {**forms, "mode": request.GET.get("mode", "paste"), "draft_restored": bool(draft)})
    if not can_change(request.user):
        raise PermissionDenied("You can read the workbench but not import articles.")
    form = PasteArticleForm(request.POST)
    if not form.is_valid():
        return render(request, IMPORT_TEMPLATE, {**_import_forms(paste_form=form), "mode": "paste"}, status=400)
    return _finish_import(request, form, form.article_input(form.cleaned_data["body"]), "paste")


@require_POST
@workbench_view
def import_upload(request: HttpRequest) -> HttpResponse:
    form = UploadArticleForm(request.POST, request.FILES)
    if not can_change(request.user):
        raise PermissionDenied("You can read the workbench but not import articles.")
    if not form.is_valid():
        return render(request, IMPORT_TEMPLATE, {**_import_forms(upload_form=form), "mode": "upload"}, status=400)
    return _finish_import(request, form, form.article_input(form.text), "upload")


def _fetch_refused(request: HttpRequest, form: FetchArticleForm) -> HttpResponse:
    return render(request, IMPORT_TEMPLATE, {**_import_forms(fetch_form=form), "mode": "fetch"}, status=400)


@require_POST
@workbench_view
def import_fetch(request: HttpRequest) -> HttpResponse:
    form = FetchArticleForm(request.POST)
    if not can_change(request.user):
        raise PermissionDenied("You can read the workbench but not import articles.")
    if not form.is_valid():
        return _fetch_refused(request, form)
    try:
        page = fetch_url(form.cleaned_data["source_url"])
    except FetchError as error:
        form.add_error("source_url", str(error))
        return _fetch_refused(request, form)
    title, text = text_from_html(page.text) if page.is_html else ("", page.text)
    if not text.strip():
        form.add_error("source_url", "No article text was found on that page: copy the text and paste it instead.")
    elif not (form.cleaned_data.get("title") or title):
        form.add_error("title", "The page has no title: give the article one.")
    else:
        return _finish_import(request, form, form.article_input(text, title=title, url=page.url), "fetch")
    return _fetch_refused(request, form)


# --- Article page ---------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Piece:
    text: str
    start: int
    claim: Claim | None = None


def article_paragraphs(body: str, claims: list[Claim]) -> list[list[Piece]]:
    """The article as paragraphs of pieces that remember their offset in the plain text.

    The browser uses the offsets to turn a text selection into a span of `article.body`.
    """
    result: list[list[Piece]] = [[]]
    position = 0
    for segment in segments(body, claims):
        if segment.item is not None:
            result[-1].append(Piece(segment.text, position, segment.item))
        else:
            offset = position
            for index, line in enumerate(segment.text.split("\n")):
                if index and result[-1]:
                    result.append([])
                if line:
                    result[-1].append(Piece(line, offset))
                offset += len(line) + 1
        position += len(segment.text)
    return [p for p in result if p]


def _article_claims(article: Article) -> list[Claim]:
    claims = list(
        Claim.objects.filter(article=article).select_related("assignee").prefetch_related(current_verdicts_prefetch())
        .order_by("start", "pk")
    )
    for claim in claims:
        claim.article = article
        claim.current = claim.current_verdicts[0] if claim.current_verdicts else None
    return claims


def _article_context(request: HttpRequest, article: Article, claims: list[Claim]) -> dict[str, Any]:
    visible = [c for c in claims if c.status != ClaimStatus.DISMISSED and not c.needs_reanchoring]
    return {
        "article": article,
        "claims": claims,
        "paragraphs": article_paragraphs(article.body, visible),
        "selection_form": SelectionForm(article=article),
        "status_counts": _status_counts(claim.status for claim in claims),
    }


def _status_counts(statuses: Iterable[str]) -> list[tuple[str, str, int]]:
    counts = Counter(statuses)
    return [(value, label, counts[value]) for value, label in ClaimStatus.choices if counts.get(value)]


@require_GET
@workbench_view
def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_article_for_user(request, pk)
    claims = _article_claims(article)
    return render(request, ARTICLE_TEMPLATE, _article_context(request, article, claims))


@require_POST
@workbench_view
def add_claim(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_article_for_user(request, pk, write=True)
    form = SelectionForm(request.POST, article=article)
    if form.is_valid():
        data = form.cleaned_data
        try:
            claim = workflow.add_claim_from_selection(
                article, request.user, start=data["start"], end=data["end"], quote=data["quote"], kind=data["kind"]
            )
        except WorkflowError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, "Claim added and assigned to you.")
            return _redirect(request, reverse("review:claim", args=[claim.pk]))
    claims = _article_claims(article)
    context = {**_article_context(request, article, claims), "selection_form": form}
    return render(request, ARTICLE_TEMPLATE + ("#selection-form" if request.htmx else ""), context, status=400)


# --- Claim panel ----------------------------------------------------------------------------------

@dataclass
class Action:
    name: str
    label: str
    disabled_reason: str = ""
    needs_reason: bool = False
    primary: bool = False


def _actions(user: Any, claim: Claim, verdict: Verdict | None, source_count: int) -> list[Action]:
    """The workflow buttons for this claim's state, each saying why it is disabled when it is."""
    status = claim.status
    reviewer, approver, publisher = workflow.can_review(user), workflow.can_approve(user), workflow.can_publish(user)
    actions: list[Action] = []
    if status == ClaimStatus.NEW:
        actions.append(Action("start", "Start research", "" if reviewer else "Only a Reviewer or Editor can start research."))
    if status in {ClaimStatus.NEW, ClaimStatus.RESEARCH}:
        missing = workflow.review_blockers(claim, verdict, source_count)
        reason = "Only a Reviewer or Editor can send claims to review." if not reviewer else (
            "Add " + workflow._join(missing) + " first." if missing else "")
        actions.append(Action("submit", "Send to review", reason, primary=True))
    if status == ClaimStatus.REVIEW:
        reason = ""
        if not approver:
            reason = "Only an Editor can approve verdicts."
        elif verdict is not None and verdict.author_id == user.pk:
            reason = "You wrote this verdict: a second person must approve it (four eyes)."
        actions.append(Action("approve", "Approve", reason, primary=True))
    if status in {ClaimStatus.REVIEW, ClaimStatus.APPROVED}:
        actions.append(Action("return", "Send back to research", "" if approver else "Only an Editor can send claims back."))
    if status == ClaimStatus.APPROVED:
        actions.append(Action("publish", "Publish", "" if publisher else "Only an Editor can publish verdicts.", primary=True))
    if claim.published_verdict_id is not None:
        actions.append(Action("correct", "Open a correction",
                              "" if publisher else "Only an Editor can correct a published verdict.", needs_reason=True)
                       if status == ClaimStatus.PUBLISHED else Action("correct", "Open a correction",
                              "A correction is already under way: finish it and publish it.", needs_reason=True))
        actions.append(Action("unpublish", "Unpublish", "" if publisher else "Only an Editor can unpublish verdicts.",
                              needs_reason=True))
    if status == ClaimStatus.DISMISSED:
        actions.append(Action("restore", "Restore", "" if reviewer else "Only a Reviewer or Editor can restore claims."))
    return actions


HISTORY_CLAIM_FIELDS = {
    "status": "status", "claim_as_checked": "claim as checked", "kind": "kind", "claimant": "claimant",
    "assignee_id": "assignee", "dismissal_reason": "dismissal reason", "quote": "quote",
    "published_verdict_id": "published verdict",
}
HISTORY_VERDICT_FIELDS = {
    "rating_id": "rating", "explanation": "explanation", "approved_by_id": "approval", "published_at": "publication",
}


def _describe(record: Any, previous: Any, fields: dict[str, str], names: dict[str, dict]) -> list[str]:
    if previous is None:  # the oldest record in view: only a creation says something on its own
        return ["created"] if record.history_type == "+" else []
    changes = []
    for attr, label in fields.items():
        old, new = getattr(previous, attr), getattr(record, attr)
        if old == new:
            continue
        if attr in {"explanation", "claim_as_checked"} and old and new:
            changes.append(f"edited the {label}" if attr == "explanation" else f"{label}: “{new}”")
        elif attr in names:
            changes.append(f"{label}: {names[attr].get(old, '—')} → {names[attr].get(new, '—')}")
        elif attr in {"approved_by_id", "published_at", "published_verdict_id"}:
            changes.append(f"{label} {'given' if new else 'withdrawn'}")
        else:
            changes.append(f"{label}: {old or '—'} → {new or '—'}")
    return changes


def _history(claim: Claim, ratings: list[Rating]) -> list[dict[str, Any]]:
    """Who changed what, when: the claim's, its verdicts' and its sources' history, newest first."""
    claim_records = list(claim.history.select_related("history_user").order_by("-history_date", "-history_id")[:40])
    verdict_records = list(
        Verdict.history.filter(claim_id=claim.pk).select_related("history_user").order_by("-history_date", "-history_id")[:40]
    )
    user_ids = {r.assignee_id for r in claim_records if r.assignee_id}
    users = {u.pk: u.get_username() for u in get_user_model().objects.filter(pk__in=user_ids)} if user_ids else {}
    status_names = dict(ClaimStatus.choices)
    names = {"assignee_id": users, "rating_id": {r.pk: r.label for r in ratings},
             "status": status_names}
    entries = []
    for records, fields, what in ((claim_records, HISTORY_CLAIM_FIELDS, "claim"), (verdict_records, HISTORY_VERDICT_FIELDS, "verdict")):
        by_object: dict[int, list] = {}
        for record in reversed(records):
            by_object.setdefault(record.id, []).append(record)
        for chain in by_object.values():
            previous = None
            for record in chain:
                changes = _describe(record, previous, fields, names)
                if changes:
                    label = f"{what} v{record.number}" if what == "verdict" else what
                    entries.append({"when": record.history_date, "who": record.history_user,
                                    "what": label, "changes": changes})
                previous = record
    source_records = list(
        ClaimSource.history.filter(claim_id=claim.pk, history_type__in=["+", "-"])
        .select_related("history_user", "source").order_by("-history_date")[:40]
    )
    for record in source_records:
        verb = "attached" if record.history_type == "+" else "removed"
        title = record.source.title if record.source else "a deleted source"
        entries.append({"when": record.history_date, "who": record.history_user, "what": "sources",
                        "changes": [f"{verb} “{title}”"]})
    entries.sort(key=lambda e: e["when"], reverse=True)
    return entries[:40]


def _panel_context(request: HttpRequest, claim: Claim, candidates: list[Claim] | None = None, **bound: Any) -> dict[str, Any]:
    verdict = (
        Verdict.objects.filter(claim=claim, is_current=True).select_related("rating", "author", "approved_by").first()
    )
    links = list(ClaimSource.objects.filter(claim=claim).select_related("source", "added_by").order_by("order", "pk"))
    notes = list(Note.objects.filter(claim=claim).select_related("author").order_by("created_at", "pk"))
    corrections = list(Correction.objects.filter(claim=claim).select_related("author").order_by("-created_at"))
    ratings = list(Rating.objects.all())
    version = {"version": claim.version}
    draft = _pop_draft(request, claim)
    forms: dict[str, Any] = {
        "edit_form": ClaimEditForm(initial={**version, "claim_as_checked": claim.claim_as_checked,
                                            "kind": claim.kind, "claimant": claim.claimant}),
        "verdict_form": VerdictForm(initial={**version, "rating": verdict.rating_id if verdict else None,
                                             "explanation": verdict.explanation if verdict else ""}),
        "attach_form": AttachSourceForm(initial=version),
        "source_form": NewSourceForm(initial=version),
        "note_form": NoteForm(),
        "assign_form": AssignForm(initial={**version, "assignee": claim.assignee_id}),
        "dismiss_form": DismissForm(initial=version),
        "reason_form": ReasonForm(initial=version),
        "merge_form": MergeForm(initial=version, claim=claim, candidates=candidates),
        "split_form": SplitForm(initial=version, claim=claim),
    }
    if draft:
        # Bind only the forms the person was filling in; is_valid() fills the form without
        # marking untouched fields as errors.
        if "claim_as_checked" in draft:
            forms["edit_form"] = ClaimEditForm(draft)
            forms["edit_form"].is_valid()
        if "explanation" in draft:
            forms["verdict_form"] = VerdictForm(draft)
            forms["verdict_form"].is_valid()
        if "body" in draft:
            forms["note_form"] = NoteForm(initial={"body": draft["body"]})
    forms.update(bound)
    # A retired rating stays visible on the verdict that has it; saving asks for a current one.
    shown = Q(is_active=True) | Q(pk=verdict.rating_id) if verdict and verdict.rating_id else Q(is_active=True)
    forms["verdict_form"].fields["rating"].queryset = Rating.objects.filter(shown)
    return {
        "claim": claim, "verdict": verdict, "links": links, "notes": notes, "corrections": corrections,
        "ratings": ratings, "active_ratings": [r for r in ratings if r.is_active],
        "actions": _actions(request.user, claim, verdict, len(links)),
        "history": _history(claim, ratings), "draft_restored": bool(draft), "locked_reason": _locked_reason(request.user, claim),
        "score_parts": score_parts(claim),
        "can_change": can_change(request.user), **forms,
    }


def _locked_reason(user: Any, claim: Claim) -> str:
    if not can_change(user):
        return "You can read this claim but not change it."
    if claim.status == ClaimStatus.PUBLISHED:
        return "This verdict is published: open a correction to change the claim, verdict or sources."
    if claim.status == ClaimStatus.DISMISSED:
        return "This claim is dismissed: restore it to work on it."
    return ""


def _render_claim(request: HttpRequest, claim: Claim, *, status: int = 200, **extra: Any) -> HttpResponse:
    """The claim panel alone for htmx; otherwise the article page with the panel open.

    Refusals keep their real status codes (400, 403, 409); the page's htmx-config swaps them in.
    """
    if wants_partial(request):
        context = _panel_context(request, claim, **extra)
        claim.current = context["verdict"]
        if request.method == "POST":
            # A change of status elsewhere in the list: the article's counts are swapped in too.
            context["status_counts"] = _status_counts(Claim.objects.filter(article_id=claim.article_id).values_list("status", flat=True))
            context["oob_counts"] = True
        return render(request, ARTICLE_TEMPLATE + "#claim-panel", {**context, "oob_item": True}, status=status)
    article = claim.article
    claims = _article_claims(article)
    selected = next((c for c in claims if c.pk == claim.pk), claim)
    candidates = [c for c in claims if c.pk != claim.pk and c.status not in {ClaimStatus.DISMISSED, ClaimStatus.PUBLISHED}]
    context = {**_article_context(request, article, claims), **_panel_context(request, claim, candidates=candidates, **extra),
               "selected": selected}
    return render(request, ARTICLE_TEMPLATE, context, status=status)


def _redirect(request: HttpRequest, url: str) -> HttpResponse:
    """After changes that move highlights around, htmx reloads the whole page at `url`."""
    if request.htmx:
        return HttpResponseClientRedirect(url)
    return redirect(url)


@require_GET
@vary_on_headers("HX-Request")
@workbench_view
def claim_detail(request: HttpRequest, pk: int) -> HttpResponse:
    claim = get_claim_for_user(request, pk)
    return _render_claim(request, claim)


def _done(request: HttpRequest, claim: Claim, message: str, *, reload: bool = False) -> HttpResponse:
    messages.success(request, message)
    if reload:
        return _redirect(request, reverse("review:claim", args=[claim.pk]))
    if request.htmx:
        return _render_claim(request, get_claim_for_user(request, claim.pk))
    return redirect("review:claim", claim.pk)


def _refused(request: HttpRequest, claim_pk: int, error: WorkflowError, **bound: Any) -> HttpResponse:
    """Show the refusal next to the person's own input, which is kept."""
    messages.error(request, error.message)
    claim = get_claim_for_user(request, claim_pk)
    status = 403 if isinstance(error, NotAllowed) else 409 if isinstance(error, VersionConflict) else 400
    return _render_claim(request, claim, status=status, **bound)


def _conflict(request: HttpRequest, error: VersionConflict, form_name: str, form_class, theirs: dict[str, Any]) -> HttpResponse:
    """Keep the person's text, move their form to the current version and show both side by side."""
    data = request.POST.copy()
    data["version"] = str(error.current.version)
    form = form_class(data)
    form.is_valid()
    conflict = {"form": form_name, "theirs": theirs}
    return _refused(request, error.current.pk, error, **{form_name: form, "conflict": conflict})


def _invalid(request: HttpRequest, claim: Claim, **bound: Any) -> HttpResponse:
    messages.error(request, "Nothing was saved: correct the fields marked below.")
    return _render_claim(request, claim, status=400, **bound)


def _stash_draft(request: HttpRequest, pk: int) -> None:
    drafts = request.session.get(DRAFTS_KEY, {})
    drafts[str(pk)] = {name: request.POST[name] for name in DRAFT_FIELDS if name in request.POST}
    request.session[DRAFTS_KEY] = drafts


def _pop_draft(request: HttpRequest, claim: Claim) -> dict[str, str] | None:
    drafts = request.session.get(DRAFTS_KEY)
    if not drafts or str(claim.pk) not in drafts:
        return None
    draft = drafts.pop(str(claim.pk))
    request.session[DRAFTS_KEY] = drafts
    return draft


def keeps_draft(view):
    """A signed-out person's claim text is kept in the session; after signing in they land back on it."""

    @wraps(view)
    def wrapper(request: HttpRequest, pk: int, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method == "POST" and not request.user.is_authenticated:
            _stash_draft(request, pk)
            return login_redirect(request, reverse("review:claim", args=[pk]))
        return view(request, pk, *args, **kwargs)

    return wrapper


@require_POST
@keeps_draft
@workbench_view
def edit_claim(request: HttpRequest, pk: int) -> HttpResponse:
    claim = get_claim_for_user(request, pk, write=True)
    form = ClaimEditForm(request.POST)
    if not form.is_valid():
        return _invalid(request, claim, edit_form=form)
    data = form.cleaned_data
    try:
        claim = workflow.update_claim(
            claim, request.user, expected_version=data["version"],
            claim_as_checked=data["claim_as_checked"], kind=data["kind"], claimant=data["claimant"],
        )
    except VersionConflict as error:
        current = error.current
        return _conflict(request, error, "edit_form", ClaimEditForm, {
            "Claim as checked": current.claim_as_checked, "Kind": current.get_kind_display(), "Claimant": current.claimant,
        })
    except WorkflowError as error:
        return _refused(request, pk, error, edit_form=form)
    return _done(request, claim, "Claim saved.")


@require_POST
@keeps_draft
@workbench_view
def save_verdict(request: HttpRequest, pk: int) -> HttpResponse:
    claim = get_claim_for_user(request, pk, write=True)
    form = VerdictForm(request.POST)
    if not form.is_valid():
        return _invalid(request, claim, verdict_form=form)
    data = form.cleaned_data
    try:
        claim = workflow.save_verdict_draft(
            claim, request.user, expected_version=data["version"], rating=data["rating"], explanation=data["explanation"]
        )
    except VersionConflict as error:
        verdict = workflow.current_verdict(error.current)
        return _conflict(request, error, "verdict_form", VerdictForm, {
            "Rating": str(verdict.rating) if verdict and verdict.rating else "not rated",
            "Explanation": verdict.explanation if verdict else "",
        })
    except WorkflowError as error:
        return _refused(request, pk, error, verdict_form=form)
    return _done(request, claim, "Verdict draft saved.")


@require_POST
@workbench_view
def preview_markdown(request: HttpRequest) -> HttpResponse:
    text = request.POST.get("explanation", "")[:20000]
    html = render_markdown(text) if text.strip() else ""
    return render(request, "factcheck/review/_preview.html", {"html": html})


@require_GET
@vary_on_headers("HX-Request")
@workbench_view
def search_sources(request: HttpRequest, pk: int) -> HttpResponse:
    claim = get_claim_for_user(request, pk)
    query = " ".join(request.GET.get("q", "").split())[:200]
    results: list[Source] = []
    if query:
        sources = Source.objects.all()
        for word in query.split()[:6]:
            sources = sources.filter(Q(title__icontains=word) | Q(publisher__icontains=word) | Q(url__icontains=word))
        results = list(sources.exclude(claim_sources__claim=claim).order_by("-created_at")[:15])
    context = {"claim": claim, "results": results, "query": query, "version": claim.version}
    if wants_partial(request):
        return render(request, "factcheck/review/_source_results.html", context)
    return _render_claim(request, claim, source_results=results, source_query=query)


@require_POST
@workbench_view
def attach_source(request: HttpRequest, pk: int) -> HttpResponse:
    claim = get_claim_for_user(request, pk, write=True)
    form = AttachSourceForm(request.POST)
    if not form.is_valid():
        return _invalid(request, claim, attach_form=form)
    data = form.cleaned_data
    try:
        claim = workflow.attach_source(claim, request.user, expected_version=data["version"], source=data["source"], note=data["note"])
    except WorkflowError as error:
        return _refused(request, pk, error, attach_form=AttachSourceForm(initial={"version": getattr(error, "current", claim).version}))
    return _done(request, claim, f"Source “{data['source'].title}” attached.")


@require_POST
@workbench_view
def new_source(request: HttpRequest, pk: int) -> HttpResponse:
    claim = get_claim_for_user(request, pk, write=True)
    form = NewSourceForm(request.POST)
    if not form.is_valid():
        return _invalid(request, claim, source_form=form, source_open=True)
    data = form.cleaned_data
    from django.db import transaction

    try:
        with transaction.atomic():
            source = form.save(commit=False)
            source.created_by = request.user
            source.save()
            claim = workflow.attach_source(claim, request.user, expected_version=data["version"], source=source, note=data["note"])
    except VersionConflict as error:
        data_copy = request.POST.copy()
        data_copy["version"] = str(error.current.version)
        return _refused(request, pk, error, source_form=NewSourceForm(data_copy), source_open=True)
    except WorkflowError as error:
        return _refused(request, pk, error, source_form=NewSourceForm(request.POST), source_open=True)
    return _done(request, claim, f"Source “{source.title}” added and attached.")


@require_POST
@workbench_view
def detach_source(request: HttpRequest, pk: int, source_pk: int) -> HttpResponse:
    claim = get_claim_for_user(request, pk, write=True)
    source = get_source_for_user(request, source_pk)
    form = ReasonForm({"version": request.POST.get("version"), "reason": "-"})
    if not form.is_valid():
        messages.error(request, "The form is missing the claim's version: reload the page and try again.")
        return _render_claim(request, claim, status=400)
    try:
        claim = workflow.detach_source(claim, request.user, expected_version=form.cleaned_data["version"], source=source)
    except WorkflowError as error:
        return _refused(request, pk, error)
    return _done(request, claim, f"Source “{source.title}” removed.")


@require_POST
@keeps_draft
@workbench_view
def add_note(request: HttpRequest, pk: int) -> HttpResponse:
    claim = get_claim_for_user(request, pk, write=True)
    form = NoteForm(request.POST)
    if not form.is_valid():
        return _invalid(request, claim, note_form=form)
    try:
        workflow.add_note(claim, request.user, form.cleaned_data["body"])
    except WorkflowError as error:
        return _refused(request, pk, error, note_form=form)
    return _done(request, claim, "Note added.")


@require_POST
@workbench_view
def assign_claim(request: HttpRequest, pk: int) -> HttpResponse:
    claim = get_claim_for_user(request, pk, write=True)
    form = AssignForm(request.POST)
    if not form.is_valid():
        return _invalid(request, claim, assign_form=form)
    assignee = form.cleaned_data["assignee"]
    try:
        claim = workflow.assign(claim, request.user, expected_version=form.cleaned_data["version"], assignee=assignee)
    except WorkflowError as error:
        return _refused(request, pk, error)
    return _done(request, claim, f"Assigned to {assignee}." if assignee else "Nobody is assigned now.")


TRANSITIONS = {
    "start": (workflow.start_research, "Research started."),
    "submit": (workflow.submit_for_review, "Sent to review: an Editor will approve it."),
    "return": (workflow.return_to_research, "Sent back to research."),
    "approve": (workflow.approve, "Approved: it can be published now."),
    "publish": (workflow.publish, "Published: the verdict is on the public ledger."),
    "restore": (workflow.restore, "Restored: the claim is new again."),
    "unpublish": (workflow.unpublish, "Unpublished: the withdrawal is in the corrections log."),
    "correct": (workflow.open_correction, "Correction opened: the published verdict stays public until the new one is published."),
}


@require_POST
@workbench_view
def transition(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    if action not in TRANSITIONS:
        raise Http404("No such action.")
    claim = get_claim_for_user(request, pk, write=True)
    function, message = TRANSITIONS[action]
    needs_reason = action in {"unpublish", "correct"}
    form = ReasonForm(request.POST) if needs_reason else ReasonForm({"version": request.POST.get("version"), "reason": "-"})
    if not form.is_valid():
        return _invalid(request, claim, reason_form=form, reason_action=action)
    kwargs = {"reason": form.cleaned_data["reason"]} if needs_reason else {}
    try:
        claim = function(claim, request.user, expected_version=form.cleaned_data["version"], **kwargs)
    except WorkflowError as error:
        bound = {"reason_form": form, "reason_action": action} if needs_reason else {}
        return _refused(request, pk, error, **bound)
    return _done(request, claim, message, reload=action == "restore")


@require_POST
@workbench_view
def dismiss_claim(request: HttpRequest, pk: int) -> HttpResponse:
    claim = get_claim_for_user(request, pk, write=True)
    form = DismissForm(request.POST)
    if not form.is_valid():
        return _invalid(request, claim, dismiss_form=form)
    try:
        claim = workflow.dismiss(claim, request.user, expected_version=form.cleaned_data["version"], reason=form.cleaned_data["reason"])
    except WorkflowError as error:
        return _refused(request, pk, error, dismiss_form=form)
    return _done(request, claim, f"Dismissed as “{claim.get_dismissal_reason_display()}”.", reload=True)


@require_POST
@workbench_view
def merge_claim(request: HttpRequest, pk: int) -> HttpResponse:
    claim = get_claim_for_user(request, pk, write=True)
    form = MergeForm(request.POST, claim=claim)
    if not form.is_valid():
        return _invalid(request, claim, merge_form=form)
    other = form.cleaned_data["other"]
    try:
        claim = workflow.merge_claims(
            claim, other, request.user, expected_version=form.cleaned_data["version"],
            other_version=form.cleaned_data["other_version"],
        )
    except WorkflowError as error:
        return _refused(request, pk, error)
    return _done(request, claim, f"Claim #{other.pk} merged into this one; it is dismissed as a duplicate.", reload=True)


@require_POST
@workbench_view
def split_claim(request: HttpRequest, pk: int) -> HttpResponse:
    claim = get_claim_for_user(request, pk, write=True)
    form = SplitForm(request.POST, claim=claim)
    if not form.is_valid():
        return _invalid(request, claim, split_form=form)
    try:
        claim, second = workflow.split_claim(claim, request.user, expected_version=form.cleaned_data["version"], at=form.cleaned_data["at"])
    except WorkflowError as error:
        return _refused(request, pk, error, split_form=form)
    return _done(request, claim, f"Split in two: the second part is claim #{second.pk}.", reload=True)


urlpatterns = [
    path("", queue, name="queue"),
    path("import/", import_paste, name="import"),
    path("import/upload/", import_upload, name="import-upload"),
    path("import/fetch/", import_fetch, name="import-fetch"),
    path("preview/", preview_markdown, name="preview"),
    path("articles/<int:pk>/", article_detail, name="article"),
    path("articles/<int:pk>/claims/", add_claim, name="add-claim"),
    path("claims/<int:pk>/", claim_detail, name="claim"),
    path("claims/<int:pk>/edit/", edit_claim, name="edit-claim"),
    path("claims/<int:pk>/verdict/", save_verdict, name="save-verdict"),
    path("claims/<int:pk>/sources/search/", search_sources, name="search-sources"),
    path("claims/<int:pk>/sources/attach/", attach_source, name="attach-source"),
    path("claims/<int:pk>/sources/new/", new_source, name="new-source"),
    path("claims/<int:pk>/sources/<int:source_pk>/detach/", detach_source, name="detach-source"),
    path("claims/<int:pk>/notes/", add_note, name="add-note"),
    path("claims/<int:pk>/assign/", assign_claim, name="assign"),
    path("claims/<int:pk>/dismiss/", dismiss_claim, name="dismiss"),
    path("claims/<int:pk>/merge/", merge_claim, name="merge"),
    path("claims/<int:pk>/split/", split_claim, name="split"),
    path("claims/<int:pk>/<slug:action>/", transition, name="transition"),
]
