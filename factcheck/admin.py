"""Editors' curation. Workflow changes go through `factcheck.workflow`, never raw field edits."""

from collections.abc import Callable

from django.contrib import admin, messages
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from factcheck import workflow
from factcheck.ingest import refresh_claims
from factcheck.models import (
    Article,
    Claim,
    ClaimSource,
    Correction,
    DismissalReason,
    Note,
    PublicSearchEntry,
    Rating,
    Source,
    Verdict,
)


class ClaimInline(admin.TabularInline):
    model = Claim
    fields = ["quote", "kind", "score", "status", "assignee"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True
    ordering = ["start"]

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).select_related("assignee")


@admin.register(Article)
class ArticleAdmin(SimpleHistoryAdmin):
    list_display = ["title", "outlet", "published_on", "language", "claim_count", "imported_at"]
    list_filter = ["outlet", "language", "published_on"]
    search_fields = ["title", "outlet", "author", "url"]
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "published_on"
    readonly_fields = ["content_hash", "imported_by", "imported_at", "updated_at"]
    inlines = [ClaimInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).annotate(claim_count=Count("claims"))

    @admin.display(description="claims", ordering="claim_count")
    def claim_count(self, article: Article) -> int:
        return article.claim_count

    def save_model(self, request: HttpRequest, obj: Article, form, change: bool) -> None:
        if not change:
            obj.imported_by = request.user
        super().save_model(request, obj, form, change)
        if not change or "body" in form.changed_data:
            report = refresh_claims(obj)
            self.message_user(
                request,
                f"Claims extracted: {report.created} new, {report.updated} refreshed, {report.removed} removed, "
                f"{report.kept} kept; {len(report.lost_anchor)} need re-anchoring.",
                messages.WARNING if report.lost_anchor else messages.INFO,
            )


class ClaimSourceInline(admin.TabularInline):
    model = ClaimSource
    fields = ["source", "note", "order"]
    autocomplete_fields = ["source"]
    extra = 0


class NoteInline(admin.StackedInline):
    model = Note
    fields = ["body", "author", "created_at"]
    readonly_fields = ["author", "created_at"]
    extra = 0

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).select_related("author")


