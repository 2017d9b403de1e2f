"""903 episodes of periods of care recorded through the services, against rows worked by hand
and written as 903 CSV lines in the column order

    DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN
"""

import datetime

import pytest

from lantern.children_in_care.selectors import episodes_for
from lantern.children_in_care.services import legal_status_remove
from tests.factories.children_in_care import (
    change_status,
    end_care,
    make_carer,
    move,
    start_care,
)

pytestmark = pytest.mark.django_db
d = datetime.date


def cell(value) -> str:
    if value is None:
        return ""
    return f"{value:%d/%m/%Y}" if isinstance(value, datetime.date) else value


def rows(period) -> list[str]:
    """The episodes as the 903 CSV writes them (dates DD/MM/YYYY, blanks empty)."""
    return [",".join(cell(v) for v in e.row().values()) for e in episodes_for(period)]


def test_a_period_of_moves_orders_and_a_hospital_stay(social_worker, child):
    kerr = make_carer(social_worker)  # local authority foster carers, PR1, DN32 7AA
    barnes = make_carer(
        social_worker,
        name="Jo and Chris Barnes",
        kind="agency_foster",
        provider="PR4",
        postcode="DN34 5BB",
        ofsted_urn="SC654321",
    )
    period = start_care(social_worker, child, start_date=d(2026, 1, 5), carer=kerr)
    change_status(social_worker, period, "C1", d(2026, 1, 20))  # an interim care order
    move(social_worker, period, d(2026, 3, 2), carer=barnes, reason_change="CREQO")
    # The final care order, and the placement becomes long-term with the same carers.
    change_status(social_worker, period, "C2", d(2026, 5, 11))
    move(social_worker, period, d(2026, 5, 11), place="U4", carer=barnes, reason_change="PLACE")
    move(social_worker, period, d(2026, 6, 15), place="T1", postcode="DN33 2BA", reason_change="")
    move(social_worker, period, d(2026, 6, 18), place="U4", carer=barnes, reason_change="")
    # The carers move house.
    move(
        social_worker,
        period,
        d(2026, 8, 3),
        place="U4",
        carer=barnes,
        postcode="DN35 8QQ",
        reason_change="OTHER",
    )
    # A placement order, and the carers become the child's prospective adopters.
    change_status(social_worker, period, "E1", d(2026, 9, 14))
    move(
        social_worker,
        period,
        d(2026, 9, 14),
        place="A5",
        carer=barnes,
        postcode="DN35 8QQ",
        reason_change="CARPL",
    )
    end_care(social_worker, period, d(2026, 11, 2), "E11")
    assert rows(period) == [
        "05/01/2026,S,V2,N1,U6,PR1,20/01/2026,X1,,DN31 1HU,DN32 7AA,",
        "20/01/2026,L,C1,N1,U6,PR1,02/03/2026,X1,CREQO,DN31 1HU,DN32 7AA,",
        "02/03/2026,P,C1,N1,U6,PR4,11/05/2026,X1,PLACE,DN31 1HU,DN34 5BB,SC654321",
        "11/05/2026,U,C2,N1,U4,PR4,15/06/2026,X1,,DN31 1HU,DN34 5BB,SC654321",
        "15/06/2026,P,C2,N1,T1,,18/06/2026,X1,,DN31 1HU,DN33 2BA,",
        "18/06/2026,P,C2,N1,U4,PR4,03/08/2026,X1,OTHER,DN31 1HU,DN34 5BB,SC654321",
        "03/08/2026,T,C2,N1,U4,PR4,14/09/2026,X1,CARPL,DN31 1HU,DN35 8QQ,SC654321",
        "14/09/2026,U,E1,N1,A5,PR4,02/11/2026,E11,,DN31 1HU,DN35 8QQ,SC654321",
    ]


def test_a_move_to_new_carers_on_the_day_of_an_order_is_b(social_worker, child):
    period = start_care(social_worker, child, start_date=d(2026, 4, 1))
    change_status(social_worker, period, "C1", d(2026, 4, 20))
    move(social_worker, period, d(2026, 4, 20), reason_change="CARPL")  # to Jo Barnes
    assert rows(period) == [
        "01/04/2026,S,V2,N1,U6,PR1,20/04/2026,X1,CARPL,DN31 1HU,DN32 7AA,",
        "20/04/2026,B,C1,N1,U6,PR1,,,,DN31 1HU,DN34 5BB,",
    ]


def test_a_short_break(social_worker, child):
    unit = make_carer(
        social_worker, name="Oaks short breaks", kind="residential", postcode="DN33 2AB"
    )
    period = start_care(
        social_worker,
        child,
        start_date=d(2026, 8, 8),
        legal_status="V3",
        cin="N2",
        place="R1",
        carer=unit,
    )
    end_care(social_worker, period, d(2026, 8, 11), "E4A")
    assert rows(period) == [
        "08/08/2026,S,V3,N2,R1,PR1,11/08/2026,E4A,,DN31 1HU,,",
    ]


def test_a_return_home_and_re_entry(social_worker, child):
    kerr = make_carer(social_worker)
    first = start_care(social_worker, child, start_date=d(2026, 1, 12), cin="N4", carer=kerr)
    end_care(social_worker, first, d(2026, 2, 27), "E4A")
    second = start_care(
        social_worker, child, start_date=d(2026, 4, 13), legal_status="L2", carer=kerr
    )
    change_status(social_worker, second, "C1", d(2026, 4, 20))
    assert rows(first) + rows(second) == [
        "12/01/2026,S,V2,N4,U6,PR1,27/02/2026,E4A,,DN31 1HU,DN32 7AA,",
        "13/04/2026,S,L2,N1,U6,PR1,20/04/2026,X1,,DN31 1HU,DN32 7AA,",
        "20/04/2026,L,C1,N1,U6,PR1,,,,DN31 1HU,DN32 7AA,",
    ]


def test_removed_changes_start_no_episode(social_worker, child):
    period = start_care(social_worker, child, start_date=d(2026, 4, 1))
    status = change_status(social_worker, period, "C1", d(2026, 4, 20))
    period.refresh_from_db()
    legal_status_remove(by=social_worker, status=status, reason="Wrong child", version=2)
    assert [e.rne for e in episodes_for(period)] == ["S"]


def test_episodes_take_two_queries_whatever_the_length(
    social_worker, child, django_assert_num_queries
):
    period = start_care(social_worker, child, start_date=d(2026, 1, 5))
    with django_assert_num_queries(2):
        assert len(episodes_for(period)) == 1
    for n, code in enumerate(["L2", "C1", "C2"]):
        change_status(social_worker, period, code, d(2026, 2, 1 + n))
        move(social_worker, period, d(2026, 3, 1 + n), reason_change="CARPL")
    with django_assert_num_queries(2):
        assert len(episodes_for(period)) == 7
