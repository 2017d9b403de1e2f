from rest_framework.permissions import BasePermission

from lantern.accounts.permissions import has_perm


class HasDeclaredPermission(BasePermission):
    """Every API view declares `required_permission`; a view without one refuses everyone."""

    def has_permission(self, request, view) -> bool:
        permission = getattr(view, "required_permission", None)
        if permission is None:
            return False
        return has_perm(request.user, "api.use") and has_perm(request.user, permission)
