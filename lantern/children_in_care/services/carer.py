"""Recording a carer: who children in care live with."""

from django.core.exceptions import ValidationError
from django.db import transaction

from lantern.children_in_care.codes import CarerKind, PlacementProvider
from lantern.children_in_care.models import Carer
from lantern.children_in_care.services.common import identifier_errors, require_care_perm
from lantern.common.audit import audit
from lantern.people.services.person import by_user
from lantern.people.validators import normalise_postcode


@transaction.atomic
def carer_add(
    *,
    by,
    name: str,
    kind: str,
    provider: str = "",
    ofsted_urn: str = "",
    postcode: str = "",
) -> Carer:
    """Record a carer. `provider` (a 903 PLACE_PROVIDER) is the default for placements with
    them; a parent's is PR0 unless given."""
    require_care_perm(by)
    name = " ".join((name or "").split())
    provider = (provider or "").strip().upper()
    errors: dict[str, str] = {}
    if not name:
        errors["name"] = "Enter the carer's name"
    elif len(name) > 200:
        errors["name"] = "The carer's name must be 200 characters or fewer"
    if kind not in CarerKind.values:
        errors["kind"] = "Select the kind of carer"
    elif kind == CarerKind.PARENT and not provider:
        provider = PlacementProvider.PR0
    if provider and provider not in PlacementProvider.values:
        errors["provider"] = "Select the placement provider"
    ofsted_urn = (ofsted_urn or "").strip().upper()
    postcode = normalise_postcode(postcode)
    errors.update(identifier_errors(postcode=postcode, ofsted_urn=ofsted_urn))
    if errors:
        raise ValidationError(errors)
    user = by_user(by)
    carer = Carer(
        name=name,
        kind=kind,
        provider=provider,
        ofsted_urn=ofsted_urn,
        postcode=postcode,
        created_by=user,
        updated_by=user,
    )
    carer.full_clean()
    carer.save()
    audit(by=by, action="care.carer_added", target=carer, detail={"kind": kind})
    return carer
