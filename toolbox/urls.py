from django.urls import path

from toolbox import views

app_name = "toolbox"

urlpatterns = [
    path("", views.index, name="index"),
    path("goals/", views.goals, name="goals"),
    path("goals/new/", views.goal_new, name="goal_new"),
    path("goals/<int:goal_id>/", views.goal_detail, name="goal"),
    path("goals/<int:goal_id>/edit/", views.goal_edit, name="goal_edit"),
    path("goals/<int:goal_id>/delete/", views.goal_delete, name="goal_delete"),
    path("goals/<int:goal_id>/reached/", views.goal_reached, name="goal_reached"),
    path("goals/<int:goal_id>/steps/", views.step_add, name="step_add"),
    path("goals/<int:goal_id>/activities/", views.activity_add, name="activity_add"),
    path("steps/<int:step_id>/toggle/", views.step_toggle, name="step_toggle"),
    path("steps/<int:step_id>/delete/", views.step_delete, name="step_delete"),
    path("activities/<int:activity_id>/toggle/", views.activity_toggle, name="activity_toggle"),
    path("activities/<int:activity_id>/delete/", views.activity_delete, name="activity_delete"),
    path("crisis-plan/", views.crisis_plan, name="crisis_plan"),
    path("crisis-plan/edit/", views.crisis_plan_edit, name="crisis_plan_edit"),
    path("crisis-plan/print/", views.crisis_plan_print, name="crisis_plan_print"),
    path("network/", views.network, name="network"),
    path("network/<int:person_id>/edit/", views.person_edit, name="person_edit"),
    path("network/<int:person_id>/delete/", views.person_delete, name="person_delete"),
    path("medications/", views.medications, name="medications"),
    path("medications/new/", views.medication_form, name="medication_new"),
    path("medications/<int:medication_id>/edit/", views.medication_form, name="medication_edit"),
    path("medications/<int:medication_id>/delete/", views.medication_delete, name="medication_delete"),
    path("exercises/", views.exercises, name="exercises"),
    path("exercises/<slug:slug>/", views.exercise_detail, name="exercise"),
    path("exercises/<slug:slug>/favourite/", views.exercise_favourite, name="exercise_favourite"),
    path("local/", views.local_links, name="local_links"),
    path("check-ins/", views.checkins, name="checkins"),
    path("sharing/", views.sharing, name="sharing"),
    path("sharing/goals/<int:goal_id>/", views.share_goal, name="share_goal"),
    path("sharing/<slug:item>/", views.share_item, name="share_item"),
]
