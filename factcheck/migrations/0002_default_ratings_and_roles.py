"""Install the default rating scale and the Reviewer and Editor roles."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

RATINGS = [
    # label, slug, value, colour, description
    ("True", "true", 6, "#1a7f37", "The claim is accurate and nothing significant is missing."),
    ("Mostly true", "mostly-true", 5, "#4d9a3a", "The claim is accurate but needs clarification or additional information."),
    ("Half true", "half-true", 4, "#b08800", "The claim is partially accurate but leaves out important details or takes things out of context."),
    ("Misleading", "misleading", 3, "#bc4c00", "The claim contains accurate elements but creates a false impression."),
    ("Mostly false", "mostly-false", 2, "#d1242f", "The claim contains an element of truth but ignores critical facts."),
    ("False", "false", 1, "#a40e26", "The claim is not accurate."),
    ("Unverifiable", "unverifiable", None, "#6e7781", "There is not enough public evidence to prove or disprove the claim."),
]

REVIEWER_PERMISSIONS = [
    "view_article", "add_article", "change_article",
    "view_claim", "add_claim", "change_claim",
    "view_verdict", "add_verdict", "change_verdict",
    "view_source", "add_source", "change_source",
    "view_claimsource", "add_claimsource", "change_claimsource", "delete_claimsource",
    "view_note", "add_note",
    "view_rating", "view_correction",
]
EDITOR_PERMISSIONS = REVIEWER_PERMISSIONS + [
    "approve_claim", "publish_claim",
    "add_rating", "change_rating",
    "change_correction", "change_note", "delete_note",
]


def install(apps, schema_editor):
    Rating = apps.get_model("factcheck", "Rating")
    for order, (label, slug, value, colour, description) in enumerate(RATINGS, start=1):
        Rating.objects.get_or_create(
            slug=slug, defaults={"label": label, "value": value, "colour": colour, "description": description, "order": order}
        )
    # Permissions are normally created after all migrations; roles need them now.
    app_config = apps.get_app_config("factcheck")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in [("Reviewer", REVIEWER_PERMISSIONS), ("Editor", EDITOR_PERMISSIONS)]:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*Permission.objects.filter(content_type__app_label="factcheck", codename__in=codenames))


def remove(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Reviewer", "Editor"]).delete()
    apps.get_model("factcheck", "Rating").objects.filter(slug__in=[r[1] for r in RATINGS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("factcheck", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(install, remove)]
