"""The errors of a submission form as one list at its top (the GOV.UK error-summary pattern):
each says which field it is about and links to that field's input."""

from django.utils.translation import gettext as _


def target_id(bound_field):
    """The id of the element a link to the field focuses: the input itself, or the first box
    of a group of checkboxes or radio buttons. (A rich-text field's textarea is replaced by its
    editor when scripts run; static/js/error-summary.js focuses the editor then.)"""
    if bound_field.widget_type in {"checkboxselectmultiple", "radioselect"}:
        return f"{bound_field.auto_id}_0"
    return bound_field.id_for_label


def _first_field_id(form):
    return next((target_id(bound) for bound in form if not bound.is_hidden), "")


def _field_errors(form, row=None):
    items = []
    for message in form.non_field_errors():
        items.append({"target": _first_field_id(form), "label": "", "message": message})
    for bound in form:
        label = str(bound.label).rstrip(".:")  # "I agree … licence." names a checkbox
        if row is not None:
            label = _("%(label)s, row %(number)s") % {"label": label, "number": row}
        for message in bound.errors:
            items.append({"target": target_id(bound), "label": label, "message": message})
    return items


def error_summary(form, formsets=()):
    """[{"target": id, "label": field label, "message": text}], in the order of the form (its
    fields, then each formset's rows). Empty when there are no errors."""
    if not form.is_bound:
        return []
    items = _field_errors(form)
    for formset in formsets:
        first = formset.forms[0] if formset.forms else None
        for message in formset.non_form_errors():
            items.append(
                {"target": _first_field_id(first) if first else "", "label": "", "message": message}
            )
        for number, row in enumerate(formset.forms, start=1):
            items += _field_errors(row, row=number)
    return items
