"""Intake: a contact recorded by a front-door worker, a contact's page, and a partner's
multi-agency referral with the outcomes they may see.

Routes (mounted under /front-door/):
  contacts/new/                contact_new       contact.record  find the child, then the form
  contacts/<contact_pk>/       contact           contact.view    details, completeness, children
  refer/                       refer             contact.submit  a partner's referral form
  referred/                    referred          contact.own     a partner's referrals
  referred/<contact_pk>/       referred_detail   contact.own     what they referred, outcomes
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone

from lantern.accounts.permissions import has_perm, requires
from lantern.front_door import completeness
from lantern.front_door.forms.intake import (
    MAX_CHILDREN,
    ChildSearchForm,
    ContactForm,
    ReferralChildForm,
    ReferralForm,
    source_for_organisation,
)
from lantern.front_door.presenters import partner_outcome, status_tag, time_left
from lantern.front_door.selectors import (
    contact_get_for,
    contacts_submitted_by,
    submitted_contact_get_for,
)
from lantern.front_door.services import contact_create, partner_referral_submit
from lantern.front_door.services.exploitation import siblings_of
from lantern.people.matching.search import search
from lantern.people.models import Address
from lantern.people.selectors import RestrictedRecord, people_searchable_by
from lantern.people.views.common import get_person_or_break_glass, log_record_view

# The session key that tells the referral's page to show the confirmation panel once.
SENT_KEY = "front_door_referral_sent"


def _born(person) -> str:
    if person.date_of_birth:
        return f"born {person.date_of_birth:%-d %b %Y}"
    if person.expected_date_of_birth:
        return f"due {person.expected_date_of_birth:%-d %b %Y}"
    return "date of birth not known"


@requires("contact.record")
def contact_new_view(request):
    if "child" not in request.GET:
        return _child_search(request)
    person, redirect_response = get_person_or_break_glass(request, request.GET["child"])
    if redirect_response:
        return redirect_response
    if person.merged_into_id:
        return redirect(f"{reverse('front_door:contact_new')}?child={person.merged_into_id}")
    others = siblings_of(person, today=timezone.localdate())
    now = timezone.localtime()
    form = ContactForm(
        request.POST or None,
        others=[(str(p.pk), f"{p.full_name}, {_born(p)} ({p.person_id})") for p in others],
        initial={"received_date": now.date(), "received_time": now.strftime("%H:%M")},
    )
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        chosen = set(d.get("others", []))
        children = [person, *(p for p in others if str(p.pk) in chosen)]
        try:
            contact = contact_create(
                by=request.user,
                children=children,
                received_at=d["received_at"],
                channel=d["channel"],
                source=d["source"],
                referrer=form.referrer(),
                **form.concern_fields(),
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            names = ", ".join(c.full_name for c in children)
            messages.success(request, f"Contact {contact.reference} recorded about {names}")
            return redirect("front_door:contact", contact_pk=contact.pk)
    return render(request, "front_door/contact_form.html", {"form": form, "person": person})


def _child_search(request):
    form = ChildSearchForm(request.GET or None)
    results = None
    if request.GET and form.is_valid():
        results = search(
            name=form.cleaned_data["name"],
            dob=form.cleaned_data["dob"],
            limit=20,
            queryset=people_searchable_by(user=request.user),
        )
    return render(
        request,
        "front_door/contact_new.html",
        {
            "form": form,
            "results": results,
            "can_create": has_perm(request.user, "person.create"),
        },
    )


@requires("contact.view")
def contact_view(request, contact_pk):
    try:
        contact = contact_get_for(user=request.user, pk=contact_pk)
    except RestrictedRecord as restricted:
        return redirect("people:break_glass", pk=restricted.person.pk)
    items = list(contact.children.select_related("person", "decision").order_by("id"))
    people = [item.person for item in items]
    for person in people:
        log_record_view(request, person, via="front door")
    with_address = set(
        Address.objects.filter(person__in=people, to_date__isnull=True).values_list(
            "person_id", flat=True
        )
    )
    for person in people:
        person.has_address = person.pk in with_address
    now = timezone.now()
    rows = [
        {
            "item": item,
            "status": status_tag(item),
            "time_left": time_left(item.decision_due_at, now=now) if item.is_open else None,
        }
        for item in items
    ]
    categories = [c.get_category_display() for c in contact.concerns.all()]
    return render(
        request,
        "front_door/contact.html",
        {
            "contact": contact,
            "rows": rows,
            "categories": categories,
            "missing": completeness.missing(contact=contact, children=people),
            "score": completeness.score(contact=contact, children=people),
        },
    )


@requires("contact.submit")
def refer_view(request):
    user = request.user
    data = request.POST if request.method == "POST" else None
    form = ReferralForm(
        data,
        initial={
            "referrer_organisation": user.organisation,
            "referrer_name": user.get_full_name(),
            "referrer_email": user.email,
            "source": source_for_organisation(user.organisation),
        },
    )
    children = [ReferralChildForm(data, number=n) for n in range(1, MAX_CHILDREN + 1)]
    if data is not None:
        valid = [f.is_valid() for f in [form, *children]]
        if all(valid):
            described = [c.child() for c in children if c.number == 1 or c.is_described()]
            try:
                contact = partner_referral_submit(
                    by=user,
                    children=described,
                    source=form.cleaned_data["source"],
                    referrer=form.referrer(),
                    **form.concern_fields(),
                )
            except ValidationError as error:
                form.add_service_errors(error)
            else:
                request.session[SENT_KEY] = contact.pk
                return redirect("front_door:referred_detail", contact_pk=contact.pk)
    errors = form.error_summary() + [e for c in children for e in c.error_summary()]
    return render(
        request,
        "front_door/refer.html",
        {"form": form, "children": children, "errors": errors},
    )


@requires("contact.own")
def referred_view(request):
    page = Paginator(contacts_submitted_by(user=request.user), 50).get_page(request.GET.get("page"))
    now = timezone.now()
    rows = [
        {
            "contact": contact,
            "children": [
                {"name": item.name_for_referrer, "outcome": partner_outcome(item, now=now)}
                for item in contact.children.all()
            ],
        }
        for contact in page
    ]
    return render(request, "front_door/referred.html", {"page": page, "rows": rows})


@requires("contact.own")
def referred_detail_view(request, contact_pk):
    contact = submitted_contact_get_for(user=request.user, pk=contact_pk)
    sent = request.session.get(SENT_KEY) == contact.pk
    if sent:
        del request.session[SENT_KEY]
    now = timezone.now()
    children = [
        {"name": item.name_for_referrer, "outcome": partner_outcome(item, now=now)}
        for item in contact.children.all()
    ]
    return render(
        request,
        "front_door/referred_detail.html",
        {
            "contact": contact,
            "children": children,
            "categories": [c.get_category_display() for c in contact.concerns.all()],
            "sent": sent,
        },
    )


urlpatterns = [
    path("contacts/new/", contact_new_view, name="contact_new"),
    path("contacts/<int:contact_pk>/", contact_view, name="contact"),
    path("refer/", refer_view, name="refer"),
    path("referred/", referred_view, name="referred"),
    path("referred/<int:contact_pk>/", referred_detail_view, name="referred_detail"),
]
