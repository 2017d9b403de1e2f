"""903 episodes from a period of care's timelines, worked by hand (domain.md §3.5). Each test
writes the expected Episodes rows out in full, as 903 CSV lines in the column order

    DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN

No database."""

import datetime

import pytest

from lantern.children_in_care.episodes import (
    COLUMNS,
    PeriodRow,
    PlacementRow,
    StatusRow,
    build_episodes,
)

d = datetime.date
HOME = "DN31 1HU"
KERR, BARNES, OAKS = 1, 2, 3  # carers: foster carers, other foster carers, a children's home


def cell(value) -> str:
    if value is None:
        return ""
    return f"{value:%d/%m/%Y}" if isinstance(value, datetime.date) else value


def rows(period, statuses, placements) -> list[str]:
    """The episodes as the 903 CSV writes them (dates DD/MM/YYYY, blanks empty)."""
    return [
        ",".join(cell(v) for v in e.row().values())
        for e in build_episodes(period, statuses, placements)
    ]


def test_rows_follow_the_903_columns():
    period = PeriodRow(d(2025, 4, 1), "N1", HOME)
    [episode] = build_episodes(
        period, [StatusRow(d(2025, 4, 1), "V2")], [PlacementRow(d(2025, 4, 1), "U6", "PR1", KERR)]
    )
    header = "DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,"
    header += "URN"
    assert list(episode.row()) == list(COLUMNS) == header.split(",")


def test_a_placement_move_is_p_with_the_reason_on_the_episode_it_ends():
    period = PeriodRow(d(2025, 4, 1), "N1", HOME)
    statuses = [StatusRow(d(2025, 4, 1), "C1")]
    placements = [
        PlacementRow(d(2025, 4, 1), "U6", "PR1", KERR, "DN32 7AA", reason_change="CREQB"),
        PlacementRow(d(2025, 6, 2), "U6", "PR4", BARNES, "DN34 5BB", "SC123456"),
    ]
    assert rows(period, statuses, placements) == [
        "01/04/2025,S,C1,N1,U6,PR1,02/06/2025,X1,CREQB,DN31 1HU,DN32 7AA,",
        "02/06/2025,P,C1,N1,U6,PR4,,,,DN31 1HU,DN34 5BB,SC123456",
    ]


def test_a_status_change_on_the_day_of_a_move_to_new_carers_is_b():
    period = PeriodRow(d(2025, 4, 1), "N1", HOME, d(2025, 11, 3), "E41")
    statuses = [StatusRow(d(2025, 4, 1), "V2"), StatusRow(d(2025, 5, 12), "C1")]
    placements = [
        PlacementRow(d(2025, 4, 1), "U6", "PR1", KERR, "DN32 7AA", reason_change="CARPL"),
        PlacementRow(d(2025, 5, 12), "U3", "PR1", BARNES, "DN34 5BB"),
    ]
    assert rows(period, statuses, placements) == [
        "01/04/2025,S,V2,N1,U6,PR1,12/05/2025,X1,CARPL,DN31 1HU,DN32 7AA,",
        "12/05/2025,B,C1,N1,U3,PR1,03/11/2025,E41,,DN31 1HU,DN34 5BB,",
    ]


def test_a_status_change_on_the_day_the_placement_changes_with_the_same_carers_is_u():
    # The final care order is made and the foster placement becomes long-term, same carers.
    period = PeriodRow(d(2025, 4, 1), "N1", HOME)
    statuses = [StatusRow(d(2025, 4, 1), "C1"), StatusRow(d(2025, 10, 20), "C2")]
    placements = [
        PlacementRow(d(2025, 4, 1), "U6", "PR1", KERR, "DN32 7AA", reason_change="PLACE"),
        PlacementRow(d(2025, 10, 20), "U4", "PR1", KERR, "DN32 7AA"),
    ]
    assert rows(period, statuses, placements) == [
        "01/04/2025,S,C1,N1,U6,PR1,20/10/2025,X1,PLACE,DN31 1HU,DN32 7AA,",
        "20/10/2025,U,C2,N1,U4,PR1,,,,DN31 1HU,DN32 7AA,",
    ]


def test_foster_carers_moving_house_is_t():
    period = PeriodRow(d(2025, 4, 1), "N5", HOME, d(2026, 1, 9), "E4A")
    statuses = [StatusRow(d(2025, 4, 1), "C2")]
    placements = [
        PlacementRow(d(2025, 4, 1), "U4", "PR1", KERR, "DN32 7AA", reason_change="OTHER"),
        PlacementRow(d(2025, 9, 1), "U4", "PR1", KERR, "DN35 8QQ"),
    ]
    assert rows(period, statuses, placements) == [
        "01/04/2025,S,C2,N5,U4,PR1,01/09/2025,X1,OTHER,DN31 1HU,DN32 7AA,",
        "01/09/2025,T,C2,N5,U4,PR1,09/01/2026,E4A,,DN31 1HU,DN35 8QQ,",
    ]


