"""Codes for child and family assessments.

The factors identified at assessment are the CIN census `AssessmentFactors` list
(shared/domain.md §2.4.7). The suffix says whose factor it is: "A" a concern about the child,
"B" about a parent or carer, "C" about another person in the household. The legacy codes 18A
and 19A are not offered (CIN queries 8945Q/8950Q: use 18B/18C and 19B/19C). Code 21 "No factors
identified" cannot be combined with any other code (CIN rule 8869); the services enforce it.
"""

from django.db import models


class AssessmentFactorCode(models.TextChoices):
    ALCOHOL_CHILD = "1A", "Alcohol misuse: the child"
    ALCOHOL_PARENT = "1B", "Alcohol misuse: parent(s) or carer(s)"
    ALCOHOL_OTHER = "1C", "Alcohol misuse: another person in the household"
    DRUGS_CHILD = "2A", "Drug misuse: the child"
    DRUGS_PARENT = "2B", "Drug misuse: parent(s) or carer(s)"
    DRUGS_OTHER = "2C", "Drug misuse: another person in the household"
    DOMESTIC_ABUSE_CHILD = "3A", "Domestic abuse: the child is the subject"
    DOMESTIC_ABUSE_PARENT = "3B", "Domestic abuse: parent(s) or carer(s) are the subject"
    DOMESTIC_ABUSE_OTHER = "3C", "Domestic abuse: another person in the household is the subject"
    MENTAL_HEALTH_CHILD = "4A", "Mental health: the child"
    MENTAL_HEALTH_PARENT = "4B", "Mental health: parent(s) or carer(s)"
    MENTAL_HEALTH_OTHER = "4C", "Mental health: another family or household member"
    LEARNING_DISABILITY_CHILD = "5A", "Learning disability: the child"
    LEARNING_DISABILITY_PARENT = "5B", "Learning disability: parent(s) or carer(s)"
    LEARNING_DISABILITY_OTHER = "5C", "Learning disability: another family or household member"
    PHYSICAL_DISABILITY_CHILD = "6A", "Physical disability or illness: the child"
    PHYSICAL_DISABILITY_PARENT = "6B", "Physical disability or illness: parent(s) or carer(s)"
    PHYSICAL_DISABILITY_OTHER = (
        "6C",
        "Physical disability or illness: another family or household member",
    )
    YOUNG_CARER = "7A", "Young carer"
    PRIVATE_FOSTERING_OVERSEAS_RETURN = (
        "8B",
        "Privately fostered: overseas child who intends to return",
    )
    PRIVATE_FOSTERING_OVERSEAS_STAY = "8C", "Privately fostered: overseas child who intends to stay"
    PRIVATE_FOSTERING_EDUCATION = "8D", "Privately fostered: UK child in an educational placement"
    PRIVATE_FOSTERING_FAMILY = (
        "8E",
        "Privately fostered: UK child making alternative family arrangements",
    )
    PRIVATE_FOSTERING_OTHER = "8F", "Privately fostered: other"
    UASC = "9A", "Unaccompanied asylum-seeking child"
    MISSING = "10A", "Going or being missing"
    CSE = "11A", "Child sexual exploitation"
    TRAFFICKING = "12A", "Trafficking"
    GANGS = "13A", "Gangs"
    SOCIALLY_UNACCEPTABLE_BEHAVIOUR = "14A", "Socially unacceptable behaviour"
    SELF_HARM = "15A", "Self-harm"
    NEGLECT = "16A", "Abuse or neglect: neglect"
    EMOTIONAL_ABUSE = "17A", "Abuse or neglect: emotional abuse"
    PHYSICAL_ABUSE_CHILD_ON_CHILD = "18B", "Abuse or neglect: physical abuse, child on child"
    PHYSICAL_ABUSE_ADULT_ON_CHILD = "18C", "Abuse or neglect: physical abuse, adult on child"
    SEXUAL_ABUSE_CHILD_ON_CHILD = "19B", "Abuse or neglect: sexual abuse, child on child"
    SEXUAL_ABUSE_ADULT_ON_CHILD = "19C", "Abuse or neglect: sexual abuse, adult on child"
    OTHER = "20", "Other"
    NO_FACTORS = "21", "No factors identified"
    FGM = "22A", "Female genital mutilation"
    FAITH_OR_BELIEF = "23A", "Abuse linked to faith or belief"
    CCE = "24A", "Child criminal exploitation"


# Groups other parts of Lantern ask about (closure checks, CP6: optimism about change in
# substance misuse, domestic abuse and parental behaviour).
SUBSTANCE_MISUSE_FACTORS = frozenset(
    {
        AssessmentFactorCode.ALCOHOL_CHILD,
        AssessmentFactorCode.ALCOHOL_PARENT,
        AssessmentFactorCode.ALCOHOL_OTHER,
        AssessmentFactorCode.DRUGS_CHILD,
        AssessmentFactorCode.DRUGS_PARENT,
        AssessmentFactorCode.DRUGS_OTHER,
    }
)
DOMESTIC_ABUSE_FACTORS = frozenset(
    {
        AssessmentFactorCode.DOMESTIC_ABUSE_CHILD,
        AssessmentFactorCode.DOMESTIC_ABUSE_PARENT,
        AssessmentFactorCode.DOMESTIC_ABUSE_OTHER,
    }
)


def factor_sort_key(code: str) -> tuple[int, str]:
    """Census order: 1A, 1B, …, 9A, 10A, …, 24A (not string order, which puts 10A before 1A)."""
    digits = "".join(ch for ch in code if ch.isdigit())
    return int(digits or 0), code
