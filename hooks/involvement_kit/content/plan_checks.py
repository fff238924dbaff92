"""What the build refuses in a session plan, beyond the schema: the checks that keep a room safe.

- A step that shows scores on a wall, screen or chart (`shows`) may show only groups the plan
  asks at least DISCLOSURE_THRESHOLD people of, or the whole room's combined result; and only
  after someone named has gathered the privately written scores (`collated_by`, in that step
  or an earlier one). Otherwise the room could read one person's answer.
- A step that runs an activity takes the activity card's own time, so a facilitator who plans
  from the card does not overrun.
- A plan longer than BREAK_CHECK_FROM minutes has a break at least every BREAK_EVERY minutes.
- `materials` names printed templates the kit has.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..errors import Problem
from ..vocabulary import BREAK_CHECK_FROM, BREAK_EVERY, DISCLOSURE_THRESHOLD, SESSION_GROUPS, SESSION_TEMPLATES, clock
from .model import Activity, SessionPlan

LineOf = Callable[..., int | None]


def check_plans(records: Sequence[object], line_of: LineOf) -> list[Problem]:
    activities = {r.id: r for r in records if isinstance(r, Activity)}
    problems: list[Problem] = []
    for plan in (r for r in records if isinstance(r, SessionPlan)):
        def problem(field: str, message: str, *path: str | int, _plan: SessionPlan = plan) -> None:
            problems.append(Problem(_plan.file, message, record=_plan.id, field=field, line=line_of(_plan, *path)))

        _check_shows(plan, problem)
        _check_activity_times(plan, activities, problem)
        _check_breaks(plan, problem)
        for i, name in enumerate(plan.materials):
            if name not in SESSION_TEMPLATES:
                problem("materials", f"'{name}' is not a template of the kit; expected one of: "
                        f"{', '.join(SESSION_TEMPLATES)}", "materials", i)
    return problems


def _check_shows(plan: SessionPlan, problem: Callable[..., None]) -> None:
    collated = False
    for i, step in enumerate(plan.steps):
        collated = collated or bool(step.collated_by)
        where = f"steps[{i + 1}].shows"
        for j, group in enumerate(step.shows):
            if group not in SESSION_GROUPS:
                problem(where, f"'{group}' is not a group; expected one of: {', '.join(SESSION_GROUPS)}",
                        "steps", i, "shows", j)
                continue
            size = plan.at_least(group)
            if size < DISCLOSURE_THRESHOLD:
                problem(where, f"shows the scores of {SESSION_GROUPS[group]}, but the plan's attendance asks "
                        f"for only {size} of them; a group smaller than {DISCLOSURE_THRESHOLD} must not be "
                        "shown, marked or coloured in the room (combine it with others, or show 'everyone')",
                        "steps", i, "shows", j)
        if step.shows and not collated:
            problem(where, "shows scores before anyone has gathered them; people score privately first, "
                    "and a step (this one or an earlier one) names who collates them in 'collated_by'",
                    "steps", i, "shows")


def _check_activity_times(plan: SessionPlan, activities: dict[str, Activity],
                          problem: Callable[..., None]) -> None:
    for i, step in enumerate(plan.steps):
        for card in step.cards:
            activity = activities.get(card)
            if activity is not None and activity.minutes != step.minutes:
                problem(f"steps[{i + 1}].minutes", f"is {step.minutes}, but the activity '{activity.id}' takes "
                        f"{activity.minutes} minutes on its card; give the step the card's time",
                        "steps", i, "minutes")


def _check_breaks(plan: SessionPlan, problem: Callable[..., None]) -> None:
    if plan.minutes <= BREAK_CHECK_FROM:
        return
    stretch, end = plan.longest_stretch()
    if stretch > BREAK_EVERY:
        problem(f"steps[{end + 1}]", f"the plan runs {clock(stretch)} without a break by the end of this step; "
                f"a plan over {clock(BREAK_CHECK_FROM)} needs a break (a step with 'type: break') at least "
                f"every {BREAK_EVERY} minutes", "steps", end)