def test_a_change_of_provider_or_urn_alone_is_a_change_of_placement():
    # The children's home is taken over: same home and postcode, new provider and URN.
    period = PeriodRow(d(2025, 4, 1), "N6", HOME)
    statuses = [StatusRow(d(2025, 4, 1), "C2")]
    placements = [
        PlacementRow(d(2025, 4, 1), "K2", "PR4", OAKS, "DN33 2AB", "SC111111", "CLOSE"),
        PlacementRow(d(2025, 8, 1), "K2", "PR5", OAKS, "DN33 2AB", "SC222222"),
    ]
    assert rows(period, statuses, placements) == [
        "01/04/2025,S,C2,N6,K2,PR4,01/08/2025,X1,CLOSE,DN31 1HU,DN33 2AB,SC111111",
        "01/08/2025,T,C2,N6,K2,PR5,,,,DN31 1HU,DN33 2AB,SC222222",
    ]


def test_a_legal_status_change_alone_is_l_with_no_reason_for_a_placement_change():
    period = PeriodRow(d(2025, 4, 1), "N1", HOME)
    statuses = [StatusRow(d(2025, 4, 1), "V2"), StatusRow(d(2025, 7, 14), "C1")]
    placements = [PlacementRow(d(2025, 4, 1), "U6", "PR1", KERR, "DN32 7AA", reason_change="")]
    assert rows(period, statuses, placements) == [
        "01/04/2025,S,V2,N1,U6,PR1,14/07/2025,X1,,DN31 1HU,DN32 7AA,",
        "14/07/2025,L,C1,N1,U6,PR1,,,,DN31 1HU,DN32 7AA,",
    ]


def test_a_short_break_is_one_episode_ended_by_the_return_home_without_placement_location():
    # Three nights at a short-break unit under V3. The child returns home as planned: E4A.
    # (The REC for the end of a short break is our reading of the 903 guide: E4A, "returned
    # home ... as part of the care planning process"; not confirmed against the DfE text.)
    # No placement postcode or URN on short-break episodes (rule 214).
    period = PeriodRow(d(2025, 8, 8), "N2", HOME, d(2025, 8, 11), "E4A")
    statuses = [StatusRow(d(2025, 8, 8), "V3")]
    placements = [PlacementRow(d(2025, 8, 8), "R1", "PR1", OAKS, "DN33 2AB")]
    assert rows(period, statuses, placements) == [
        "08/08/2025,S,V3,N2,R1,PR1,11/08/2025,E4A,,DN31 1HU,,",
    ]


def test_a_return_home_and_re_entry_are_two_periods_each_starting_s():
    first = PeriodRow(d(2025, 4, 1), "N4", HOME, d(2025, 6, 30), "E4A")
    second = PeriodRow(d(2025, 9, 15), "N1", HOME)
    episodes = rows(
        first,
        [StatusRow(d(2025, 4, 1), "V2")],
        [PlacementRow(d(2025, 4, 1), "U6", "PR1", KERR, "DN32 7AA")],
    ) + rows(
        second,
        [StatusRow(d(2025, 9, 15), "L2"), StatusRow(d(2025, 9, 22), "C1")],
        [PlacementRow(d(2025, 9, 15), "U6", "PR1", KERR, "DN32 7AA")],
    )
    assert episodes == [
        "01/04/2025,S,V2,N4,U6,PR1,30/06/2025,E4A,,DN31 1HU,DN32 7AA,",
        "15/09/2025,S,L2,N1,U6,PR1,22/09/2025,X1,,DN31 1HU,DN32 7AA,",
        "22/09/2025,L,C1,N1,U6,PR1,,,,DN31 1HU,DN32 7AA,",
    ]


def test_a_temporary_placement_and_the_return_from_it_are_p_with_no_reasons():
    # Two nights in hospital (T1, no carer, no provider), then back to the same carers: the
    # return is a P (rule 383) and no episode around the T1 carries a reason (rule 226), even
    # if the rows hold one.
    period = PeriodRow(d(2025, 4, 1), "N1", HOME)
    statuses = [StatusRow(d(2025, 4, 1), "C2")]
    placements = [
        PlacementRow(d(2025, 4, 1), "U4", "PR1", KERR, "DN32 7AA", reason_change="CARPL"),
        PlacementRow(d(2025, 5, 6), "T1", "", None, "DN33 2HH"),
        PlacementRow(d(2025, 5, 8), "U4", "PR1", KERR, "DN32 7AA"),
    ]
    assert rows(period, statuses, placements) == [
        "01/04/2025,S,C2,N1,U4,PR1,06/05/2025,X1,,DN31 1HU,DN32 7AA,",
        "06/05/2025,P,C2,N1,T1,,08/05/2025,X1,,DN31 1HU,DN33 2HH,",
        "08/05/2025,P,C2,N1,U4,PR1,,,,DN31 1HU,DN32 7AA,",
    ]


