"""Fetch-and-authorise helpers: a conversation or attachment the user may not see is a 404."""

from reconnect.accounts.models import Role, User
from reconnect.core.permissions import get_visible_or_404

from .models import Attachment, Conversation


def get_conversation_for_member(user: User, pk: int) -> Conversation:
    return get_visible_or_404(Conversation.objects.for_member(user), pk=pk)


def get_conversation_for_provider(user: User, pk: int) -> Conversation:
    """Only while the member is in the provider's care team and the provider takes part."""
    return get_visible_or_404(Conversation.objects.for_provider(user).select_related("member"), pk=pk)


def get_attachment_for(user: User, pk: int) -> Attachment:
    if user.role == Role.MEMBER:
        visible = Attachment.objects.filter(message__conversation__member=user)
    elif user.role == Role.PROVIDER:
        visible = Attachment.objects.filter(message__conversation__in=Conversation.objects.for_provider(user))
    else:
        visible = Attachment.objects.none()
    return get_visible_or_404(visible.select_related("message__conversation__member"), pk=pk)
