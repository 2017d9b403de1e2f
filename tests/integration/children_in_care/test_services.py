"""The children in care services: starting and ending a period of care, changes of legal
status and placement, removing a change recorded in error, carers; refusals save nothing;
every write leaves an audit event, and the child's chronology shows starts, ends, moves and
status changes; a stale version is refused."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from lantern.accounts.roles import Role
from lantern.children_in_care.models import Carer, LegalStatus, PeriodOfCare, Placement
from lantern.children_in_care.services import (
    care_end,
    care_start,
    carer_add,
    legal_status_change,
    legal_status_remove,
    placement_change,
    placement_remove,
)
from lantern.common.errors import ConcurrentEditError
from lantern.common.models import AuditEvent
from lantern.people.models import ChronologyEntry
from tests.factories.children_in_care import (
    change_status,
    days_ago,
    end_care,
    make_carer,
    move,
    start_care,
)

pytestmark = pytest.mark.django_db
d = datetime.date
TODAY = timezone.localdate()


def messages(error) -> dict[str, list[str]]:
    return error.value.message_dict


def care_entries(child) -> list[str]:
    return list(
        ChronologyEntry.objects.filter(person=child, kind="care")
        .order_by("occurred_on", "id")
        .values_list("summary", flat=True)
    )


def nothing_saved():
    assert not PeriodOfCare.objects.exists()
    assert not LegalStatus.objects.exists()
    assert not Placement.objects.exists()
    assert not AuditEvent.objects.filter(action__startswith="care.").exclude(
        action="care.carer_added"
    )
    assert not ChronologyEntry.objects.filter(kind="care").exists()


# -- starting --------------------------------------------------------------------------------


def test_care_start_records_the_period_its_first_status_and_placement(social_worker, child):
    carer = make_carer(social_worker)
    period = care_start(
        by=social_worker,
        person=child,
        start_date=d(2026, 6, 1),
        legal_status="V2",
        cin="N1",
        home_postcode="dn31 1hu",
        placement={"place": "U6", "carer": carer},
    )
    assert (period.start_date, period.category_of_need, period.home_postcode) == (
        d(2026, 6, 1),
        "N1",
        "DN31 1HU",
    )
    assert period.is_open and period.version == 1 and period.created_by == social_worker
    [status] = period.legal_statuses.all()
    assert (status.code, status.start_date) == ("V2", d(2026, 6, 1))
    [placement] = period.placements.all()
    # The provider and postcode come from the carer.
    assert (placement.place, placement.provider, placement.carer, placement.postcode) == (
        "U6",
        "PR1",
        carer,
        "DN32 7AA",
    )
    event = AuditEvent.objects.get(action="care.started")
    assert event.person == child and event.actor == social_worker and event.target == period
    assert event.detail["legal_status"] == "V2" and event.detail["place"] == "U6"
    assert care_entries(child) == [
        "Started to be looked after: Single period of accommodation under section 20 (V2); "
        "foster placement with other foster carer(s): not long-term or for adoption (U6) "
        "with Sam and Alex Kerr"
    ]


def test_care_start_takes_the_urn_only_where_the_placement_type_has_one(
    social_worker, child, person_maker
):
    home = make_carer(
        social_worker,
        name="Oaks children's home",
        kind="residential",
        provider="PR4",
        ofsted_urn="sc123456",
        postcode="DN33 2AB",
    )
    period = start_care(social_worker, child, place="K2", carer=home)
    assert period.placements.get().urn == "SC123456"
    other = start_care(social_worker, person_maker(), place="R1", carer=home)
    assert other.placements.get().urn == ""  # no URN for R1 (rule 222)


def test_care_start_with_bad_input_names_each_problem_and_saves_nothing(social_worker, child):
    with pytest.raises(ValidationError) as error:
        care_start(
            by=social_worker,
            person=child,
            start_date=None,
            legal_status="C9",
            cin="N9",
            home_postcode="XYZ",
            placement={"place": "", "postcode": "NOT A POSTCODE"},
        )
    assert messages(error) == {
        "start_date": ["Enter the date the child started to be looked after"],
        "legal_status": ["Select the child's legal status"],
        "cin": ["Select the category of need"],
        "home_postcode": ["Enter a real UK postcode, like DN31 1HU"],
        "place": ["Select the type of placement"],
        "carer": ["Select who the child will live with"],
        "postcode": ["Enter a real UK postcode, like DN31 1HU"],
    }
    nothing_saved()


def test_care_start_checks_the_postcode_and_saves_nothing(social_worker, child):
    carer = make_carer(social_worker)
    with pytest.raises(ValidationError) as error:
        start_care(social_worker, child, carer=carer, postcode="NOT A POSTCODE")
    assert messages(error) == {"postcode": ["Enter a real UK postcode, like DN31 1HU"]}
    nothing_saved()


def test_care_start_refused_in_the_future(social_worker, child):
    with pytest.raises(ValidationError) as error:
        start_care(social_worker, child, start_date=TODAY + datetime.timedelta(days=1))
    assert messages(error) == {
        "start_date": ["The date the child started to be looked after must be today or in the past"]
    }
    nothing_saved()


def test_care_start_refused_while_the_child_is_looked_after(social_worker, child):
    start_care(social_worker, child, start_date=days_ago(30))
    with pytest.raises(ValidationError, match="The child is already looked after"):
        start_care(social_worker, child, start_date=days_ago(2))
    assert PeriodOfCare.objects.count() == 1


def test_a_new_period_cannot_start_on_or_before_the_day_the_last_ended(social_worker, child):
    period = start_care(social_worker, child, start_date=d(2026, 3, 2))
    end_care(social_worker, period, d(2026, 4, 10), "E4A")
    with pytest.raises(ValidationError) as error:
        start_care(social_worker, child, start_date=d(2026, 4, 10))  # rule 432
    assert messages(error) == {
        "start_date": [
            "The child stopped being looked after on 10 April 2026: a new period of care must "
            "start on a later day"
        ]
    }
    with pytest.raises(ValidationError) as error:
        start_care(social_worker, child, start_date=d(2026, 4, 1))
    assert messages(error)["start_date"] == [
        "The child was looked after until 10 April 2026: a new period of care must start after that"
    ]
    again = start_care(social_worker, child, start_date=d(2026, 4, 11))
    assert again.is_open and PeriodOfCare.objects.filter(person=child).count() == 2


def test_care_cannot_start_on_or_after_the_18th_birthday(social_worker, person_maker):
    young_person = person_maker(date_of_birth=d(2008, 3, 15))
    with pytest.raises(ValidationError) as error:
        start_care(social_worker, young_person, start_date=d(2026, 3, 15))
    assert messages(error) == {
        "start_date": [
            "A young person cannot start to be looked after on or after their 18th birthday"
        ]
    }
    assert start_care(social_worker, young_person, start_date=d(2026, 3, 14)).is_open


def test_care_cannot_start_before_birth_or_without_a_date_of_birth(social_worker, person_maker):
    baby = person_maker(date_of_birth=d(2026, 5, 1))
    with pytest.raises(ValidationError) as error:
        start_care(social_worker, baby, start_date=d(2026, 4, 30))
    assert messages(error) == {
        "start_date": [
            "The date the child started to be looked after must be on or after their date of birth"
        ]
    }
    unknown = person_maker(date_of_birth=None)
    with pytest.raises(ValidationError, match="Record the child's date of birth"):
        start_care(social_worker, unknown)
    nothing_saved()


def test_care_cannot_start_in_a_temporary_placement(social_worker, child):
    with pytest.raises(ValidationError) as error:
        start_care(social_worker, child, place="T1", carer=None)
    assert messages(error) == {
        "place": ["A period of care cannot start with a temporary placement"]
    }  # rule 380


def test_placement_type_must_be_valid_for_the_collection_year(social_worker, child):
    carer = make_carer(social_worker)
    with pytest.raises(ValidationError) as error:
        start_care(social_worker, child, start_date=d(2026, 6, 1), place="H5", carer=carer)
    assert messages(error) == {
        "place": [
            "Placement type H5 cannot be used for a placement starting on 1 June 2026: select "
            "another type"
        ]
    }


def test_placement_provider_must_suit_the_placement_type(social_worker, child):
    carer = make_carer(social_worker)
    with pytest.raises(ValidationError) as error:
        start_care(social_worker, child, carer=carer, provider="PR0")
    assert messages(error) == {
        "provider": ["A placement of type U6 cannot have provider PR0: select another provider"]
    }
    unknown = make_carer(social_worker, name="Pat Lee", provider="")
    with pytest.raises(ValidationError) as error:
        start_care(social_worker, child, carer=unknown)
    assert messages(error) == {"provider": ["Select the placement provider"]}
    with pytest.raises(ValidationError) as error:
        start_care(social_worker, child, place="P1", carer=unknown, urn="SC123456", provider="PR0")
    assert messages(error) == {"urn": ["Leave the URN blank for a placement of type P1"]}
    nothing_saved()


@pytest.mark.parametrize("role", [Role.IRO, Role.AUDITOR, Role.FRONT_DOOR, Role.ANALYST])
def test_only_casework_roles_record_care(user_for, social_worker, child, role):
    carer = make_carer(social_worker)
    with pytest.raises(ValidationError, match="You do not have permission to do this"):
        start_care(user_for(role), child, carer=carer)
    with pytest.raises(ValidationError, match="You do not have permission to do this"):
        make_carer(user_for(role))
    nothing_saved()


def test_a_team_manager_may_record_care(manager, child):
    assert start_care(manager, child).created_by == manager


# -- legal status --------------------------------------------------------------------------------


def test_legal_status_change_is_recorded_with_audit_and_chronology(social_worker, child):
    period = start_care(social_worker, child, start_date=d(2026, 6, 1))
    status = legal_status_change(
        by=social_worker, period=period, code="C1", start_date=d(2026, 6, 20), version=1
    )
    assert (status.code, status.start_date, status.is_current) == ("C1", d(2026, 6, 20), True)
    period.refresh_from_db()
    assert period.version == 2
    event = AuditEvent.objects.get(action="care.legal_status_changed")
    assert event.target == status and event.detail["from"] == "V2" and event.person == child
    assert care_entries(child)[-1] == (
        "Legal status changed to Interim care order (section 38) (C1), was V2"
    )


def test_legal_status_change_refusals_save_nothing(social_worker, child):
    period = start_care(social_worker, child, start_date=d(2026, 6, 1))
    change_status(social_worker, period, "C1", d(2026, 6, 20))
    period.refresh_from_db()
    cases = [
        ("C1", d(2026, 7, 1), {"code": [
            "The child's legal status is already C1: select the new one"
        ]}),
        ("", d(2026, 7, 1), {"code": ["Select the child's new legal status"]}),
        ("C2", None, {"start_date": ["Enter the date the legal status changed"]}),
        (
            "C2",
            d(2026, 6, 20),
            {
                "start_date": [
                    "The date the legal status changed must be after the last change of legal "
                    "status (20 June 2026)"
                ]
            },
        ),
        (
            "C2",
            TODAY + datetime.timedelta(days=1),
            {"start_date": ["The date the legal status changed must be today or in the past"]},
        ),
    ]  # fmt: skip
    for code, start_date, expected in cases:
        with pytest.raises(ValidationError) as error:
            legal_status_change(
                by=social_worker,
                period=period,
                code=code,
                start_date=start_date,
                version=period.version,
            )
        assert messages(error) == expected
    assert period.legal_statuses.count() == 2
    assert AuditEvent.objects.filter(action="care.legal_status_changed").count() == 1


def test_a_change_on_the_first_day_is_refused_as_before_the_start(social_worker, child):
    period = start_care(social_worker, child, start_date=d(2026, 6, 1))
    with pytest.raises(ValidationError) as error:
        change_status(social_worker, period, "C1", d(2026, 6, 1))
    assert messages(error) == {
        "start_date": [
            "The date the legal status changed must be after the day the child started to be "
            "looked after (1 June 2026)"
        ]
    }


def test_legal_status_change_on_a_stale_version_is_refused(social_worker, manager, child):
    period = start_care(social_worker, child, start_date=d(2026, 6, 1))
    legal_status_change(by=manager, period=period, code="L2", start_date=d(2026, 6, 2), version=1)
    with pytest.raises(ConcurrentEditError):
        legal_status_change(
            by=social_worker, period=period, code="C1", start_date=d(2026, 6, 3), version=1
        )
    assert list(period.legal_statuses.values_list("code", flat=True)) == ["V2", "L2"]


# -- placements ---------------------------------------------------------------------------------


def test_a_move_records_the_reason_on_the_placement_it_ends(social_worker, child):
    period = start_care(social_worker, child, start_date=d(2026, 6, 1))
    carer = make_carer(social_worker, name="Jo Barnes", provider="PR4", postcode="DN34 5BB")
    new = placement_change(
        by=social_worker,
        period=period,
        start_date=d(2026, 7, 6),
        place="U4",
        carer=carer,
        reason_change="CREQB",
        version=1,
    )
    first, second = period.placements.all()
    assert first.reason_change == "CREQB" and second == new and new.reason_change == ""
    assert (new.place, new.provider, new.postcode) == ("U4", "PR4", "DN34 5BB")
    period.refresh_from_db()
    assert period.version == 2
    event = AuditEvent.objects.get(action="care.placement_changed")
    assert event.target == new and event.detail["reason_change"] == "CREQB"
    assert care_entries(child)[-1] == (
        "Placement changed to foster placement with other foster carer(s): long-term fostering "
        "(U4) with Jo Barnes: carer(s) requested the placement end because of the child's "
        "behaviour"
    )
    assert first.history.first().history_change_reason == "Placement ended by a move on 6 July 2026"


def test_a_move_needs_a_reason_except_into_or_out_of_a_temporary_placement(social_worker, child):
    period = start_care(social_worker, child, start_date=d(2026, 6, 1))
    with pytest.raises(ValidationError) as error:
        move(social_worker, period, d(2026, 6, 10), reason_change="")
    assert messages(error) == {"reason_change": ["Select the reason the placement changed"]}
    with pytest.raises(ValidationError) as error:
        move(social_worker, period, d(2026, 6, 10), place="T1", reason_change="CARPL")
    assert messages(error) == {
        "reason_change": [
            "Leave the reason blank: a move into or out of a temporary placement has no reason "
            "for the change"
        ]
    }
    assert period.placements.count() == 1
    move(social_worker, period, d(2026, 6, 10), place="T1", reason_change="")
    first = period.placements.get(start_date=d(2026, 6, 1))
    assert first.reason_change == ""
    back = move(social_worker, period, d(2026, 6, 12), carer=first.carer, reason_change="")
    assert back.carer == first.carer and back.postcode == "DN32 7AA"


def test_a_move_to_the_same_placement_is_refused(social_worker, child):
    period = start_care(social_worker, child, start_date=d(2026, 6, 1))
    carer = period.placements.get().carer
    with pytest.raises(ValidationError) as error:
        move(social_worker, period, d(2026, 6, 10), carer=carer)
    assert error.value.messages == [
        "This is the child's current placement: the type, provider, carer, postcode and URN "
        "are all the same"
    ]
    # The same carers at a new address is a move (foster carers moving house).
    moved = move(social_worker, period, d(2026, 6, 10), carer=carer, postcode="DN35 8QQ")
    assert moved.postcode == "DN35 8QQ"


def test_a_move_on_a_stale_version_is_refused(social_worker, child):
    period = start_care(social_worker, child, start_date=d(2026, 6, 1))
    change_status(social_worker, period, "C1", d(2026, 6, 5))
    carer = make_carer(social_worker, name="Jo Barnes")
    with pytest.raises(ConcurrentEditError):
        placement_change(
            by=social_worker,
            period=period,
            start_date=d(2026, 6, 10),
            place="U6",
            carer=carer,
            reason_change="CARPL",
            version=1,
        )
    assert period.placements.count() == 1
    assert period.placements.get().reason_change == ""


# -- ending ------------------------------------------------------------------------------------


def test_care_end_closes_the_period(social_worker, child):
    period = start_care(social_worker, child, start_date=d(2026, 6, 1))
    ended = care_end(
        by=social_worker, period=period, end_date=d(2026, 8, 14), reason_ceased="E41", version=1
    )
    assert (ended.end_date, ended.reason_ceased, ended.version) == (d(2026, 8, 14), "E41", 2)
    assert not ended.is_open
    event = AuditEvent.objects.get(action="care.ended")
    assert event.target == period and event.detail["reason_ceased"] == "E41"
    assert care_entries(child)[-1] == (
        "Stopped being looked after: Residence order or child arrangements order granted (E41)"
    )
    with pytest.raises(ValidationError, match="This period of care has ended"):
        change_status(social_worker, period, "C1", d(2026, 8, 20))


def test_care_end_refusals_save_nothing(social_worker, child):
    period = start_care(social_worker, child, start_date=d(2026, 6, 1))
    move(social_worker, period, d(2026, 7, 1))
    period.refresh_from_db()
    cases = [
        (d(2026, 8, 1), "X1", {"reason_ceased": [
            "X1 is for an episode followed by another: select why the child stopped being "
            "looked after"
        ]}),
        (d(2026, 8, 1), "", {"reason_ceased": ["Select why the child stopped being looked after"]}),
        (None, "E4A", {"end_date": ["Enter the date the child stopped being looked after"]}),
        (d(2026, 7, 1), "E4A", {"end_date": [
            "The date the child stopped being looked after must be after the last change of "
            "legal status or placement (1 July 2026)"
        ]}),
        (TODAY + datetime.timedelta(days=1), "E4A", {"end_date": [
            "The date the child stopped being looked after must be today or in the past"
        ]}),
    ]  # fmt: skip
    for end_date, reason, expected in cases:
        with pytest.raises(ValidationError) as error:
            care_end(
                by=social_worker,
                period=period,
                end_date=end_date,
                reason_ceased=reason,
                version=period.version,
            )
        assert messages(error) == expected
    period.refresh_from_db()
    assert period.is_open and period.reason_ceased == ""
    assert not AuditEvent.objects.filter(action="care.ended").exists()


def test_care_ends_by_the_day_before_the_18th_birthday(social_worker, person_maker):
    young_person = person_maker(date_of_birth=d(2008, 11, 20))
    period = start_care(social_worker, young_person, start_date=d(2026, 6, 1))
    with pytest.raises(ValidationError) as error:
        end_care(social_worker, period, d(2026, 11, 20), "E17")
    assert messages(error) == {
        "end_date": [
            "The date the child stopped being looked after must be before their 18th birthday "
            "(20 November 2026)"
        ]
    }
    assert end_care(social_worker, period, d(2026, 11, 19), "E17").end_date == d(2026, 11, 19)


def test_no_change_is_recorded_from_the_18th_birthday(social_worker, person_maker):
    young_person = person_maker(date_of_birth=d(2008, 11, 20))
    period = start_care(social_worker, young_person, start_date=d(2026, 6, 1))
    with pytest.raises(ValidationError) as error:
        change_status(social_worker, period, "C1", d(2026, 11, 20))
    assert messages(error) == {
        "start_date": [
            "The date the legal status changed must be before the child's 18th birthday "
            "(20 November 2026)"
        ]
    }
    with pytest.raises(ValidationError) as error:
        move(social_worker, period, d(2026, 11, 21))
    assert messages(error) == {
        "start_date": [
            "The date the placement changed must be before the child's 18th birthday "
            "(20 November 2026)"
        ]
    }


def test_care_cannot_end_in_a_temporary_placement(social_worker, child):
    period = start_care(social_worker, child, start_date=d(2026, 6, 1))
    move(social_worker, period, d(2026, 6, 10), place="T1", reason_change="")
    with pytest.raises(ValidationError, match="cannot end while the child is in a temporary"):
        end_care(social_worker, period, d(2026, 6, 12), "E4A")  # rule 381


def test_care_end_on_a_stale_version_is_refused(social_worker, child):
    period = start_care(social_worker, child, start_date=d(2026, 6, 1))
    change_status(social_worker, period, "C1", d(2026, 6, 5))
    with pytest.raises(ConcurrentEditError):
        care_end(
            by=social_worker, period=period, end_date=d(2026, 7, 1), reason_ceased="E4A", version=1
        )
    period.refresh_from_db()
    assert period.is_open


# -- removing a change recorded in error --------------------------------------------------------


def test_removing_the_latest_status_change_keeps_the_row(social_worker, child):
    period = start_care(social_worker, child, start_date=d(2026, 6, 1))
    status = change_status(social_worker, period, "C1", d(2026, 6, 5))
    period.refresh_from_db()
    removed = legal_status_remove(
        by=social_worker, status=status, reason="Recorded on the wrong child", version=2
    )
    assert removed.ended_at is not None and removed.ended_reason == "Recorded on the wrong child"
    assert LegalStatus.objects.filter(pk=status.pk).exists()
    assert AuditEvent.objects.get(action="care.legal_status_removed").reason == (
        "Recorded on the wrong child"
    )
    assert care_entries(child)[-1] == (
        "Change of legal status to C1 on 5 June 2026 removed: Recorded on the wrong child"
    )
    # The status before it applies again: the same change can be recorded afresh.
    assert change_status(social_worker, period, "C1", d(2026, 6, 5)).is_current


def test_only_the_latest_change_can_be_removed_and_never_the_first(social_worker, child):
    period = start_care(social_worker, child, start_date=d(2026, 6, 1))
    first = period.legal_statuses.get()
    second = change_status(social_worker, period, "L2", d(2026, 6, 2))
    change_status(social_worker, period, "C1", d(2026, 6, 9))
    period.refresh_from_db()
    with pytest.raises(ValidationError, match="Only the most recent change of legal status"):
        legal_status_remove(by=social_worker, status=second, reason="Error", version=3)
    with pytest.raises(ValidationError) as error:
        legal_status_remove(by=social_worker, status=period.legal_statuses.last(), reason=" ",
                            version=3)  # fmt: skip
    assert messages(error) == {"reason": ["Give the reason for removing this legal status"]}
    placement = period.placements.get()
    with pytest.raises(ValidationError, match="started to be looked after with cannot be removed"):
        placement_remove(by=social_worker, placement=placement, reason="Error", version=3)
    assert not LegalStatus.objects.filter(ended_at__isnull=False).exists()
    assert first.is_current


def test_removing_a_move_restores_the_placement_without_its_reason(social_worker, child):
    period = start_care(social_worker, child, start_date=d(2026, 6, 1))
    new = move(social_worker, period, d(2026, 6, 10), reason_change="ALLEG")
    period.refresh_from_db()
    placement_remove(by=social_worker, placement=new, reason="Move did not happen", version=2)
    first = period.placements.get(start_date=d(2026, 6, 1))
    assert first.reason_change == ""
    assert Placement.objects.get(pk=new.pk).ended_reason == "Move did not happen"
    period.refresh_from_db()
    assert period.version == 3
    assert AuditEvent.objects.filter(action="care.placement_removed", target_id=new.pk).exists()
    assert care_entries(child)[-1].startswith("Move to foster placement with other foster")


# -- carers --------------------------------------------------------------------------------------


def test_carer_add(social_worker):
    carer = carer_add(
        by=social_worker, name="  Sam   and Alex Kerr ", kind="la_foster", provider="pr1",
        postcode="dn32 7aa",
    )  # fmt: skip
    assert (carer.name, carer.provider, carer.postcode) == ("Sam and Alex Kerr", "PR1", "DN32 7AA")
    assert AuditEvent.objects.get(action="care.carer_added").target == carer
    parent = carer_add(by=social_worker, name="Lisa Hargreaves", kind="parent")
    assert parent.provider == "PR0"


def test_carer_add_refusals_save_nothing(social_worker):
    with pytest.raises(ValidationError) as error:
        carer_add(by=social_worker, name=" ", kind="uncle", provider="PR9")
    assert messages(error) == {
        "name": ["Enter the carer's name"],
        "kind": ["Select the kind of carer"],
        "provider": ["Select the placement provider"],
    }
    with pytest.raises(ValidationError) as error:
        carer_add(
            by=social_worker,
            name="Oaks",
            kind="residential",
            postcode="XYZ",
            ofsted_urn="SC-1",
        )
    assert messages(error) == {
        "postcode": ["Enter a real UK postcode, like DN31 1HU"],
        "ofsted_urn": ["Enter the Ofsted URN: 6 to 8 letters and numbers, like SC045099"],
    }
    assert not Carer.objects.exists()
    assert not AuditEvent.objects.filter(action="care.carer_added").exists()