class VerdictInline(admin.TabularInline):
    model = Verdict
    fields = ["number", "is_current", "rating", "author", "approved_by", "approved_at", "published_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).select_related("rating", "author", "approved_by")


def _run_on_each(
    modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet, verb: str, step: Callable[[Claim], object]
) -> None:
    """Apply a workflow step claim by claim and report each refusal with its reason."""
    done = 0
    for claim in queryset:
        try:
            step(claim)
        except workflow.WorkflowError as error:
            modeladmin.message_user(request, f"Claim {claim.pk} (“{claim}”) not {verb}: {error.message}", messages.WARNING)
        else:
            done += 1
    if done:
        modeladmin.message_user(request, f"{done} claim(s) {verb}.", messages.SUCCESS)


@admin.register(Claim)
class ClaimAdmin(SimpleHistoryAdmin):
    list_display = ["short_quote", "article", "kind", "score", "status", "rating", "assignee", "updated_at"]
    list_filter = ["status", "kind", "origin", "needs_reanchoring", "published_verdict__rating", "article__outlet"]
    list_select_related = ["article", "assignee", "published_verdict__rating"]
    search_fields = ["quote", "claim_as_checked", "claimant", "article__title"]
    autocomplete_fields = ["article", "assignee"]
    readonly_fields = [
        "status", "dismissal_reason", "published_verdict", "first_published_at", "version",
        "created_at", "updated_at", "origin",
    ]
    fieldsets = [
        (None, {"fields": ["article", "claim_as_checked", "claimant", "kind", "score", "assignee"]}),
        ("Anchor in the article", {"fields": ["quote", "start", "end", "prefix", "suffix", "sentence_start", "sentence_end", "needs_reanchoring"]}),
        ("Workflow", {"fields": readonly_fields}),
    ]
    inlines = [VerdictInline, ClaimSourceInline, NoteInline]
    actions = ["publish_claims", "unpublish_claims", "dismiss_claims", "assign_to_me"]

    @admin.display(description="quote", ordering="quote")
    def short_quote(self, claim: Claim) -> str:
        return claim.quote if len(claim.quote) <= 80 else claim.quote[:79] + "…"

    @admin.display(description="published rating", ordering="published_verdict__rating__order")
    def rating(self, claim: Claim) -> str:
        return str(claim.published_verdict.rating) if claim.published_verdict else "—"

    def save_model(self, request: HttpRequest, obj: Claim, form, change: bool) -> None:
        if change and obj.is_public and {"claim_as_checked", "claimant"} & set(form.changed_data):
            # The public sees the approved snapshot; the edit waits for the next correction.
            self.message_user(request, "The claim is published: the public page keeps the approved wording until a correction is published.", messages.INFO)
        if change:
            obj.version += 1
        super().save_model(request, obj, form, change)
        if change and obj.is_public and "quote" in form.changed_data:
            PublicSearchEntry.sync(obj)

    @admin.action(description="Publish selected approved claims", permissions=["publish"])
    def publish_claims(self, request: HttpRequest, queryset: QuerySet) -> None:
        _run_on_each(self, request, queryset, "published",
                     lambda c: workflow.publish(c, request.user, expected_version=c.version))

    @admin.action(description="Unpublish selected claims", permissions=["publish"])
    def unpublish_claims(self, request: HttpRequest, queryset: QuerySet) -> None:
        reason = f"Withdrawn by the editors ({request.user.get_username()}) pending review."
        _run_on_each(self, request, queryset, "unpublished",
                     lambda c: workflow.unpublish(c, request.user, expected_version=c.version, reason=reason))

    @admin.action(description="Dismiss selected claims as not check-worthy", permissions=["change"])
    def dismiss_claims(self, request: HttpRequest, queryset: QuerySet) -> None:
        _run_on_each(self, request, queryset, "dismissed",
                     lambda c: workflow.dismiss(c, request.user, expected_version=c.version, reason=DismissalReason.NOT_CHECKWORTHY))

    @admin.action(description="Assign selected claims to me", permissions=["change"])
    def assign_to_me(self, request: HttpRequest, queryset: QuerySet) -> None:
        _run_on_each(self, request, queryset, "assigned to you",
                     lambda c: workflow.assign(c, request.user, expected_version=c.version, assignee=request.user))

    def has_publish_permission(self, request: HttpRequest) -> bool:
        return workflow.can_publish(request.user)


@admin.register(Verdict)
class VerdictAdmin(SimpleHistoryAdmin):
    list_display = ["claim", "number", "is_current", "rating", "author", "approved_by", "published_at"]
    list_filter = ["is_current", "rating", "published_at"]
    list_select_related = ["claim", "rating", "author", "approved_by"]
    search_fields = ["claim__quote", "claim__claim_as_checked", "explanation"]
    readonly_fields = ["claim", "number", "is_current", "author", "approved_by", "approved_at", "published_at",
                       "claim_as_checked", "claimant"]
    fields = readonly_fields + ["rating", "explanation"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # verdicts are written on the workbench, through the workflow

    def has_change_permission(self, request: HttpRequest, obj: Verdict | None = None) -> bool:
        # Published or approved verdicts are the record: change them only through a correction.
        if obj is not None and (obj.published_at or obj.approved_at):
            return False
        return super().has_change_permission(request, obj)


@admin.register(Rating)
class RatingAdmin(SimpleHistoryAdmin):
    list_display = ["label", "slug", "value", "colour", "order", "is_active"]
    list_editable = ["order", "is_active"]
    prepopulated_fields = {"slug": ["label"]}
    search_fields = ["label"]


@admin.register(Source)
class SourceAdmin(SimpleHistoryAdmin):
    list_display = ["title", "publisher", "kind", "published_on", "accessed_on", "claim_count"]
    list_filter = ["kind", "publisher"]
    search_fields = ["title", "publisher", "url", "excerpt"]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).annotate(claim_count=Count("claim_sources"))

    @admin.display(description="claims", ordering="claim_count")
    def claim_count(self, source: Source) -> int:
        return source.claim_count


@admin.register(Note)
class NoteAdmin(SimpleHistoryAdmin):
    list_display = ["claim", "author", "created_at"]
    list_select_related = ["claim", "author"]
    search_fields = ["body", "claim__quote"]
    autocomplete_fields = ["claim"]
    readonly_fields = ["author"]

    def save_model(self, request: HttpRequest, obj: Note, form, change: bool) -> None:
        if not change:
            obj.author = request.user
        super().save_model(request, obj, form, change)


@admin.register(Correction)
class CorrectionAdmin(SimpleHistoryAdmin):
    list_display = ["claim", "what_changed", "author", "created_at", "published_at"]
    list_filter = ["published_at"]
    list_select_related = ["claim", "author"]
    search_fields = ["what_changed", "reason", "claim__quote"]
    readonly_fields = ["claim", "verdict", "author", "created_at", "published_at"]


admin.site.site_header = "factcheck curation"
admin.site.site_title = "factcheck admin"
admin.site.index_title = "Curation"


from factcheck.models import Page  # noqa: E402 - the public ledger's pages, registered last


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
    """Methodology and corrections policy: public text, Markdown."""

    list_display = ["title", "slug", "updated_at"]
    search_fields = ["title", "body"]
    readonly_fields = ["updated_at"]

    def get_readonly_fields(self, request: HttpRequest, obj: Page | None = None) -> list[str]:
        # Public URLs depend on the slug: keep it once the page exists.
        return [*self.readonly_fields, "slug"] if obj else self.readonly_fields
