"""Install the methodology and corrections-policy pages (IFCN-style defaults, editable in the admin)."""

from django.db import migrations

METHODOLOGY = """\
We check statements of fact that a reader could verify with evidence: numbers, dates, records,
events and quotes. We do not rate opinions, predictions or rhetoric.

### How we choose claims
Claims are found in published articles and debate transcripts. We prioritise claims that are
specific, that many people have seen, and that matter for public decisions. We check claims from
every side in the same way; who made a claim never decides whether we check it.

### How we check
1. We write down the claim as checked: one self-contained sentence, with who said it and when.
2. We look for the best available evidence, starting with primary sources (official statistics,
   laws, court documents, transcripts) and asking the person or organisation that made the claim
   for their source.
3. We consult experts where the evidence needs interpretation, and say so.
4. Every verdict is written by one person and approved by a second, senior editor before it is
   published (four eyes).

### Our rating scale
Each verdict carries one rating from our scale, from *True* to *False*, or *Unverifiable* when there
is not enough public evidence either way. The meaning of each rating is shown next to every verdict.

### Sources
Every verdict lists the sources it relies on, with links and, where possible, an archived copy,
so that readers can check our work.

### Independence and funding
We are non-partisan. We disclose our funding and our organisation's ownership on our website, and
no funder has a say in what we check or how we rate it.
"""

CORRECTIONS_POLICY = """\
We correct our mistakes openly and quickly.

### How to ask for a correction
If you think a verdict is wrong or incomplete, write to us with a link to the verdict and the
evidence. We answer every request, usually within two working days.

### What happens next
- If a verdict needs to change, an editor opens a correction. The published verdict stays online
  until the corrected one has been checked and approved by a second editor.
- When the corrected verdict is published, the verdict page shows a dated entry in its
  **corrections log**: what changed (for example the rating, the wording or the explanation) and why.
- If we withdraw a verdict entirely, the log says so and why.
- Corrected verdicts also appear in our Atom feed, so anyone who republished our verdict can update it.

### What we do not do
We never silently change a published rating or delete a verdict. Typos that do not change the
meaning may be fixed without a log entry.
"""

PAGES = [
    ("methodology", "Methodology", METHODOLOGY),
    ("corrections-policy", "Corrections policy", CORRECTIONS_POLICY),
]


def install(apps, schema_editor):
    Page = apps.get_model("factcheck", "Page")
    for slug, title, body in PAGES:
        Page.objects.get_or_create(slug=slug, defaults={"title": title, "body": body})


def remove(apps, schema_editor):
    apps.get_model("factcheck", "Page").objects.filter(slug__in=[slug for slug, _, _ in PAGES]).delete()


class Migration(migrations.Migration):
    dependencies = [("factcheck", "0003_page")]
    operations = [migrations.RunPython(install, remove)]
