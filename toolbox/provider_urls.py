"""Mounted at /provider/ next to messaging's dashboard; the toolbox owns members/<id>/toolbox/ only."""

from django.urls import path

from toolbox import provider_views

app_name = "provider_toolbox"

urlpatterns = [
    path("members/<int:member_id>/toolbox/", provider_views.member_items, name="member"),
    path("members/<int:member_id>/toolbox/crisis-plan/", provider_views.crisis_plan, name="crisis_plan"),
    path("members/<int:member_id>/toolbox/goals/<int:goal_id>/", provider_views.goal, name="goal"),
    path("members/<int:member_id>/toolbox/network/", provider_views.network, name="network"),
    path("members/<int:member_id>/toolbox/medications/", provider_views.medications, name="medications"),
    path("members/<int:member_id>/toolbox/check-ins/", provider_views.checkins, name="checkins"),
]
