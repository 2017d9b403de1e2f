"""DfE code lists used on people (shared/domain.md §2.4, §3.4), stored as the returns need them."""

from django.db import models


class Sex(models.TextChoices):
    MALE = "M", "Male"
    FEMALE = "F", "Female"
    UNKNOWN = "U", "Not known or not recorded"


class Ethnicity(models.TextChoices):
    WBRI = "WBRI", "White British"
    WIRI = "WIRI", "White Irish"
    WIRT = "WIRT", "Traveller of Irish heritage"
    WOTH = "WOTH", "Any other White background"
    WROM = "WROM", "Gypsy/Roma"
    MWBC = "MWBC", "White and Black Caribbean"
    MWBA = "MWBA", "White and Black African"
    MWAS = "MWAS", "White and Asian"
    MOTH = "MOTH", "Any other mixed background"
    AIND = "AIND", "Indian"
    APKN = "APKN", "Pakistani"
    ABAN = "ABAN", "Bangladeshi"
    AOTH = "AOTH", "Any other Asian background"
    BCRB = "BCRB", "Caribbean"
    BAFR = "BAFR", "African"
    BOTH = "BOTH", "Any other Black background"
    CHNE = "CHNE", "Chinese"
    OOTH = "OOTH", "Any other ethnic group"
    REFU = "REFU", "Refused"
    NOBT = "NOBT", "Information not yet obtained"


class Disability(models.TextChoices):
    NONE = "NONE", "No disability"
    MOB = "MOB", "Mobility"
    HAND = "HAND", "Hand function"
    PC = "PC", "Personal care"
    INC = "INC", "Incontinence"
    COMM = "COMM", "Communication"
    LD = "LD", "Learning"
    HEAR = "HEAR", "Hearing"
    VIS = "VIS", "Vision"
    BEH = "BEH", "Behaviour"
    CON = "CON", "Consciousness"
    AUT = "AUT", "Autism or Asperger's syndrome (diagnosed)"
    DDA = "DDA", "Other disability under the Equality Act"


class ImmigrationStatus(models.TextChoices):
    BRITISH = "british", "British or Irish citizen"
    SETTLED = "settled", "Settled or pre-settled status"
    ILR = "ilr", "Indefinite leave to remain"
    DLR = "dlr", "Discretionary leave to remain"
    REFUGEE = "refugee", "Refugee status"
    ASYLUM_SEEKER = "asylum_seeker", "Asylum seeker"
    UASC = "uasc", "Unaccompanied asylum-seeking child"
    NRPF = "nrpf", "No recourse to public funds"
    OTHER = "other", "Other"
    UNKNOWN = "unknown", "Not known"


class RelationshipType(models.TextChoices):
    """How `person` relates to `other`: "person is the PARENT of other"."""

    PARENT = "parent", "Parent"
    STEP_PARENT = "step_parent", "Step-parent"
    SIBLING = "sibling", "Sibling"
    HALF_SIBLING = "half_sibling", "Half-sibling"
    GRANDPARENT = "grandparent", "Grandparent"
    AUNT_UNCLE = "aunt_uncle", "Aunt or uncle"
    OTHER_RELATIVE = "other_relative", "Other relative"
    CARER = "carer", "Carer"
    FAMILY_FRIEND = "family_friend", "Family friend"
    PARTNER_OF_PARENT = "partner_of_parent", "Partner of parent"
    PARTNER = "partner", "Partner"
    PROFESSIONAL = "professional", "Professional"


# Reading a relationship from the other side: (type seen from `other`) for each type.
INVERSE_LABEL: dict[str, str] = {
    RelationshipType.PARENT: "Child",
    RelationshipType.STEP_PARENT: "Step-child",
    RelationshipType.SIBLING: "Sibling",
    RelationshipType.HALF_SIBLING: "Half-sibling",
    RelationshipType.GRANDPARENT: "Grandchild",
    RelationshipType.AUNT_UNCLE: "Niece or nephew",
    RelationshipType.OTHER_RELATIVE: "Other relative",
    RelationshipType.CARER: "Cared-for child",
    RelationshipType.FAMILY_FRIEND: "Family friend",
    RelationshipType.PARTNER_OF_PARENT: "Child of partner",
    RelationshipType.PARTNER: "Partner",
    RelationshipType.PROFESSIONAL: "Professional involved with",
}
SYMMETRIC = {
    RelationshipType.SIBLING,
    RelationshipType.HALF_SIBLING,
    RelationshipType.PARTNER,
    RelationshipType.FAMILY_FRIEND,
    RelationshipType.OTHER_RELATIVE,
}


class WarningKind(models.TextChoices):
    RISK_TO_STAFF = "risk_to_staff", "Risk to staff"
    DO_NOT_DISCLOSE_ADDRESS = "do_not_disclose_address", "Do not disclose address"
    RISK_TO_CHILDREN = "risk_to_children", "Risk to children"
    VIOLENCE = "violence", "History of violence"
    DOG = "dog", "Dangerous animal at address"
    OTHER = "other", "Other"
