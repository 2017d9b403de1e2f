from django.core.exceptions import ValidationError
from django.db import transaction

from lantern.common.audit import audit
from lantern.front_door.models import Threshold
from lantern.front_door.services.common import check_text, require_perm
from lantern.people.services.person import by_user


@transaction.atomic
def threshold_update(
    *, by, threshold: Threshold, name: str, descriptor: str, response: str = ""
) -> Threshold:
    """An administrator changes a level's name and descriptors to the local document's."""
    require_perm(by, "threshold.manage")
    threshold = Threshold.objects.select_for_update().get(pk=threshold.pk)
    errors = {}
    if not name.strip():
        errors["name"] = "Enter the level's name"
    if not descriptor.strip():
        errors["descriptor"] = "Enter the descriptor for this level"
    if errors:
        raise ValidationError(errors)
    check_text(descriptor=descriptor, response=response)
    before = {"name": threshold.name, "descriptor": threshold.descriptor}
    threshold.name, threshold.descriptor = name.strip(), descriptor.strip()
    threshold.response = response.strip()
    threshold.updated_by = by_user(by)
    threshold.full_clean()
    threshold.save()
    audit(by=by, action="threshold.updated", target=threshold, detail={"before": before})
    return threshold