def test_a_temporary_placement_with_the_usual_carers_is_still_a_change_of_carer():
    # A week's holiday with the foster carers (T2, carer recorded): going and returning are
    # both P, never T, so that the return is a P (rule 383).
    period = PeriodRow(d(2025, 4, 1), "N1", HOME)
    statuses = [StatusRow(d(2025, 4, 1), "C2")]
    placements = [
        PlacementRow(d(2025, 4, 1), "U4", "PR1", KERR, "DN32 7AA"),
        PlacementRow(d(2025, 8, 2), "T2", "", KERR, "TR18 4AA"),
        PlacementRow(d(2025, 8, 9), "U4", "PR1", KERR, "DN32 7AA"),
    ]
    assert rows(period, statuses, placements) == [
        "01/04/2025,S,C2,N1,U4,PR1,02/08/2025,X1,,DN31 1HU,DN32 7AA,",
        "02/08/2025,P,C2,N1,T2,,09/08/2025,X1,,DN31 1HU,TR18 4AA,",
        "09/08/2025,P,C2,N1,U4,PR1,,,,DN31 1HU,DN32 7AA,",
    ]


def test_a_repeated_status_or_an_identical_placement_starts_no_episode():
    # The status row of 1 June repeats C1; the placement row of 1 July repeats every compared
    # field. The move of 1 August ends the placement row of 1 July, whose reason it takes.
    period = PeriodRow(d(2025, 4, 1), "N1", HOME)
    statuses = [StatusRow(d(2025, 4, 1), "C1"), StatusRow(d(2025, 6, 1), "C1")]
    placements = [
        PlacementRow(d(2025, 4, 1), "U6", "PR1", KERR, "DN32 7AA", reason_change="CARPL"),
        PlacementRow(d(2025, 7, 1), "U6", "PR1", KERR, "DN32 7AA", reason_change="ALLEG"),
        PlacementRow(d(2025, 8, 1), "U6", "PR4", BARNES, "DN34 5BB"),
    ]
    assert rows(period, statuses, placements) == [
        "01/04/2025,S,C1,N1,U6,PR1,01/08/2025,X1,ALLEG,DN31 1HU,DN32 7AA,",
        "01/08/2025,P,C1,N1,U6,PR4,,,,DN31 1HU,DN34 5BB,",
    ]


def test_rows_in_any_order_give_the_same_episodes():
    period = PeriodRow(d(2025, 4, 1), "N1", HOME)
    statuses = [StatusRow(d(2025, 7, 14), "C1"), StatusRow(d(2025, 4, 1), "V2")]
    placements = [
        PlacementRow(d(2025, 9, 1), "U6", "PR4", BARNES),
        PlacementRow(d(2025, 4, 1), "U6", "PR1", KERR, reason_change="CARPL"),
    ]
    assert [e.rne for e in build_episodes(period, statuses, placements)] == ["S", "L", "P"]


@pytest.mark.parametrize(
    ("statuses", "placements", "message"),
    [
        ([], [(d(2025, 4, 1), "U6")], "must start with a legal status"),
        ([(d(2025, 4, 2), "V2")], [(d(2025, 4, 1), "U6")], "must start with a legal status"),
        ([(d(2025, 4, 1), "V2")], [(d(2025, 4, 3), "U6")], "must start with a placement"),
        (
            [(d(2025, 4, 1), "V2"), (d(2025, 4, 1), "C1")],
            [(d(2025, 4, 1), "U6")],
            "Two legal status rows start on the same day",
        ),
        (
            [(d(2025, 4, 1), "V2")],
            [(d(2025, 4, 1), "U6"), (d(2025, 5, 1), "U4")],
            "A placement starts on or after the day the period of care ended",
        ),
    ],
)
def test_inconsistent_timelines_are_refused(statuses, placements, message):
    period = PeriodRow(d(2025, 4, 1), "N1", HOME, d(2025, 5, 1), "E4A")
    with pytest.raises(ValueError, match=message):
        build_episodes(
            period,
            [StatusRow(*s) for s in statuses],
            [PlacementRow(day, place, "PR1", KERR) for day, place in placements],
        )
